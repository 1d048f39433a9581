import {
  cableCost,
  CLAUSE_NAMES,
  islandsOnRoute,
  type AidDeal,
  type AidPurpose,
  type CableDeal,
  type Clause,
  type ClauseKind,
  type Deal,
  type Financing,
  type GameView,
  type IslandId,
  type PactType,
  type PowerId,
  type TelecomDeal,
  type TelecomProject,
  type VendorKind,
} from '../../engine';
import { routeFor } from '../simple';
import { blocOf, funderPays, policyBankOf, rivalBloc, refinanced, withScriptedCofunders } from './engine-api';

/**
 * The deals a bot considers: each kind of deal with the terms a real negotiator would table,
 * priced at realistic sums (the engine prices a cable by its route; the rest scale with the
 * island's revenue, so that a tower network costs a sum of the size the real ones did).
 */

/**
 * A telecom project's price, in years of the island's government revenue (161 towers: US$66m, about
 * 0.15 of a year of Solomons revenue; PNG's national data centre: US$53m).
 */
export const PROJECT_PRICE: Record<TelecomProject, number> = { towers: 0.15, carrier: 0.2, dataCentre: 0.125, eGovernment: 0.05, safeCity: 0.075 };

/** Aid packages a power tables, in years of the island's government revenue (Canberra's aid to the Solomons: about US$115m a year). */
export const AID_SIZE = [0.05, 0.12] as const;

const round100 = (x: number): number => Math.max(1000, Math.round(x / 100) * 100);

/** A year of an island's base revenue. */
export const yearRevenue = (v: Pick<GameView, 'islands' | 'scenario'>, island: IslandId): number => ((v.islands[island]?.revenuePerRound ?? 1000) * 12) / v.scenario.monthsPerRound;

export const telecomPrice = (v: Pick<GameView, 'islands' | 'scenario'>, island: IslandId, project: TelecomProject): number => round100(yearRevenue(v, island) * PROJECT_PRICE[project]);

/** A power's vendors of choice: its own for Beijing, the cheapest trusted ones for the others. */
export function vendorsFor(v: Pick<GameView, 'vendors'>, p: PowerId, kind: VendorKind = 'cable'): string[] {
  return Object.values(v.vendors)
    .filter((x) => x.kind === kind)
    .filter((x) => (p === 'beijing' ? x.origin === 'beijing' : x.trusted && x.origin !== 'beijing'))
    .sort((a, b) => a.pricePerKm - b.pricePerKm || a.pricePerLanding - b.pricePerLanding || a.id.localeCompare(b.id))
    .map((x) => x.id);
}

const DISASTERS = ['eruption', 'cyclone', 'pandemic', 'riots', 'ransomware'];
export const recentDisaster = (v: Pick<GameView, 'events' | 'round'>, island: IslandId): boolean =>
  v.events.some((e) => (e.island === island || (e.kind === 'pandemic' && e.island === null)) && e.round >= v.round - 1 && DISASTERS.includes(e.kind));

/** Cables in service, being built or being repaired that land on an island. */
export const plannedRoutes = (v: Pick<GameView, 'cables' | 'landings'>, island: IslandId): number =>
  v.cables.filter((c) => c.status !== 'proposed' && islandsOnRoute(v, c.route).includes(island)).length;

export const loanTerms = (by: PowerId, ratePct: number, collateral: 'none' | 'port' | 'cable' | 'towers' = 'none'): Financing => ({ kind: 'loan', by, ratePct, years: 20, graceYears: 5, collateral });
export const grant = (by: PowerId): Financing => ({ kind: 'grant', by });

/** The pact clauses each pact is usually written with. */
export const PACT_CLAUSES: Record<PactType, ClauseKind[]> = {
  policing: ['unrestDeployment'],
  cyber: ['incidentAccess'],
  port: ['shipVisits'],
  naval: ['shipVisits'],
  base: ['noThirdParty'],
};

