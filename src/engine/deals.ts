import type { Agreement, AgreementClause, CableDeal, Condition, Deal, Financing, GameState, IslandId, Offer, PowerId, Refusal, RoleId } from './types';
import { AID_PURPOSES, CLAUSE_KINDS, COLLATERALS, DIPLOMATIC_ACTS, PACT_TYPES, POWERS, TELECOM_PROJECTS } from './types';
import { LOAN_LIMITS, openLoan, updateLoanTerms } from './aid';
import { buildRounds, cableCost, islandsOnRoute, refreshNetworks } from './cables';
import { transfer } from './money';
import { propUp, restoreBanking } from './domestic';
import { bump } from './influence';
import { applyClauses, signPact, weighing } from './security';
import { signTelecom } from './telecom';
import { blocOf, rivalBloc, signDiplomatic, taipeiAllyRefusal } from './diplomacy';
import { AID_PURPOSE_NAMES, CLAUSE_NAMES, clampAlignment, clampMetric, formatMoney, pactName, possessive, own, roleNameOf, TELECOM_PROJECT_TEXT } from './util';
import type { Say } from './log';
import { consentingPowers, duplicateCable, duplicateHolding, pactRefusal, vendorKindRefusal } from './consent';
import { endContract, isContractReplacement } from './standing';
import { draftLeaked } from './drafts';
import { packageConflict, packageCost, packageParties, packageRefusal, signPackage } from './packages';
import { clauseIds } from './ids';
import { bookCofunding, cofundedTotal, cofundingConflict, cofundingRefusal, fundersText, powerCofunders } from './funding';

export const isPower = (role: string): role is PowerId => (POWERS as readonly string[]).includes(role);

export const MAX_BUILD_MONTHS = 60;
export const MAX_AID = 1_000_000;
export const MAX_ISLAND_SHARE_PCT = 50;
/** Loans at or below this rate are concessional; above it, commercial. */
export const CONCESSIONAL_MAX_PCT = 3;

/** The power that pays for a deal or offers the pact. */
export const funderOf = (deal: Deal): PowerId => (deal.kind === 'pact' || deal.kind === 'diplomatic' || deal.kind === 'package' ? deal.power : deal.financing.by);

/** The islands a deal binds. */
export function islandsOfDeal(g: Pick<GameState, 'landings'>, deal: Deal): IslandId[] {
  if (deal.kind === 'package') return [...deal.islands];
  return deal.kind === 'cable' ? islandsOnRoute(g, deal.route) : [deal.island];
}

/** The roles a deal binds: every one of them must be the sender or an addressee (a power whose consent it needs, too). */
export function partiesOf(g: Pick<GameState, 'landings' | 'vendors' | 'powers'>, deal: Deal): RoleId[] {
  if (deal.kind === 'package') return packageParties(g, deal);
  return [...new Set<RoleId>([funderOf(deal), ...islandsOfDeal(g, deal), ...consentingPowers(g, deal), ...powerCofunders(deal)])].sort();
}

/** The full price of a deal, US$ thousands. */
export function dealPrice(g: Pick<GameState, 'landings' | 'vendors'>, deal: Deal): number {
  switch (deal.kind) {
    case 'cable':
      return cableCost(g, deal);
    case 'aid':
    case 'telecom':
      return deal.amount;
    case 'package':
      return packageCost(g, deal);
    default:
      return 0;
  }
}

/** What each island on a cable route pays of its price (their co-financing share, split evenly). */
export function islandShares(g: Pick<GameState, 'landings' | 'vendors'>, deal: Deal): Record<IslandId, number> {
  if (deal.kind !== 'cable' || !deal.islandSharePct) return {};
  const islands = islandsOnRoute(g, deal.route);
  const total = Math.floor((cableCost(g, deal) * deal.islandSharePct) / 100);
  const each = Math.floor(total / islands.length);
  return Object.fromEntries(islands.map((i, n) => [i, n === 0 ? total - each * (islands.length - 1) : each]));
}

/** What the (lead) funder pays: the price less the islands' share and the co-funders' shares. */
export function funderPays(g: Pick<GameState, 'landings' | 'vendors'>, deal: Deal): number {
  return dealPrice(g, deal) - Object.values(islandShares(g, deal)).reduce((s, v) => s + v, 0) - cofundedTotal(g, deal);
}

const bad = (code: Refusal['code'], field: string, message: string): Refusal => ({ code, field, message });

