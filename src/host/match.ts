import {
  canonicalJson,
  carryOn,
  createGame,
  legalActions,
  RULES_VERSION,
  sha256Hex,
  stateHash,
  step,
  view,
  type Action,
  type ActionTemplate,
  type GameState,
  type GameView,
  type Refusal,
  type RoleId,
  type ScenarioData,
  type ViewerId,
} from '../engine';
import { checkRecord, clip, ENGINE_VERSION, RECORD_FORMAT, type ActionMeta, type GameRecord } from './record';

export interface MatchOptions {
  /** `false` skips the per-round state hashes, figures and the embedded scenario (batch runs that keep no record). */
  hashes?: boolean;
  /** Start from this state instead of the seed's opening position (a continued save, a branch). */
  origin?: GameState;
  /** What the record says about where it came from. */
  continued?: GameRecord['continued'];
  branch?: GameRecord['branch'];
  /** Per-round figures of the rounds played before `origin`. */
  rounds?: GameRecord['rounds'];
}

/**
 * The authority over one game: takes an action from a seat, validates it, applies it, appends it
 * to the record and hands out views. The same class runs in the browser, the CLI and a server room.
 */
export class MatchHost {
  private current: GameState;
  readonly record: GameRecord;
  private listeners: ((s: GameState, a: Action) => void)[] = [];

  constructor(
    readonly scenario: ScenarioData,
    scenarioHash: string,
    seed: string,
    private readonly options: MatchOptions = {},
  ) {
    this.current = options.origin ? carryOn(options.origin, seed) : createGame(scenario, scenarioHash, seed);
    const keep = options.hashes !== false;
    this.record = {
      format: RECORD_FORMAT,
      scenario: { id: scenario.id, version: scenario.version, hash: scenarioHash, ...(keep ? { text: canonicalJson(withoutHistory(scenario)) } : {}) },
      engine: ENGINE_VERSION,
      rules: RULES_VERSION,
      seed,
      ...(options.origin ? { origin: { state: this.current, hash: stateHash(this.current) } } : {}),
      ...(options.continued ? { continued: options.continued } : {}),
      ...(options.branch ? { branch: options.branch } : {}),
      actions: [],
      meta: [],
      hashes: [],
      rounds: [...(options.rounds ?? [])],
    };
  }

  /**
   * A host that carries on from a state of another game (a branch of a finished game, from one of
   * its rounds): its record holds only the actions from there on.
   */
  static resume(scenario: ScenarioData, scenarioHash: string, seed: string, from: GameState, options: { hashes?: boolean } = {}): MatchHost {
    const host = new MatchHost(scenario, scenarioHash, seed, options);
    host.current = from;
    return host;
  }

  get state(): GameState {
    return this.current;
  }

  get over(): boolean {
    return this.current.phase === 'over';
  }

  /** Apply an action; a refused action changes nothing and says why. `meta` goes in the record beside it, outside the state hash. */
  submit(action: Action, meta: ActionMeta = {}): Refusal | null {
    const before = this.current;
    const result = step(before, action);
    if (!result.ok) return result.refusal;
    this.current = result.state;
    this.record.actions.push(action);
    this.record.meta?.push(meta);
    if (this.options.hashes !== false && (this.current.round !== before.round || (this.current.phase === 'over' && before.phase !== 'over'))) {
      this.record.hashes.push({ round: before.round, hash: stateHash(this.current) });
      this.record.rounds?.push({ round: before.round, scores: structuredClone(this.current.scores) });
    }
    for (const l of this.listeners) l(this.current, action);
    return null;
  }

  onChange(listener: (s: GameState, a: Action) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  view(viewer: ViewerId): GameView {
    return view(this.current, viewer);
  }

  legal(role: RoleId): ActionTemplate[] {
    return legalActions(view(this.current, role), role);
  }

  /** The record as a save keeps it: a plain copy with the last state, so it carries on under later rules too. */
  saveRecord(): GameRecord {
    const copy = JSON.parse(JSON.stringify(this.record)) as GameRecord;
    copy.last = { state: JSON.parse(JSON.stringify(this.current)) as GameState, hash: stateHash(this.current) };
    return copy;
  }
}

export interface ReplayRound {
  round: number;
  expected: string;
  actual: string | null;
  match: boolean;
}

export type ReplayResult =
  | { ok: true; host: MatchHost; rounds: ReplayRound[]; allMatch: boolean }
  | { ok: false; message: string };

/** A scenario as the game plays it: its `history:` is for the debrief and stays outside its hash. */
export function withoutHistory(scenario: ScenarioData): ScenarioData {
  const { history: _history, ...played } = scenario;
  return played;
}

/** The embedded scenario text proves itself: its SHA-256 is the scenario hash the record names. */
export const embeddedScenarioMatches = (record: GameRecord): boolean => typeof record.scenario.text === 'string' && sha256Hex(record.scenario.text) === record.scenario.hash;

/**
 * Play a record again from its seed (or its starting state). Refuses a record of another rules
 * version or another scenario before playing; reports each round's hash against the one recorded,
 * in order: a record whose hashes were moved, dropped or repeated does not match.
 */
export function replay(data: unknown, scenario: ScenarioData, scenarioHash: string): ReplayResult {
  const checked = checkRecord(data);
  if (!checked.ok) return checked;
  const record = checked.record;
  if (record.rules !== RULES_VERSION)
    return { ok: false, message: `This record was played under rules version ${record.rules}; this engine plays rules version ${RULES_VERSION}. It cannot be replayed exactly.` };
  if (record.scenario.id !== scenario.id) return { ok: false, message: `The record is of scenario "${record.scenario.id}", not "${scenario.id}".` };
  if (record.scenario.hash !== scenarioHash)
    return { ok: false, message: `The record was made with a different version of scenario "${scenario.id}" (its content hash differs): it cannot be replayed exactly.` };
  let host: MatchHost;
  try {
    if (record.origin && stateHash(record.origin.state) !== record.origin.hash) return { ok: false, message: 'The record’s starting state does not match its hash: it was changed.' };
    host = new MatchHost(scenario, scenarioHash, record.seed, { origin: record.origin?.state, continued: record.continued, branch: record.branch, rounds: record.origin ? record.rounds?.filter((f) => f.round < (record.origin?.state.round ?? 0)) : [] });
  } catch {
    return { ok: false, message: 'The record’s starting state cannot be played by this engine.' };
  }
  for (let i = 0; i < record.actions.length; i++) {
    let refusal: Refusal | null;
    try {
      refusal = host.submit(record.actions[i] as Action, record.meta?.[i] ?? {});
    } catch {
      return { ok: false, message: `Action ${i + 1} of the record cannot be played: it is not an action this game knows.` };
    }
    if (refusal) return { ok: false, message: `Action ${i + 1} of the record is refused: ${clip(refusal.message, 300)}` };
  }
  const actual = host.record.hashes;
  const rounds = record.hashes.map((h, i) => {
    const got = actual[i]?.round === h.round ? actual[i].hash : null;
    return { round: h.round, expected: h.hash, actual: got, match: got === h.hash };
  });
  return { ok: true, host, rounds, allMatch: rounds.every((r) => r.match) && actual.length === record.hashes.length };
}
