import { createActor, type Actor } from 'xstate';
import type { Action, ActionTemplate, GameView, Refusal, RoleId } from '../engine';
import type { SaveSummary, Seating } from '../host/storage';
import { flowMachine, type Screen } from './flow';
import type { GameSummary, Notice, OnlineSeat, Opening, PageMessage, SessionAnswers, SessionRequest, SessionUpdate, WorkerMessage } from './game-protocol';
import { MetricHistory } from './metrics';
import type { LoadedScenario } from './scenarios';

export { DEFAULT_POLICY } from './game-session';
export type { Notice } from './game-protocol';

/** How the page reaches the game: a Web Worker in the browser, the same session in-process in tests. */
export interface GamePort {
  send(message: PageMessage): void;
  listen(fn: (message: WorkerMessage) => void): void;
  close(): void;
  /** An online team seat: sign (or decline) a teammate's move that waits for this member's signature. */
  sign?(id: number, approve: boolean): void;
}

/** The game's worker (src/ui/game-worker.ts). */
export function workerPort(): GamePort {
  const worker = new Worker(new URL('./game-worker.ts', import.meta.url), { type: 'module', name: 'game' });
  let listener: (m: WorkerMessage) => void = () => undefined;
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => listener(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    listener({ type: 'failed', id: -1, message: 'The game stopped working in this tab: reload the page (your game is saved after every move).' });
  };
  return {
    send: (m) => worker.postMessage(m),
    listen: (fn) => (listener = fn),
    close: () => worker.terminate(),
  };
}

const NO_GAME: Refusal = { code: 'malformed', message: 'There is no game in progress.' };

/**
 * The page's half of the game: what the seat at the screen may see, as the game's worker last
 * sent it, and the app flow. Views read from here and call redraw; they never change the game
 * except through the requests below, which the worker answers. The state itself, the record and
 * the other seats' views stay in the worker.
 */
export class GameController {
  game: GameSummary | null = null;
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
  /** A game in progress that no named save holds as it is now. */
  unsaved = false;
  /** Hot-seat: who "Pass to …" hands the device to. */
  nextSeat: RoleId | null = null;
  /** The online room's seat this page plays, or null for a game in this browser. */
  online: OnlineSeat | null = null;
  readonly history = new MetricHistory();
  /** Views as the scores were counted (game-protocol.ts), for "why it moved". */
  counted: NonNullable<SessionUpdate['counted']> = { before: null, now: null, first: null };
  readonly flow: Actor<typeof flowMachine>;

