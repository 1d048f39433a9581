import {
  createGame,
  legalActions,
  RULES_VERSION,
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
import { checkRecord, ENGINE_VERSION, RECORD_FORMAT, type GameRecord } from './record';

/**
 * The authority over one game: takes an action from a seat, validates it, applies it, appends it
 * to the record and hands out views. The same class runs in the browser, the CLI and a server room.
 */
export class MatchHost {
  private current: GameState;
  readonly record: GameRecord;
  private listeners: ((s: GameState, a: Action) => void)[] = [];

  /** `hashes: false` skips the per-round state hashes (batch runs that keep no record). */
  constructor(
    readonly scenario: ScenarioData,
    scenarioHash: string,
    seed: string,
    private readonly options: { hashes?: boolean } = {},
  ) {
    this.current = createGame(scenario, scenarioHash, seed);
    this.record = {
      format: RECORD_FORMAT,
      scenario: { id: scenario.id, version: scenario.version, hash: scenarioHash },
      engine: ENGINE_VERSION,
      rules: RULES_VERSION,
      seed,
      actions: [],
      hashes: [],
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

  /** Apply an action; a refused action changes nothing and says why. */
  submit(action: Action): Refusal | null {
    const before = this.current;
    const result = step(before, action);
    if (!result.ok) return result.refusal;
    this.current = result.state;
    this.record.actions.push(action);
    if (this.options.hashes !== false && (this.current.round !== before.round || (this.current.phase === 'over' && before.phase !== 'over')))
      this.record.hashes.push({ round: before.round, hash: stateHash(this.current) });
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

/**
 * Play a record again from its seed. Refuses a record of another rules version or another
 * scenario before playing; reports each round's hash against the one recorded.
 */
export function replay(data: unknown, scenario: ScenarioData, scenarioHash: string): ReplayResult {
  const checked = checkRecord(data, RULES_VERSION);
  if (!checked.ok) return checked;
  const record = checked.record;
  if (record.scenario.id !== scenario.id) return { ok: false, message: `The record is of scenario "${record.scenario.id}", not "${scenario.id}".` };
  if (record.scenario.hash !== scenarioHash)
    return { ok: false, message: `The record was made with a different version of scenario "${scenario.id}" (its content hash differs): it cannot be replayed exactly.` };
  const host = new MatchHost(scenario, scenarioHash, record.seed);
  for (let i = 0; i < record.actions.length; i++) {
    const refusal = host.submit(record.actions[i] as Action);
    if (refusal) return { ok: false, message: `Action ${i + 1} of the record is refused: ${refusal.message}` };
  }
  const rounds = record.hashes.map((h) => {
    const actual = host.record.hashes.find((x) => x.round === h.round)?.hash ?? null;
    return { round: h.round, expected: h.hash, actual, match: actual === h.hash };
  });
  return { ok: true, host, rounds, allMatch: rounds.every((r) => r.match) && host.record.hashes.length === record.hashes.length };
}
