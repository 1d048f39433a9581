import seedrandom from 'seedrandom';
import { duplicateHolding } from '../engine/consent';
import {
  previewDeal,
  cableCost,
  cofundedTotal,
  withScriptedCofunders,
  islandsOnRoute,
  partiesOf,
  POWERS,
  type Action,
  type CableDeal,
  type ClauseKind,
  type Deal,
  type Financing,
  type GameView,
  type IslandId,
  type Offer,
  type Order,
  type PactType,
  type PowerId,
  type RoleId,
  type TelecomProject,
} from '../engine';

/**
 * The built-in policies of the command line and the batch runs: readable rules of thumb for every
 * seat, deciding from the seat's own view only. They trade, so that simulated games show every
 * deal kind; the bots of a later issue play better.
 */
export type Policy = (v: GameView, role: RoleId, ctx: PolicyContext) => Action[];
export interface PolicyContext {
  seed: string;
  /** Passes through the phase so far: answers come in later passes. */
  pass: number;
}

export interface SimpleOptions {
  /** An island that deals with this one partner only (the yardstick for "friends to all"). */
  singlePartner?: PowerId | undefined;
}

type Rand = () => number;

/**
 * Each seat plays one game with a stance drawn from the game's seed: an open government accepts
 * readily, a wary one haggles, a closed one turns most offers down; an eager power offers more.
 * Real governments differ, and so should simulated games.
 */
export function stanceOf(seed: string, role: RoleId): number {
  return seedrandom(`${seed}|stance|${role}`)();
}
const rngFor = (v: GameView, role: RoleId, ctx: PolicyContext): Rand => seedrandom(`${ctx.seed}|${role}|${v.round}|${v.phase}|${ctx.pass}`);
const pickOne = <T>(r: Rand, list: readonly T[]): T | undefined => list[Math.floor(r() * list.length)];
const isPower = (role: string): role is PowerId => (POWERS as readonly string[]).includes(role);
const funderOf = (deal: Deal): PowerId => (deal.kind === 'pact' || deal.kind === 'diplomatic' || deal.kind === 'package' ? deal.power : deal.financing.by);
const d2 = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => (a.lat - b.lat) ** 2 + (((a.lon - b.lon + 540) % 360) - 180) ** 2;

/** A route for a new cable to an island: from the nearest landing abroad to the island's main landings. */
export function routeFor(v: GameView, island: IslandId): string[] | null {
  const isl = v.islands[island];
  if (!isl) return null;
  const own = Object.values(v.landings)
    .filter((l) => l.island === island)
    .sort((a, b) => d2(a, isl.capital) - d2(b, isl.capital) || a.id.localeCompare(b.id))
    .slice(0, 2);
  const home = own[0];
  if (!home) return null;
  // Land abroad if the map has a landing there (Sydney, Guam); otherwise at a neighbour's.
  const foreign = Object.values(v.landings).filter((l) => l.island === null);
  const abroad = (foreign.length ? foreign : Object.values(v.landings).filter((l) => l.island !== island)).sort(
    (a, b) => d2(a, home) - d2(b, home) || a.id.localeCompare(b.id),
  )[0];
  if (!abroad) return null;
  return [abroad.id, ...own.map((l) => l.id)];
}

const routesPlanned = (v: GameView, island: IslandId): number =>
  v.cables.filter((c) => c.status !== 'cut' && islandsOnRoute(v, c.route).includes(island)).length;

/** Each power's preferred vendor: its own for Beijing, the cheapest trusted one for the others. */
function vendorFor(v: GameView, power: PowerId, kind: 'cable' | 'network' = 'cable'): string | undefined {
  const vendors = Object.values(v.vendors).filter((x) => x.kind === kind && (power === 'beijing' ? x.origin === 'beijing' : x.trusted && x.origin !== 'beijing'));
  return vendors.sort((a, b) => a.pricePerKm - b.pricePerKm || a.id.localeCompare(b.id))[0]?.id;
}

/** Beijing lends on Exim-style terms; Canberra and Washington give grants. */
const financingFor = (power: PowerId, r: Rand): Financing =>
  power === 'beijing' ? { kind: 'loan', by: power, ratePct: r() < 0.5 ? 1 : 2, years: 20, graceYears: 5, collateral: r() < 0.3 ? 'port' : 'none' } : { kind: 'grant', by: power };

