import { turningPoints, type GameView, type RoleId } from '../engine';
import type { Seating } from '../host/storage';
import { objectiveLabel, weightsOf } from './dashboard';
import { h } from './dom';
import { dateLabel, phaseLabel, roleName } from './names';
import type { LoadedScenario } from './scenarios';
import { swatch } from './widgets';
import { movesOf, whyList } from './explain';
import type { Level } from '../ai';

/** What each role wants, in its own terms (game-design.md, "Roles and what each wants"). */
const ROLE_AIMS: Record<string, string> = {
  beijing: 'Security and policing agreements, port access, recognition switched from Taipei, networks on its vendors’ kit.',
  canberra: 'Stay the security partner of choice: trusted vendors on cables, no rival bases, a stable region.',
  washington: 'Trusted (“clean network”) vendors, allies kept close, rivals’ access limited.',
  island: 'Development, sovereignty, survival, resilient links: friends to all.',
};

export interface SetupState {
  scenario: string;
  mode: 'solo' | 'hotseat';
  role: RoleId;
  humans: RoleId[];
  seed: string;
  /** How well the computer plays every seat no person plays. */
  level: Level;
  error: string | null;
}

/** The computer levels as the setup screen offers them. */
const LEVEL_CHOICES: { level: Level; name: string; desc: string }[] = [
  { level: 'easy', name: 'Easy', desc: 'Takes good deals when it sees them, bargains little.' },
  { level: 'normal', name: 'Normal', desc: 'Weighs every offer by its own score, counters and competes for islands.' },
  { level: 'hard', name: 'Hard', desc: 'Also plays each choice ahead through the rules before it commits. Thinks longer.' },
];

export interface SetupActions {
  /** A game is in progress: starting another replaces it (it stays only if saved). */
  replacing: boolean;
  scenarios: LoadedScenario[];
  broken: string[];
  state: SetupState;
  change(next: Partial<SetupState>): void;
  start(): void;
  back(): void;
  /** Scenario files opened in this browser (src/ui/authoring/): open one, remove one, its authoring report. */
  authoring?: { onOpen(file: File): void; onRemove(key: string): void; onReport(key: string): void; notice: string | null };
}

/** An opened scenario's key ("file:<id>") as an element id. */
const safeId = (key: string): string => key.replace(/[^A-Za-z0-9_-]/g, '-');

/** Under an opened scenario: the file it came from, its authoring report, and removing it from this browser. */
function openedControls(s: LoadedScenario, a: NonNullable<SetupActions['authoring']>): HTMLElement | null {
  if (!s.opened) return null;
  const id = safeId(s.id);
  return h(
    'div',
    { class: 'setup-opened' },
    h('span', { class: 'muted' }, `Opened from ${s.opened.fileName}`),
    h('button', { type: 'button', class: 'btn small', id: `setup-report-${id}`, 'aria-label': `Authoring report for ${s.scenario.title}`, onclick: () => a.onReport(s.id) }, 'Authoring report'),
    h('button', { type: 'button', class: 'btn small quiet', id: `setup-remove-${id}`, 'aria-label': `Remove ${s.scenario.title} from this browser`, onclick: () => a.onRemove(s.id) }, 'Remove'),
  );
}

/** "Open a scenario file…": a YAML file from this computer, checked in the browser. */
function openFileButton(a: NonNullable<SetupActions['authoring']>): HTMLElement {
  return h(
    'div',
    { class: 'setup-open-file' },
    h(
      'label',
      { class: 'btn file-pick' },
      'Open a scenario file…',
      h('input', {
        type: 'file',
        id: 'setup-open-file',
        accept: '.yaml,.yml,text/yaml,application/yaml,text/plain',
        'aria-label': 'Open a scenario file',
        'aria-describedby': 'setup-open-hint',
        onchange: (e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) a.onOpen(file);
        },
      }),
    ),
    h('p', { class: 'hint', id: 'setup-open-hint' }, 'A scenario you wrote (see docs/scenario-format.md): it is checked here, kept in this browser and listed above until you remove it.'),
    a.notice ? h('p', { class: 'status-line', role: 'status', id: 'setup-open-notice' }, a.notice) : null,
  );
}

