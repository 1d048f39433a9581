import type { Agreement, AgreementClause, CableDeal, Deal, GameState, IslandId, Offer, PowerId, Refusal, RoleId } from './types';
import { CLAUSE_KINDS, PACT_TYPES, POWERS } from './types';
import { LOAN_LIMITS, openLoan } from './aid';
import { buildRounds, cableCost, islandsOnRoute, refreshNetworks } from './cables';
import { transfer } from './money';
import { clampAlignment, clampMetric, formatMoney } from './util';

export const isPower = (role: string): role is PowerId => (POWERS as readonly string[]).includes(role);

export const MAX_BUILD_MONTHS = 60;
export const MAX_AID = 1_000_000;

/** The roles a deal binds: every one of them must be the sender or an addressee. */
export function partiesOf(g: Pick<GameState, 'landings'>, deal: Deal): RoleId[] {
  switch (deal.kind) {
    case 'cable':
      return [...new Set<RoleId>([deal.financing.by, ...islandsOnRoute(g, deal.route)])].sort();
    case 'aid':
      return [...new Set<RoleId>([deal.financing.by, deal.island])].sort();
    case 'pact':
      return [...new Set<RoleId>([deal.power, deal.island])].sort();
  }
}

/** Money the deal takes from its financier at signing, US$ thousands. */
export function dealPrice(g: GameState, deal: Deal): number {
  switch (deal.kind) {
    case 'cable':
      return cableCost(g, deal);
    case 'aid':
      return deal.amount;
    case 'pact':
      return 0;
  }
}

function financingRefusal(deal: Deal): Refusal | null {
  if (deal.kind === 'pact') return null;
  const f = deal.financing as unknown;
  if (typeof f !== 'object' || f === null) return { code: 'malformed', field: 'deal.financing', message: 'Choose how the deal is financed.' };
  const fin = deal.financing;
  if (!isPower(fin.by)) return { code: 'illegalTerms', field: 'deal.financing.by', message: 'Only Beijing, Canberra or Washington can finance a deal.' };
  if (fin.kind === 'grant') return null;
  if (fin.kind !== 'loan') return { code: 'illegalTerms', field: 'deal.financing.kind', message: 'Financing is a grant or a loan.' };
  for (const key of ['ratePct', 'years', 'graceYears'] as const) {
    const v = fin[key];
    const { min, max } = LOAN_LIMITS[key];
    if (!Number.isInteger(v) || v < min || v > max)
      return { code: 'illegalTerms', field: `deal.financing.${key}`, message: `${key === 'ratePct' ? 'The interest rate' : key === 'years' ? 'The term' : 'The grace period'} must be a whole number from ${min} to ${max}.` };
  }
  if (fin.graceYears >= fin.years) return { code: 'illegalTerms', field: 'deal.financing.graceYears', message: 'The grace period must be shorter than the term of the loan.' };
  return null;
}

function cableRefusal(g: GameState, deal: CableDeal): Refusal | null {
  if (!Array.isArray(deal.route) || deal.route.length < 2) return { code: 'illegalTerms', field: 'deal.route', message: 'A cable runs between at least two landing points.' };
  const seen = new Set<string>();
  for (let i = 0; i < deal.route.length; i++) {
    const id = deal.route[i] ?? '';
    if (!g.landings[id]) return { code: 'unknownTarget', field: `deal.route[${i}]`, message: `There is no landing point "${id}" in this scenario.` };
    if (seen.has(id)) return { code: 'illegalTerms', field: `deal.route[${i}]`, message: `${g.landings[id]?.name ?? id} is on the route twice.` };
    seen.add(id);
  }
  if (islandsOnRoute(g, deal.route).length === 0) return { code: 'illegalTerms', field: 'deal.route', message: 'The route must land on at least one island of this game.' };
  const vendor = g.vendors[deal.vendor];
  if (!vendor) return { code: 'unknownTarget', field: 'deal.vendor', message: `There is no vendor "${deal.vendor}" in this scenario.` };
  if (!Number.isInteger(deal.buildMonths) || deal.buildMonths < vendor.minBuildMonths || deal.buildMonths > MAX_BUILD_MONTHS)
    return { code: 'illegalTerms', field: 'deal.buildMonths', message: `${vendor.name} needs from ${vendor.minBuildMonths} to ${MAX_BUILD_MONTHS} months to build a cable.` };
  if (deal.stationOperator !== 'island' && deal.stationOperator !== 'vendor')
    return { code: 'illegalTerms', field: 'deal.stationOperator', message: 'The landing station is operated by the island or by the vendor.' };
  if (typeof deal.dataAccess !== 'boolean') return { code: 'malformed', field: 'deal.dataAccess', message: 'Say whether the deal has a data-access clause.' };
  if (typeof deal.exclusivity !== 'boolean') return { code: 'malformed', field: 'deal.exclusivity', message: 'Say whether the deal is exclusive.' };
  return null;
}