function financingRefusal(financing: Financing | undefined): Refusal | null {
  if (typeof financing !== 'object' || financing === null) return bad('malformed', 'deal.financing', 'Choose how the deal is financed.');
  if (!isPower(financing.by)) return bad('illegalTerms', 'deal.financing.by', 'Only Beijing, Canberra or Washington can finance a deal.');
  if (financing.kind === 'grant') return null;
  if (financing.kind !== 'loan') return bad('illegalTerms', 'deal.financing.kind', 'Financing is a grant or a loan.');
  const names = { ratePct: 'The interest rate', years: 'The term', graceYears: 'The grace period' } as const;
  for (const key of ['ratePct', 'years', 'graceYears'] as const) {
    const v = financing[key];
    const { min, max } = LOAN_LIMITS[key];
    if (!Number.isInteger(v) || v < min || v > max) return bad('illegalTerms', `deal.financing.${key}`, `${names[key]} must be a whole number from ${min} to ${max}.`);
  }
  if (financing.graceYears >= financing.years) return bad('illegalTerms', 'deal.financing.graceYears', 'The grace period must be shorter than the term of the loan.');
  if (financing.collateral !== undefined && !(COLLATERALS as readonly string[]).includes(financing.collateral))
    return bad('illegalTerms', 'deal.financing.collateral', `Collateral is one of: ${COLLATERALS.join(', ')}.`);
  return null;
}

function conditionsRefusal(g: GameState, conditions: Condition[] | undefined): Refusal | null {
  if (conditions === undefined) return null;
  if (!Array.isArray(conditions)) return bad('malformed', 'deal.conditions', 'Conditions are a list (possibly empty).');
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    if (c?.kind === 'noVendor') {
      if (!own(g.vendors, c.vendor)) return bad('unknownTarget', `deal.conditions[${i}].vendor`, `There is no vendor "${String(c.vendor)}" in this scenario.`);
    } else if (c?.kind === 'noPact') {
      if (!isPower(c.power) || !own(g.powers, c.power)) return bad('unknownTarget', `deal.conditions[${i}].power`, 'A condition names Beijing, Canberra or Washington.');
    } else return bad('illegalTerms', `deal.conditions[${i}].kind`, 'A condition is noVendor (a vendor kept out) or noPact (no security pact with a power).');
  }
  return null;
}

function cableRefusal(g: GameState, deal: CableDeal): Refusal | null {
  if (!Array.isArray(deal.route) || deal.route.length < 2) return bad('illegalTerms', 'deal.route', 'A cable runs between at least two landing points.');
  const seen = new Set<string>();
  for (let i = 0; i < deal.route.length; i++) {
    const id = deal.route[i] ?? '';
    if (!own(g.landings, id)) return bad('unknownTarget', `deal.route[${i}]`, `There is no landing point "${id}" in this scenario.`);
    if (seen.has(id)) return bad('illegalTerms', `deal.route[${i}]`, `${own(g.landings, id)?.name ?? id} is on the route twice.`);
    seen.add(id);
  }
  if (islandsOnRoute(g, deal.route).length === 0) return bad('illegalTerms', 'deal.route', 'The route must land on at least one island of this game.');
  const vendor = own(g.vendors, deal.vendor);
  if (!vendor) return bad('unknownTarget', 'deal.vendor', `There is no vendor "${deal.vendor}" in this scenario.`);
  if (!Number.isInteger(deal.buildMonths) || deal.buildMonths < vendor.minBuildMonths || deal.buildMonths > MAX_BUILD_MONTHS)
    return bad('illegalTerms', 'deal.buildMonths', `${vendor.name} needs from ${vendor.minBuildMonths} to ${MAX_BUILD_MONTHS} months to build a cable.`);
  if (deal.stationOperator !== 'island' && deal.stationOperator !== 'vendor')
    return bad('illegalTerms', 'deal.stationOperator', 'The landing station is operated by the island or by the vendor.');
  if (typeof deal.dataAccess !== 'boolean') return bad('malformed', 'deal.dataAccess', 'Say whether the deal has a data-access clause.');
  if (typeof deal.exclusivity !== 'boolean') return bad('malformed', 'deal.exclusivity', 'Say whether the deal is exclusive.');
  const share = deal.islandSharePct ?? 0;
  if (!Number.isInteger(share) || share < 0 || share > MAX_ISLAND_SHARE_PCT)
    return bad('illegalTerms', 'deal.islandSharePct', `The islands' share is a whole percentage from 0 to ${MAX_ISLAND_SHARE_PCT}.`);
  for (const [island, amount] of Object.entries(islandShares(g, deal)))
    if ((own(g.islands, island)?.treasury ?? 0) < amount)
      return bad('unaffordable', 'deal.islandSharePct', `${own(g.islands, island)?.name} cannot pay its share of ${formatMoney(amount)} (it has ${formatMoney(own(g.islands, island)?.treasury ?? 0)}).`);
  return null;
}

