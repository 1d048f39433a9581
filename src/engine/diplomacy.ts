import type { Bloc, DiplomaticDeal, GameState, IslandId, PowerId, Refusal } from './types';
import { POWERS } from './types';
import { bump, raiseInfluence } from './influence';
import { clampAlignment, clampMetric, formatMoney, own } from './util';

/** Beijing's Global Initiative on Data Security, or the trusted-network ("clean network") programme. */
export const blocOf = (p: PowerId): Bloc => (p === 'beijing' ? 'dataSecurity' : 'trustedNetwork');
export const rivalBloc = (b: Bloc): Bloc => (b === 'dataSecurity' ? 'trustedNetwork' : 'dataSecurity');

/**
 * Unrest a switch of recognition stirs at home: Malaita's province government opposed the
 * Solomons' switch of September 2019 and kept its own ties with Taipei, and the grievance fed the
 * Honiara riots of November 2021.
 */
export const RECOGNITION_UNREST = 8;

/**
 * An island switches recognition from Taipei to Beijing (by a deal or a scripted push; Solomons
 * and Kiribati 2019, Nauru 2024): alignment with Beijing +10, Beijing's influence +15, alignment
 * with the others −5; Taipei's aid stops (the Solomons lost about US$8.5m a year, paid to its
 * members' constituency fund) and the streets stir. What it says, the caller reports.
 */
export function switchRecognition(g: GameState, id: IslandId): string {
  const island = own(g.islands, id);
  if (!island || island.recognises !== 'ROC') return '';
  island.recognises = 'PRC';
  island.alignment.beijing = clampAlignment(island.alignment.beijing + 10);
  if (own(g.powers, 'beijing')) raiseInfluence(g, 'beijing', id, 15);
  for (const p of POWERS) if (p !== 'beijing' && own(g.powers, p)) island.alignment[p] = clampAlignment(island.alignment[p] - 5);
  island.unrest = clampMetric(island.unrest + RECOGNITION_UNREST);
  const aid = island.taipeiAid ?? 0;
  delete island.taipeiAid;
  if (aid <= 0) return `Unrest rises by ${RECOGNITION_UNREST}.`;
  const perRound = Math.min(island.revenuePerRound, Math.round((aid * g.scenario.monthsPerRound) / 12));
  island.revenuePerRound -= perRound;
  return `Taipei ends its aid: ${island.name} loses ${formatMoney(perRound)} of revenue a round, and unrest rises by ${RECOGNITION_UNREST}.`;
}

/** Beijing gives no aid to, and makes no pact with, a government that recognises Taipei. */
export function taipeiAllyRefusal(g: GameState, id: IslandId, funder: string, what: string): Refusal | null {
  const island = own(g.islands, id);
  if (funder !== 'beijing' || island?.recognises !== 'ROC') return null;
  return { code: 'illegalTerms', field: 'deal.island', message: `${island.name} recognises Taipei: Beijing offers it no ${what} until it switches recognition.` };
}

export function signDiplomatic(g: GameState, deal: DiplomaticDeal): string {
  const island = own(g.islands, deal.island);
  if (!island) return '';
  if (deal.act === 'switchRecognition') return switchRecognition(g, deal.island);
  island.blocs = [...new Set([...island.blocs, blocOf(deal.power)])].sort();
  bump(g, deal.island, deal.power, 8, 8);
  return '';
}
