import type { GameState, IslandId, PowerId } from './types';
import { POWERS } from './types';
import { clampAlignment, clampMetric, own } from './util';

/**
 * A deal moves an island's alignment towards a power and the power's influence up. Influence is
 * contested: half of a power's gain comes out of every rival's influence on that island.
 */
export function bump(g: GameState, island: IslandId, power: PowerId, alignment: number, influence: number): void {
  const isl = own(g.islands, island);
  const pow = own(g.powers, power);
  if (!isl || !pow) return;
  isl.alignment[power] = clampAlignment(isl.alignment[power] + alignment);
  pow.influence[island] = clampMetric((pow.influence[island] ?? 0) + influence);
  for (const rival of POWERS) {
    const r = own(g.powers, rival);
    if (r && rival !== power) r.influence[island] = clampMetric((r.influence[island] ?? 0) - Math.floor(influence / 2));
  }
}

/** Rivals as each power sees them. */
export const rivalsOf = (p: PowerId): PowerId[] => (p === 'beijing' ? ['canberra', 'washington'] : ['beijing']);
