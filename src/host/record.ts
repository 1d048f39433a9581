import type { Action } from '../engine';
import pkg from '../../package.json';

export const RECORD_FORMAT = 1;
export const ENGINE_VERSION: string = pkg.version;

/**
 * Everything needed to play a game again, move for move: the scenario (by id, version and content
 * hash), the engine and rules versions, the seed and every action, End phase included. The state
 * hash after each round lets a replay prove it reached the same game.
 */
export interface GameRecord {
  format: number;
  scenario: { id: string; version: number; hash: string };
  engine: string;
  rules: number;
  seed: string;
  actions: Action[];
  /** State hash once the round's last action is applied (its resolution, domestic phase and the next briefing included). */
  hashes: { round: number; hash: string }[];
}

export type RecordCheck = { ok: true; record: GameRecord } | { ok: false; message: string };

/** Check the shape of a record read from a file or storage, before anything uses it. */
export function checkRecord(data: unknown, rulesVersion: number): RecordCheck {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: 'This is not a Landing Rights game record (expected a JSON object).' };
  const r = data as Partial<GameRecord>;
  if (typeof r.format !== 'number') return { ok: false, message: 'This is not a Landing Rights game record (it has no format version).' };
  if (r.format > RECORD_FORMAT) return { ok: false, message: `This record uses format ${r.format}, newer than this version of the game reads (${RECORD_FORMAT}). Update the game to open it.` };
  if (r.format !== RECORD_FORMAT) return { ok: false, message: `This record uses format ${r.format}; this game reads format ${RECORD_FORMAT}.` };
  if (typeof r.rules !== 'number') return { ok: false, message: 'The record does not say which rules version made it.' };
  if (r.rules !== rulesVersion) return { ok: false, message: `This record was played under rules version ${r.rules}; this engine plays rules version ${rulesVersion}. It cannot be replayed exactly.` };
  const s = r.scenario;
  if (!s || typeof s.id !== 'string' || typeof s.version !== 'number' || typeof s.hash !== 'string') return { ok: false, message: 'The record does not name its scenario (id, version and hash).' };
  if (typeof r.seed !== 'string') return { ok: false, message: 'The record has no seed.' };
  if (!Array.isArray(r.actions)) return { ok: false, message: 'The record has no list of actions.' };
  if (!Array.isArray(r.hashes) || r.hashes.some((h) => typeof h?.round !== 'number' || typeof h?.hash !== 'string')) return { ok: false, message: 'The record has no valid list of round hashes.' };
  if (typeof r.engine !== 'string') return { ok: false, message: 'The record does not name the engine version.' };
  return { ok: true, record: r as GameRecord };
}
