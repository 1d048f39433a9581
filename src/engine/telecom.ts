import type { GameState, IslandId, TelecomDeal, TelecomProject } from './types';
import { bump } from './influence';
import { clampMetric, own, roundsFor } from './util';
import { propUp } from './domestic';

/**
 * What each telecom project does to the island, and how much its vendor's patron learns.
 * Real cases: 161 Huawei towers on a US$66m Exim loan (Solomons 2022); Telstra's purchase of
 * Digicel Pacific with Australian financing (2021-22); PNG's Huawei-built data centre (found
 * insecure in 2019); "safe city" surveillance systems that help a government hold power.
 */
export const TELECOM_EFFECTS: Record<TelecomProject, { coverage: number; economy: number; legitimacy: number; democracy: number; cyber: number; sovereignty: number; unrest: number }> = {
  towers: { coverage: 30, economy: 2, legitimacy: 2, democracy: 0, cyber: 0, sovereignty: -2, unrest: 0 },
  carrier: { coverage: 5, economy: 2, legitimacy: 0, democracy: 0, cyber: 0, sovereignty: -3, unrest: 0 },
  dataCentre: { coverage: 0, economy: 2, legitimacy: 1, democracy: 0, cyber: 8, sovereignty: 0, unrest: 0 },
  eGovernment: { coverage: 0, economy: 3, legitimacy: 3, democracy: 0, cyber: 0, sovereignty: 0, unrest: 0 },
  safeCity: { coverage: 0, economy: 0, legitimacy: 8, democracy: -8, cyber: 0, sovereignty: -3, unrest: -10 },
};

/** Untrusted kit hands its patron a window on the island; a trusted vendor's data centre also hardens it. */
export function signTelecom(g: GameState, deal: TelecomDeal, agreement: string): void {
  const island = own(g.islands, deal.island);
  if (!island) return;
  const building = deal.project === 'towers';
  if (!building) applyTelecom(g, deal.island, deal.project, deal.vendor);
  island.assets.push({
    id: `t${++g.counters.asset}`,
    kind: deal.project,
    vendor: deal.vendor,
    // A carrier bought with a power's money stays out of rivals' hands: the power controls it.
    owner: deal.project === 'carrier' ? deal.financing.by : deal.island,
    agreement,
    ...(building ? { readyRound: g.round + roundsFor(TOWER_BUILD_MONTHS, g.scenario.monthsPerRound) } : {}),
  });
  bump(g, deal.island, deal.financing.by, deal.financing.kind === 'grant' ? 6 : 3, deal.project === 'carrier' ? 12 : 7);
}

/** What a finished project does to its island. */
function applyTelecom(g: GameState, id: string, project: TelecomProject, vendorId: string | null): void {
  const island = own(g.islands, id);
  if (!island) return;
  const vendor = vendorId ? own(g.vendors, vendorId) : undefined;
  const deal = { project };
  const e = TELECOM_EFFECTS[deal.project];
  island.coverage = clampMetric(island.coverage + e.coverage);
  island.economy = clampMetric(island.economy + e.economy);
  propUp(g, island, e.legitimacy);
  island.democracy = clampMetric(island.democracy + e.democracy);
  island.cyber = clampMetric(island.cyber + e.cyber + (deal.project === 'dataCentre' && vendor?.trusted ? 5 : 0));
  island.sovereignty = clampMetric(island.sovereignty + e.sovereignty);
  island.unrest = clampMetric(island.unrest + e.unrest);
}

/**
 * A tower network takes time to put up: about a year here (the 161 SINBIP towers signed in
 * August 2022 were still going up in 2023-24). Until its round's resolution it covers nobody.
 */
export const TOWER_BUILD_MONTHS = 12;

/** Networks whose time has come by `round` (this round) are switched on (the resolution, after cables); the islands they serve are returned. */
export function completeNetworks(g: GameState, say: (text: string) => void, round = g.round): Set<IslandId> {
  const switched = new Set<IslandId>();
  for (const island of Object.values(g.islands))
    for (const asset of island.assets) {
      if (asset.readyRound === undefined || asset.readyRound > round) continue;
      delete asset.readyRound;
      switched.add(island.id);
      applyTelecom(g, island.id, asset.kind === 'port' ? 'towers' : asset.kind, asset.vendor);
      say(`${island.name}: the ${asset.kind === 'towers' ? 'tower network' : asset.kind} by ${own(g.vendors, asset.vendor ?? '')?.name ?? 'its vendor'} is switched on.`);
    }
  return switched;
}