const islandRefusal = (g: GameState, island: unknown): Refusal | null =>
  typeof island === 'string' && own(g.islands, island) ? null : bad('unknownTarget', 'deal.island', `There is no island "${String(island)}" in this game.`);

const amountRefusal = (amount: unknown, what: string): Refusal | null =>
  Number.isInteger(amount) && (amount as number) >= 1 && (amount as number) <= MAX_AID
    ? null
    : bad('illegalTerms', 'deal.amount', `${what} is a whole number of US$ thousands from 1 to ${MAX_AID}.`);

/** Is a deal's content legal now (not counting who sends it)? `amends`: the agreement it would replace. */
export function dealRefusal(g: GameState, deal: Deal, amends?: string | null): Refusal | null {
  if (typeof deal !== 'object' || deal === null) return bad('malformed', 'deal', 'An offer needs a deal.');
  switch (deal.kind) {
    case 'cable': {
      const r = financingRefusal(deal.financing) ?? cableRefusal(g, deal) ?? conditionsRefusal(g, deal.conditions) ?? vendorKindRefusal(g, deal);
      if (r) return r;
      const duplicate = duplicateCable(g, deal, amends);
      if (duplicate) return bad('illegalTerms', 'deal.route', duplicate.charAt(0).toUpperCase() + duplicate.slice(1));
      break;
    }
    case 'aid': {
      const r = islandRefusal(g, deal.island) ?? amountRefusal(deal.amount, 'Aid') ?? financingRefusal(deal.financing) ?? conditionsRefusal(g, deal.conditions);
      if (r) return r;
      if (deal.purpose !== undefined && !(AID_PURPOSES as readonly string[]).includes(deal.purpose))
        return bad('illegalTerms', 'deal.purpose', `Aid is for one of: ${AID_PURPOSES.join(', ')}.`);
      const taipei = taipeiAllyRefusal(g, deal.island, deal.financing.by, 'aid');
      if (taipei) return taipei;
      if (deal.purpose === 'banking' && !own(g.islands, deal.island)?.bankLeaving)
        return bad('illegalTerms', 'deal.purpose', `${own(g.islands, deal.island)?.name ?? deal.island} is not losing its bank: banking services are aid for an island whose last bank is leaving.`);
      break;
    }
    case 'telecom': {
      const r = islandRefusal(g, deal.island) ?? amountRefusal(deal.amount, 'The price') ?? financingRefusal(deal.financing) ?? conditionsRefusal(g, deal.conditions);
      if (r) return r;
      if (!(TELECOM_PROJECTS as readonly string[]).includes(deal.project)) return bad('illegalTerms', 'deal.project', `A telecom project is one of: ${TELECOM_PROJECTS.join(', ')}.`);
      if (!own(g.vendors, deal.vendor)) return bad('unknownTarget', 'deal.vendor', `There is no vendor "${deal.vendor}" in this scenario.`);
      const kind = vendorKindRefusal(g, deal);
      if (kind) return kind;
      const duplicate = duplicateHolding(g, deal, amends);
      if (duplicate) return bad('illegalTerms', 'deal.project', duplicate);
      break;
    }
    case 'pact': {
      const r = islandRefusal(g, deal.island);
      if (r) return r;
      if (!isPower(deal.power) || !own(g.powers, deal.power)) return bad('unknownTarget', 'deal.power', 'A pact is made with Beijing, Canberra or Washington.');
      if (!(PACT_TYPES as readonly string[]).includes(deal.pact)) return bad('illegalTerms', 'deal.pact', `A pact is one of: ${PACT_TYPES.join(', ')}.`);
      const washington = pactRefusal(deal) ?? taipeiAllyRefusal(g, deal.island, deal.power, 'pact');
      if (washington) return washington;
      if (!Array.isArray(deal.clauses)) return bad('malformed', 'deal.clauses', 'A pact lists its clauses (possibly none).');
      const kinds = new Set<string>();
      for (let i = 0; i < deal.clauses.length; i++) {
        const c = deal.clauses[i];
        if (!c || !(CLAUSE_KINDS as readonly string[]).includes(c.kind)) return bad('illegalTerms', `deal.clauses[${i}].kind`, `A clause is one of: ${CLAUSE_KINDS.join(', ')}.`);
        if (typeof c.secret !== 'boolean') return bad('malformed', `deal.clauses[${i}].secret`, 'Say whether the clause is secret.');
        if (kinds.has(c.kind)) return bad('illegalTerms', `deal.clauses[${i}].kind`, 'Each clause appears once.');
        kinds.add(c.kind);
      }
      const duplicate = duplicateHolding(g, deal, amends);
      if (duplicate) return bad('illegalTerms', 'deal.pact', duplicate);
      break;
    }
    case 'package':
      return packageRefusal(g, deal);
    case 'diplomatic': {
      const r = islandRefusal(g, deal.island);
      if (r) return r;
      if (!isPower(deal.power) || !own(g.powers, deal.power)) return bad('unknownTarget', 'deal.power', 'A diplomatic deal is made with Beijing, Canberra or Washington.');
      if (!(DIPLOMATIC_ACTS as readonly string[]).includes(deal.act)) return bad('illegalTerms', 'deal.act', `A diplomatic deal is one of: ${DIPLOMATIC_ACTS.join(', ')}.`);
      const island = own(g.islands, deal.island);
      if (deal.act === 'switchRecognition') {
        if (deal.power !== 'beijing') return bad('illegalTerms', 'deal.power', 'Recognition is switched from Taipei to Beijing, in a deal with Beijing.');
        if (island?.recognises !== 'ROC') return bad('illegalTerms', 'deal.act', `${island?.name} already recognises Beijing.`);
      } else if (island?.blocs.includes(blocOf(deal.power))) return bad('illegalTerms', 'deal.act', `${island.name} is already in that programme.`);
      break;
    }
    default:
      return bad('malformed', 'deal.kind', 'A deal is a cable, aid, telecom, pact or diplomatic deal.');
  }
  const cofunding = cofundingRefusal(g, deal);
  if (cofunding) return cofunding;
  const funder = funderOf(deal);
  const pays = funderPays(g, deal);
  if ((own(g.powers, funder)?.treasury ?? 0) < pays)
    return bad('unaffordable', deal.kind === 'cable' ? 'deal.financing.by' : 'deal.amount', `${own(g.powers, funder)?.name ?? funder} has ${formatMoney(own(g.powers, funder)?.treasury ?? 0)}; this deal costs it ${formatMoney(pays)}.`);
  return null;
}

