import { PHASES, type Action, type GameView, type Refusal, type RoleId } from '../engine';
import type { GameController } from './controller';
import type { Composer } from './composer';
import { renderDashboard } from './dashboard';
import { announce, byId, clearAnnouncements, h, render } from './dom';
import { cableDetail, mapSummary, renderFeed, renderIslands, type FeedState } from './islands';
import type { MapHost } from './map-host';
import { agreementName, dateLabel, namesForIds, offerName, PHASE_HELP, phaseLabel, roleName } from './names';
import { describeDeal, describeOrder } from './describe';
import type { OnlineTeam } from './game-protocol';
import { InlineForms, renderOffers, type ComposeMode } from './offers';
import { exportGame, FULL_RECORD_HINT, FULL_RECORD_LABEL, isFullRecord, SavesDialog } from './saves-dialog';
import { loadAllScenarios, loadScenario, type LoadedScenario } from './scenarios';
import { menuScreen } from './menu';
import { parseRecordText } from '../host/open';
import { applyProjector, loadProjector } from './prefs';
import { endScreen, handoffScreen, setupScreen, type SetupState } from './screens';
import { TUTORIAL_ROLE, TUTORIAL_SCENARIO, TutorialCoach } from './tutorial';
import { swatch } from './widgets';

type Tab = 'dashboard' | 'offers' | 'compose' | 'islands';
const TABS: Tab[] = ['dashboard', 'offers', 'compose', 'islands'];


/** A seed people can read out loud. */
const freshSeed = (): string => String(1000 + Math.floor(Math.random() * 9000));

/**
 * The page: it draws the controller's state into the top bar, the panels, the news feed, the
 * screens over the map and the map itself, every time the controller says something changed.
 * It holds only interface state (which tab, which island, drafts); the game is the controller's.
 */
export class App {
  private composer: Composer | null = null;
  private composerLoading: Promise<void> | null = null;
  private readonly forms = new InlineForms();
  private readonly dialog: SavesDialog;
  private tab: Tab = 'dashboard';
  private island: string | null = null;
  private cable: string | null = null;
  private drawer = false;
  /** Narrow screens: the top bar's less used buttons, folded away. */
  private more = false;
  private seatSeen: RoleId | null | undefined = undefined;
  private logSeen = 0;
  private setup: SetupState | null = null;
  private scenarios: { loaded: LoadedScenario[]; broken: string[] } | null = null;
  /** Scenario files opened in this browser (src/ui/authoring/), listed after the shipped ones. */
  private opened: LoadedScenario[] = [];
  private authoring: Promise<typeof import('./authoring')> | null = null;
  private authoringDialog: import('./authoring').Authoring | null = null;
  private openNotice: string | null = null;
  private menuProblem: string | null = null;
  private endHidden = false;
  private focusKey = '';
  private focusPending: string | null = null;
  private keyOpen = false;
  private keyFor: string | null = null;
  private projector = false;
  private confirmTutorial = false;
  private deadlineTicker: number | null = null;
  private readonly feedState: FeedState = { filter: 'all', large: false, open: new Set() };
  /** The tutorial's coach card, while a tutorial game is in play. */
  readonly coach = new TutorialCoach(() => this.render());