/** Is a deal's content legal on its own (not counting who sends it)? */
export function dealRefusal(g: GameState, deal: Deal): Refusal | null {
  if (typeof deal !== 'object' || deal === null) return { code: 'malformed', field: 'deal', message: 'An offer needs a deal.' };
  const fin = financingRefusal(deal);
  if (fin) return fin;
  switch (deal.kind) {
    case 'cable': {
      const r = cableRefusal(g, deal);
      if (r) return r;
      break;
    }
    case 'aid':
      if (!g.islands[deal.island]) return { code: 'unknownTarget', field: 'deal.island', message: `There is no island "${deal.island}" in this game.` };
      if (!Number.isInteger(deal.amount) || deal.amount < 1 || deal.amount > MAX_AID)
        return { code: 'illegalTerms', field: 'deal.amount', message: `Aid is a whole number of US$ thousands from 1 to ${MAX_AID}.` };
      break;
    case 'pact': {
      if (!g.islands[deal.island]) return { code: 'unknownTarget', field: 'deal.island', message: `There is no island "${deal.island}" in this game.` };
      if (!isPower(deal.power) || !g.powers[deal.power]) return { code: 'unknownTarget', field: 'deal.power', message: 'A pact is made with Beijing, Canberra or Washington.' };
      if (!(PACT_TYPES as readonly string[]).includes(deal.pact)) return { code: 'illegalTerms', field: 'deal.pact', message: `A pact is one of: ${PACT_TYPES.join(', ')}.` };
      if (!Array.isArray(deal.clauses)) return { code: 'malformed', field: 'deal.clauses', message: 'A pact lists its clauses (possibly none).' };
      const kinds = new Set<string>();
      for (let i = 0; i < deal.clauses.length; i++) {
        const c = deal.clauses[i];
        if (!c || !(CLAUSE_KINDS as readonly string[]).includes(c.kind)) return { code: 'illegalTerms', field: `deal.clauses[${i}].kind`, message: `A clause is one of: ${CLAUSE_KINDS.join(', ')}.` };
        if (typeof c.secret !== 'boolean') return { code: 'malformed', field: `deal.clauses[${i}].secret`, message: 'Say whether the clause is secret.' };
        if (kinds.has(c.kind)) return { code: 'illegalTerms', field: `deal.clauses[${i}].kind`, message: 'Each clause appears once.' };
        kinds.add(c.kind);
      }
      break;
    }
    default:
      return { code: 'malformed', field: 'deal.kind', message: 'A deal is a cable, aid or pact.' };
  }
  const payer = deal.kind === 'pact' ? null : deal.financing.by;
  const price = dealPrice(g, deal);
  if (payer && (g.powers[payer]?.treasury ?? 0) < price)
    return { code: 'unaffordable', field: deal.kind === 'aid' ? 'deal.amount' : 'deal.financing.by', message: `${g.powers[payer]?.name ?? payer} has ${formatMoney(g.powers[payer]?.treasury ?? 0)}; this deal costs ${formatMoney(price)}.` };
  return null;
}