/** The cable a power would table for an island, with the terms it prefers, or null if none can be built in time. */
export function cableFor(v: GameView, p: PowerId, island: IslandId, vendor: string): CableDeal | null {
  const route = routeFor(v, island);
  const vend = v.vendors[vendor];
  if (!route || !vend) return null;
  const months = vend.minBuildMonths;
  if (v.round + Math.max(1, Math.ceil(months / v.scenario.monthsPerRound)) > v.scenario.rounds) return null;
  // Tokyo or a development bank joins where the scenario's script says it will (joint funding).
  return withScriptedCofunders(v, { kind: 'cable', route, vendor, financing: grant(p), buildMonths: months, stationOperator: 'island', dataAccess: false, exclusivity: false, islandSharePct: 0 });
}

export interface CandidateOptions {
  many: boolean;
  /** What the power can spend on one deal. */
  cash: number;
}

/**
 * Deals a power and an island could sign, with variants of their terms: aid of several sizes and
 * purposes, telecom projects the island lacks, pacts with and without their clauses, the
 * diplomatic acts still open, and a cable where one can be built before the game ends.
 */
export function dealCandidates(v: GameView, p: PowerId, island: IslandId, opts: CandidateOptions): Deal[] {
  const isl = v.islands[island];
  if (!isl || !v.powers[p]) return [];
  const out: Deal[] = [];
  // The larger packages (a tenth of a year's revenue and more) may also be lent against a port.
  const large = yearRevenue(v, island) / 10;
  const lend = p === 'beijing';
  const fins = (amount: number): Financing[] => {
    const f: Financing[] = [grant(p)];
    if (lend) f.push(loanTerms(p, 2));
    if (lend && opts.many && amount >= large) f.push(loanTerms(p, 2, 'port'));
    return f;
  };
  // Each financing with the policy bank or development bank that would join it (China Exim beside
  // Beijing's loans), within what the power itself can pay.
  const financed = <D extends AidDeal | TelecomDeal>(deal: D): D[] =>
    fins(deal.amount)
      .map((f) => refinanced(v, deal, f))
      .filter((d) => funderPays(v, d) <= opts.cash);
  // Beijing makes no aid or pact with a Taipei ally but with the switch itself, in a package: aid
  // beside the switch, as its development-fund pledge to the Solomons in 2019.
  const taipeiAlly = p === 'beijing' && isl.recognises === 'ROC';
  // Aid.
  const purposes: AidPurpose[] = recentDisaster(v, island) ? ['relief', 'budget', 'infrastructure'] : ['budget', 'infrastructure'];
  if (isl.bankLeaving) purposes.push('banking');
  const sizes = opts.many ? AID_SIZE : AID_SIZE.slice(0, 1);
  for (const purpose of taipeiAlly ? [] : purposes)
    for (const s of sizes) {
      const amount = round100(yearRevenue(v, island) * s);
      out.push(...financed({ kind: 'aid', island, amount, financing: grant(p), purpose }));
    }
  if (taipeiAlly) {
    const switchPart = { kind: 'diplomatic', power: p, act: 'switchRecognition' } as const;
    for (const s of sizes) {
      const amount = round100(yearRevenue(v, island) * s);
      if (amount <= opts.cash)
        out.push({ kind: 'package', power: p, islands: [island], allMustSign: true, parts: [switchPart, { kind: 'aid', amount, financing: grant(p), purpose: 'budget' }] });
    }
  }
  // Telecom.
  const vendor = vendorsFor(v, p)[0];
  const kit = vendorsFor(v, p, 'network')[0];
  if (kit) {
    const has = (k: TelecomProject) => isl.assets.some((a) => a.kind === k);
    const projects: TelecomProject[] = [];
    if (isl.coverage <= 70) projects.push('towers');
    if (!has('dataCentre')) projects.push('dataCentre');
    if (!has('eGovernment')) projects.push('eGovernment');
    if (!has('carrier') && p !== 'beijing') projects.push('carrier');
    if (!has('safeCity') && p === 'beijing') projects.push('safeCity');
    for (const project of projects) {
      const amount = telecomPrice(v, island, project);
      out.push(...financed({ kind: 'telecom', island, project, vendor: kit, amount, financing: grant(p) }));
    }
  }
  // Pacts: each type bare, with its usual clause, and (for Beijing's persona or a base) exclusive.
  const active = v.agreements.filter((a) => a.status === 'active' && a.deal.kind === 'pact' && a.deal.island === island && a.deal.power === p);
  const types: PactType[] = opts.many ? ['policing', 'cyber', 'port', 'naval', 'base'] : ['policing', 'cyber'];
  for (const pact of taipeiAlly ? [] : types) {
    if (p === 'washington' && pact === 'policing') continue;
    if (active.some((a) => a.deal.kind === 'pact' && a.deal.pact === pact)) continue;
    const secret = p === 'beijing';
    const clauseSets: Clause[][] = [[], PACT_CLAUSES[pact].map((kind) => ({ kind, secret }))];
    if (opts.many && pact !== 'base') clauseSets.push([...PACT_CLAUSES[pact].map((kind) => ({ kind, secret })), { kind: 'noThirdParty', secret }]);
    for (const clauses of clauseSets) out.push({ kind: 'pact', island, power: p, pact, clauses });
  }
  // Diplomatic acts.
  if (p === 'beijing' && isl.recognises === 'ROC') out.push({ kind: 'diplomatic', island, power: p, act: 'switchRecognition' });
  if (!isl.blocs.includes(blocOf(p)) && !isl.blocs.includes(rivalBloc(blocOf(p)))) out.push({ kind: 'diplomatic', island, power: p, act: 'joinBloc' });
  // A cable, if one can be built in time.
  if (vendor && plannedRoutes(v, island) < 3) {
    const base = cableFor(v, p, island, vendor);
    const lent = base && lend ? refinanced(v, base, loanTerms(p, 2)) : null;
    // A policy bank's credit puts a cable within reach of a power that could not pay for it alone.
    const banked = !!lent && (lent.cofunders?.length ?? 0) > (base?.cofunders?.length ?? 0) && funderPays(v, lent) <= opts.cash;
    if (base && (cableCost(v, base) <= opts.cash || banked)) {
      const variants: CableDeal[] = [];
      if (lent) {
        variants.push({ ...lent, stationOperator: 'vendor', dataAccess: true });
        variants.push(lent);
        if (opts.many) variants.push({ ...base, dataAccess: true }, base);
      } else {
        variants.push(base);
        if (opts.many) variants.push({ ...base, islandSharePct: 20 });
        // Canberra and Washington may ask each other to co-fund a trusted cable (the East Micronesia Cable, 2021).
        const ally: PowerId = p === 'canberra' ? 'washington' : 'canberra';
        if (v.powers[ally]) variants.push({ ...base, cofunders: [...(base.cofunders ?? []), { kind: 'grant', by: ally, sharePct: 20 }] });
      }
      out.push(...variants);
    }
  }
  return out;
}