  constructor(
    private readonly c: GameController,
    private readonly map: MapHost,
    private readonly defaultScenario: LoadedScenario | null,
  ) {
    this.dialog = new SavesDialog(byId<HTMLDialogElement>('saves-dialog'), c);
    this.projector = loadProjector();
    document.documentElement.classList.toggle('projector', this.projector);
    c.onRedraw(() => this.render());
    map.onIslandClick((id) => this.showIsland(id));
    map.onCableClick((id) => this.showCable(id));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && (this.drawer || this.more)) {
        this.drawer = false;
        this.more = false;
        this.render();
      }
    });
  }

  /** A link with ?join=CODE opens the online screen at once. */
  openLinkedGame(): void {
    if (new URLSearchParams(window.location.search).has('join')) this.goOnline();
  }

  /** The menu's "Play online": the online client loads now, so solo and hot-seat never fetch it. */
  goOnline(): void {
    void import('./online/index').then((m) => m.openOnline(undefined, this.c));
  }

  /** The menu's "New game". */
  newGame(): void {
    void this.openSetup();
  }

  /** The menu's "Load game". */
  loadGame(): void {
    void this.dialog.open();
  }

  /** The menu's "Tutorial": a solo game of the tutorial scenario as Vaitupa, with a coach. A game in progress is not ended without asking. */
  async tutorial(confirmed = false): Promise<void> {
    if (!confirmed && this.c.game && !this.c.game.over) {
      this.confirmTutorial = true;
      this.render();
      requestAnimationFrame(() => document.getElementById('tutorial-keep')?.focus());
      return;
    }
    this.confirmTutorial = false;
    const load = await loadScenario(TUTORIAL_SCENARIO);
    if (!load?.ok) {
      this.setMenuProblem(`The tutorial could not be loaded${load ? `: ${load.lines[0] ?? ''}` : '.'}`);
      return;
    }
    this.endHidden = false;
    await this.c.start(load.loaded, { mode: 'solo', humans: [TUTORIAL_ROLE], policy: 'easy' }, freshSeed());
    if (this.c.game) this.coach.start(this.c.game.id);
    this.render();
  }

  /** The menu's "Debrief a game file": a finished game's record, replayed into its debrief. */
  async debriefFile(file: File): Promise<void> {
    const parsed = parseRecordText(await file.text());
    if (!parsed.ok) return this.setMenuProblem(parsed.message);
    const id = (parsed.data as { scenario?: { id?: unknown } } | null)?.scenario?.id;
    // A game of a scenario this build does not ship (a teacher's own file) debriefs from the copy its record carries.
    const carried = await carriedScenario(parsed.data);
    if (carried && carried.id === id) return this.openDebrief(parsed.data, carried, true);
    const load = typeof id === 'string' ? await loadScenario(id) : null;
    if (!load) return this.setMenuProblem(typeof id === 'string' ? `This record is a game of scenario "${id}", which this version of the game does not include.` : 'This file is not a Landing Rights game record (it names no scenario).');
    if (!load.ok) return this.setMenuProblem(`The scenario "${String(id)}" bundled with this game has errors: ${load.lines[0] ?? ''}`);
    await this.openDebrief(parsed.data, load.loaded, true);
  }

  /** The debrief over the page; a game in progress opens only from its own end (it shows every secret). */
  private async openDebrief(data: unknown, scenario: LoadedScenario, finishedOnly: boolean): Promise<void> {
    const { openDebrief } = await import('./debrief');
    const before = document.activeElement as HTMLElement | null;
    const r = openDebrief(data, scenario, () => before?.focus(), { finishedOnly });
    if (!r.ok) this.setMenuProblem(r.message);
    else this.setMenuProblem(null);
  }

  setMenuProblem(text: string | null): void {
    this.menuProblem = text;
    this.render();
  }

  // ------------------------------------------------------------ actions

  /** Forms show a refusal beside their fields; buttons with no form show it at the top of the panel. */
  private submit = async (action: Action): Promise<Refusal | null> => {
    const r = await this.c.submit(action);
    this.render();
    return r;
  };

  private submitButton = async (action: Action): Promise<Refusal | null> => {
    const r = await this.c.submit(action);
    if (r) {
      this.c.notice = { kind: 'error', text: r.message };
      announce(r.message);
    }
    this.render();
    return r;
  };

  /** An online seat's private question to the facilitator: an engine action, so it is in the record. */
  private askFacilitator(role: RoleId): void {
    document.getElementById('ask-dialog')?.remove();
    const text = h('textarea', { id: 'ask-text', rows: 3, maxlength: 500, 'aria-label': 'Your question to the facilitator' });
    const dialog = h(
      'dialog',
      { id: 'ask-dialog', class: 'ask-dialog', 'aria-label': 'Ask the facilitator' },
      h(
        'form',
        {
          method: 'dialog',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const question = text.value.trim();
            dialog.close();
            dialog.remove();
            if (question) void this.c.submit({ type: 'message', role, to: 'facilitator', text: question }).then(() => this.render());
          },
        },
        h('h2', null, 'Ask the facilitator'),
        h('p', null, 'Only your seat and the facilitator see the question.'),
        text,
        h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn', onclick: () => (dialog.close(), dialog.remove()) }, 'Cancel'), h('button', { type: 'submit', class: 'btn primary', id: 'ask-send' }, 'Send')),
      ),
    );
    document.body.append(dialog);
    dialog.showModal();
    text.focus();
  }

  private endPhase = async (): Promise<void> => {
    const r = await this.c.endPhase();
    if (r) {
      this.c.notice = { kind: 'error', text: r.message };
      announce(r.message);
    } else announce('Phase ended.');
    this.render();
  };

  private compose(mode: ComposeMode): void {
    this.tab = 'compose';
    void this.loadComposer().then(() => {
      this.composer?.setMode(mode);
      this.render();
      requestAnimationFrame(() => document.getElementById('tab-compose')?.focus());
    });
  }

  private loadComposer(): Promise<void> {
    this.composerLoading ??= import('./composer').then(({ Composer }) => {
      this.composer = new Composer();
      this.render();
    });
    return this.composerLoading;
  }

  private showIsland(id: string): void {
    if (this.c.screen !== 'match') return;
    // Writing an offer: the click chooses the island in it, and the offer stays on screen.
    if (this.tab === 'compose' && this.composer) {
      const picked = this.composer.pickIsland(id);
      this.island = id;
      this.drawer = true;
      this.c.notice = { kind: 'info', text: picked ? `${picked}. The island's detail is in the Islands tab.` : 'Your offer is kept: the island’s detail is in the Islands tab.' };
      this.render();
      return;
    }
    this.island = id;
    this.cable = null;
    this.tab = 'islands';
    this.drawer = true;
    this.render();
    requestAnimationFrame(() => document.getElementById(`island-${id}`)?.focus());
  }

  private showCable(id: string): void {
    if (this.c.screen !== 'match') return;
    this.cable = id;
    if (this.tab !== 'compose') this.tab = 'islands';
    else this.c.notice = { kind: 'info', text: 'Your offer is kept: the cable’s detail is in the Islands tab.' };
    this.drawer = true;
    this.render();
    if (this.tab === 'islands') requestAnimationFrame(() => document.getElementById('cable-title')?.focus());
  }

  private setProjector(on: boolean): void {
    this.projector = on;
    applyProjector(on);
    this.render();
  }

  private async openSetup(): Promise<void> {
    if (!this.scenarios) {
      const [all, opened] = await Promise.all([loadAllScenarios(), this.loadAuthoring().then((m) => m.openedScenarios())]);
      this.opened = opened;
      this.scenarios = { loaded: [...all.loaded, ...opened], broken: all.broken.map((b) => b.lines[0] ?? b.file) };
    }
    this.openNotice = null;
    const first = this.scenarios.loaded.find((s) => s.id === this.defaultScenario?.id) ?? this.scenarios.loaded[0];
    this.setup ??= { scenario: first?.id ?? '', mode: 'solo', role: 'canberra', humans: [], seed: freshSeed(), level: 'normal', error: null };
    this.c.flow.send({ type: 'SETUP' });
  }

  // ------------------------------------------------------------ scenario files opened in this browser

  private loadAuthoring(): Promise<typeof import('./authoring')> {
    this.authoring ??= import('./authoring');
    return this.authoring;
  }

  private async authoringUi(): Promise<import('./authoring').Authoring> {
    const m = await this.loadAuthoring();
    if (!this.authoringDialog) {
      this.authoringDialog = new m.Authoring();
      this.authoringDialog.opened = (s) => this.addOpened(s);
    }
    return this.authoringDialog;
  }

  private async openScenarioFile(file: File): Promise<void> {
    const loaded = await (await this.authoringUi()).open(file);
    if (loaded) this.addOpened(loaded);
    else this.render();
  }

  /** A valid file: listed (replacing an earlier file of the same scenario id) and chosen, ready to start. */
  private addOpened(s: LoadedScenario): void {
    if (!this.scenarios || !this.setup) return;
    this.opened = [...this.opened.filter((x) => x.id !== s.id), s].sort((a, b) => a.scenario.title.localeCompare(b.scenario.title));
    this.scenarios.loaded = [...this.scenarios.loaded.filter((x) => !x.opened), ...this.opened];
    this.setup.scenario = s.id;
    this.openNotice = `Opened ${s.opened?.fileName ?? s.file}: ${s.scenario.title}. Choose who plays and press Start, or see its authoring report.`;
    this.render();
    requestAnimationFrame(() => document.getElementById(`setup-scenario-${s.id}`)?.focus());
  }

  private async removeOpened(key: string): Promise<void> {
    const s = this.opened.find((x) => x.id === key);
    if (!s || !this.scenarios || !this.setup) return;
    await (await this.loadAuthoring()).removeOpened(key);
    this.opened = this.opened.filter((x) => x.id !== key);
    this.scenarios.loaded = this.scenarios.loaded.filter((x) => x.id !== key);
    if (this.setup.scenario === key) this.setup.scenario = this.scenarios.loaded[0]?.id ?? '';
    this.openNotice = `Removed ${s.scenario.title} from this browser. Games saved from it still open: they carry the scenario.`;
    this.render();
  }

  private async reportFor(key: string): Promise<void> {
    const s = this.scenarios?.loaded.find((x) => x.id === key);
    if (s) await (await this.authoringUi()).report(s);
  }

  private startGame(): void {
    const st = this.setup;
    const chosen = this.scenarios?.loaded.find((s) => s.id === st?.scenario);
    if (!st || !chosen) return;
    const seats = [...chosen.scenario.islands.map((i) => i.id), ...chosen.scenario.powers.map((p) => p.id)];
    const role = seats.includes(st.role) ? st.role : (chosen.scenario.powers[0]?.id ?? seats[0] ?? '');
    const humans = st.mode === 'solo' ? [role] : seats.filter((s) => st.humans.includes(s));
    if (st.mode === 'hotseat' && humans.length < 2) {
      st.error = 'Hot-seat needs at least two players: tick two roles or more, or choose Solo.';
      this.render();
      return;
    }
    if (!st.seed.trim()) st.seed = freshSeed();
    this.endHidden = false;
    void this.c.start(chosen, { mode: st.mode, humans, policy: st.level }, st.seed.trim());
    this.setup = { ...st, seed: freshSeed(), error: null };
  }

  // ------------------------------------------------------------ drawing

  render(): void {
    const c = this.c;
    const screen = c.screen;
    // A new seat at the screen starts with clean forms: nothing typed by the last player survives.
    if (c.shown !== this.seatSeen) {
      this.seatSeen = c.shown;
      clearAnnouncements();
      this.composer?.reset();
      this.forms.reset();
      this.tab = 'dashboard';
      this.drawer = false;
      this.logSeen = c.view()?.log.length ?? 0;
      if (screen === 'handoff') this.dialog.close();
    }
    const view = c.view();
    const inMatch = screen === 'match' && view !== null;
    document.body.className = `screen-${screen}${this.drawer ? ' drawer-open' : ''}${this.feedState.large ? ' feed-large' : ''}`;

    // The map: the scenario in play (or the default), and what the seat at the screen may see.
    const setupChoice = screen === 'setup' ? this.scenarios?.loaded.find((x) => x.id === this.setup?.scenario) : undefined;
    const scenario = setupChoice ?? (screen === 'menu' || screen === 'setup' ? null : c.scenario) ?? c.scenario ?? this.defaultScenario;
    if (scenario) this.map.showScenario(scenario.id, scenario.scenario);
    this.map.showGame(view ?? c.publicView());
    // The header names the scenario chosen: the game's, the one picked at setup, or one the address names; none on a fresh menu.
    const named = new URLSearchParams(location.search).has('scenario');
    const title = c.game && screen !== 'menu' && screen !== 'setup' ? c.game.title : screen === 'setup' ? (setupChoice?.scenario.title ?? '') : named ? (scenario?.scenario.title ?? '') : '';
    byId('scenario-title').textContent = title;
    document.title = `${title ? `${title} · ` : ''}Landing Rights`;

    this.renderBar(view);
    const panel = byId('panel');
    const feed = byId('feed');
    panel.hidden = !inMatch;
    feed.hidden = !inMatch;
    if (inMatch && view) {
      this.renderPanel(panel, view);
      render(feed, ...renderFeed(view, this.feedState, () => this.render()));
      render(byId('map-summary'), ...mapSummary(view));
      this.announceNews(view);
    } else {
      render(panel);
      render(feed);
      const pub = c.publicView();
      render(byId('map-summary'), ...(pub ? mapSummary(pub) : []));
    }
    this.renderMapTools(inMatch || (screen === 'end' && this.endHidden), scenario);
    this.renderScreens(screen);
    this.coach.update({ c, tab: this.tab });
    byId('stage').toggleAttribute('inert', screen === 'handoff');
    // The menu and the setup are dialogs: while one is open, nothing behind it takes focus.
    const modal = screen === 'menu' || screen === 'setup' || (screen === 'end' && !this.endHidden);
    for (const id of ['map', 'map-tools', 'panel', 'feed']) byId(id).toggleAttribute('inert', modal);
    byId('topbar').toggleAttribute('inert', screen === 'handoff');
    // A new screen (or a new seat at it): keyboard and screen-reader users start at its heading.
    const focusKey = `${screen}:${c.shown ?? ''}`;
    if (focusKey !== this.focusKey) {
      this.focusKey = focusKey;
      this.focusPending = { menu: '#menu-title', setup: '#setup-title', end: '#end-title', handoff: '#handoff-take', match: '#panel .who' }[screen] ?? null;
    }
    // Until its target is drawn (the panel waits for the computer seats), try again at each draw.
    const pending = this.focusPending;
    if (pending) {
      requestAnimationFrame(() => {
        if (this.focusPending !== pending) return;
        const el = document.querySelector<HTMLElement>(pending);
        if (!el || el.closest('[inert], [hidden]')) return;
        this.focusPending = null;
        if (!el.contains(document.activeElement) && !(screen === 'menu' && document.activeElement?.closest('#screen'))) el.focus();
      });
    }
  }

  /** The map's key, a button away on the map itself (its text is the map's own, in the DOM). */
  private renderMapTools(show: boolean, scenario: LoadedScenario | null): void {
    const tools = byId('map-tools');
    tools.hidden = !show || !scenario;
    if (tools.hidden || !scenario) return;
    let key = document.getElementById('map-key');
    let toggle = document.getElementById('map-key-toggle');
    if (!key || !toggle) {
      toggle = h('button', { type: 'button', class: 'btn small', id: 'map-key-toggle', 'aria-controls': 'map-key', onclick: () => ((this.keyOpen = !this.keyOpen), this.render()) });
      key = h('div', { id: 'map-key', hidden: true });
      tools.replaceChildren(toggle, key);
    }
    toggle.textContent = this.keyOpen ? 'Hide map key' : 'Map key';
    toggle.setAttribute('aria-expanded', this.keyOpen ? 'true' : 'false');
    key.hidden = !this.keyOpen;
    if (this.keyOpen && this.keyFor !== scenario.id) {
      this.keyFor = scenario.id;
      const box = key;
      void import('./map/legend').then(({ renderLegend }) =>
        renderLegend(box, {
          headingLevel: 3,
          powers: Object.fromEntries(scenario.scenario.powers.map((p) => [p.id, p.name])),
          vendors: scenario.scenario.vendors.map((v) => ({ name: v.name, origin: v.origin })),
        }),
      );
    }
  }

  private announceNews(v: GameView): void {
    if (v.log.length > this.logSeen) {
      const fresh = v.log.slice(this.logSeen);
      this.logSeen = v.log.length;
      const last = fresh[fresh.length - 1];
      if (last) announce(fresh.length > 1 ? `${fresh.length} news items. Latest: ${namesForIds(v, last.text)}` : namesForIds(v, last.text));
    }
  }

  private renderBar(view: GameView | null): void {
    const c = this.c;
    const bar = byId('match-bar');
    const screen = c.screen;
    const s = view ?? c.publicView();
    if (!c.game || !s || screen === 'menu' || screen === 'setup') {
      render(bar);
      return;
    }
    const phaseIndex = PHASES.indexOf(s.phase);
    const round = h('div', { class: 'round' }, h('strong', null, `Round ${s.round}`), h('span', null, `of ${s.scenario.rounds} · ${dateLabel(s.date)}`));
    const phases = h(
      'ol',
      { class: 'phases', 'aria-label': 'Phases of the round' },
      PHASES.filter((p) => p !== 'over').map((p, i) =>
        h(
          'li',
          { 'aria-current': p === s.phase ? 'step' : null, class: i < phaseIndex || s.phase === 'over' ? 'done' : '', title: `${phaseLabel(p)}: ${PHASE_HELP[p]}` },
          h('span', { class: 'phase-label' }, phaseLabel(p)),
          p === s.phase ? null : h('span', { class: 'sr-only' }, phaseLabel(p)),
        ),
      ),
    );
    if (screen !== 'match' || !view) {
      render(
        bar,
        round,
        s.phase === 'over' ? h('strong', { class: 'over-label' }, 'Game over') : phases,
        screen === 'end' && this.endHidden
          ? h('div', { class: 'bar-actions' }, h('button', { type: 'button', class: 'btn primary', id: 'show-scores', onclick: () => ((this.endHidden = false), this.render()) }, 'Show final scores'))
          : null,
      );
      return;
    }
    const role = view.viewer as RoleId;
    const hot = c.seating.mode === 'hotseat' && c.seating.humans.length > 1;
    const other = hot ? c.nextSeat : null;
    const negotiating = s.phase === 'negotiation' || s.phase === 'decisions';
    // A seat that has ended its part of the phase waits for the others: nothing left to end.
    const done = view.ended.includes(role);
    const online = c.online;
    // An online room's deadline counts down between the room's messages.
    if (online?.deadlineAt && this.deadlineTicker === null)
      this.deadlineTicker = window.setInterval(() => {
        const el = document.getElementById('online-time-left');
        if (el && this.c.online?.deadlineAt) el.textContent = deadlineText(this.c.online.deadlineAt);
      }, 1000);
    else if (!online?.deadlineAt && this.deadlineTicker !== null) {
      window.clearInterval(this.deadlineTicker);
      this.deadlineTicker = null;
    }
    const saveText = online ? `Online · game ${online.code}` : c.saveState === 'saving' ? 'Saving…' : c.saveState === 'failed' ? 'Not saved' : 'Saved';
    document.body.dataset.autosave = c.saveState;
    render(
      bar,
      round,
      phases,
      h(
        'div',
        { class: 'bar-actions' },
        h('span', { class: 'seat-chip', title: 'The role at this screen' }, swatch(view, role), h('span', { class: 'sr-only' }, 'Playing as '), roleName(view, role)),
        online?.paused ? h('span', { class: 'online-paused', id: 'online-paused', role: 'status' }, 'Paused by the facilitator') : null,
        online?.waiting ? h('span', { class: 'online-paused', id: 'online-waiting', role: 'status', title: 'The game begins, and its clock starts, when the facilitator presses Start' }, 'Waiting for the facilitator to start') : null,
        online ? h('button', { type: 'button', class: 'btn small quiet', id: 'ask-facilitator', title: 'A private question to the facilitator: only your seat and the facilitator see it', onclick: () => this.askFacilitator(role) }, 'Ask the facilitator') : null,
        online?.deadlineAt ? h('span', { class: 'online-chip deadline', id: 'online-time-left', title: 'Time left in this phase: at the deadline the phase ends for every seat that has not ended it' }, deadlineText(online.deadlineAt)) : null,
        h('span', { class: online ? 'online-chip' : 'save-state', id: online ? 'online-game' : null, 'aria-live': 'off', title: online ? 'The game server keeps this game: this seat carries on from any device with the join code.' : null }, saveText),
        other && negotiating ? h('button', { type: 'button', class: 'btn', id: 'pass-seat', onclick: () => c.passSeat() }, `Pass to ${roleName(view, other)}`) : null,
        h('button', { type: 'button', class: 'btn primary', id: 'end-phase', disabled: Boolean(c.busy) || !negotiating || done, title: c.busy ?? (done ? 'Waiting for the others to end the phase' : 'End your part of this phase'), onclick: this.endPhase }, 'End phase'),
        h(
          'button',
          { type: 'button', class: 'btn drawer-toggle', id: 'drawer-toggle', 'aria-expanded': this.drawer ? 'true' : 'false', 'aria-controls': 'panel', onclick: () => ((this.drawer = !this.drawer), (this.more = false), this.render()) },
          this.drawer ? 'Map' : 'Panels',
        ),
        h(
          'button',
          { type: 'button', class: 'btn more-toggle', id: 'more-toggle', 'aria-expanded': this.more ? 'true' : 'false', 'aria-controls': 'bar-secondary', onclick: () => ((this.more = !this.more), this.render()) },
          'More',
        ),
        h(
          'div',
          { class: `bar-group bar-secondary${this.more ? ' open' : ''}`, id: 'bar-secondary' },
          online
            ? null
            : h(
              'button',
              {
                type: 'button',
                class: 'btn small',
                id: 'save-game',
                onclick: async () => {
                  try {
                    const name = await c.saveAs();
                    c.notice = { kind: 'info', text: `Saved: ${name}.` };
                    announce('Game saved.');
                  } catch (e) {
                    c.notice = { kind: 'error', text: `The game could not be saved: ${e instanceof Error ? e.message : String(e)}` };
                  }
                  this.render();
                },
              },
              'Save game',
            ),
          online ? null : h('button', { type: 'button', class: 'btn small', id: 'load-game', onclick: () => void this.dialog.open() }, 'Load game'),
          h('button', { type: 'button', class: 'btn small quiet', id: 'to-menu', title: online ? 'Leave the online game (this browser keeps its seat: the join link brings it back)' : null, onclick: () => c.toMenu() }, online ? 'Leave' : 'Menu'),
          h('button', { type: 'button', class: 'btn small quiet', id: 'projector', 'aria-pressed': this.projector ? 'true' : 'false', onclick: () => this.setProjector(!this.projector) }, 'Projector'),
        ),
      ),
    );
  }

  private renderPanel(panel: HTMLElement, v: GameView): void {
    const c = this.c;
    const role = v.viewer as RoleId;
    const legal = c.legal();
    const waiting = v.offers.filter((o) => o.round === v.round && o.status === 'open' && o.to.includes(role) && !o.acceptedBy.includes(role) && !(o.refusals ?? []).some((x) => x.by === role)).length;
    const composeLabel = v.phase === 'decisions' ? 'Orders' : 'New offer';
    if (this.tab === 'compose') void this.loadComposer();
    const tabButton = (t: Tab, label: string, count = 0) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'tab',
          id: `tab-${t}`,
          'aria-selected': this.tab === t ? 'true' : 'false',
          'aria-controls': 'tabpanel',
          tabindex: this.tab === t ? 0 : -1,
          onclick: () => {
            this.tab = t;
            this.coach.tabOpened(t);
            if (t === 'compose') this.composer?.setMode({ kind: 'new' });
            this.render();
          },
          onkeydown: (e: Event) => {
            const k = (e as KeyboardEvent).key;
            const i = TABS.indexOf(t);
            const next = k === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : k === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : k === 'Home' ? TABS[0] : k === 'End' ? TABS[TABS.length - 1] : null;
            if (!next) return;
            e.preventDefault();
            this.tab = next;
            this.render();
            document.getElementById(`tab-${next}`)?.focus();
          },
        },
        label,
        count ? h('span', { class: 'count', 'aria-label': `${count} waiting` }, String(count)) : null,
      );
    let body: HTMLElement[];
    switch (this.tab) {
      case 'dashboard':
        body = renderDashboard(c, v, role);
        break;
      case 'offers':
        body = renderOffers({ submit: this.submit, submitButton: this.submitButton, compose: (m) => this.compose(m), redraw: () => this.render() }, this.forms, v, role, legal);
        break;
      case 'compose':
        body = this.composer
          ? [
              this.composer.render(
                {
                  submit: this.submit,
                  redraw: () => this.render(),
                  sent: () => this.render(),
                },
                v,
                role,
                legal,
                Boolean(c.busy),
              ),
            ]
          : [h('p', { class: 'muted' }, 'Loading the form…')];
        break;
      case 'islands':
        body = [
          ...(this.cable ? [cableDetail(v, this.cable, () => ((this.cable = null), this.render()))].filter((x): x is HTMLElement => x !== null) : []),
          ...renderIslands(v, this.island, (id) => ((this.island = id), (this.cable = null), this.render())),
        ];
        break;
    }
    const score = v.scores[role]?.total;
    render(
      panel,
      h(
        'div',
        { class: 'panel-head' },
        h('h2', { class: 'who', id: 'panel-who', tabindex: -1 }, swatch(v, role), roleName(v, role)),
        h('p', { class: 'sub' }, `${phaseLabel(v.phase)}: ${PHASE_HELP[v.phase]}`, score !== undefined ? ` Score ${score}.` : ''),
      ),
      c.busy ? h('p', { class: 'status-line', role: 'status' }, c.busy) : null,
      c.notice ? h('p', { class: `status-line${c.notice.kind === 'error' ? ' error' : ''}`, role: c.notice.kind === 'error' ? 'alert' : 'status' }, namesForIds(v, c.notice.text)) : null,
      c.online?.team ? this.signaturesStrip(v, c.online.team) : null,
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Panels' }, tabButton('dashboard', 'Dashboard'), tabButton('offers', 'Offers', waiting), tabButton('compose', composeLabel), tabButton('islands', 'Islands')),
      h('div', { class: 'tabpanel', role: 'tabpanel', id: 'tabpanel', 'aria-labelledby': `tab-${this.tab}`, tabindex: 0 }, body),
    );
  }

  /** A team seat online: the moves waiting for a co-signature, with Approve for the member who must sign. */
  private signaturesStrip(v: GameView, team: OnlineTeam): HTMLElement | null {
    if (team.pending.length === 0 && !team.note) return null;
    return h(
      'section',
      { class: 'signatures', id: 'signatures', 'aria-label': 'Moves waiting for a signature' },
      team.note ? h('p', { class: 'muted', role: 'status' }, team.note) : null,
      ...team.pending.map((p) =>
        h(
          'div',
          { class: 'signature', 'data-pending': String(p.id) },
          h('p', { class: 'signature-wait', role: 'status' }, `${p.text}: `, h('span', null, moveText(v, p.action)), ` (${p.person}, ${p.byTitle})`),
          p.canSign
            ? h('button', { type: 'button', class: 'btn primary small', 'data-sign': String(p.id), onclick: () => this.c.sign(p.id, true) }, 'Approve and sign')
            : null,
          p.canSign || p.mine ? h('button', { type: 'button', class: 'btn small quiet', 'data-decline': String(p.id), onclick: () => this.c.sign(p.id, false) }, p.canSign ? 'Decline' : 'Withdraw') : null,
        ),
      ),
    );
  }

  private renderScreens(screen: string): void {
    const c = this.c;
    const overlay = byId('screen');
    const handoff = byId('handoff');
    overlay.classList.toggle('dim', screen === 'setup' || (screen === 'end' && !this.endHidden));
    const seat = c.flow.getSnapshot().context.seat;
    const pub = c.publicView();
    if (screen === 'handoff' && seat && pub) {
      handoff.hidden = false;
      render(handoff, handoffScreen(pub, seat, () => c.takeSeat()));
      if (!handoff.contains(document.activeElement)) requestAnimationFrame(() => document.getElementById('handoff-take')?.focus());
    } else {
      handoff.hidden = true;
      render(handoff);
    }
    switch (screen) {
      case 'menu':
        if (!byId('problem').hidden) return render(overlay);
        return render(
          overlay,
          menuScreen({
            canContinue: Boolean(c.game),
            continueLabel: c.game?.over ? 'See the final scores' : 'Continue game',
            problem: this.menuProblem,
            onContinue: () => c.continueGame(),
            onNew: () => void this.openSetup(),
            onLoad: () => void this.dialog.open(),
            onTutorial: () => void this.tutorial(),
            onDebriefFile: (file) => void this.debriefFile(file),
            onOnline: () => this.goOnline(),
            projector: this.projector,
            onProjector: (on) => this.setProjector(on),
            confirmTutorial: this.confirmTutorial
              ? {
                  onYes: () => void this.tutorial(true),
                  onNo: () => {
                    this.confirmTutorial = false;
                    this.render();
                    requestAnimationFrame(() => document.getElementById('menu-tutorial')?.focus());
                  },
                }
              : null,
          }),
        );
      case 'setup':
        if (!this.setup || !this.scenarios) return render(overlay);
        return render(
          overlay,
          setupScreen({
            replacing: Boolean(c.game && !c.game.over),
            scenarios: this.scenarios.loaded,
            broken: this.scenarios.broken,
            state: this.setup,
            change: (next) => {
              if (this.setup) Object.assign(this.setup, next);
              if (next.seed === undefined) this.render();
            },
            start: () => this.startGame(),
            back: () => c.toMenu(),
            authoring: {
              onOpen: (file) => void this.openScenarioFile(file),
              onRemove: (key) => void this.removeOpened(key),
              onReport: (key) => void this.reportFor(key),
              notice: this.openNotice,
            },
          }),
        );
      case 'end': {
        const v = pub;
        if (!v || this.endHidden) return render(overlay);
        return render(
          overlay,
          endScreen(v, {
            seating: c.seating,
            firstView: c.counted.first,
            // An online game's seat starts a new game from the menu, after leaving the room.
            onNew: () => (c.online ? c.toMenu() : void this.openSetup()),
            onExport: () => void exportGame(c),
            ...(isFullRecord(c.seating) ? { exportLabel: FULL_RECORD_LABEL, exportHint: FULL_RECORD_HINT } : {}),
            onMenu: () => c.toMenu(),
            onMap: () => ((this.endHidden = true), this.render()),
            onDebrief: () => {
              const scenario = c.scenario;
              if (scenario)
                void c.exportFile().then((r) => {
                  if (r.ok) void this.openDebrief(JSON.parse(r.text), scenario, false);
                  else this.setMenuProblem(r.message);
                });
            },
          }),
        );
      }
      default:
        return render(overlay);
    }
  }
}

