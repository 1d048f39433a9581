import { legalActions, view, type Action, type GameState, type GameView, type RoleId } from '../engine';
import { MatchHost } from '../host/match';
import { POLICY_NAMES } from '../ai';
import { MAX_PASSES } from '../ai/autoplay';
import { openRecord, parseRecordText, seatingProblem, type FoundScenario, type OpenedGame, type ScenarioLookup } from '../host/open';
import { parseScenarioText, problemLines } from '../scenario/load';
import { AUTOSAVE_ID, type GameStore, type SavedGame, type Seating } from '../host/storage';
import type { Scenario } from '../scenario/schema';
import type { FlowEvent, Screen } from './flow';
import type { GamePort } from './controller';
import type { GameSummary, Notice, Opening, PageMessage, SessionAnswers, SessionRequest, SessionUpdate, WorkerMessage } from './game-protocol';
import { MetricHistory } from './metrics';
import { phaseLabel, roleName } from './names';
import { bundledScenario } from './saves';
import type { SeatRunner } from './seats';

/** A scenario file's text as the opener of games finds scenarios. */
function openedScenario(text: string): { ok: true; found: FoundScenario } | { ok: false; message: string } {
  const r = parseScenarioText(text, 'the scenario file');
  if (!r.ok) return { ok: false, message: `The scenario file has problems: ${problemLines(r)[0] ?? ''}` };
  return { ok: true, found: { id: r.scenario.id, file: '', scenario: r.scenario, hash: r.hash } };
}

/** The computer seats' policy unless the seating names another: the normal bot. */
export const DEFAULT_POLICY = 'normal';

export interface SessionDeps {
  store: GameStore;
  runSeat: SeatRunner;
  /** Where updates for the page go. */
  post: (message: WorkerMessage) => void;
  /** The clock, for save times. */
  now?: () => Date;
  lookup?: ScenarioLookup;
}

/** A storage failure in words: never the browser's own error text. */
export function storageProblem(e: unknown): string {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'the browser’s storage is not available (a private window, or another tab holding it)';
  return 'the browser’s storage did not answer';
}

/**
 * The game in play, in the game's worker: its MatchHost, who sits where, whose screen shows, the
 * computer seats' turns and the autosave. It is the controller's other half: the page asks, this
 * acts and posts back only what the seat at the screen may see (see game-protocol.ts).
 */
export class GameSession {
  private host: MatchHost | null = null;
  private scenarioId = '';
  private seating: Seating = { mode: 'solo', humans: [] };
  private active: RoleId | null = null;
  private shown: RoleId | null = null;
  private busy: string | null = null;
  private notice: Notice | null = null;
  private saveState: 'idle' | 'saving' | 'failed' = 'idle';
  /** What the page shows: this side sends every change of screen but Menu and Setup. */
  private screen: Screen = 'menu';
  private flowSeat: RoleId | null = null;
  private histories = new Map<RoleId, MetricHistory>();
  /** Each human seat's and the spectator's view at the start of each round, as the scores were counted then. */
  private starts = new Map<string, Map<number, GameView>>();
  private gameId = 0;
  private gen = 0;
  private firstDone = new Set<string>();
  private reactPass = 1;
  private queue: Promise<void> = Promise.resolve();
  private saving = false;
  private dirty = false;
  /** Actions in the game when a named save last held it (or it was opened from one). */
  private savedActions = -1;
  private unsubscribe: (() => void) | null = null;
  private pendingFlow: FlowEvent[] = [];
  private sendScenario = false;
  private updatePending = false;

  constructor(private readonly deps: SessionDeps) {}

  /** Tests only: the game's record as it stands (never sent to the page). */
  get recordForTests(): MatchHost['record'] | null {
    return this.host?.record ?? null;
  }

  /** Tests only: the state (never sent to the page). */
  get stateForTests(): GameState | null {
    return this.host?.state ?? null;
  }

  // ------------------------------------------------------------ requests from the page

  async handle<K extends SessionRequest['kind']>(request: Extract<SessionRequest, { kind: K }>): Promise<SessionAnswers[K]> {
    const r = request as SessionRequest;
    const answer = await this.answer(r);
    this.update();
    return answer as SessionAnswers[K];
  }