/** Ways an island would change a deal's terms in its favour (or a power in its own), one step at a time. */
export function termVariants(v: Pick<GameView, 'landings' | 'vendors' | 'round' | 'islands' | 'funders'>, deal: Deal, side: 'island' | 'power'): { deal: Deal; change: string }[] {
  const out: { deal: Deal; change: string }[] = [];
  const add = (d: Deal, change: string) => out.push({ deal: d, change });
  if (side === 'island') {
    // A package for this island alone may be answered without one of its parts (one to several islands is never countered).
    if (deal.kind === 'package' && deal.islands.length === 1 && deal.parts.length > 1)
      deal.parts.forEach((p, j) =>
        add({ ...deal, parts: deal.parts.filter((_, k) => k !== j) }, `without the ${p.kind === 'pact' ? `${p.pact} pact` : p.kind === 'diplomatic' ? (p.act === 'joinBloc' ? 'programme membership' : 'switch of recognition') : p.kind === 'telecom' ? p.project : 'aid'}`),
      );
    if (deal.kind === 'cable') {
      if (deal.dataAccess) add({ ...deal, dataAccess: false }, 'without the data-access clause');
      if (deal.exclusivity) add({ ...deal, exclusivity: false }, 'without exclusive landing rights');
      if (deal.stationOperator === 'vendor') add({ ...deal, stationOperator: 'island' }, 'with our own people running the landing stations');
      if (deal.islandSharePct) add({ ...deal, islandSharePct: 0 }, 'without our share of the price');
      if (deal.dataAccess || deal.exclusivity || deal.stationOperator === 'vendor')
        add({ ...deal, dataAccess: false, exclusivity: false, stationOperator: 'island' }, 'on clean terms: no data access, no exclusivity, our own landing stations');
    }
    if (deal.kind === 'pact') {
      for (const c of deal.clauses) add({ ...deal, clauses: deal.clauses.filter((x) => x.kind !== c.kind) }, `without the ${CLAUSE_NAMES[c.kind]} clause`);
      if (deal.clauses.length > 1) add({ ...deal, clauses: [] }, 'without its clauses');
      if (deal.clauses.some((c) => c.secret)) add({ ...deal, clauses: deal.clauses.map((c) => ({ ...c, secret: false })) }, 'with every clause public');
    }
    if ((deal.kind === 'cable' || deal.kind === 'aid' || deal.kind === 'telecom') && deal.financing.kind === 'loan') {
      const f = deal.financing;
      if (f.collateral && f.collateral !== 'none') add({ ...deal, financing: { ...f, collateral: 'none' } }, `without pledging the ${f.collateral}`);
      if (f.ratePct > 0) add({ ...deal, financing: { ...f, ratePct: Math.max(0, f.ratePct - 1), collateral: 'none' } }, `at ${Math.max(0, f.ratePct - 1)}% and no collateral`);
      // A policy bank's credit is a loan or nothing: Beijing's grant aid is another, smaller budget,
      // so an island does not ask to turn an Exim credit into a grant.
      const banked = (deal.cofunders ?? []).some((c) => policyBankOf(v, c.by) === f.by);
      if (!banked) add(refinanced(v, deal, { kind: 'grant', by: f.by }), 'as a grant, not a loan');
    }
    if ((deal.kind === 'aid' || deal.kind === 'cable' || deal.kind === 'telecom') && deal.conditions?.length) add({ ...deal, conditions: [] }, 'without the conditions attached');
    if (deal.kind === 'aid' && deal.amount >= 2000) add({ ...deal, amount: Math.round((deal.amount * 1.5) / 100) * 100 }, 'for half as much again');
  } else {
    if (deal.kind === 'aid' && deal.amount >= 2000) add({ ...deal, amount: Math.max(1000, Math.round(deal.amount / 2 / 100) * 100) }, 'for half the amount');
    if ((deal.kind === 'aid' || deal.kind === 'telecom') && deal.financing.kind === 'grant') add(refinanced(v, deal, loanTerms(deal.financing.by, 1)), 'as a loan at 1%');
    if (deal.kind === 'cable') {
      if (!deal.islandSharePct) add({ ...deal, islandSharePct: 20 }, 'with the islands paying 20%');
      if (deal.financing.kind === 'grant') add(refinanced(v, deal, loanTerms(deal.financing.by, 1)), 'financed by a loan at 1%');
    }
    if (deal.kind === 'pact' && deal.clauses.length) add({ ...deal, clauses: deal.clauses.slice(0, 1) }, `with only the ${deal.clauses[0]?.kind} clause`);
  }
  return out;
}