/** The scenario a record carries (format 2), when it proves itself (its SHA-256 is the record's scenario hash) and the build ships no scenario of that id and hash. */
async function carriedScenario(data: unknown): Promise<LoadedScenario | null> {
  const s = (data as { scenario?: { id?: unknown; hash?: unknown; text?: unknown } } | null)?.scenario;
  if (typeof s?.id !== 'string' || typeof s.text !== 'string' || typeof s.hash !== 'string') return null;
  const shipped = await loadScenario(s.id);
  if (shipped?.ok && shipped.loaded.hash === s.hash) return null;
  const [{ sha256Hex }, { parseScenarioText }] = await Promise.all([import('../engine'), import('../scenario/load')]);
  if (sha256Hex(s.text) !== s.hash) return null;
  const r = parseScenarioText(s.text, `${s.id} (in the record)`);
  return r.ok && r.scenario.id === s.id ? { id: s.id, file: `${s.id} (in the record)`, scenario: r.scenario, hash: s.hash } : null;
}

/** A teammate's move waiting for a signature, in words. */
function moveText(v: GameView, a: Action): string {
  switch (a.type) {
    case 'accept':
      return `accept ${offerName(v, a.offer)}`;
    case 'offer':
      return `offer ${describeDeal(v, a.deal)}`;
    case 'counter':
      return `counter ${offerName(v, a.offer)} with ${describeDeal(v, a.deal)}`;
    case 'order':
      return `order ${describeOrder(v, a.order)}`;
    case 'cancel':
      return `cancel ${agreementName(v, a.agreement)}`;
    default:
      return a.type;
  }
}

/** Time left before an online room's deadline, as "4:05 left". */
function deadlineText(at: number): string {
  const left = Math.max(0, Math.round((at - Date.now()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}
