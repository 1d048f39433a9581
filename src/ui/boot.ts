import { App } from './app';
import { GameController, workerPort } from './controller';
import type { MapHost } from './map-host';
import type { LoadedScenario } from './scenarios';

/**
 * The game behind the first screen, loaded while the map draws: the controller, whose game, computer
 * seats and saves run in the game's worker, and the app that draws it. A game this browser was
 * playing and did not finish carries on where it was.
 */
export async function startApp(map: MapHost, scenario: LoadedScenario | null, params: URLSearchParams): Promise<App> {
  const controller = new GameController(workerPort());
  const app = new App(controller, map, scenario);
  // The page's objects for debugging by hand, under the dev server only (`vite`, mode "development"):
  // never in a built game, whatever NODE_ENV the build ran under.
  if (import.meta.env.DEV && import.meta.env.MODE === 'development' && params.has('debug')) Object.assign(window, { __landingRightsDebug: { controller, app, map } });
  app.render();
  // The facilitator's console and the projector screen of an online game (docs/facilitator.md).
  const facilitate = params.get('facilitate');
  if (facilitate) {
    await (await import('./facilitator')).openConsole(facilitate);
    return app;
  }
  const vote = params.get('vote');
  if (vote) {
    await (await import('./vote')).openVoter(vote);
    return app;
  }
  const project = params.get('project');
  if (project) {
    await (await import('./projector')).openProjector(project, map);
    return app;
  }
  if (params.has('join')) {
    app.openLinkedGame();
    return app;
  }
  if (!scenario || params.has('menu')) return app;
  const resumed = await controller.resume();
  if (resumed && !resumed.ok) app.setMenuProblem(`Your last game could not be opened: ${resumed.message}`);
  addEventListener('pagehide', () => controller.saveSoon());
  return app;
}
