import seedrandom from 'seedrandom';
import {
  cableCost,
  islandsOnRoute,
  POWERS,
  type Action,
  type CableDeal,
  type ClauseKind,
  type Deal,
  type GameView,
  type IslandId,
  type Offer,
  type PowerId,
  type RoleId,
} from '../engine';

/**
 * The built-in policies of the command line: simple, readable rules of thumb for every seat,
 * deciding from the seat's own view only. They trade so that a simulated game shows every
 * deal kind; the bots of a later issue play better.
 */
export type Policy = (v: GameView, role: RoleId, ctx: PolicyContext) => Action[];
export interface PolicyContext {
  seed: string;
  /** Passes through the phase so far: answers come in later passes. */
  pass: number;
}

type Rand = () => number;
const rngFor = (v: GameView, role: RoleId, ctx: PolicyContext): Rand => seedrandom(`${ctx.seed}|${role}|${v.round}|${v.phase}|${ctx.pass}`);
const pickOne = <T>(r: Rand, list: readonly T[]): T | undefined => list[Math.floor(r() * list.length)];
const isPower = (role: string): role is PowerId => (POWERS as readonly string[]).includes(role);

/** A route for a new cable to an island: from the nearest landing abroad to the island's main landings. */
export function routeFor(v: GameView, island: IslandId): string[] | null {
  const isl = v.islands[island];
  if (!isl) return null;
  const d2 = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => (a.lat - b.lat) ** 2 + (((a.lon - b.lon + 540) % 360) - 180) ** 2;
  const own = Object.values(v.landings)
    .filter((l) => l.island === island)
    .sort((a, b) => d2(a, isl.capital) - d2(b, isl.capital) || a.id.localeCompare(b.id))
    .slice(0, 2);
  const home = own[0];
  if (!home) return null;
  // Land abroad if the map has a landing there (Sydney, Guam); otherwise at a neighbour's.
  const foreign = Object.values(v.landings).filter((l) => l.island === null);
  const abroad = (foreign.length ? foreign : Object.values(v.landings).filter((l) => l.island !== island))
    .sort((a, b) => d2(a, home) - d2(b, home) || a.id.localeCompare(b.id))[0];
  if (!abroad) return null;
  return [abroad.id, ...own.map((l) => l.id)];
}

const routesPlanned = (v: GameView, island: IslandId): number =>
  v.cables.filter((c) => c.status !== 'cut' && islandsOnRoute(v, c.route).includes(island)).length;

function cableOffer(v: GameView, power: PowerId, island: IslandId, r: Rand): Action | null {
  const route = routeFor(v, island);
  if (!route) return null;
  const vendors = Object.values(v.vendors).filter((x) => (power === 'beijing' ? x.origin === 'beijing' : x.trusted && x.origin !== 'beijing'));
  const vendor = vendors.sort((a, b) => a.pricePerKm - b.pricePerKm || a.id.localeCompare(b.id))[0];
  if (!vendor) return null;
  const beijing = power === 'beijing';
  const deal: CableDeal = {
    kind: 'cable',
    route,
    vendor: vendor.id,
    financing: beijing ? { kind: 'loan', by: power, ratePct: 2, years: 20, graceYears: 5 } : { kind: 'grant', by: power },
    buildMonths: vendor.minBuildMonths,
    stationOperator: beijing ? 'vendor' : 'island',
    dataAccess: beijing && r() < 0.6,
    exclusivity: beijing && r() < 0.3,
  };
  if (cableCost(v, deal) > (v.powers[power]?.treasury ?? 0)) return null;
  const to = islandsOnRoute(v, route).filter((i) => i !== power);
  return { type: 'offer', role: power, to, deal };
}

function powerOffers(v: GameView, power: PowerId, r: Rand): Action[] {
  const islands = Object.keys(v.islands).sort();
  const island = pickOne(r, islands);
  const treasury = v.powers[power]?.treasury ?? 0;
  if (!island || r() < 0.25) return [];
  const isl = v.islands[island];
  if (!isl) return [];
  const roll = r();
  const aidAmount = Math.max(1, Math.min(treasury, Math.round(isl.revenuePerRound * (0.5 + r()))));
  if (roll < 0.45 && routesPlanned(v, island) < 2) {
    const offer = cableOffer(v, power, island, r);
    if (offer) return [offer];
  }
  if (roll < 0.7) {
    const financing = power === 'beijing' ? { kind: 'loan' as const, by: power, ratePct: 2, years: 15, graceYears: 3 } : { kind: 'grant' as const, by: power };
    return [{ type: 'offer', role: power, to: [island], deal: { kind: 'aid', island, amount: aidAmount, financing } }];
  }
  const pact = pickOne(r, power === 'washington' ? (['cyber', 'port'] as const) : (['policing', 'cyber'] as const)) ?? 'cyber';
  const clauseKind: ClauseKind = pact === 'policing' ? 'unrestDeployment' : pact === 'cyber' ? 'incidentAccess' : 'shipVisits';
  const clauses = r() < 0.6 ? [{ kind: clauseKind, secret: power === 'beijing' || r() < 0.3 }] : [];
  return [{ type: 'offer', role: power, to: [island], deal: { kind: 'pact', island, power, pact, clauses } }];
}