  private async answer(r: SessionRequest): Promise<SessionAnswers[SessionRequest['kind']]> {
    switch (r.kind) {
      case 'start':
        return this.start(r.scenarioId, r.seating, r.seed, r.text);
      case 'open':
        return this.open(r.data, r.replace === true);
      case 'openText': {
        const parsed = parseRecordText(r.text);
        return parsed.ok ? this.open(parsed.data, r.replace === true) : parsed;
      }
      case 'openSaved':
        return this.openSaved(r.id, r.replace === true);
      case 'resume':
        return this.resume();
      case 'submit':
        return this.submit(r.action);
      case 'passSeat':
        this.passSeat();
        return null;
      case 'takeSeat':
        this.takeSeat();
        return null;
      case 'toMenu':
        this.shown = null;
        this.screen = 'menu';
        return null;
      case 'continue':
        this.continueGame();
        return null;
      case 'saveAs':
        return this.saveAs();
      case 'autosave':
        this.saveSoon();
        return null;
      case 'export':
        return this.exportFile();
      case 'list':
        try {
          return { ok: true, saves: await this.deps.store.list() };
        } catch (e) {
          return { ok: false, message: `Saved games could not be read: ${storageProblem(e)}.` };
        }
      case 'remove':
        try {
          await this.deps.store.remove(r.id);
        } catch {
          // The list read next shows what is left.
        }
        return null;
    }
  }

  // ------------------------------------------------------------ what the page sees

  /** Post the page what the seat at the screen may see, once, after the current task's changes. */
  update(): void {
    if (this.updatePending) return;
    this.updatePending = true;
    queueMicrotask(() => {
      this.updatePending = false;
      this.deps.post({ type: 'update', update: this.snapshot() });
    });
  }

  private flow(event: FlowEvent): void {
    if (event.type === 'PLAY') this.screen = 'match';
    else if (event.type === 'HANDOFF') this.screen = 'handoff';
    else if (event.type === 'OVER') this.screen = 'end';
    this.flowSeat = event.type === 'PLAY' || event.type === 'HANDOFF' ? event.seat : null;
    this.pendingFlow.push(event);
    // Each screen change goes out in its own update, in order.
    this.deps.post({ type: 'update', update: this.snapshot() });
  }

  private snapshot(): SessionUpdate {
    const host = this.host;
    const s = host?.state;
    const game: GameSummary | null = s
      ? { id: this.gameId, scenarioId: this.scenarioId, title: s.scenario.title, round: s.round, rounds: s.scenario.rounds, phase: s.phase, over: s.phase === 'over' }
      : null;
    const shown = host && this.shown ? this.shown : null;
    const v = shown && s ? view(s, shown) : null;
    const flow = this.pendingFlow.shift();
    const out: SessionUpdate = {
      game,
      seating: { ...this.seating, humans: [...this.seating.humans] },
      active: this.active,
      shown,
      busy: this.busy,
      notice: this.notice,
      saveState: this.saveState,
      view: v,
      legal: v && shown ? legalActions(v, shown) : [],
      history: shown ? (this.histories.get(shown)?.snapshots ?? []) : [],
      spectator: s ? view(s, 'spectator') : null,
      counted: {
        before: (shown && s && this.starts.get(shown)?.get(s.round - 1)) || null,
        now: (shown && s && this.starts.get(shown)?.get(s.round)) || null,
        first: (s?.phase === 'over' && this.starts.get('spectator')?.get(1)) || null,
      },
      nextSeat: shown && this.seating.mode === 'hotseat' ? this.nextHuman(shown, false) : null,
      unsaved: this.unsaved(),
      ...(flow ? { flow } : {}),
    };
    if (this.sendScenario && host) {
      this.sendScenario = false;
      out.scenario = { id: this.scenarioId, file: '', hash: host.record.scenario.hash, scenario: host.scenario as Scenario };
    }
    return out;
  }

  // ------------------------------------------------------------ starting and opening games