function cableOffer(v: GameView, power: PowerId, island: IslandId, r: Rand): Action | null {
  const route = routeFor(v, island);
  const vendor = vendorFor(v, power);
  if (!route || !vendor) return null;
  const beijing = power === 'beijing';
  const deal: CableDeal = {
    kind: 'cable',
    route,
    vendor,
    financing: financingFor(power, r),
    buildMonths: v.vendors[vendor]?.minBuildMonths ?? 18,
    stationOperator: beijing ? 'vendor' : 'island',
    dataAccess: beijing && r() < 0.6,
    exclusivity: beijing && r() < 0.3,
    // The Coral Sea model: the islands pay a share of a trusted cable.
    islandSharePct: !beijing && r() < 0.3 ? 20 : 0,
  };
  // Tokyo or a development bank joins where the scenario's script says it will (joint funding).
  const joint = withScriptedCofunders(v, deal);
  if (cableCost(v, joint) - cofundedTotal(v, joint) > (v.powers[power]?.treasury ?? 0)) return null;
  return { type: 'offer', role: power, to: partiesOf(v, joint).filter((p) => p !== power), deal: joint };
}

const TELECOM_BY_POWER: Record<PowerId, TelecomProject[]> = {
  beijing: ['towers', 'safeCity', 'dataCentre', 'eGovernment'],
  canberra: ['carrier', 'dataCentre', 'towers'],
  washington: ['dataCentre', 'eGovernment'],
};
const PACTS_BY_POWER: Record<PowerId, PactType[]> = { beijing: ['policing', 'cyber', 'port'], canberra: ['policing', 'cyber', 'naval'], washington: ['cyber', 'port', 'naval'] };
const CLAUSE_FOR: Record<PactType, ClauseKind> = { policing: 'unrestDeployment', cyber: 'incidentAccess', port: 'shipVisits', naval: 'shipVisits', base: 'noThirdParty' };