function rolesOf(s: LoadedScenario): { id: RoleId; name: string; aim: string; island: boolean }[] {
  return [
    ...s.scenario.powers.map((p) => ({ id: p.id, name: p.name, aim: ROLE_AIMS[p.id] ?? '', island: false })),
    ...s.scenario.islands.map((i) => ({ id: i.id, name: i.name, aim: `Island government: ${ROLE_AIMS.island?.charAt(0).toLowerCase()}${ROLE_AIMS.island?.slice(1)}`, island: true })),
  ];
}

export function setupScreen(a: SetupActions): HTMLElement {
  const st = a.state;
  const chosen = a.scenarios.find((s) => s.id === st.scenario) ?? a.scenarios[0];
  const roles = chosen ? rolesOf(chosen) : [];
  // A role the chosen scenario does not have falls back to its first power.
  const soloRole = roles.some((r) => r.id === st.role) ? st.role : (roles[0]?.id ?? '');
  const fakeView = chosen ? { islands: Object.fromEntries(chosen.scenario.islands.map((i) => [i.id, i])) } : { islands: {} };
  const roleChoice = (r: (typeof roles)[number]) => {
    const id = `setup-role-${r.id}`;
    const solo = st.mode === 'solo';
    return h(
      'label',
      { class: 'choice' },
      h('input', {
        type: solo ? 'radio' : 'checkbox',
        name: solo ? 'setup-role' : null,
        id,
        value: r.id,
        checked: solo ? soloRole === r.id : st.humans.includes(r.id),
        'aria-labelledby': `${id}-name`,
        'aria-describedby': `${id}-aim`,
        onchange: (e: Event) => {
          if (solo) a.change({ role: r.id, error: null });
          else {
            const on = (e.target as HTMLInputElement).checked;
            a.change({ humans: roles.map((x) => x.id).filter((x) => (x === r.id ? on : st.humans.includes(x))), error: null });
          }
        },
      }),
      h('span', null, h('span', { class: 'title', id: `${id}-name` }, swatch(fakeView as Pick<GameView, 'islands'>, r.id), ` ${r.name}`), h('span', { class: 'desc', id: `${id}-aim` }, r.aim)),
    );
  };
  return h(
    'section',
    { class: 'sheet wide', 'aria-labelledby': 'setup-title' },
    h('h2', { id: 'setup-title', tabindex: -1 }, 'New game'),
    h('p', { class: 'lede' }, 'Choose a scenario, who plays, and a seed. The same scenario, seed and moves always give the same game.'),
    a.broken.length ? h('p', { class: 'alert', role: 'alert' }, `Some scenario files have errors and are left out: ${a.broken.join('; ')}`) : null,
    h(
      'form',
      {
        novalidate: true,
        onsubmit: (e: Event) => {
          e.preventDefault();
          a.start();
        },
      },
      h(
        'div',
        { class: 'setup-grid' },
        h(
          'div',
          null,
          h(
            'fieldset',
            { class: 'field' },
            h('legend', null, 'Scenario'),
            a.scenarios.map((s) => [
              h(
                'label',
                { class: 'choice compact' },
                h('input', { type: 'radio', name: 'setup-scenario', id: `setup-scenario-${s.id}`, value: s.id, checked: s.id === chosen?.id, 'aria-labelledby': `setup-scenario-${s.id}-name`, 'aria-describedby': `setup-scenario-${s.id}-when`, onchange: () => a.change({ scenario: s.id, error: null }) }),
                h(
                  'span',
                  null,
                  h('span', { class: 'title', id: `setup-scenario-${s.id}-name` }, s.scenario.title),
                  h('span', { class: 'desc', id: `setup-scenario-${s.id}-when` }, `${dateLabel(s.scenario.start)} · ${s.scenario.rounds} rounds of ${s.scenario.monthsPerRound} month${s.scenario.monthsPerRound === 1 ? '' : 's'} · ${s.scenario.islands.length + s.scenario.powers.length} roles`),
                ),
              ),
              a.authoring ? openedControls(s, a.authoring) : null,
            ]),
            a.authoring ? openFileButton(a.authoring) : null,
            chosen ? h('p', { class: 'scenario-summary', 'aria-live': 'polite' }, chosen.scenario.summary) : null,
          ),
          h(
            'fieldset',
            { class: 'field' },
            h('legend', null, 'Players'),
            h(
              'label',
              { class: 'choice' },
              h('input', { type: 'radio', name: 'setup-mode', id: 'setup-mode-solo', value: 'solo', checked: st.mode === 'solo', 'aria-labelledby': 'setup-mode-solo-name', onchange: () => a.change({ mode: 'solo', error: null }) }),
              h('span', null, h('span', { class: 'title', id: 'setup-mode-solo-name' }, 'Solo'), h('span', { class: 'desc' }, 'You play one role; the computer plays every other seat.')),
            ),
            h(
              'label',
              { class: 'choice' },
              h('input', { type: 'radio', name: 'setup-mode', id: 'setup-mode-hotseat', value: 'hotseat', checked: st.mode === 'hotseat', 'aria-labelledby': 'setup-mode-hotseat-name', onchange: () => a.change({ mode: 'hotseat', error: null }) }),
              h('span', null, h('span', { class: 'title', id: 'setup-mode-hotseat-name' }, 'Hot-seat'), h('span', { class: 'desc' }, 'Several people share this device, passing it between turns. A privacy screen hides each role’s secrets from the next player.')),
            ),
          ),
          h(
            'fieldset',
            { class: 'field' },
            h('legend', null, 'Computer players'),
            LEVEL_CHOICES.map((c) =>
              h(
                'label',
                { class: 'choice' },
                h('input', { type: 'radio', name: 'setup-level', id: `setup-level-${c.level}`, value: c.level, checked: st.level === c.level, 'aria-labelledby': `setup-level-${c.level}-name`, onchange: () => a.change({ level: c.level, error: null }) }),
                h('span', null, h('span', { class: 'title', id: `setup-level-${c.level}-name` }, c.name), h('span', { class: 'desc' }, c.desc)),
              ),
            ),
          ),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'setup-seed' }, 'Seed'),
            h('p', { class: 'hint', id: 'setup-seed-hint' }, 'Any word or number. Share it to play the same events again.'),
            h('input', { type: 'text', id: 'setup-seed', value: st.seed, maxlength: 40, 'aria-describedby': 'setup-seed-hint', autocomplete: 'off', oninput: (e: Event) => a.change({ seed: (e.target as HTMLInputElement).value }) }),
          ),
        ),
        h(
          'fieldset',
          { class: 'field', 'aria-describedby': 'setup-roles-hint' },
          h('legend', null, st.mode === 'solo' ? 'Your role' : 'Who plays at this screen?'),
          h('p', { class: 'hint', id: 'setup-roles-hint' }, st.mode === 'solo' ? 'The other seats are played by the computer.' : 'Tick every role a person plays; the computer plays the rest.'),
          roles.map(roleChoice),
        ),
      ),
      st.error ? h('p', { class: 'alert', role: 'alert' }, st.error) : null,
      a.replacing ? h('p', { class: 'hint' }, 'Starting a new game ends the one in progress; use “Save game” first to keep it.') : null,
      h(
        'div',
        { class: 'setup-actions sticky' },
        h('button', { type: 'button', class: 'btn', id: 'setup-back', onclick: a.back }, 'Back'),
        h('button', { type: 'submit', class: 'btn primary', id: 'setup-start' }, 'Start'),
      ),
    ),
  );
}