  private current: { view: GameView | null; legal: ActionTemplate[]; spectator: GameView | null } = { view: null, legal: [], spectator: null };
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: unknown) => void }>();
  private listeners: (() => void)[] = [];
  private redrawPending = false;
  private updates = 0;

  private readonly local: GamePort;

  constructor(private port: GamePort) {
    this.local = port;
    this.flow = createActor(flowMachine).start();
    this.flow.subscribe(() => this.redraw());
    port.listen((m) => this.receive(m));
  }

  /**
   * Play through another port (an online room's seat) until `playLocal`; the game in this browser
   * stays in its worker meanwhile. Answers still owed by the port left behind are dropped.
   */
  playThrough(port: GamePort): void {
    if (this.port !== this.local) this.port.close();
    this.port.listen(() => undefined);
    for (const p of this.pending.values()) p.resolve({ ok: false, message: 'The game changed.', code: 'malformed' });
    this.pending.clear();
    this.port = port;
    port.listen((m) => this.receive(m));
  }

  /** Sign or decline a move waiting for this member's signature (online team seats only). */
  sign(id: number, approve: boolean): void {
    this.port.sign?.(id, approve);
  }

  /** Back to the game in this browser (its worker sends where it stands). */
  playLocal(): void {
    if (this.port === this.local) return;
    this.port.close();
    for (const p of this.pending.values()) p.resolve({ ok: false, message: 'The game changed.', code: 'malformed' });
    this.pending.clear();
    this.port = this.local;
    this.online = null;
    this.local.listen((m) => this.receive(m));
    this.shown = null;
    this.flow.send({ type: 'MENU' });
    void this.ask({ kind: 'toMenu' });
  }

  get screen(): Screen {
    return this.flow.getSnapshot().value as Screen;
  }

  /** How many updates the worker has sent (tests wait on it). */
  get updateCount(): number {
    return this.updates;
  }

  private receive(m: WorkerMessage): void {
    if (m.type === 'update') return this.apply(m.update);
    if (m.type === 'failed' && m.id === -1) {
      this.busy = null;
      this.notice = { kind: 'error', text: m.message };
      for (const p of this.pending.values()) p.resolve({ ok: false, message: m.message, code: 'malformed' });
      this.pending.clear();
      this.redraw();
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.resolve(m.type === 'answer' ? m.answer : { ok: false, message: m.message, code: 'malformed' });
  }

  private apply(u: SessionUpdate): void {
    this.updates++;
    if (u.scenario) this.scenario = { id: u.scenario.id, file: u.scenario.file, hash: u.scenario.hash, scenario: u.scenario.scenario };
    if (!u.game) this.scenario = null;
    this.game = u.game;
    this.seating = u.seating;
    this.active = u.active;
    this.shown = u.shown;
    this.busy = u.busy;
    this.notice = u.notice;
    this.saveState = u.saveState;
    this.unsaved = u.unsaved;
    this.nextSeat = u.nextSeat;
    this.online = u.online ?? null;
    this.history.snapshots = u.history;
    this.current = { view: u.view, legal: u.legal, spectator: u.spectator };
    this.counted = u.counted ?? { before: null, now: null, first: null };
    if (u.flow) this.flow.send(u.flow);
    this.redraw();
  }

  private ask<K extends SessionRequest['kind']>(request: Extract<SessionRequest, { kind: K }>): Promise<SessionAnswers[K]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as (a: unknown) => void });
      this.port.send({ id, request });
    });
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
    return this.shown ? this.current.view : null;
  }

  /** What everyone may see: for the map while nobody's screen shows. */
  publicView(): GameView | null {
    return this.current.spectator;
  }

  legal(): ActionTemplate[] {
    return this.shown ? this.current.legal : [];
  }

  isHuman(role: RoleId): boolean {
    return this.seating.humans.includes(role);
  }

  // ------------------------------------------------------------ starting and opening games

  /** A new game. */
  async start(scenario: LoadedScenario, seating: Seating, seed: string): Promise<Opening> {
    this.scenario = scenario;
    return this.ask({ kind: 'start', scenarioId: scenario.id, seating, seed, ...(scenario.opened ? { text: scenario.opened.text } : {}) });
  }

  /**
   * Open a record (parsed data). Nothing changes unless it opens; a file that would replace a game
   * in progress that no named save holds comes back with `ask` unless `replace` says to go ahead.
   */
  open(data: unknown, replace = false): Promise<Opening> {
    return this.ask({ kind: 'open', data, replace });
  }

  /** Open a record or save file's text (the worker parses it). Nothing changes unless it opens. */
  openText(text: string, replace = false): Promise<Opening> {
    return this.ask({ kind: 'openText', text, replace });
  }

  /** Open a saved game from the browser's saves. */
  openSaved(id: string, replace = false): Promise<Opening> {
    return this.ask({ kind: 'openSaved', id, replace });
  }

  /** Carry on the game this browser was playing, if it did not finish. */
  resume(): Promise<Opening | null> {
    return this.ask({ kind: 'resume' });
  }

  /** Leave the game for the menu; the game stays in the worker (and saved) to continue. */
  toMenu(): void {
    this.shown = null;
    this.flow.send({ type: 'MENU' });
    void this.ask({ kind: 'toMenu' });
  }

  /** Back to the game left for the menu. */
  continueGame(): void {
    void this.ask({ kind: 'continue' });
  }

  // ------------------------------------------------------------ playing

  /** A human seat's action. Refused actions change nothing and come back with the reason. */
  async submit(action: Action): Promise<Refusal | null> {
    if (!this.game) return NO_GAME;
    const r = await this.ask({ kind: 'submit', action });
    if (!r) this.notice = null;
    return r;
  }

  async endPhase(): Promise<Refusal | null> {
    if (!this.shown) return { code: 'unknownRole', message: 'Nobody is at the screen.' };
    // End phase waits for the game's worker: the button is disabled until it answers, so a second click cannot end the next phase too.
    this.busy = 'Ending the phase…';
    this.redraw();
    const refusal = await this.submit({ type: 'endPhase', role: this.shown });
    if (refusal && this.busy === 'Ending the phase…') {
      this.busy = null;
      this.redraw();
    }
    return refusal;
  }

  /** Hot-seat: hand the device to the next player who has not ended the phase, without ending it. */
  passSeat(): void {
    void this.ask({ kind: 'passSeat' });
  }

  /** Hot-seat: the player the device was handed to is ready; the worker sends that seat's view. */
  takeSeat(): void {
    void this.ask({ kind: 'takeSeat' });
  }

  // ------------------------------------------------------------ saving

  /** Write the autosave now (page hide). */
  saveSoon(): void {
    void this.ask({ kind: 'autosave' });
  }

  /** A named save beside the autosave; its name. */
  async saveAs(): Promise<string> {
    const r = await this.ask({ kind: 'saveAs' });
    if (!r.ok) throw new Error(r.message);
    return r.name;
  }

  /** The game as a file to download (in hot-seat, the game's full record). */
  exportFile(): Promise<SessionAnswers['export']> {
    return this.ask({ kind: 'export' });
  }

  listSaves(): Promise<SessionAnswers['list']> {
    return this.ask({ kind: 'list' });
  }

  async removeSave(id: string): Promise<void> {
    await this.ask({ kind: 'remove', id });
  }

  /** Stop everything (tests, page unload). */
  dispose(): void {
    this.flow.stop();
    this.port.close();
    if (this.port !== this.local) this.local.close();
  }
}

export type { SaveSummary };
