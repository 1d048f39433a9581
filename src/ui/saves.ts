import { POLICY_NAMES } from '../ai';
import { openRecord as openWith, type OpenedGame, type ScenarioLookup } from '../host/open';
import type { GameRecord } from '../host/record';
import type { Seating } from '../host/storage';
import { loadScenario } from './scenarios';

export { parseRecordText } from '../host/open';
export { MAX_RECORD_BYTES as MAX_FILE_BYTES } from '../host/record';

/**
 * Opening a game record from storage or a file: check its shape and versions, find its scenario
 * among the bundled ones (or the copy the record carries), and replay it move for move, or carry
 * on a save of older rules from its last state; anything wrong is a message for the player, and
 * nothing of the game in progress is touched until the record has proved itself.
 */
export type Opened = OpenedGame;

/** The bundled scenarios, as the opener looks them up. */
export const bundledScenario: ScenarioLookup = async (id) => {
  const pending = loadScenario(id);
  if (!pending) return null;
  const load = await pending;
  return load.ok ? { ok: true, found: load.loaded } : { ok: false, message: load.lines[0] ?? '' };
};

export async function openRecord(data: unknown): Promise<Opened> {
  return openWith(data, bundledScenario, POLICY_NAMES);
}

/** The file a game is exported as: the record itself (with its last state), plus how the seats were taken. */
export function exportText(record: GameRecord, seating: Seating): string {
  return `${JSON.stringify({ ...record, landingRights: { seating } }, null, 1)}\n`;
}