/** Hot-seat privacy screen: nothing of any role's game is on the page while it shows. */
export function handoffScreen(v: GameView, seat: RoleId, take: () => void): HTMLElement {
  const name = roleName(v, seat);
  return h(
    'section',
    { class: 'handoff-card', 'aria-labelledby': 'handoff-title' },
    h('p', null, `${v.scenario.title} · Round ${v.round} of ${v.scenario.rounds} · ${phaseLabel(v.phase)}`),
    h('h2', { id: 'handoff-title' }, `Pass to ${name}`),
    h('p', null, `Hand the device to the player for ${name}. Their screen stays hidden until they are ready.`),
    h('button', { type: 'button', class: 'btn primary', id: 'handoff-take', onclick: take }, `I am ${name}: show my screen`),
  );
}

export interface EndActions {
  onNew(): void;
  onExport(): void;
  /** Hot-seat: the file is the game's full record, every seat's secrets in it. */
  exportLabel?: string;
  exportHint?: string;
  onMenu(): void;
  onMap(): void;
  onDebrief(): void;
  seating: Seating;
  /** The earliest view this page had of the game, to explain each final part from (issue 11). */
  firstView?: GameView | null;
}

/** "Computer", with its level when the seats were played by a bot level. */
function computerLabel(seating: Seating): string {
  const c = LEVEL_CHOICES.find((x) => x.level === seating.policy);
  return c ? `Computer · ${c.name}` : 'Computer';
}

