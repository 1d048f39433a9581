import { view, type Action, type GameView, type RoleId } from '../../engine';
import { facilitatorEntry, knowledgeMarks, playRecord, type KnowledgeMark, type PlayedRecord, type TimelineEntry, type TimelineKind } from '../../host/figures';
import type { LoadedScenario } from '../scenarios';
import { OddsRunner, type OddsResult } from './odds';
import { branchStart, type BranchResult } from '../../ai/branch';
import type { BranchRequest } from './branch-worker';
import { own } from '../../engine/util';

export interface BranchState {
  status: 'idle' | 'running' | 'done' | 'failed';
  from: number;
  level: string;
  results: BranchResult[];
  error: string | null;
}

/** What a facilitator's undo took out of an online game (the server keeps it beside the record: `branches`). */
export interface AbandonedBranch {
  branch: number;
  /** The round the game went back to. */
  round: number;
  at: string;
  actions: unknown[];
}

export type DebriefTab = 'overview' | 'timeline' | 'knew' | 'whatif' | 'odds' | 'history';
export const TABS: { id: DebriefTab; label: string }[] = [
  { id: 'overview', label: 'Over time' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'knew', label: 'What each side knew' },
  { id: 'whatif', label: 'What if' },
  { id: 'odds', label: 'Against the odds' },
  { id: 'history', label: 'Against history' },
];

/** How often the page shows the simulated games as they come in, ms. */
const ODDS_REDRAW_MS = 1000;

export interface OddsState {
  status: 'idle' | 'running' | 'done' | 'failed';
  games: number;
  done: number;
  results: OddsResult[];
  seconds: number;
  error: string | null;
}

/**
 * The debrief of one game: it plays the record again once, keeps every state, and holds what the
 * screen shows (tab, chosen role, round, filters, the simulated games). Views only render it.
 */
export class DebriefController {
  tab: DebriefTab = 'overview';
  /** The role the charts show, or every role's score. */
  chartRole: RoleId | 'all' = 'all';
  filterRole: RoleId | 'all' = 'all';
  filterKind: TimelineKind | 'all' = 'all';
  knewRole: RoleId;
  /** The round whose end the "what each side knew" step shows (0: the start). */
  knewRound = 0;
  full = false;
  odds: OddsState = { status: 'idle', games: 200, done: 0, results: [], seconds: 0, error: null };
  branch: BranchState = { status: 'idle', from: 3, level: 'normal', results: [], error: null };
  private runner: OddsRunner | null = null;
  /** The redraw waiting to show the simulated games that came in since the last one. */
  private oddsDraw: ReturnType<typeof setTimeout> | null = null;
  private brancher: Worker | null = null;
  private marksCache = new Map<RoleId, KnowledgeMark[]>();
  private listeners: (() => void)[] = [];
  /** Branches a facilitator undid, when the debrief was opened from the facilitator's console. */
  abandoned: AbandonedBranch[] = [];

  constructor(
    readonly played: PlayedRecord,
    readonly scenario: LoadedScenario,
  ) {
    this.knewRole = played.figures.seats[0] ?? '';
    this.branch.from = Math.min(3, Math.max(1, this.lastRound));
  }

  /** Play a record for its debrief; a message when it does not replay. */
  static open(data: unknown, scenario: LoadedScenario): { ok: true; controller: DebriefController } | { ok: false; message: string } {
    const r = playRecord(data, scenario.scenario, scenario.hash);
    if (!r.ok) return r;
    return { ok: true, controller: new DebriefController(r.played, scenario) };
  }

  /** How a branch names this game: its first round's hash (docs/records.md, `branch`). */
  get parentId(): string {
    return this.played.record.hashes[0]?.hash ?? this.played.record.seed;
  }

  /** The game's timeline, with each undone branch as an entry at the round the game went back to. */
  get timeline(): TimelineEntry[] {
    const f = this.figures;
    // The abandoned branches' actions come from the server's record: their seats are looked up as own keys only.
    const nameOf = (r: RoleId) => own(f.names, r) ?? r;
    const undone: TimelineEntry[] = this.abandoned.map((b) => {
      const said = b.actions.flatMap((a) => {
        try {
          return [facilitatorEntry(a as Action, nameOf, this.stateAt(b.round))?.text].filter((t): t is string => Boolean(t));
        } catch {
          return [];
        }
      });
      const when = Number.isNaN(Date.parse(b.at)) ? '' : ` at ${new Date(b.at).toISOString().slice(11, 16)} UTC`;
      return {
        round: b.round,
        kind: 'undone',
        roles: [],
        text: `The facilitator went back to the start of round ${b.round}${when}: ${b.actions.length} move${b.actions.length === 1 ? '' : 's'} undone${said.length ? ` (among them: ${said.join('; ')})` : ''}`,
        seenBy: 'all',
        at: -1,
      };
    });
    // An undone branch sits before what was played again from its round.
    return [...f.timeline, ...undone].sort((x, y) => x.round - y.round || (x.kind === 'undone' ? -1 : 0) - (y.kind === 'undone' ? -1 : 0));
  }

  get figures() {
    return this.played.figures;
  }

  get lastRound(): number {
    return Math.max(...this.played.roundEnds.keys());
  }

  onRedraw(l: () => void): void {
    this.listeners.push(l);
  }

  redraw(): void {
    for (const l of this.listeners) l();
  }