/** Why an amendment may not replace an agreement, or null. */
export function amendRefusal(g: GameState, deal: Deal, agreementId: string, role: RoleId): Refusal | null {
  const a = g.agreements.find((x) => x.id === agreementId);
  if (!a || a.status !== 'active') return bad('unknownTarget', 'amends', `There is no agreement "${agreementId}" in force to renegotiate.`);
  if (isContractReplacement(g, deal, a)) return null;
  if (!a.parties.includes(role)) return bad('notParty', 'amends', 'Only a party to an agreement can renegotiate it.');
  if (a.deal.kind !== deal.kind) return bad('illegalTerms', 'amends', 'A renegotiation keeps the kind of deal.');
  const sameParties = partiesOf(g, deal).join() === [...a.parties].sort().join();
  if (!sameParties) return bad('badParty', 'amends', 'A renegotiation binds the same parties.');
  if (deal.kind === 'pact' && a.deal.kind === 'pact' && deal.pact !== a.deal.pact) return bad('illegalTerms', 'deal.pact', 'A renegotiated pact keeps its type; change its clauses.');
  if (deal.kind === 'aid') {
    if (deal.financing.kind !== 'loan' || !g.debts.some((d) => d.agreement === a.id)) return bad('illegalTerms', 'amends', 'Of aid, only a loan\'s terms can be renegotiated.');
    if (a.deal.kind === 'aid' && deal.amount !== a.deal.amount) return bad('illegalTerms', 'deal.amount', 'A renegotiated loan keeps its amount; change its rate, term or grace.');
    return null;
  }
  if (deal.kind !== 'pact') return bad('illegalTerms', 'amends', 'Only pacts and loans can be renegotiated; cancel other agreements instead.');
  return null;
}

/** Is a condition of a standing agreement broken by the island's current deals and assets? */
export function conditionBroken(g: GameState, island: IslandId, c: Condition, since: number): boolean {
  if (c.kind === 'noPact')
    return g.agreements.some((a) => a.status === 'active' && a.deal.kind === 'pact' && a.deal.island === island && a.deal.power === c.power);
  const onIsland = g.cables.some(
    (cable) => cable.vendor === c.vendor && cable.agreement !== null && (cable.status === 'building' || cable.status === 'active') && islandsOnRoute(g, cable.route).includes(island),
  );
  const asset = (own(g.islands, island)?.assets ?? []).some((x) => x.vendor === c.vendor && g.agreements.find((a) => a.id === x.agreement && a.round >= since));
  return onIsland || asset;
}