/** Final scores, each role's breakdown, and the rounds that moved them most. */
export function endScreen(v: GameView, a: EndActions): HTMLElement {
  const par = v.scenario.par;
  const rows = [...v.seats].sort((x, y) => (v.scores[y]?.total ?? 0) - (v.scores[x]?.total ?? 0) || x.localeCompare(y));
  const winners = rows.filter((r) => (v.scores[r]?.total ?? 0) >= par);
  return h(
    'section',
    { class: 'sheet wide', 'aria-labelledby': 'end-title' },
    h('h2', { id: 'end-title', tabindex: -1 }, 'Final scores'),
    h(
      'p',
      { class: 'lede' },
      `${v.scenario.title}, ${v.scenario.rounds} rounds. A role wins by reaching ${par}. `,
      winners.length ? `${winners.map((r) => roleName(v, r)).join(', ')} reached it.` : 'Nobody reached it.',
    ),
    h(
      'table',
      { class: 'scores' },
      h('caption', { class: 'sr-only' }, 'Each role’s final score, what it is made of, and the rounds that moved it most'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'What the score is made of'), h('th', { scope: 'col', style: 'text-align:right' }, 'Score'))),
      h(
        'tbody',
        null,
        rows.map((role) => {
          const score = v.scores[role];
          const weights = weightsOf(v, role);
          const turns = turningPoints(v, role);
          return h(
            'tr',
            { dataset: { role } },
            h(
              'th',
              { scope: 'row' },
              h('span', { class: 'seat-chip' }, swatch(v, role), roleName(v, role)),
              h('div', { class: 'muted' }, a.seating.humans.includes(role) ? 'Player' : computerLabel(a.seating)),
              (score?.total ?? 0) >= par ? h('span', { class: 'won' }, `Reached ${par}`) : null,
            ),
            h(
              'td',
              null,
              h(
                'ul',
                { class: 'parts' },
                Object.entries(score?.parts ?? {})
                  .filter(([k]) => weights[k] !== undefined)
                  .map(([k, x]) => h('li', null, `${objectiveLabel(k)} `, h('span', { class: 'num' }, String(x)), h('span', { class: 'muted' }, ` (${weights[k]}%)`))),
              ),
              a.firstView
                ? h(
                    'details',
                    { class: 'why-moved' },
                    h('summary', null, a.firstView.round === 1 ? 'Why each part moved over the game' : `Why each part moved since round ${a.firstView.round}`),
                    whyList(v, movesOf(a.firstView, v, role), 'game', objectiveLabel, (k) => weights[k] !== undefined, undefined, { from: a.firstView.round, to: v.round }),
                  )
                : null,
              h(
                'p',
                { class: 'turns' },
                turns.length ? `Turning points: ${turns.map((t) => `round ${t.round} ${t.delta > 0 ? '▲' : '▼'} ${Math.abs(t.delta)}`).join(', ')}.` : 'No round moved this score.',
              ),
            ),
            h('td', { class: 'total' }, String(score?.total ?? 0)),
          );
        }),
      ),
    ),
    h(
      'div',
      { class: 'setup-actions sticky' },
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'btn', id: 'end-menu', onclick: a.onMenu }, 'Main menu'), h('button', { type: 'button', class: 'btn', id: 'end-map', onclick: a.onMap }, 'Look at the map')),
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'btn', id: 'end-export', onclick: a.onExport, title: a.exportHint ?? null }, a.exportLabel ?? 'Export game record'), h('button', { type: 'button', class: 'btn primary', id: 'end-debrief', onclick: a.onDebrief }, 'Debrief'), h('button', { type: 'button', class: 'btn', id: 'end-new', onclick: a.onNew }, 'New game')),
    ),
  );
}
