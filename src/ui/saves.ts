import { RULES_VERSION } from '../engine';
import { checkRecord, type GameRecord } from '../host/record';
import { replay, type MatchHost } from '../host/match';
import type { Seating } from '../host/storage';
import { loadScenario, type LoadedScenario } from './scenarios';

/**
 * Opening a game record from storage or a file: check its shape and versions, find its scenario
 * among the bundled ones, and replay it move for move; anything wrong is a message for the player,
 * and nothing of the game in progress is touched until the record has proved itself.
 */
export type Opened = { ok: true; host: MatchHost; scenario: LoadedScenario; seating: Seating | null } | { ok: false; message: string };

/** Larger than any real record: refuse it before parsing. */
export const MAX_FILE_BYTES = 20_000_000;

/** Parse a record file's text; a message when it is not JSON. */
export function parseRecordText(text: string): { ok: true; data: unknown } | { ok: false; message: string } {
  if (text.length > MAX_FILE_BYTES) return { ok: false, message: 'This file is too large to be a Landing Rights game record.' };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'This file is not a Landing Rights game record: it is not valid JSON.' };
  }
}

function seatingOf(data: unknown): Seating | null {
  const s = (data as { landingRights?: { seating?: Seating } } | null)?.landingRights?.seating;
  if (!s || (s.mode !== 'solo' && s.mode !== 'hotseat') || !Array.isArray(s.humans) || !s.humans.every((r) => typeof r === 'string')) return null;
  return { mode: s.mode, humans: [...s.humans], ...(typeof s.policy === 'string' ? { policy: s.policy } : {}) };
}

export async function openRecord(data: unknown): Promise<Opened> {
  const checked = checkRecord(data, RULES_VERSION);
  if (!checked.ok) return checked;
  const record = checked.record;
  const id = record.scenario.id;
  const pending = loadScenario(id);
  if (!pending) return { ok: false, message: `This record is a game of scenario "${id}", which this version of the game does not include.` };
  const load = await pending;
  if (!load.ok) return { ok: false, message: `The scenario "${id}" bundled with this game has errors, so the record cannot be opened: ${load.lines[0] ?? ''}` };
  const r = replay(record, load.loaded.scenario, load.loaded.hash);
  if (!r.ok) return { ok: false, message: r.message };
  if (!r.allMatch) return { ok: false, message: 'Replaying this record does not reach the same game (a round’s state hash differs): it was changed, or made by another version of the rules.' };
  const seating = seatingOf(data);
  const seats = r.host.state.seats;
  return { ok: true, host: r.host, scenario: load.loaded, seating: seating && seating.humans.length > 0 && seating.humans.every((h) => seats.includes(h)) ? seating : null };
}

/** The file a game is exported as: the record itself, plus how the seats were taken. */
export function exportText(record: GameRecord, seating: Seating): string {
  return `${JSON.stringify({ ...record, landingRights: { seating } }, null, 1)}\n`;
}
