import type { ScenarioLookup } from '../host/open';
import { loadScenario } from './scenarios';

/** The scenarios bundled with the game, as the opener of records and saves looks them up (a record may also carry its own). */
export const bundledScenario: ScenarioLookup = async (id) => {
  const pending = loadScenario(id);
  if (!pending) return null;
  const load = await pending;
  return load.ok ? { ok: true, found: load.loaded } : { ok: false, message: load.lines[0] ?? '' };
};