/** Why a signed deal would clash with what is already in force, or null. */
export function conflictOf(g: GameState, deal: Deal): string | null {
  const price = dealPrice(g, deal);
  if (deal.kind !== 'pact' && (g.powers[deal.financing.by]?.treasury ?? 0) < price)
    return `${g.powers[deal.financing.by]?.name ?? deal.financing.by} no longer has the ${formatMoney(price)} it needs (money already spent).`;
  const parties = partiesOf(g, deal);
  const funder = deal.kind === 'pact' ? deal.power : deal.financing.by;
  for (const a of g.agreements) {
    if (a.status !== 'active') continue;
    const aFunder = a.deal.kind === 'pact' ? a.deal.power : a.deal.financing.by;
    if (aFunder === funder) continue;
    const shared = a.parties.filter((p) => parties.includes(p) && g.islands[p]);
    if (shared.length === 0) continue;
    if (deal.kind === 'cable' && a.deal.kind === 'cable' && a.deal.exclusivity)
      return `${g.islands[shared[0] ?? '']?.name ?? ''} granted exclusive landing rights in agreement ${a.id}.`;
    if (deal.kind === 'pact' && a.clauses.some((c) => c.kind === 'noThirdParty'))
      return `${g.islands[shared[0] ?? '']?.name ?? ''} agreed to no third-party security partners in agreement ${a.id}.`;
  }
  return null;
}

const bump = (g: GameState, island: IslandId, power: PowerId, alignment: number, influence: number): void => {
  const isl = g.islands[island];
  const pow = g.powers[power];
  if (!isl || !pow) return;
  isl.alignment[power] = clampAlignment(isl.alignment[power] + alignment);
  pow.influence[island] = clampMetric((pow.influence[island] ?? 0) + influence);
  // Influence is contested: a rival's gain is partly everyone else's loss.
  for (const rival of POWERS) {
    const r = g.powers[rival];
    if (r && rival !== power) r.influence[island] = clampMetric((r.influence[island] ?? 0) - Math.floor(influence / 3));
  }
};

const CLAUSE_EFFECTS: Record<AgreementClause['kind'], { sovereignty: number; legitimacy: number; democracy: number }> = {
  unrestDeployment: { sovereignty: -6, legitimacy: 4, democracy: -3 },
  incidentAccess: { sovereignty: -4, legitimacy: 0, democracy: 0 },
  shipVisits: { sovereignty: -3, legitimacy: 0, democracy: 0 },
  noThirdParty: { sovereignty: -6, legitimacy: 0, democracy: 0 },
};

const PACT_EFFECTS = {
  policing: { sovereignty: -4, legitimacy: 5, cyber: 0, economy: 0, alignment: 8, influence: 12 },
  cyber: { sovereignty: -2, legitimacy: 1, cyber: 15, economy: 0, alignment: 5, influence: 8 },
  port: { sovereignty: -8, legitimacy: 0, cyber: 0, economy: 2, alignment: 4, influence: 10 },
} as const;

/**
 * Sign an accepted offer: money moves, cables start building, debts open, metrics move.
 * Returns the new agreement. The caller has checked conflictOf first.
 */