  private async start(key: string, seating: Seating, seed: string, text?: string): Promise<Opening> {
    // An opened scenario file comes as its text; the game's record carries it, so its saves reopen without the file.
    const found = text === undefined ? await (this.deps.lookup ?? bundledScenario)(key) : openedScenario(text);
    if (!found?.ok) return { ok: false, message: found ? found.message : `There is no scenario "${key}" in this game.` };
    const scenarioId = found.found.id;
    const { scenario, hash } = found.found;
    const seats = [...scenario.islands.map((i) => i.id), ...scenario.powers.map((p) => p.id)];
    const problem = seatingProblem(seating, seats, POLICY_NAMES);
    if (problem) return { ok: false, message: problem };
    this.install(new MatchHost(scenario, hash, seed), scenarioId, seating, {});
    this.savedActions = -1;
    this.saveSoon();
    this.advance();
    return { ok: true, notice: null };
  }

  /** A game in progress that no named save holds as it is now. */
  private unsaved(): boolean {
    const host = this.host;
    return Boolean(host && !host.over && host.record.actions.length !== this.savedActions);
  }

  private async open(data: unknown, replace: boolean, fallback?: Seating, ui: Record<string, unknown> = {}, named = false): Promise<Opening> {
    let opened: OpenedGame;
    try {
      opened = await openRecord(data, this.deps.lookup ?? bundledScenario, POLICY_NAMES);
    } catch {
      opened = { ok: false, message: 'This file could not be read as a Landing Rights game.' };
    }
    if (!opened.ok) return opened;
    const seats = opened.host.state.seats;
    const problem = fallback && !opened.seating ? seatingProblem(fallback, seats, POLICY_NAMES) : null;
    if (problem) return { ok: false, message: problem.replace('The file names', 'The save names').replace('The file seats', 'The save seats') };
    if (this.unsaved() && !replace) return { ok: false, ask: true, message: 'The game in progress is not saved under a name: opening this replaces it, and its autosave with it.' };
    const keep = (s: Seating | undefined | null) => (s && s.humans.length > 0 && s.humans.every((r) => seats.includes(r)) && seatingProblem(s, seats, POLICY_NAMES) === null ? s : null);
    const seating = opened.seating ?? keep(fallback) ?? keep(this.seating) ?? { mode: 'solo', humans: [seats.find((s) => !opened.host.state.islands[s]) ?? seats[0] ?? ''] };
    this.install(opened.host, opened.scenario.id, seating, ui);
    if (opened.notice) this.notice = { kind: 'info', text: opened.notice };
    this.savedActions = named ? opened.host.record.actions.length : -1;
    this.rebuildHistory();
    this.saveSoon();
    this.advance();
    return { ok: true, notice: opened.notice };
  }

  private async openSaved(id: string, replace: boolean): Promise<Opening> {
    let saved: SavedGame | null;
    try {
      saved = await this.deps.store.get(id);
    } catch (e) {
      return { ok: false, message: `That save could not be read: ${storageProblem(e)}.` };
    }
    if (!saved) return { ok: false, message: 'That save is no longer there.' };
    // The autosave is the game in progress itself (saved after every move): loading it loses nothing.
    return this.open(saved.record, replace || (id === AUTOSAVE_ID && this.saveState === 'idle'), saved.seating, saved.ui ?? {}, id !== AUTOSAVE_ID);
  }

  /** The autosave of a game this browser was playing and did not finish; null when there is none. */
  private async resume(): Promise<Opening | null> {
    let saved: SavedGame | null;
    try {
      saved = await this.deps.store.get(AUTOSAVE_ID);
    } catch (e) {
      return { ok: false, message: `Saved games could not be read in this browser: ${storageProblem(e)}.` };
    }
    if (!saved || saved.over) return null;
    return this.open(saved.record, true, saved.seating, saved.ui ?? {});
  }

  private install(host: MatchHost, scenarioId: string, seating: Seating, ui: Record<string, unknown>): void {
    this.gen++;
    this.gameId++;
    this.unsubscribe?.();
    this.host = host;
    this.scenarioId = scenarioId;
    this.sendScenario = true;
    this.seating = { ...seating, humans: [...seating.humans] };
    this.firstDone = new Set(Array.isArray(ui.firstDone) ? ui.firstDone.filter((x): x is string => typeof x === 'string') : []);
    this.active = typeof ui.active === 'string' && seating.humans.includes(ui.active) ? ui.active : null;
    this.shown = null;
    this.busy = null;
    this.notice = null;
    this.reactPass = 1;
    this.histories = new Map(seating.humans.map((r) => [r, new MetricHistory()]));
    this.starts = new Map();
    this.observe(host.state);
    this.unsubscribe = host.onChange((s) => {
      this.observe(s);
      this.saveSoon();
      this.update();
    });
    this.update();
  }

