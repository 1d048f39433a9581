import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './styles.css';
import { byId, h, render } from './dom';
import { MapHost } from './map-host';
import { menuScreen } from './menu';
import { applyProjector, loadProjector } from './prefs';
import { loadScenario, scenarioIds, type LoadedScenario } from './scenarios';

export type { LandingRightsTestHook } from './map-host';

const DEFAULT_SCENARIO = 'coral-sea';

/** Show what went wrong as plain text in place of the map: the person reading it edits a file, not code. */
function showProblem(heading: string, lines: string[]): void {
  const box = byId('problem');
  render(box, h('h2', null, heading), h('ul', null, lines.map((l) => h('li', null, l))));
  box.hidden = false;
  byId('map').hidden = true;
  render(byId('screen'));
}

/**
 * Start the page: the map of the scenario named in the address (?scenario=, Coral Sea by default)
 * and the menu, while the rest of the game (engine, panels, computer seats) loads beside them.
 */
async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const id = params.get('scenario') ?? DEFAULT_SCENARIO;
  const game = import('./boot');
  const map = new MapHost(byId('map'), params.get('renderer') === 'canvas');

  // The menu at once; its buttons work as soon as the game behind it has loaded.
  type Started = Awaited<ReturnType<Awaited<typeof game>['startApp']>>;
  let ready: (app: Started) => void = () => undefined;
  const started = new Promise<Started>((resolve) => (ready = resolve));
  const wait = (then: (app: Started) => void) => () => void started.then(then);
  let projector = loadProjector();
  document.documentElement.classList.toggle('projector', projector);
  const drawMenu = () =>
    render(
      byId('screen'),
      menuScreen({
        canContinue: false,
        continueLabel: '',
        problem: null,
        onContinue: () => undefined,
        onNew: wait((app) => app.newGame()),
        onLoad: wait((app) => app.loadGame()),
        onTutorial: wait((app) => void app.tutorial()),
        onDebriefFile: (file) => void started.then((app) => app.debriefFile(file)),
        onOnline: wait((app) => app.goOnline()),
        projector,
        onProjector: (on) => {
          projector = on;
          applyProjector(on);
          drawMenu();
        },
      }),
    );

  let scenario: LoadedScenario | null = null;
  const pending = loadScenario(id);
  if (!pending) {
    const known = scenarioIds();
    showProblem(`There is no scenario named "${id}".`, [known.length > 0 ? `Scenarios in this build: ${known.join(', ')}.` : 'This build has no scenarios: add a file to scenarios/.']);
  } else {
    drawMenu();
    const load = await pending;
    if (load.ok) {
      scenario = load.loaded;
      // The header names a scenario once one is chosen: here, only when the address names it.
      if (params.has('scenario')) byId('scenario-title').textContent = scenario.scenario.title;
      map.showScenario(scenario.id, scenario.scenario);
    } else showProblem(`The scenario file ${load.file} has ${load.errors.length === 1 ? 'a problem' : `${load.errors.length} problems`}.`, load.lines);
  }
  const { startApp } = await game;
  ready(await startApp(map, scenario, params));
}

main().catch((e: unknown) => {
  showProblem('The game could not start.', [e instanceof Error ? e.message : String(e)]);
});