/** How much an island government likes a deal, and the term it likes least. */
export function islandAppraisal(v: GameView, island: IslandId, deal: Deal): { value: number; worst: string } {
  const isl = v.islands[island];
  if (!isl) return { value: -100, worst: 'it is not ours' };
  let value = 0;
  let worst = 'the terms';
  let worstCost = 0;
  const cost = (amount: number, why: string) => {
    value -= amount;
    if (amount > worstCost) {
      worstCost = amount;
      worst = why;
    }
  };
  const by = deal.kind === 'pact' ? deal.power : deal.financing.by;
  if (deal.kind === 'cable') {
    const planned = routesPlanned(v, island);
    value += planned === 0 ? 30 : planned === 1 ? 14 : 2;
    if (deal.dataAccess) cost(12, 'the data-access clause');
    if (deal.stationOperator === 'vendor') cost(5, 'the vendor operating our landing station');
    if (deal.exclusivity) cost(7, 'the exclusivity clause');
  } else if (deal.kind === 'aid') {
    value += 6 + Math.min(8, Math.floor((deal.amount * 4) / Math.max(1, isl.revenuePerRound)));
  } else {
    value += deal.pact === 'policing' ? (isl.legitimacy < 50 ? 10 : 4) : deal.pact === 'cyber' ? 7 : 1;
    for (const c of deal.clauses) cost(c.kind === 'unrestDeployment' || c.kind === 'noThirdParty' ? 6 : 3, `the ${c.kind} clause`);
    if (deal.pact === 'port') cost(4, 'foreign access to our port');
  }
  if (deal.kind !== 'pact' && deal.financing.kind === 'loan') cost(4 + deal.financing.ratePct * 2, `a loan at ${deal.financing.ratePct}%`);
  value += Math.trunc(isl.alignment[by] / 10);
  // Friends to all: be wary of leaning further towards a power that is already the closest partner.
  const others = POWERS.filter((p) => p !== by && v.powers[p]).map((p) => isl.alignment[p]);
  if (others.length && isl.alignment[by] - Math.max(...others) > 25) cost(6, 'leaning too far to one partner');
  return { value, worst };
}

function answerAsIsland(v: GameView, island: IslandId, o: Offer, r: Rand): Action {
  const { value, worst } = islandAppraisal(v, island, o.deal);
  const noisy = value + Math.floor(r() * 11) - 5;
  if (noisy > 6) return { type: 'accept', role: island, offer: o.id };
  if (noisy > -2 && o.counterDepth < 2 && o.deal.kind !== 'pact' && o.deal.financing.kind === 'loan') {
    const deal = structuredClone(o.deal);
    if (deal.kind === 'cable') {
      deal.dataAccess = false;
      deal.exclusivity = false;
    }
    if (deal.financing.kind === 'loan') deal.financing = { ...deal.financing, ratePct: Math.max(0, deal.financing.ratePct - 1), years: Math.min(30, deal.financing.years + 5) };
    return { type: 'counter', role: island, offer: o.id, deal };
  }
  return { type: 'reject', role: island, offer: o.id, reason: `We cannot accept ${worst}.` };
}

function answerAsPower(v: GameView, power: PowerId, o: Offer, r: Rand): Action {
  const rival = o.deal.kind === 'cable' && v.offers.some((x) => x.from !== power && x.deal.kind === 'cable' && x.round === v.round);
  if (r() < (rival ? 0.85 : 0.6)) return { type: 'accept', role: power, offer: o.id };
  return { type: 'reject', role: power, offer: o.id, reason: 'These terms do not serve our interests.' };
}

export const simplePolicy: Policy = (v, role, ctx) => {
  const r = rngFor(v, role, ctx);
  if (v.phase === 'negotiation') {
    const out: Action[] = [];
    for (const o of v.offers)
      if (o.round === v.round && o.status === 'open' && o.to.includes(role) && !o.acceptedBy.includes(role))
        out.push(isPower(role) ? answerAsPower(v, role, o, r) : answerAsIsland(v, role, o, r));
    if (ctx.pass === 0 && isPower(role)) out.push(...powerOffers(v, role, r));
    return out;
  }
  if (v.phase === 'decisions' && ctx.pass === 0) {
    if (isPower(role)) {
      const treasury = v.powers[role]?.treasury ?? 0;
      const island = pickOne(r, Object.keys(v.islands).sort());
      if (island && r() < 0.3 && treasury > 10) return [{ type: 'order', role, order: { kind: 'campaign', island, amount: Math.floor(treasury / 20) } }];
    } else {
      const isl = v.islands[role];
      if (isl && isl.cyber < 50 && r() < 0.25 && isl.treasury > 10) return [{ type: 'order', role, order: { kind: 'buildCert', amount: Math.floor(isl.treasury / 5) } }];
    }
  }
  return [];
};
