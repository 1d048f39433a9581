import type { CableDeal, GameState, Island, IslandId, PowerId } from './types';
import { POWERS } from './types';
import { distanceKm, roundsFor, own } from './util';

/** Length of a route in km: the sum of great-circle legs between consecutive landings. */
export function routeKm(g: Pick<GameState, 'landings'>, route: readonly string[]): number {
  let km = 0;
  for (let i = 1; i < route.length; i++) {
    const a = own(g.landings, route[i - 1] ?? '');
    const b = own(g.landings, route[i] ?? '');
    if (a && b) km += distanceKm(a, b);
  }
  return km;
}

/** What the vendor charges for a cable deal, US$ thousands. */
export function cableCost(g: Pick<GameState, 'landings' | 'vendors'>, deal: Pick<CableDeal, 'route' | 'vendor'>): number {
  const vendor = own(g.vendors, deal.vendor);
  if (!vendor) return 0;
  return routeKm(g, deal.route) * vendor.pricePerKm + deal.route.length * vendor.pricePerLanding;
}

/** The island seats a route lands on, in a stable order. */
export function islandsOnRoute(g: Pick<GameState, 'landings'>, route: readonly string[]): IslandId[] {
  const out = new Set<IslandId>();
  for (const id of route) {
    const island = own(g.landings, id)?.island;
    if (island) out.add(island);
  }
  return [...out].sort();
}

export function buildRounds(g: GameState, months: number): number {
  return roundsFor(months, g.scenario.monthsPerRound);
}

/** Connectivity from satellite plus each active route: the first cable matters most, a second keeps an island online. */
export function connectivityOf(satellite: number, routes: number): number {
  const fromCables = routes <= 0 ? 0 : routes === 1 ? 45 : routes === 2 ? 70 : 70 + 10 * (routes - 2);
  return Math.min(100, satellite + fromCables);
}

/** Recompute each island's routes, connectivity and vendor exposure from its cables' status and its telecom kit. */
export function refreshNetworks(g: GameState): void {
  // Each active cable's islands, worked out once for all islands.
  const served = g.cables.filter((c) => c.status === 'active').map((c) => ({ c, islands: islandsOnRoute(g, c.route) }));
  for (const island of Object.values(g.islands)) {
    const active = served.filter((x) => x.islands.includes(island.id)).map((x) => x.c);
    island.routes = active.length;
    island.connectivity = connectivityOf(island.satellite, active.length);
    // A network still being built serves nobody yet.
    const kit = island.assets.filter((a) => a.kind !== 'port' && a.vendor !== null && a.readyRound === undefined).map((a) => a.vendor as string);
    island.exposure = exposureOf(g, [...active.map((c) => c.vendor), ...kit]);
  }
}

function exposureOf(g: GameState, vendorIds: string[]): Island['exposure'] {
  const out: Island['exposure'] = { beijing: 0, canberra: 0, washington: 0, other: 0 };
  if (vendorIds.length === 0) return out;
  const counts: Record<PowerId | 'other', number> = { beijing: 0, canberra: 0, washington: 0, other: 0 };
  for (const v of vendorIds) counts[own(g.vendors, v)?.origin ?? 'other']++;
  let assigned = 0;
  for (const k of POWERS) {
    out[k] = Math.floor((counts[k] * 100) / vendorIds.length);
    assigned += out[k];
  }
  out.other = 100 - assigned;
  return out;
}

/** Cables under construction whose time has come go live; repaired cables come back. */
export function advanceConstruction(g: GameState, say: (text: string) => void): void {
  for (const cable of g.cables) {
    if ((cable.status === 'building' || cable.status === 'cut') && cable.readyRound !== null && cable.readyRound <= g.round) {
      say(cable.status === 'building' ? `${cable.name} is ready for service.` : `${cable.name} is repaired and carries traffic again.`);
      cable.status = 'active';
      cable.readyRound = null;
    }
  }
  refreshNetworks(g);
}