  set<K extends 'tab' | 'chartRole' | 'filterRole' | 'filterKind' | 'knewRole' | 'knewRound' | 'full' | 'branch'>(key: K, value: this[K]): void {
    this[key] = value;
    this.redraw();
  }

  /** The state at the end of a round: what the "what each side knew" step shows. */
  stateAt(round: number) {
    return this.played.roundEnds.get(round) ?? this.played.host.state;
  }

  /** Exactly the chosen role's view at the end of the chosen round, or the full picture. */
  knewView(): GameView {
    return view(this.stateAt(this.knewRound), this.full ? 'facilitator' : this.knewRole);
  }

  /**
   * The log entries this viewer sees now and did not see at the step before: what happened since,
   * and what it has just learnt of earlier (a leak shows the report of a clause signed rounds ago).
   */
  freshLog(v: GameView) {
    const key = (e: { round: number; text: string }) => `${e.round}|${e.text}`;
    const before = this.knewRound > 0 ? new Set(view(this.stateAt(this.knewRound - 1), v.viewer).log.map(key)) : new Set<string>();
    return v.log.filter((e) => !before.has(key(e)));
  }

  /** A step's name: each step is the state once a round is over and the next round's briefing is out. */
  stepLabel(k = this.knewRound): string {
    const last = this.lastRound;
    if (k === 0) return 'Round 1 opens';
    return k >= last ? `Round ${k} over: the end` : `Round ${k} over, round ${k + 1} opens`;
  }

  /** What the role could see at that round, to set beside the full picture. */
  roleView(): GameView {
    return view(this.stateAt(this.knewRound), this.knewRole);
  }

  marks(role: RoleId): KnowledgeMark[] {
    let m = this.marksCache.get(role);
    if (!m) {
      const p = this.played;
      m = knowledgeMarks(p.states[0] ?? p.host.state, p.record.actions, p.states, p.host.state, role);
      this.marksCache.set(role, m);
    }
    return m;
  }

  /** Play `games` games with normal bots in every seat, in Web Workers, with progress. */
  runOdds(games: number): void {
    this.runner?.stop();
    this.odds = { status: 'running', games, done: 0, results: [], seconds: 0, error: null };
    const started = performance.now();
    const runner = new OddsRunner(this.scenario.scenario, this.scenario.hash);
    this.runner = runner;
    runner
      .run(
        Array.from({ length: games }, (_, i) => i + 1),
        (r) => {
          this.odds.results.push(r);
          this.odds.done = this.odds.results.length;
          this.odds.seconds = (performance.now() - started) / 1000;
          // The games come in faster than anyone reads: the page shows them once a second,
          // so that the main thread stays free while the workers play (the bench's longest task).
          this.oddsDraw ??= setTimeout(() => {
            this.oddsDraw = null;
            this.redraw();
          }, ODDS_REDRAW_MS);
        },
      )
      .then(() => {
        if (this.runner !== runner) return;
        this.cancelOddsDraw();
        this.odds.status = 'done';
        this.odds.seconds = (performance.now() - started) / 1000;
        this.odds.results.sort((a, b) => a.seed - b.seed);
        this.redraw();
      })
      .catch((e: unknown) => {
        if (this.runner !== runner) return;
        this.cancelOddsDraw();
        this.odds.status = 'failed';
        this.odds.error = e instanceof Error ? e.message : String(e);
        this.redraw();
      });
    this.redraw();
  }

  /**
   * Branch from a round: the game as that round opens, played on to its end by computer players
   * of one level in a Web Worker, with the original's later events in the same order.
   */
  runBranch(from: number, level: string): void {
    this.brancher?.terminate();
    const opening = this.played.roundEnds.get(from - 1);
    if (!opening || from < 1 || from > this.lastRound) return;
    this.branch = { ...this.branch, status: 'running', from, level, error: null };
    const worker = new Worker(new URL('./branch-worker.ts', import.meta.url), { type: 'module', name: 'what if' });
    this.brancher = worker;
    const start = branchStart(opening, this.played.host.state.events, from);
    worker.onmessage = (e: MessageEvent<{ result: BranchResult } | { error: string }>) => {
      worker.terminate();
      if (this.brancher !== worker) return;
      this.brancher = null;
      if ('result' in e.data) this.branch = { ...this.branch, status: 'done', results: [e.data.result, ...this.branch.results].slice(0, 3) };
      else this.branch = { ...this.branch, status: 'failed', error: e.data.error };
      this.redraw();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.branch = { ...this.branch, status: 'failed', error: e.message || 'the worker failed to load' };
      this.redraw();
    };
    worker.postMessage({ scenario: this.scenario.scenario, hash: this.scenario.hash, seed: this.played.record.seed, start, from, level, parent: this.parentId } satisfies BranchRequest);
    this.redraw();
  }

  private cancelOddsDraw(): void {
    if (this.oddsDraw !== null) clearTimeout(this.oddsDraw);
    this.oddsDraw = null;
  }

  stopOdds(): void {
    this.cancelOddsDraw();
    this.runner?.stop();
    this.runner = null;
    if (this.odds.status === 'running') this.odds.status = this.odds.results.length ? 'done' : 'idle';
    this.redraw();
  }

  dispose(): void {
    this.cancelOddsDraw();
    this.runner?.stop();
    this.brancher?.terminate();
    this.brancher = null;
    this.runner = null;
    this.listeners = [];
  }
}