function powerOffers(v: GameView, power: PowerId, r: Rand, stance: number): Action[] {
  const persona = v.powers[power]?.persona ?? 'balanced';
  const idle = { balanced: 0.25, cautious: 0.45, assertive: 0.1, distracted: 0.55 }[persona] * (0.4 + stance * 1.2);
  const islands = Object.keys(v.islands).sort();
  const island = pickOne(r, islands);
  const treasury = v.powers[power]?.treasury ?? 0;
  if (!island || r() < idle) return [];
  const isl = v.islands[island];
  if (!isl) return [];
  const roll = r();
  // 2.5% to 7.5% of a year of the island's revenue: US$11m-33m for the Solomons.
  const amount = Math.max(1, Math.min(treasury, Math.round(((isl.revenuePerRound * 12) / v.scenario.monthsPerRound) * (0.025 + 0.05 * r()))));
  if (roll < 0.3 && routesPlanned(v, island) < 2) {
    const offer = cableOffer(v, power, island, r);
    if (offer) return [offer];
  }
  // Beijing deals with a Taipei ally through the switch alone (rules version 17): aid and pacts wait for it.
  const taipeiAlly = power === 'beijing' && isl.recognises === 'ROC';
  if (roll < 0.5 && !taipeiAlly) {
    const recent = v.events.some((e) => e.island === island && e.round >= v.round - 1 && ['eruption', 'cyclone', 'pandemic', 'riots'].includes(e.kind));
    const conditions = power === 'canberra' && r() < 0.3 ? [{ kind: 'noVendor' as const, vendor: vendorFor(v, 'beijing') ?? '' }].filter((c) => c.vendor) : [];
    return [{ type: 'offer', role: power, to: [island], deal: { kind: 'aid', island, amount, financing: financingFor(power, r), purpose: isl.bankLeaving ? 'banking' : recent ? 'relief' : r() < 0.5 ? 'budget' : 'infrastructure', conditions } }];
  }
  if (roll < 0.65) {
    const project = pickOne(r, TELECOM_BY_POWER[power]) ?? 'towers';
    const vendor = vendorFor(v, power, 'network');
    const deal: Deal | null = vendor ? { kind: 'telecom', island, project, vendor, amount: Math.min(treasury, amount * 2), financing: financingFor(power, r) } : null;
    // No second safe-city system, and no carrier someone already controls.
    if (deal && !duplicateHolding(v, deal) && (project !== 'carrier' || !isl.assets.some((a) => a.kind === 'carrier'))) return [{ type: 'offer', role: power, to: [island], deal }];
  }
  if (roll < 0.72 || taipeiAlly) {
    // The switch comes with money, as Beijing's development-fund pledge to the Solomons in 2019.
    if (taipeiAlly)
      return [
        {
          type: 'offer',
          role: power,
          to: [island],
          deal: { kind: 'package', power, islands: [island], allMustSign: true, parts: [{ kind: 'diplomatic', power, act: 'switchRecognition' }, { kind: 'aid', amount: Math.min(treasury, amount * 2), financing: { kind: 'grant', by: power }, purpose: 'budget' }] },
        },
      ];
    const bloc = power === 'beijing' ? 'dataSecurity' : 'trustedNetwork';
    if (!isl.blocs.includes(bloc)) return [{ type: 'offer', role: power, to: [island], deal: { kind: 'diplomatic', island, power, act: 'joinBloc' } }];
  }
  // A pact of a type not already in force with this island (a second would be refused as a duplicate).
  const pact = pickOne(r, PACTS_BY_POWER[power].filter((p) => !duplicateHolding(v, { kind: 'pact', island, power, pact: p, clauses: [] })));
  if (!pact) return [];
  const clauses = r() < (persona === 'assertive' ? 0.8 : 0.6) ? [{ kind: CLAUSE_FOR[pact], secret: power === 'beijing' || r() < 0.3 }] : [];
  const pactDeal: Deal = { kind: 'pact', island, power, pact, clauses };
  return [{ type: 'offer', role: power, to: partiesOf(v, pactDeal).filter((p) => p !== power), deal: pactDeal }];
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
  const by = funderOf(deal);
  if (deal.kind === 'package') {
    // A package is worth what its parts for this island are worth, each weighed as if offered alone.
    if (!deal.islands.includes(island)) return { value: -100, worst: 'it is not ours' };
    const parts = deal.parts.map((p) => islandAppraisal(v, island, { ...p, island } as Exclude<Deal, { kind: 'package' }>));
    const worstPart = [...parts].sort((a, b) => a.value - b.value)[0];
    return { value: parts.reduce((s, p) => s + p.value, 0), worst: worstPart?.worst ?? 'the terms' };
  }
  switch (deal.kind) {
    case 'cable': {
      const planned = routesPlanned(v, island);
      value += planned === 0 ? 30 : planned === 1 ? 14 : 2;
      if (deal.dataAccess) cost(12, 'the data-access clause');
      if (deal.stationOperator === 'vendor') cost(5, 'the vendor operating our landing station');
      if (deal.exclusivity) cost(7, 'the exclusivity clause');
      if (deal.islandSharePct) cost(Math.ceil(deal.islandSharePct / 5), `paying ${deal.islandSharePct}% of the price`);
      break;
    }
    case 'aid':
      value += 6 + Math.min(8, Math.floor((deal.amount * 4) / Math.max(1, isl.revenuePerRound)));
      break;
    case 'telecom':
      value += { towers: isl.coverage < 50 ? 10 : 3, carrier: 4, dataCentre: 6, eGovernment: 6, safeCity: isl.unrest > 40 ? 8 : 2 }[deal.project];
      if (!v.vendors[deal.vendor]?.trusted) cost(4, `${v.vendors[deal.vendor]?.name}'s equipment`);
      if (deal.project === 'safeCity') cost(isl.democracy > 60 ? 8 : 2, 'surveillance of our own people');
      break;
    case 'pact':
      value += { policing: isl.legitimacy < 50 ? 10 : 4, cyber: 7, port: 1, naval: 0, base: -4 }[deal.pact];
      for (const c of deal.clauses) cost(c.kind === 'unrestDeployment' || c.kind === 'noThirdParty' ? 6 : 3, `the ${c.kind} clause`);
      if (deal.pact === 'port' || deal.pact === 'naval' || deal.pact === 'base') cost(deal.pact === 'base' ? 10 : 4, 'foreign military access');
      break;
    case 'diplomatic':
      value += deal.act === 'switchRecognition' ? 2 : 3;
      if (deal.act === 'joinBloc') cost(5, 'closing our options');
      break;
  }
  if (deal.kind !== 'pact' && deal.kind !== 'diplomatic') {
    if (deal.financing.kind === 'loan') {
      cost(4 + deal.financing.ratePct * 2, `a loan at ${deal.financing.ratePct}%`);
      if (deal.financing.collateral && deal.financing.collateral !== 'none') cost(5, `pledging our ${deal.financing.collateral}`);
    }
    if ('vendor' in deal && isl.pressure.some((p) => p.vendor === deal.vendor)) cost(8, `${v.powers[isl.pressure.find((p) => p.vendor === deal.vendor)?.by ?? 'washington']?.name}'s warning about ${v.vendors[deal.vendor]?.name}`);
    if (deal.conditions?.length) cost(2 * deal.conditions.length, 'the conditions attached');
  }
  value += Math.trunc(isl.alignment[by] / 10);
  // Friends to all: be wary of leaning further towards a power that is already the closest partner.
  const others = POWERS.filter((p) => p !== by && v.powers[p]).map((p) => isl.alignment[p]);
  if (others.length && isl.alignment[by] - Math.max(...others) > 25) cost(6, 'leaning too far to one partner');
  return { value, worst };
}