/** Why a signed deal would clash with what is already in force, or null. */
export function conflictOf(g: GameState, offer: Offer): string | null {
  const deal = offer.deal;
  if (deal.kind === 'package') return packageConflict(g, offer);
  const funder = funderOf(deal);
  if (offer.amends) {
    const a = g.agreements.find((x) => x.id === offer.amends);
    if (!a || a.status !== 'active') return `agreement ${offer.amends} is no longer in force.`;
    if (!isContractReplacement(g, deal, a)) return null;
  }
  const duplicate = deal.kind === 'cable' ? duplicateCable(g, deal, offer.amends) : duplicateHolding(g, deal, offer.amends);
  if (duplicate) return duplicate;
  const pays = funderPays(g, deal);
  if ((own(g.powers, funder)?.treasury ?? 0) < pays) return `${own(g.powers, funder)?.name ?? funder} no longer has the ${formatMoney(pays)} it needs (money already spent).`;
  for (const [island, amount] of Object.entries(islandShares(g, deal)))
    if ((own(g.islands, island)?.treasury ?? 0) < amount) return `${own(g.islands, island)?.name} no longer has its ${formatMoney(amount)} share (money already spent).`;
  const cofunders = cofundingConflict(g, deal);
  if (cofunders) return cofunders;
  const islands = islandsOfDeal(g, deal);
  for (const id of islands) {
    const island = own(g.islands, id);
    if (!island) continue;
    if (deal.kind === 'diplomatic') {
      if (deal.act === 'switchRecognition' && island.recognises === 'PRC') return `${island.name} already recognises Beijing.`;
      if (deal.act === 'joinBloc' && island.blocs.includes(rivalBloc(blocOf(deal.power)))) return `${island.name} is in the rival programme.`;
    }
    if (deal.kind === 'aid' && deal.purpose === 'banking' && !island.bankLeaving) return `another bank has already taken over in ${island.name}.`;
    const vendor = 'vendor' in deal ? own(g.vendors, deal.vendor) : undefined;
    if (vendor && !vendor.trusted && island.blocs.includes('trustedNetwork')) return `${island.name} is in the trusted-network programme, which excludes ${vendor.name}.`;
    if (deal.kind === 'telecom' && deal.project === 'carrier') {
      const owned = island.assets.find((x) => x.kind === 'carrier' && x.owner !== id && x.owner !== funder);
      if (owned) return `${possessive(island.name)} carrier is already controlled by ${own(g.powers, owned.owner as PowerId)?.name ?? owned.owner}.`;
    }
    for (const c of deal.kind === 'cable' || deal.kind === 'aid' || deal.kind === 'telecom' ? (deal.conditions ?? []) : [])
      if (conditionBroken(g, id, c, 0)) return `${island.name} already breaks the condition ${c.kind === 'noVendor' ? `keeping ${own(g.vendors, c.vendor)?.name} out` : `of no pact with ${own(g.powers, c.power)?.name}`}.`;
  }
  for (const a of g.agreements) {
    if (a.status !== 'active' || funderOf(a.deal) === funder) continue;
    const shared = a.parties.filter((p) => islands.includes(p));
    if (shared.length === 0) continue;
    const name = own(g.islands, shared[0] ?? '')?.name ?? '';
    if (deal.kind === 'cable' && a.deal.kind === 'cable' && a.deal.exclusivity) return `${name} granted exclusive landing rights in agreement ${a.id}.`;
    if (deal.kind === 'pact' && a.clauses.some((c) => c.kind === 'noThirdParty')) return `${name} agreed to no third-party security partners in agreement ${a.id}.`;
  }
  return null;
}

/** An island that signs with a vendor a power warned it against pays for it in that power's favour. */
function answerPressure(g: GameState, islands: IslandId[], vendor: string, say: Say): void {
  for (const id of islands) {
    const island = own(g.islands, id);
    if (!island) continue;
    for (const p of island.pressure.filter((x) => x.vendor === vendor && x.until >= g.round)) {
      island.alignment[p.by] = clampAlignment(island.alignment[p.by] - 15);
      const power = own(g.powers, p.by);
      if (power) power.influence[id] = clampMetric((power.influence[id] ?? 0) - 10);
      say(`${island.name} signs with ${own(g.vendors, vendor)?.name} despite ${possessive(power?.name ?? '')} warning.`);
    }
  }
}

