import { PHASES, type Action, type GameState, type RoleId, type Score } from '../engine';
import pkg from '../../package.json';

/** The record format this code writes. Format 1 records still load (see docs/records.md). */
export const RECORD_FORMAT = 2;
export const ENGINE_VERSION: string = pkg.version;

/** Larger than any real record or save (an embedded scenario, a last state and a long game fit with room to spare): refused before parsing. */
export const MAX_RECORD_BYTES = 20_000_000;

/**
 * What is known about an action besides the action itself: who in a team sent it, when, and
 * whether a deadline ended the phase for that seat. Kept beside the actions, outside the state
 * hash: two games with the same actions are the same game whoever clicked and whenever.
 */
export interface ActionMeta {
  /** The person (a team member's name or handle) who sent it for the seat. */
  by?: string;
  /** ISO date and time the host took it. */
  at?: string;
  /** The phase ended for this seat because its time ran out, not because it chose to. */
  deadline?: boolean;
}

/** Each role's score at the end of a round, as the rules of the record computed it. */
export interface RoundFigures {
  round: number;
  scores: Record<RoleId, Score>;
}

/**
 * Everything needed to play a game again, move for move: the scenario (its id, version and
 * content hash, and in format 2 its whole text), the engine and rules versions, the seed and every
 * action, End phase included. The state hash after each round lets a replay prove it reached the
 * same game; the per-round figures let a debrief show an old game without playing it again.
 */
export interface GameRecord {
  format: number;
  /** `text`: the scenario as canonical JSON (a YAML document too); its SHA-256 is `hash`. */
  scenario: { id: string; version: number; hash: string; text?: string };
  engine: string;
  rules: number;
  seed: string;
  actions: Action[];
  /** One entry per action, same order (format 2); `{}` when nothing is known. Not in the state hash. */
  meta?: ActionMeta[];
  /** State hash once the round's last action is applied (its resolution, domestic phase and the next briefing included). */
  hashes: { round: number; hash: string }[];
  /** Scores at the end of each round played (format 2). */
  rounds?: RoundFigures[];
  /**
   * The state the actions start from when it is not the seed's opening position: a save of an
   * older rules version continued under these rules, or a branch of another game.
   */
  origin?: { state: GameState; hash: string };
  /** Set when a save of an older rules version was continued under these rules from its last state. */
  continued?: { rules: number; engine: string; round: number; actions: number };
  /** A branch: the record it branched from (that record's id, or its first round's hash) and the round it branched at. */
  branch?: { parent: string; round: number };
  /** A save's last state and its hash, so the save continues under later rules. */
  last?: { state: GameState; hash: string };
}

export type RecordCheck = { ok: true; record: GameRecord } | { ok: false; message: string };

const NOT_A_RECORD = 'This is not a Landing Rights game record';
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isRound = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 10_000;
const isHash = (x: unknown): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);

/** A plain check that a stored state can be what a GameState is; the engine's own checks follow when it is used. */
function stateProblem(s: unknown, scenarioHash: string): string | null {
  if (!isObject(s)) return 'is not a game state';
  if (!isObject(s.scenario) || s.scenario.hash !== scenarioHash) return 'is of another scenario';
  if (typeof s.rules !== 'number' || !isRound(s.round) || !PHASES.includes(s.phase as GameState['phase'])) return 'has no valid rules version, round or phase';
  if (!Array.isArray(s.seats) || !s.seats.every((x) => typeof x === 'string') || !isObject(s.islands) || !isObject(s.powers) || !isObject(s.rng)) return 'lacks its seats, islands, powers or random state';
  return null;
}

/**
 * Check the shape of a record read from a file or storage, before anything uses it. The rules
 * version is not checked here: whether a record of another rules version opens depends on what
 * is asked of it (exact replay, carrying on a save, or a debrief). Every message is plain words.
 */
export function checkRecord(data: unknown): RecordCheck {
  if (!isObject(data)) return { ok: false, message: `${NOT_A_RECORD} (expected a JSON object${data === null ? ', found null' : Array.isArray(data) ? ', found a list' : typeof data === 'string' ? ', found a string' : ''}).` };
  const r = data;
  if (typeof r.format !== 'number' || !Number.isInteger(r.format)) return { ok: false, message: `${NOT_A_RECORD} (it has no format version).` };
  if (r.format > RECORD_FORMAT) return { ok: false, message: `This record uses format ${r.format}, newer than this version of the game reads (${RECORD_FORMAT}). Update the game to open it.` };
  if (r.format < 1) return { ok: false, message: `This record uses format ${r.format}, which no version of the game wrote.` };
  if (typeof r.rules !== 'number' || !Number.isInteger(r.rules)) return { ok: false, message: 'The record does not say which rules version made it.' };
  const s = r.scenario;
  if (!isObject(s) || typeof s.id !== 'string' || s.id.length > 200 || typeof s.version !== 'number' || typeof s.hash !== 'string' || s.hash.length > 200) return { ok: false, message: 'The record does not name its scenario (id, version and hash).' };
  if (s.text !== undefined && typeof s.text !== 'string') return { ok: false, message: 'The record’s embedded scenario is not text.' };
  if (typeof r.seed !== 'string' || r.seed.length > 200) return { ok: false, message: 'The record has no seed.' };
  if (!Array.isArray(r.actions) || !r.actions.every(isObject)) return { ok: false, message: 'The record has no valid list of actions.' };
  if (!Array.isArray(r.hashes) || !r.hashes.every((h) => isObject(h) && isRound(h.round) && isHash(h.hash))) return { ok: false, message: 'The record has no valid list of round hashes.' };
  const rounds = r.hashes.map((h) => (h as { round: number }).round);
  if (rounds.some((x, i) => i > 0 && x <= (rounds[i - 1] ?? 0))) return { ok: false, message: 'The record’s round hashes are out of order or repeated: it was changed.' };
  if (typeof r.engine !== 'string') return { ok: false, message: 'The record does not name the engine version.' };
  if (r.meta !== undefined && (!Array.isArray(r.meta) || r.meta.length !== r.actions.length || !r.meta.every(isObject))) return { ok: false, message: 'The record’s action details do not match its actions.' };
  if (r.rounds !== undefined && (!Array.isArray(r.rounds) || !r.rounds.every((x) => isObject(x) && isRound(x.round) && isObject(x.scores)))) return { ok: false, message: 'The record’s per-round figures are not valid.' };
  for (const key of ['origin', 'last'] as const) {
    const at = r[key];
    if (at === undefined) continue;
    const problem = isObject(at) ? (isHash(at.hash) ? stateProblem(at.state, s.hash) : 'has no valid hash') : 'is not valid';
    if (problem) return { ok: false, message: `The record’s ${key === 'last' ? 'last saved' : 'starting'} state ${problem}.` };
  }
  if (r.continued !== undefined && !(isObject(r.continued) && typeof r.continued.rules === 'number' && isRound(r.continued.round))) return { ok: false, message: 'The record says it was carried on from an older game but not from which.' };
  if (r.branch !== undefined && !(isObject(r.branch) && typeof r.branch.parent === 'string' && isRound(r.branch.round))) return { ok: false, message: 'The record says it is a branch but not of which game or round.' };
  return { ok: true, record: r as unknown as GameRecord };
}

/** Keep a value's text short when a message echoes it. */
export const clip = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