function answerAsIsland(v: GameView, island: IslandId, o: Offer, r: Rand, opts: SimpleOptions, stance: number): Action {
  const partner = funderOf(o.deal);
  if (opts.singlePartner && partner !== opts.singlePartner) return { type: 'reject', role: island, offer: o.id, reason: `We work with ${v.powers[opts.singlePartner]?.name} only.` };
  const rough = islandAppraisal(v, island, o.deal);
  // Weigh the deal first by what the rules say it does to our score, then by rules of thumb.
  const preview = previewDeal(v, island, o.deal, o.from);
  if (preview.conflict) return { type: 'reject', role: island, offer: o.id, reason: `It could not be signed: ${preview.conflict}` };
  const value = 4 * (preview.after - preview.before) + Math.round(rough.value / 3);
  const worst = rough.worst;
  // From open (accepts at 0) to closed (accepts only at 16).
  const bar = Math.round(16 * stance);
  const noisy = value + Math.floor(r() * 11) - 5;
  if (noisy > bar) return { type: 'accept', role: island, offer: o.id };
  const deal = o.deal;
  if (noisy > -2 && o.counterDepth < 2 && (deal.kind === 'cable' || deal.kind === 'aid' || deal.kind === 'telecom') && deal.financing.kind === 'loan') {
    const counter = structuredClone(deal);
    if (counter.kind === 'cable') {
      counter.dataAccess = false;
      counter.exclusivity = false;
    }
    if (counter.financing.kind === 'loan')
      counter.financing = { ...counter.financing, ratePct: Math.max(0, counter.financing.ratePct - 1), years: Math.min(30, counter.financing.years + 5), collateral: 'none' };
    return { type: 'counter', role: island, offer: o.id, deal: counter };
  }
  return { type: 'reject', role: island, offer: o.id, reason: `We cannot accept ${worst}.` };
}

function answerAsPower(v: GameView, power: PowerId, o: Offer, r: Rand): Action {
  // Asked for its consent (a landing on its territory, a Compact state's pact): the rules' own preview decides.
  if (funderOf(o.deal) !== power) {
    const p = previewDeal(v, power, o.deal, o.from);
    return p.after >= p.before ? { type: 'accept', role: power, offer: o.id } : { type: 'reject', role: power, offer: o.id, reason: 'We do not consent: it would weaken our position.' };
  }
  const rival = v.offers.some((x) => x.from !== power && x.to.some((t) => o.to.includes(t) || t === o.from) && x.round === v.round);
  if (r() < (rival ? 0.85 : 0.6)) return { type: 'accept', role: power, offer: o.id };
  return { type: 'reject', role: power, offer: o.id, reason: 'These terms do not serve our interests.' };
}

function powerOrders(v: GameView, power: PowerId, r: Rand): Action[] {
  const treasury = v.powers[power]?.treasury ?? 0;
  const island = pickOne(r, Object.keys(v.islands).sort());
  if (!island || treasury < 4000) return [];
  const roll = r();
  let order: Order | null = null;
  if (roll < 0.25) order = { kind: 'campaign', island, amount: Math.floor(treasury / 20) };
  else if (roll < 0.35 && power === 'beijing') order = { kind: 'intrusion', island, amount: 2000 };
  else if (roll < 0.45 && power !== 'beijing') {
    const prc = vendorFor(v, 'beijing');
    if (prc) order = { kind: 'vendorPressure', island, vendor: prc, amount: 500 };
  } else if (roll < 0.55) {
    const leakable = v.agreements.filter((a) => !a.parties.includes(power)).flatMap((a) => a.clauses).find((c) => c.seenBy !== 'all');
    if (leakable) order = { kind: 'leakDraft', clause: leakable.id, amount: 0 };
  }
  return order ? [{ type: 'order', role: power, order }] : [];
}