/**
 * Sign an accepted offer: money moves, cables start building, debts open, metrics move.
 * The caller has checked conflictOf first.
 */
export function sign(g: GameState, offer: Offer, say: Say): Agreement {
  const deal = offer.deal;
  // A package signs each part for each agreed island as that deal alone; the first agreement stands for them.
  if (deal.kind === 'package') return signPackage(g, offer, say)[0] as Agreement;
  const id = `a${++g.counters.agreement}`;
  const parties = partiesOf(g, deal);
  const leaked = deal.kind === 'pact' && draftLeaked(g, offer);
  const ids = deal.kind === 'pact' ? clauseIds(g, id, deal.clauses.map((c) => c.secret && !leaked)) : [];
  const clauses: AgreementClause[] =
    deal.kind === 'pact' ? deal.clauses.map((c, i) => ({ ...c, id: ids[i] ?? `${id}.c${i + 1}`, seenBy: c.secret && !leaked ? [...parties] : 'all' })) : [];
  const publicDeal: Deal = deal.kind === 'pact' ? { ...deal, clauses: deal.clauses.filter((c) => !c.secret) } : deal;
  const agreement: Agreement = { id, offer: offer.id, round: g.round, parties, deal: publicDeal, clauses, status: 'active', reason: null };
  g.agreements.push(agreement);
  const replaced = offer.amends ? g.agreements.find((a) => a.id === offer.amends) : undefined;
  if (replaced && isContractReplacement(g, deal, replaced)) endContract(g, replaced, agreement, say);
  else if (offer.amends) {
    amend(g, offer.amends, agreement, say);
    return agreement;
  }
  switch (deal.kind) {
    case 'cable': {
      const cost = cableCost(g, deal);
      const fin = deal.financing;
      const shares = islandShares(g, deal);
      for (const [island, amount] of Object.entries(shares)) transfer(g, island, 'world', amount, 'cofinancing', id);
      const funded = cost - Object.values(shares).reduce((s, v) => s + v, 0) - cofundedTotal(g, deal);
      transfer(g, fin.by, 'world', funded, 'vendor', id);
      bookCofunding(g, deal, id);
      const islands = islandsOnRoute(g, deal.route);
      if (fin.kind === 'loan') {
        const each = Math.floor(funded / islands.length);
        islands.forEach((isl, i) => openLoan(g, isl, fin, i === 0 ? funded - each * (islands.length - 1) : each, id));
      }
      const vendor = own(g.vendors, deal.vendor);
      g.cables.push({
        id: `cable-${id}`,
        name: `${own(g.islands, islands[0] ?? '')?.name ?? 'Island'} cable (${vendor?.name ?? deal.vendor})`,
        route: [...deal.route],
        vendor: deal.vendor,
        financier: fin.by,
        status: 'building',
        readyRound: g.round + buildRounds(g, deal.buildMonths),
        dataAccess: deal.dataAccess,
        operator: deal.stationOperator,
        owner: islands.length === 1 ? (islands[0] ?? 'other') : 'other',
        agreement: id,
      });
      for (const isl of islands) {
        const island = own(g.islands, isl);
        if (!island) continue;
        island.sovereignty = clampMetric(island.sovereignty - (deal.dataAccess ? 8 : 0) - (deal.stationOperator === 'vendor' ? 4 : 0) - (deal.exclusivity ? 4 : 0));
        propUp(g, island, 2);
        bump(g, isl, fin.by, fin.kind === 'grant' ? 8 : 4, fin.kind === 'grant' ? 10 : 6);
      }
      answerPressure(g, islands, deal.vendor, say);
      const shareText = deal.islandSharePct ? `, the islands paying ${deal.islandSharePct}%` : '';
      const joint = fundersText(g, deal);
      say(
        joint
          ? `Signed: a ${formatMoney(cost)} cable by ${vendor?.name} landing in ${islands.map((i) => own(g.islands, i)?.name).join(' and ')}, funded jointly: ${joint}.`
          : `Signed: ${own(g.powers, fin.by)?.name} finances a ${formatMoney(cost)} cable by ${vendor?.name} landing in ${islands.map((i) => own(g.islands, i)?.name).join(' and ')} (${loanText(fin)}${shareText}).`,
        'all',
        [id],
      );
      break;
    }
    case 'aid': {
      const fin = deal.financing;
      const island = own(g.islands, deal.island);
      if (!island) break;
      const lead = deal.amount - cofundedTotal(g, deal);
      transfer(g, fin.by, deal.island, lead, fin.kind === 'grant' ? 'grant' : 'loan', id);
      if (fin.kind === 'loan') openLoan(g, deal.island, fin, lead, id);
      bookCofunding(g, deal, id);
      const purpose = deal.purpose ?? 'budget';
      let weight = Math.min(12, 2 + Math.floor((deal.amount * 4) / Math.max(1, island.revenuePerRound)));
      // Help after a disaster buys the most goodwill (Tonga 2022).
      const disaster = g.events.some((e) => e.island === deal.island && e.round >= g.round - 1 && ['eruption', 'cyclone', 'pandemic', 'riots', 'ransomware'].includes(e.kind));
      if (purpose === 'relief') weight = disaster ? weight * 2 : Math.ceil(weight / 2);
      if (purpose === 'budget') propUp(g, island, fin.kind === 'grant' ? 3 : 2);
      // Budget support pays for concessions (wages, services): it calms the streets a little.
      if (purpose === 'budget') island.unrest = clampMetric(island.unrest - 3);
      if (purpose === 'infrastructure') island.economy = clampMetric(island.economy + Math.min(5, 1 + Math.floor((deal.amount * 2) / Math.max(1, island.revenuePerRound))));
      if (purpose === 'relief') island.unrest = clampMetric(island.unrest - 5);
      if (purpose === 'banking') restoreBanking(island);
      bump(g, deal.island, fin.by, fin.kind === 'grant' ? weight : Math.ceil(weight / 2), weight);
      const aidJoint = fundersText(g, deal);
      const what = `${formatMoney(deal.amount)} of ${AID_PURPOSE_NAMES[purpose]}`;
      say(aidJoint ? `Signed: ${island.name} receives ${what}, funded jointly: ${aidJoint}.` : `Signed: ${own(g.powers, fin.by)?.name} gives ${island.name} ${what} (${loanText(fin)}).`, 'all', [id]);
      break;
    }
    case 'telecom': {
      const fin = deal.financing;
      const leadPart = deal.amount - cofundedTotal(g, deal);
      transfer(g, fin.by, 'world', leadPart, deal.project === 'carrier' ? 'purchase' : 'vendor', id);
      if (fin.kind === 'loan') openLoan(g, deal.island, fin, leadPart, id);
      bookCofunding(g, deal, id);
      signTelecom(g, deal, id);
      answerPressure(g, [deal.island], deal.vendor, say);
      say(`Signed: ${own(g.powers, fin.by)?.name} finances ${TELECOM_PROJECT_TEXT[deal.project]} in ${own(g.islands, deal.island)?.name} by ${own(g.vendors, deal.vendor)?.name}, ${formatMoney(deal.amount)} (${fundersText(g, deal) || loanText(fin)}).`, 'all', [id]);
      break;
    }
    case 'pact': {
      signPact(g, deal, clauses);
      const shown = publicDeal.kind === 'pact' ? publicDeal.clauses : [];
      say(`Signed: ${own(g.islands, deal.island)?.name} and ${own(g.powers, deal.power)?.name} agree ${pactName(deal)}${shown.length ? ` (${shown.map((c) => `${CLAUSE_NAMES[c.kind]} clause`).join(', ')})` : ''}.`, 'all', [id]);
      // One entry per secret clause, so that a leak of one reveals no other.
      for (const c of clauses) if (c.seenBy !== 'all') say(`Secret clause of ${id}: ${CLAUSE_NAMES[c.kind]}.`, [...parties], [c.id]);
      break;
    }
    case 'diplomatic': {
      const consequence = signDiplomatic(g, deal);
      say(
        deal.act === 'switchRecognition'
          ? `Signed: ${own(g.islands, deal.island)?.name} switches recognition from Taipei to Beijing.${consequence ? ` ${consequence}` : ''}`
          : `Signed: ${own(g.islands, deal.island)?.name} joins ${blocOf(deal.power) === 'trustedNetwork' ? 'the trusted-network programme' : "Beijing's data-security initiative"}.`,
        'all',
        [id],
      );
      break;
    }
  }
  refreshNetworks(g);
  return agreement;
}

