import type { GameState, IslandId, PowerId } from './types';
import { clampAlignment, clampMetric, own } from './util';

/**
 * A deal moves an island's alignment towards a power and the power's influence up. Influence is
 * contested: half of a power's gain comes out of each rival's influence on that island. Allies do
 * not crowd each other out: Canberra's aid takes nothing from Washington's standing.
 */
export function bump(g: GameState, island: IslandId, power: PowerId, alignment: number, influence: number): void {
  const isl = own(g.islands, island);
  const pow = own(g.powers, power);
  if (!isl || !pow) return;
  isl.alignment[power] = clampAlignment(isl.alignment[power] + alignment);
  raiseInfluence(g, power, island, influence);
}

/**
 * Influence won on an island is taken from the rivals there: the power gains the deal's weight and
 * each rival loses as much. Two sides trading deals of equal weight keep their gap, where a gain
 * with no loss would carry both to the ceiling and erase the lead the earlier deals had built.
 */
export function raiseInfluence(g: GameState, power: PowerId, island: IslandId, weight: number): void {
  const pow = own(g.powers, power);
  if (!pow) return;
  pow.influence[island] = clampMetric((pow.influence[island] ?? 0) + weight);
  for (const rival of rivalsOf(power)) {
    const r = own(g.powers, rival);
    if (r) r.influence[island] = clampMetric((r.influence[island] ?? 0) - weight);
  }
}

/** Rivals as each power sees them. */
export const rivalsOf = (p: PowerId): PowerId[] => (p === 'beijing' ? ['canberra', 'washington'] : ['beijing']);