function islandOrders(v: GameView, role: IslandId, r: Rand): Action[] {
  const isl = v.islands[role];
  if (!isl || isl.treasury < 10) return [];
  const out: Action[] = [];
  if (isl.cyber < 50 && r() < 0.25) out.push({ type: 'order', role, order: { kind: 'buildCert', amount: Math.floor(isl.treasury / 5) } });
  if (isl.unrest > 45 && isl.democracy < 60 && r() < 0.5) out.push({ type: 'order', role, order: { kind: 'crackdown', amount: 0 } });
  if (isl.nextElection !== null && isl.nextElection === v.round && isl.legitimacy < 35 && r() < 0.5) out.push({ type: 'order', role, order: { kind: 'delayElection', amount: 0 } });
  const exposure = Math.max(isl.exposure.beijing, isl.exposure.canberra, isl.exposure.washington);
  if (exposure > 60 && isl.treasury > 3000 && r() < 0.3) out.push({ type: 'order', role, order: { kind: 'diversifyVendors', amount: 1000 + Math.floor(isl.treasury / 10) } });
  const arrears = v.debts.find((d) => d.debtor === role && d.arrears > 0);
  if (arrears) out.push({ type: 'order', role, order: { kind: 'renegotiateDebt', debt: arrears.id, amount: 0 } });
  const pushy = v.offers.some((o) => o.round === v.round && o.to.length > 2);
  if (pushy && isl.treasury > 1000 && v.round < v.scenario.rounds && r() < 0.5) out.push({ type: 'order', role, order: { kind: 'callForum', amount: 500 } });
  return out.slice(0, 3);
}

/**
 * An island's answers to the Forum's initiatives this round, by rule of thumb: it endorses a
 * policing initiative backed by a power it leans to or is warm to (alignment 20 or more), a
 * statement on the conduct of a power it neither leans to nor is warm to, and always the common
 * word on sovereignty.
 */
function forumAnswers(v: GameView, role: IslandId): Action[] {
  const isl = v.islands[role];
  if (!isl) return [];
  const out: Action[] = [];
  for (const m of v.forums ?? []) {
    if (m.round !== v.round || m.status !== 'open' || m.endorsed.includes(role) || m.rejected.includes(role)) continue;
    const warm = m.power !== null && (isl.leaning === m.power || isl.alignment[m.power] >= 20);
    const endorse = m.initiative === 'sovereignty' || (m.initiative === 'policing' ? warm : !warm);
    out.push({ type: endorse ? 'endorse' : 'oppose', role, initiative: m.id });
  }
  return out;
}

export function makeSimplePolicy(opts: SimpleOptions = {}): Policy {
  return (v, role, ctx) => {
    const r = rngFor(v, role, ctx);
    const stance = stanceOf(ctx.seed, role);
    if (v.phase === 'negotiation') {
      const out: Action[] = [];
      for (const o of v.offers)
        if (o.round === v.round && o.status === 'open' && o.to.includes(role) && !o.acceptedBy.includes(role) && !(o.refusals ?? []).some((x) => x.by === role))
          out.push(isPower(role) ? answerAsPower(v, role, o, r) : answerAsIsland(v, role, o, r, opts, stance));
      if (!isPower(role)) out.push(...forumAnswers(v, role));
      // A power courts about one island in four each round: one in Coral Sea, three in Shared Future's ten.
      if (ctx.pass === 0 && isPower(role)) for (let i = 0; i < Math.max(1, Math.round(Object.keys(v.islands).length / 4)); i++) out.push(...powerOffers(v, role, r, stance));
      return out;
    }
    if (v.phase === 'decisions' && ctx.pass === 0) return isPower(role) ? powerOrders(v, role, r) : islandOrders(v, role, r);
    return [];
  };
}

export const simplePolicy: Policy = makeSimplePolicy();