export function sign(g: GameState, offer: Offer, say: (text: string, seenBy?: RoleId[] | 'all', about?: string[]) => void): Agreement {
  const deal = offer.deal;
  const id = `a${++g.counters.agreement}`;
  const parties = partiesOf(g, deal);
  const clauses: AgreementClause[] =
    deal.kind === 'pact' ? deal.clauses.map((c, i) => ({ ...c, id: `${id}.c${i + 1}`, seenBy: c.secret ? [...parties] : 'all' })) : [];
  const publicDeal: Deal = deal.kind === 'pact' ? { ...deal, clauses: deal.clauses.filter((c) => !c.secret) } : deal;
  const agreement: Agreement = { id, offer: offer.id, round: g.round, parties, deal: publicDeal, clauses, status: 'active' };
  g.agreements.push(agreement);

  switch (deal.kind) {
    case 'cable': {
      const cost = cableCost(g, deal);
      const fin = deal.financing;
      transfer(g, fin.by, 'world', cost, 'vendor', id);
      const islands = islandsOnRoute(g, deal.route);
      if (fin.kind === 'loan') {
        const share = Math.floor(cost / islands.length);
        islands.forEach((isl, i) => openLoan(g, isl, fin, i === 0 ? cost - share * (islands.length - 1) : share, id));
      }
      const vendor = g.vendors[deal.vendor];
      const firstIsland = g.islands[islands[0] ?? '']?.name ?? 'Island';
      g.cables.push({
        id: `cable-${id}`,
        name: `${firstIsland} cable (${vendor?.name ?? deal.vendor})`,
        route: [...deal.route],
        vendor: deal.vendor,
        financier: fin.by,
        status: 'building',
        readyRound: g.round + buildRounds(g, deal.buildMonths),
        dataAccess: deal.dataAccess,
        agreement: id,
      });
      for (const isl of islands) {
        const island = g.islands[isl];
        if (!island) continue;
        island.sovereignty = clampMetric(island.sovereignty - (deal.dataAccess ? 8 : 0) - (deal.stationOperator === 'vendor' ? 4 : 0) - (deal.exclusivity ? 4 : 0));
        island.legitimacy = clampMetric(island.legitimacy + 2);
        bump(g, isl, fin.by, fin.kind === 'grant' ? 8 : 4, fin.kind === 'grant' ? 10 : 6);
      }
      say(`Signed: ${g.powers[fin.by]?.name} finances a ${formatMoney(cost)} cable by ${vendor?.name} landing in ${islands.map((i) => g.islands[i]?.name).join(' and ')} (${fin.kind}).`, 'all', [id]);
      break;
    }
    case 'aid': {
      const fin = deal.financing;
      const island = g.islands[deal.island];
      if (!island) break;
      transfer(g, fin.by, deal.island, deal.amount, fin.kind === 'grant' ? 'grant' : 'loan', id);
      if (fin.kind === 'loan') openLoan(g, deal.island, fin, deal.amount, id);
      const weight = Math.min(12, 2 + Math.floor((deal.amount * 4) / Math.max(1, island.revenuePerRound)));
      island.legitimacy = clampMetric(island.legitimacy + (fin.kind === 'grant' ? 2 : 1));
      bump(g, deal.island, fin.by, fin.kind === 'grant' ? weight : Math.ceil(weight / 2), weight);
      say(`Signed: ${g.powers[fin.by]?.name} gives ${island.name} ${formatMoney(deal.amount)} as a ${fin.kind === 'grant' ? 'grant' : `loan at ${fin.ratePct}% over ${fin.years} years`}.`, 'all', [id]);
      break;
    }
    case 'pact': {
      const island = g.islands[deal.island];
      if (!island) break;
      const e = PACT_EFFECTS[deal.pact];
      island.sovereignty = clampMetric(island.sovereignty + e.sovereignty);
      island.legitimacy = clampMetric(island.legitimacy + e.legitimacy);
      island.cyber = clampMetric(island.cyber + e.cyber);
      island.economy = clampMetric(island.economy + e.economy);
      for (const c of clauses) {
        const ce = CLAUSE_EFFECTS[c.kind];
        island.sovereignty = clampMetric(island.sovereignty + ce.sovereignty);
        island.legitimacy = clampMetric(island.legitimacy + ce.legitimacy);
        island.democracy = clampMetric(island.democracy + ce.democracy);
      }
      bump(g, deal.island, deal.power, e.alignment, e.influence);
      say(`Signed: ${island.name} and ${g.powers[deal.power]?.name} agree a ${deal.pact} pact${publicDeal.kind === 'pact' && publicDeal.clauses.length ? ` (${publicDeal.clauses.map((c) => c.kind).join(', ')})` : ''}.`, 'all', [id]);
      // One entry per secret clause, so that a leak of one reveals no other.
      for (const c of clauses) if (c.seenBy !== 'all') say(`Secret clause of ${id}: ${c.kind}.`, [...parties], [c.id]);
      break;
    }
  }
  refreshNetworks(g);
  return agreement;
}