  /** Each human seat's figures at the start of a round, from its own view. */
  private observe(s: GameState): void {
    for (const [role, h] of this.histories) if ((h.snapshots.at(-1)?.round ?? 0) < s.round) h.observe(view(s, role));
    this.noteStart(this.starts, s);
  }

  /** The first state of each round is the one its briefing counted: each human seat's and the spectator's view of it. */
  private noteStart(into: Map<string, Map<number, GameView>>, s: GameState): void {
    if (s.phase === 'over') return;
    for (const role of [...this.histories.keys(), 'spectator'] as const) {
      const mine = into.get(role) ?? new Map<number, GameView>();
      into.set(role, mine);
      if (!mine.has(s.round)) mine.set(s.round, view(s, role));
    }
  }

  /** Figures of the rounds before a loaded game's current one: play the record again, quietly. */
  private rebuildHistory(): void {
    const host = this.host;
    if (!host) return;
    const gen = this.gen;
    setTimeout(() => {
      if (gen !== this.gen) return;
      const shadow = new MatchHost(host.scenario, host.record.scenario.hash, host.record.seed, { hashes: false, origin: host.record.origin?.state });
      const rebuilt = new Map([...this.histories.keys()].map((r) => [r, new MetricHistory()]));
      // A loaded game's round began before it was opened: its start is the replayed one.
      const starts = new Map<string, Map<number, GameView>>();
      const observe = (s: GameState) => {
        for (const [role, h] of rebuilt) if ((h.snapshots.at(-1)?.round ?? 0) < s.round) h.observe(view(s, role));
        this.noteStart(starts, s);
      };
      observe(shadow.state);
      for (const a of host.record.actions) {
        shadow.submit(a);
        observe(shadow.state);
      }
      if (gen !== this.gen) return;
      for (const [role, h] of rebuilt) {
        const now = this.histories.get(role);
        const later = now?.snapshots.filter((s) => !h.snapshots.some((x) => x.round === s.round)) ?? [];
        h.snapshots = [...h.snapshots, ...later].sort((a, b) => a.round - b.round);
        this.histories.set(role, h);
      }
      for (const [role, mine] of starts) this.starts.set(role, new Map([...(this.starts.get(role) ?? []), ...mine]));
      this.update();
    }, 0);
  }

  private continueGame(): void {
    if (!this.host) return;
    if (this.host.over) {
      this.flow({ type: 'OVER' });
      return;
    }
    this.advance();
  }

  // ------------------------------------------------------------ playing

  private isHuman(role: RoleId): boolean {
    return this.seating.humans.includes(role);
  }

  private submit(action: Action): SessionAnswers['submit'] {
    const host = this.host;
    if (!host) return { code: 'malformed', message: 'There is no game in progress.' };
    if (this.busy) return { code: 'wrongPhase', message: 'Wait a moment: the computer seats are moving.' };
    if (typeof action !== 'object' || action === null || !this.shown || action.role !== this.shown) return { code: 'unknownRole', field: 'role', message: 'It is not this seat’s turn.' };
    let refusal: SessionAnswers['submit'];
    try {
      refusal = host.submit(action, { at: (this.deps.now ?? (() => new Date()))().toISOString() });
    } catch {
      refusal = { code: 'malformed', message: 'That action could not be read.' };
    }
    if (refusal) return refusal;
    this.notice = null;
    if (action.type === 'endPhase') this.advance();
    else if (host.state.phase === 'negotiation') this.react();
    return null;
  }

  private passSeat(): void {
    const next = this.nextHuman(this.active, false);
    if (!next || next === this.active) return;
    this.active = next;
    this.handOff(next);
  }

  private takeSeat(): void {
    if (!this.active || !this.host) return;
    this.shown = this.active;
    this.flow({ type: 'PLAY', seat: this.active });
    this.saveSoon();
  }