const loanText = (fin: Financing): string =>
  fin.kind === 'grant' ? 'grant' : `${fin.ratePct <= CONCESSIONAL_MAX_PCT ? 'concessional' : 'commercial'} loan at ${fin.ratePct}% over ${fin.years} years`;

/** A renegotiation: the new agreement replaces the old one; only what changed takes effect. */
function amend(g: GameState, oldId: string, next: Agreement, say: Say): void {
  const old = g.agreements.find((a) => a.id === oldId);
  if (!old) return;
  old.status = 'ended';
  old.reason = `renegotiated as ${next.id}`;
  const deal = next.deal;
  if (deal.kind === 'pact' && old.deal.kind === 'pact') {
    // Secret clauses carried over keep what their audience already knew.
    for (const c of next.clauses) {
      const prior = old.clauses.find((x) => x.kind === c.kind);
      if (prior && c.seenBy !== 'all' && prior.seenBy === 'all') c.seenBy = 'all';
    }
    const before = weighing(old.clauses);
    const after = weighing(next.clauses);
    applyClauses(g, deal.island, before.filter((k) => !after.includes(k)), -1);
    applyClauses(g, deal.island, after.filter((k) => !before.includes(k)), 1);
    for (const c of next.clauses) if (c.seenBy !== 'all') say(`Secret clause of ${next.id}: ${CLAUSE_NAMES[c.kind]}.`, [...next.parties], [c.id]);
  }
  const fin = (deal.kind === 'aid' && deal.financing.kind === 'loan') ? deal.financing : null;
  if (fin) for (const d of g.debts.filter((x) => x.agreement === oldId)) updateLoanTerms(g, d, fin, next.id);
  if (deal.kind === 'pact') {
    // A pact renewed (a package's, or a renegotiation) reads as what the parties now agree.
    const shown = next.clauses.filter((c) => c.seenBy === 'all');
    const clauses = shown.length ? ` (${shown.map((c) => `${CLAUSE_NAMES[c.kind]} clause`).join(', ')})` : '';
    say(`Renegotiated: ${own(g.islands, deal.island)?.name} and ${own(g.powers, deal.power)?.name} agree ${pactName(deal)}${clauses} in place of the one they had.`, 'all', [next.id, oldId]);
    return;
  }
  say(`Renegotiated: agreement ${oldId} is replaced by ${next.id}.`, 'all', [next.id]);
}

