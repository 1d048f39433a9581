import type { Bloc, DiplomaticDeal, GameState, PowerId } from './types';
import { POWERS } from './types';
import { bump } from './influence';
import { clampAlignment, own } from './util';

/** Beijing's Global Initiative on Data Security, or the trusted-network ("clean network") programme. */
export const blocOf = (p: PowerId): Bloc => (p === 'beijing' ? 'dataSecurity' : 'trustedNetwork');
export const rivalBloc = (b: Bloc): Bloc => (b === 'dataSecurity' ? 'trustedNetwork' : 'dataSecurity');

export function signDiplomatic(g: GameState, deal: DiplomaticDeal): void {
  const island = own(g.islands, deal.island);
  if (!island) return;
  if (deal.act === 'switchRecognition') {
    // Solomons and Kiribati 2019, Nauru 2024.
    island.recognises = 'PRC';
    bump(g, deal.island, 'beijing', 10, 15);
    for (const p of POWERS) if (p !== 'beijing' && own(g.powers, p)) island.alignment[p] = clampAlignment(island.alignment[p] - 5);
    return;
  }
  island.blocs = [...new Set([...island.blocs, blocOf(deal.power)])].sort();
  bump(g, deal.island, deal.power, 8, 8);
}