  /** Who plays now, given that `from` was playing: `from` again while it has not ended the phase (unless `stay` is false), else the next human seat in seat order that has not. */
  private nextHuman(from: RoleId | null, stay = true): RoleId | null {
    const host = this.host;
    if (!host) return null;
    const seats = this.seating.humans;
    const left = seats.filter((r) => !host.state.ended.includes(r));
    if (left.length === 0) return null;
    if (stay && from && left.includes(from)) return from;
    const start = from ? seats.indexOf(from) : -1;
    for (let i = 1; i <= seats.length; i++) {
      const r = seats[(start + i) % seats.length] ?? '';
      if (left.includes(r) && r !== from) return r;
    }
    return null;
  }

  private handOff(seat: RoleId): void {
    this.shown = null;
    this.notice = null;
    this.flow({ type: 'HANDOFF', seat });
    this.saveSoon();
  }

  private advance(): void {
    const gen = this.gen;
    this.enqueue(() => this.drive(gen));
  }

  private react(): void {
    const gen = this.gen;
    this.enqueue(async () => {
      const host = this.host;
      if (!host || gen !== this.gen || host.state.phase !== 'negotiation') return;
      const bots = this.bots();
      const pass = this.reactPass;
      this.reactPass += MAX_PASSES;
      await this.botPasses(gen, bots, pass, MAX_PASSES);
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch(() => {
      this.busy = null;
      this.notice = { kind: 'error', text: 'The computer seats could not move.' };
      this.update();
    });
  }

  private bots(): RoleId[] {
    const host = this.host;
    if (!host) return [];
    return host.state.seats.filter((r) => !this.isHuman(r) && !host.state.ended.includes(r));
  }

  private async drive(gen: number): Promise<void> {
    for (;;) {
      const host = this.host;
      if (!host || gen !== this.gen) return;
      if (host.over) {
        this.busy = null;
        this.active = null;
        this.shown = null;
        this.flow({ type: 'OVER' });
        this.saveSoon();
        return;
      }
      const s = host.state;
      const key = `${s.round}:${s.phase}`;
      if (!this.firstDone.has(key)) {
        // Computer seats act first in each phase.
        this.firstDone = new Set([key]);
        this.reactPass = 1;
        const bots = this.bots();
        if (bots.length) {
          this.busy = `Computer seats are moving (${phaseLabel(s.phase).toLowerCase()}).`;
          this.update();
          await this.botPasses(gen, bots, 0, MAX_PASSES);
          if (gen !== this.gen) return;
          this.reactPass = MAX_PASSES;
        }
        this.saveSoon();
      }
      const next = this.nextHuman(this.active);
      if (next) {
        this.busy = null;
        this.seatHuman(next);
        this.update();
        return;
      }
      // Every human has ended the phase: computer seats answer what is left, then end it too.
      const bots = this.bots();
      if (bots.length) {
        this.busy = 'Computer seats are finishing the phase.';
        this.update();
        await this.botPasses(gen, bots, this.reactPass, MAX_PASSES);
        if (gen !== this.gen) return;
        this.reactPass += MAX_PASSES;
      }
      const round = host.state.round;
      const phase = host.state.phase;
      for (const r of this.bots()) {
        if (host.state.round !== round || host.state.phase !== phase) break;
        host.submit({ type: 'endPhase', role: r });
      }
      if (host.state.round === round && host.state.phase === phase && !host.over) {
        // Nobody can end it (should not happen): stop rather than spin.
        this.busy = null;
        this.notice = { kind: 'error', text: 'The phase could not end.' };
        this.update();
        return;
      }
    }
  }

  private seatHuman(next: RoleId): void {
    this.active = next;
    if (this.seating.mode === 'hotseat' && this.seating.humans.length > 1 && this.shown !== next) {
      // Never show one player's screen to the next: hand the device over first.
      if (this.screen !== 'handoff' || this.flowSeat !== next) this.handOff(next);
      return;
    }
    this.shown = next;
    if (this.screen !== 'match' || this.flowSeat !== next) this.flow({ type: 'PLAY', seat: next });
  }

  private async botPasses(gen: number, bots: RoleId[], firstPass: number, passes: number): Promise<void> {
    const host = this.host;
    if (!host) return;
    const round = host.state.round;
    const phase = host.state.phase;
    for (let pass = firstPass; pass < firstPass + passes; pass++) {
      let acted = false;
      for (const role of bots) {
        if (host.state.ended.includes(role) || host.state.round !== round || host.state.phase !== phase) continue;
        const actions = await this.deps.runSeat({ policy: this.seating.policy ?? DEFAULT_POLICY, role, view: host.view(role), seed: host.record.seed, pass });
        if (gen !== this.gen || this.host !== host) return;
        for (const a of actions) if (a.role === role && host.submit(a) === null) acted = true;
      }
      if (!acted) break;
    }
  }

  // ------------------------------------------------------------ saving

  private saved(id: string): SavedGame | null {
    const host = this.host;
    if (!host) return null;
    const s = host.state;
    const humans = this.seating.humans.map((r) => roleName(s, r)).join(', ');
    const now = (this.deps.now ?? (() => new Date()))();
    return {
      id,
      name: `${s.scenario.title}: round ${s.round}, ${phaseLabel(s.phase).toLowerCase()} (${humans})`,
      savedAt: now.toISOString(),
      scenarioTitle: s.scenario.title,
      round: s.round,
      phase: s.phase,
      over: host.over,
      seating: { ...this.seating, humans: [...this.seating.humans] },
      record: host.saveRecord(),
      ui: { firstDone: [...this.firstDone], active: this.active },
    };
  }

  /** Write the autosave after the last change; writes coalesce while one is in flight. */
  private saveSoon(): void {
    this.dirty = true;
    this.saveState = 'saving';
    if (this.saving) return;
    this.saving = true;
    void (async () => {
      try {
        while (this.dirty) {
          this.dirty = false;
          const game = this.saved(AUTOSAVE_ID);
          if (game) game.name = `Autosave: ${game.name}`;
          if (game) await this.deps.store.put(game);
        }
        this.saveState = 'idle';
      } catch (e) {
        this.saveState = 'failed';
        this.notice = { kind: 'error', text: `The game could not be saved in this browser: ${storageProblem(e)}.` };
      } finally {
        this.saving = false;
        this.update();
      }
    })();
  }

  private async saveAs(): Promise<SessionAnswers['saveAs']> {
    const now = (this.deps.now ?? (() => new Date()))();
    const game = this.saved(`save-${now.getTime()}`);
    if (!game || !this.host) return { ok: false, message: 'There is no game to save.' };
    try {
      await this.deps.store.put(game);
    } catch (e) {
      return { ok: false, message: `The game could not be saved: ${storageProblem(e)}.` };
    }
    this.savedActions = this.host.record.actions.length;
    return { ok: true, name: game.name };
  }

  /** The game as a file: its whole record (every seat's secrets included), its last state and the seating. */
  private exportFile(): SessionAnswers['export'] {
    const host = this.host;
    if (!host) return { ok: false, message: 'There is no game to export.' };
    const s = host.state;
    const full = this.seating.mode === 'hotseat' && this.seating.humans.length > 1;
    return {
      ok: true,
      name: `landing-rights-${s.scenario.id}-round-${s.round}-${s.phase}${full ? '-full-record' : ''}.json`,
      text: `${JSON.stringify({ ...host.saveRecord(), landingRights: { seating: this.seating } }, null, 1)}\n`,
    };
  }
}

/**
 * The session in the same thread, behind the same messages as the worker: every message is a
 * structured clone delivered on a later task, as postMessage delivers it. For tests under Node.
 */
export function inProcessPort(deps: Omit<SessionDeps, 'post'>): { port: GamePort; session: GameSession; received: WorkerMessage[] } {
  let listener: (m: WorkerMessage) => void = () => undefined;
  const received: WorkerMessage[] = [];
  const post = (m: WorkerMessage) => {
    const copy = structuredClone(m);
    setTimeout(() => {
      received.push(copy);
      listener(copy);
    }, 0);
  };
  const session = new GameSession({ ...deps, post });
  const port: GamePort = {
    send: (m: PageMessage) => {
      const { id, request } = structuredClone(m);
      setTimeout(() => {
        session.handle(request).then(
          (answer) => post({ type: 'answer', id, answer }),
          () => post({ type: 'failed', id, message: 'The game could not do that.' }),
        );
      }, 0);
    },
    listen: (fn) => (listener = fn),
    close: () => undefined,
  };
  return { port, session, received };
}
