import { createActor, type Actor } from 'xstate';
import { validate, type Action, type ActionTemplate, type GameView, type Refusal, type RoleId } from '../engine';
import { MatchHost } from '../host/match';
import { AUTOSAVE_ID, type GameStore, type SavedGame, type Seating } from '../host/storage';
import { MAX_PASSES } from '../ai/autoplay';
import { flowMachine, type Screen } from './flow';
import { MetricHistory } from './metrics';
import { phaseLabel, roleName } from './names';
import { openRecord, type Opened } from './saves';
import type { LoadedScenario } from './scenarios';
import type { SeatRunner } from './seats';

/** The computer seats' policy unless the seating names another: the normal bot. */
export const DEFAULT_POLICY = 'normal';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface ControllerDeps {
  store: GameStore;
  runSeat: SeatRunner;
  /** The clock, for save times. */
  now?: () => Date;
}

/**
 * The one place the app's state lives: the MatchHost of the game in play, who sits where, whose
 * screen shows, and the app flow. Views read from here and call redraw; they never change the
 * game except through submit(). Computer seats play through the seat runner (a Web Worker), so
 * nothing here ever waits on a policy on the main thread.
 */
export class GameController {
  host: MatchHost | null = null;
  scenario: LoadedScenario | null = null;
  seating: Seating = { mode: 'solo', humans: [] };
  /** The human seat whose turn it is (in hot-seat, the one the device is passed to). */
  active: RoleId | null = null;
  /** The seat whose screen shows now: null while the device is being handed over. */
  shown: RoleId | null = null;
  /** While computer seats move, what they are doing; human controls wait. */
  busy: string | null = null;
  notice: Notice | null = null;
  /** "idle" once the autosave has caught up with the last action. */
  saveState: 'idle' | 'saving' | 'failed' = 'idle';
  readonly history = new MetricHistory();
  readonly flow: Actor<typeof flowMachine>;