/** A party walks out of an agreement: a reputation cost for a power, goodwill lost either way. */
export function cancel(g: GameState, agreementId: string, role: RoleId, reason: string, say: Say): void {
  const a = g.agreements.find((x) => x.id === agreementId);
  if (!a) return;
  a.status = 'cancelled';
  a.reason = `cancelled by ${role}: ${reason}`;
  a.cancelled = { by: role, round: g.round };
  const funder = funderOf(a.deal);
  const power = own(g.powers, funder);
  for (const id of islandsOfDeal(g, a.deal)) {
    const island = own(g.islands, id);
    if (!island || !power) continue;
    island.alignment[funder] = clampAlignment(island.alignment[funder] - (role === funder ? 10 : 15));
    power.influence[id] = clampMetric((power.influence[id] ?? 0) - 10);
    if (a.deal.kind === 'pact') applyClauses(g, id, weighing(a.clauses), -1);
  }
  if (power && role === funder) power.reputation = clampMetric(power.reputation - 6);
  if (a.deal.kind === 'cable') for (const c of g.cables) if (c.agreement === a.id) c.dataAccess = false;
  // A contract not yet being built is simply dropped.
  if (a.deal.kind === 'cable') g.cables = g.cables.filter((c) => !(c.agreement === a.id && c.status === 'proposed'));
  say(`${roleNameOf(g, role)} cancels agreement ${a.id}: ${reason}`, 'all', [a.id]);
}

/** Conditions attached to standing agreements, checked at every resolution: a broken one is a breach. */
export function detectBreaches(g: GameState, say: Say): void {
  for (const a of g.agreements) {
    if (a.status !== 'active') continue;
    const conditions = a.deal.kind === 'cable' || a.deal.kind === 'aid' || a.deal.kind === 'telecom' ? (a.deal.conditions ?? []) : [];
    for (const c of conditions) {
      const breaker = islandsOfDeal(g, a.deal).find((i) => conditionBroken(g, i, c, a.round + 1));
      if (!breaker) continue;
      const island = own(g.islands, breaker);
      const funder = funderOf(a.deal);
      a.status = 'breached';
      a.reason = `${island?.name} broke its condition`;
      if (island) {
        island.legitimacy = clampMetric(island.legitimacy - 4);
        island.alignment[funder] = clampAlignment(island.alignment[funder] - 10);
      }
      const power = own(g.powers, funder);
      if (power) power.influence[breaker] = clampMetric((power.influence[breaker] ?? 0) - 8);
      say(`Breach detected: ${island?.name} broke a condition of agreement ${a.id} (${c.kind === 'noVendor' ? `${own(g.vendors, c.vendor)?.name} kept out` : `no pact with ${own(g.powers, c.power)?.name}`}).`, 'all', [a.id]);
      break;
    }
  }
}