  private gen = 0;
  /** Phases ("round:phase") in which the computer seats have made their first moves. */
  private firstDone = new Set<string>();
  private reactPass = 1;
  private queue: Promise<void> = Promise.resolve();
  private listeners: (() => void)[] = [];
  private redrawPending = false;
  private saving = false;
  private dirty = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: ControllerDeps) {
    this.flow = createActor(flowMachine).start();
    this.flow.subscribe(() => this.redraw());
  }

  get screen(): Screen {
    return this.flow.getSnapshot().value as Screen;
  }

  get store(): GameStore {
    return this.deps.store;
  }

  onRedraw(fn: () => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  /** Ask every view to draw again, once, after the current task's changes. */
  redraw(): void {
    if (this.redrawPending) return;
    this.redrawPending = true;
    queueMicrotask(() => {
      this.redrawPending = false;
      for (const l of this.listeners) l();
    });
  }

  /** The view of the seat whose screen shows, or null (no game, or a hand-off in progress). */
  view(): GameView | null {
    return this.host && this.shown ? this.host.view(this.shown) : null;
  }

  /** What everyone may see: for the map while nobody's screen shows. */
  publicView(): GameView | null {
    return this.host ? this.host.view('spectator') : null;
  }

  legal(): ActionTemplate[] {
    return this.host && this.shown ? this.host.legal(this.shown) : [];
  }

  /** The engine's verdict on an action now, without applying it. */
  check(action: Action): Refusal | null {
    if (!this.host) return { code: 'malformed', message: 'There is no game in progress.' };
    return validate(this.host.state, action);
  }

  isHuman(role: RoleId): boolean {
    return this.seating.humans.includes(role);
  }

  // ------------------------------------------------------------ starting and opening games

  /** A new game. */
  start(scenario: LoadedScenario, seating: Seating, seed: string): void {
    this.install(new MatchHost(scenario.scenario, scenario.hash, seed), scenario, seating, {});
    this.saveSoon();
    this.advance();
  }

  /** Open a record (from storage or a file). Nothing changes unless it opens. */
  async open(data: unknown, fallback?: Seating, ui: Record<string, unknown> = {}): Promise<Opened> {
    const opened = await openRecord(data);
    if (!opened.ok) return opened;
    const seats = opened.host.state.seats;
    const keep = (s: Seating | undefined | null) => (s && s.humans.length > 0 && s.humans.every((r) => seats.includes(r)) ? s : null);
    const seating = opened.seating ?? keep(fallback) ?? keep(this.seating) ?? { mode: 'solo', humans: [seats.find((s) => !opened.host.state.islands[s]) ?? seats[0] ?? ''] };
    this.install(opened.host, opened.scenario, seating, ui);
    if (opened.notice) this.notice = { kind: 'info', text: opened.notice };
    this.rebuildHistory();
    this.saveSoon();
    this.advance();
    return opened;
  }

  /** Open a saved game from the store. */
  async openSaved(id: string): Promise<Opened> {
    const saved = await this.deps.store.get(id);
    if (!saved) return { ok: false, message: 'That save is no longer there.' };
    return this.open(saved.record, saved.seating, saved.ui ?? {});
  }

  private install(host: MatchHost, scenario: LoadedScenario, seating: Seating, ui: Record<string, unknown>): void {
    this.gen++;
    this.unsubscribe?.();
    this.host = host;
    this.scenario = scenario;
    this.seating = { ...seating, humans: host.state.seats.filter((s) => seating.humans.includes(s)) };
    this.firstDone = new Set(Array.isArray(ui.firstDone) ? (ui.firstDone as string[]) : []);
    const wanted = typeof ui.active === 'string' && this.seating.humans.includes(ui.active) ? ui.active : null;
    this.active = wanted;
    this.shown = null;
    this.busy = null;
    this.notice = null;
    this.reactPass = 1;
    this.history.reset();
    this.history.observe(host.state);
    this.unsubscribe = host.onChange((s) => {
      this.history.observe(s);
      this.saveSoon();
      this.redraw();
    });
    this.redraw();
  }

  /** Metrics of the rounds before a loaded game's current one: play the record again, quietly. */
  private rebuildHistory(): void {
    const host = this.host;
    const scenario = this.scenario;
    if (!host || !scenario) return;
    const gen = this.gen;
    setTimeout(() => {
      if (gen !== this.gen) return;
      const shadow = new MatchHost(scenario.scenario, scenario.hash, host.record.seed, { hashes: false, origin: host.record.origin?.state });
      const history = new MetricHistory();
      history.observe(shadow.state);
      for (const a of host.record.actions) {
        shadow.submit(a);
        history.observe(shadow.state);
      }
      if (gen !== this.gen) return;
      const later = this.history.snapshots.filter((s) => !history.snapshots.some((x) => x.round === s.round));
      this.history.snapshots = [...history.snapshots, ...later].sort((a, b) => a.round - b.round);
      this.redraw();
    }, 0);
  }

  /** Leave the game for the menu; the game stays in memory (and saved) to continue. */
  toMenu(): void {
    this.shown = null;
    this.flow.send({ type: 'MENU' });
  }

  /** Back to the game left for the menu. */
  continueGame(): void {
    if (!this.host) return;
    if (this.host.over) {
      this.flow.send({ type: 'OVER' });
      return;
    }
    this.advance();
  }

  // ------------------------------------------------------------ playing

  /** A human seat's action. Refused actions change nothing and come back with the reason. */
  submit(action: Action): Refusal | null {
    const host = this.host;
    if (!host) return { code: 'malformed', message: 'There is no game in progress.' };
    if (this.busy) return { code: 'wrongPhase', message: 'Wait a moment: the computer seats are moving.' };
    if (!this.shown || action.role !== this.shown) return { code: 'unknownRole', field: 'role', message: 'It is not this seat’s turn.' };
    const refusal = host.submit(action);
    if (refusal) return refusal;
    this.notice = null;
    if (action.type === 'endPhase') this.advance();
    else if (host.state.phase === 'negotiation') this.react();
    return null;
  }

  endPhase(): Refusal | null {
    if (!this.shown) return { code: 'unknownRole', message: 'Nobody is at the screen.' };
    return this.submit({ type: 'endPhase', role: this.shown });
  }

  /** Hot-seat: hand the device to the next player who has not ended the phase, without ending it. */
  passSeat(): void {
    const next = this.nextHuman(this.active, false);
    if (!next || next === this.active) return;
    this.active = next;
    this.handOff(next);
  }

  /** Hot-seat: the player the device was handed to is ready. */
  takeSeat(): void {
    if (!this.active) return;
    this.shown = this.active;
    this.flow.send({ type: 'PLAY', seat: this.active });
    this.saveSoon();
  }

  /**
   * Who plays now, given that `from` was playing: `from` again while it has not ended the phase
   * (unless `stay` is false), else the next human seat in seat order that has not.
   */
  nextHuman(from: RoleId | null, stay = true): RoleId | null {
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
    this.flow.send({ type: 'HANDOFF', seat });
    this.saveSoon();
  }

  /** Run the game forward: computer seats' turns, then wait for the next human. */
  private advance(): void {
    const gen = this.gen;
    this.enqueue(() => this.drive(gen));
  }

  /** Computer seats answer what humans just sent them. */
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
    this.queue = this.queue.then(task).catch((e: unknown) => {
      this.busy = null;
      this.notice = { kind: 'error', text: `The computer seats could not move: ${e instanceof Error ? e.message : String(e)}` };
      this.redraw();
    });
  }

  /** Computer seats that have not ended the phase. */
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
        this.flow.send({ type: 'OVER' });
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
          this.redraw();
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
        this.redraw();
        return;
      }
      // Every human has ended the phase: computer seats answer what is left, then end it too.
      const bots = this.bots();
      if (bots.length) {
        this.busy = 'Computer seats are finishing the phase.';
        this.redraw();
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
        this.redraw();
        return;
      }
    }
  }

  private seatHuman(next: RoleId): void {
    this.active = next;
    if (this.seating.mode === 'hotseat' && this.seating.humans.length > 1 && this.shown !== next) {
      // Never show one player's screen to the next: hand the device over first.
      if (this.screen !== 'handoff' || this.flow.getSnapshot().context.seat !== next) this.handOff(next);
      return;
    }
    this.shown = next;
    if (this.screen !== 'match' || this.flow.getSnapshot().context.seat !== next) this.flow.send({ type: 'PLAY', seat: next });
  }

  /** Passes over the computer seats until none acts, each on its own fresh view. */
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

  /** The save of the game now. */
  saved(id: string, name?: string): SavedGame | null {
    const host = this.host;
    if (!host || !this.scenario) return null;
    const s = host.state;
    const humans = this.seating.humans.map((r) => roleName(s, r)).join(', ');
    const now = (this.deps.now ?? (() => new Date()))();
    return {
      id,
      name: name ?? `${s.scenario.title}: round ${s.round}, ${phaseLabel(s.phase).toLowerCase()} (${humans})`,
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
  saveSoon(): void {
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
        this.notice = { kind: 'error', text: `The game could not be saved in this browser: ${e instanceof Error ? e.message : String(e)}` };
      } finally {
        this.saving = false;
        this.redraw();
      }
    })();
  }

  /** A named save beside the autosave. */
  async saveAs(): Promise<string> {
    const now = (this.deps.now ?? (() => new Date()))();
    const game = this.saved(`save-${now.getTime()}`);
    if (!game) throw new Error('There is no game to save.');
    await this.deps.store.put(game);
    return game.name;
  }

  /** Stop everything (tests, page unload). */
  dispose(): void {
    this.gen++;
    this.unsubscribe?.();
    this.flow.stop();
  }
}
