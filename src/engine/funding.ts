import type { Cofunder, Deal, Financing, FunderId, FundingPledge, GameState, IslandId, PowerId, Refusal, ScenarioData, ScriptedFunderId } from './types';
import { POWERS, SCRIPTED_FUNDERS } from './types';
import { LOAN_LIMITS, openLoan } from './aid';
import { cableCost, islandsOnRoute } from './cables';
import { transfer } from './money';
import { bump } from './influence';
import { formatMoney, own } from './util';

/**
 * Joint funding: several funders on one deal, each paying its share on its own terms. The
 * offer's `financing` names the lead funder, who pays what the others do not; `cofunders` lists
 * the rest (Washington and Tokyo beside Canberra on the East Micronesia Cable, 2021-23; the
 * World Bank and the ADB side by side on the Tonga cable, 2013). A power that co-funds is a party
 * to the deal and must accept it; a scripted funder (Tokyo, a development bank) has no seat and
 * joins only the deals its scenario script names, on the script's terms, within its budget.
 */

/** The most co-funders one deal can list. */
export const MAX_COFUNDERS = 5;
/** The lead funder keeps at least this share of the price. */
export const MIN_LEAD_SHARE_PCT = 1;

export const isScriptedFunder = (id: unknown): id is ScriptedFunderId => typeof id === 'string' && (SCRIPTED_FUNDERS as readonly string[]).includes(id);
const isPowerId = (id: unknown): id is PowerId => typeof id === 'string' && (POWERS as readonly string[]).includes(id);

export const SCRIPTED_FUNDER_NAMES: Record<ScriptedFunderId, string> = { tokyo: 'Tokyo', worldBank: 'the World Bank', adb: 'the Asian Development Bank', chinaExim: 'China Exim Bank' };

/** The power a scripted funder lends for, when it is that power's policy bank (China Exim for Beijing). */
export const policyBankOf = (g: { funders?: GameState['funders'] }, id: string): PowerId | undefined => (isScriptedFunder(id) ? own(g.funders ?? {}, id)?.of : undefined);

/** A funder's name in the game's words: "Canberra", "Tokyo", "the World Bank". */
export function funderName(g: Pick<GameState, 'powers'> & { funders?: GameState['funders'] }, id: string): string {
  if (isScriptedFunder(id)) return own(g.funders ?? {}, id)?.name ?? SCRIPTED_FUNDER_NAMES[id];
  return own(g.powers, id)?.name ?? id;
}

/** The co-funders a deal lists (none for pacts and diplomatic deals). */
export const cofundersOf = (deal: Deal): Cofunder[] => (deal.kind === 'cable' || deal.kind === 'aid' || deal.kind === 'telecom' ? (deal.cofunders ?? []) : []);

/** Powers that co-fund a deal: each is a party to it. */
export const powerCofunders = (deal: Deal): PowerId[] => cofundersOf(deal).map((c) => c.by).filter(isPowerId);

type Priced = Pick<GameState, 'landings' | 'vendors'>;

const priceOf = (g: Priced, deal: Deal): number => (deal.kind === 'cable' ? cableCost(g, deal) : deal.kind === 'aid' || deal.kind === 'telecom' ? deal.amount : 0);

/** What each co-funder pays, US$ thousands: its share of the full price, rounded down. */
export function cofundedAmounts(g: Priced, deal: Deal): { cofunder: Cofunder; amount: number }[] {
  const price = priceOf(g, deal);
  return cofundersOf(deal).map((cofunder) => ({ cofunder, amount: Math.floor((price * (Number.isInteger(cofunder.sharePct) ? cofunder.sharePct : 0)) / 100) }));
}

/** What all co-funders pay together. */
export const cofundedTotal = (g: Priced, deal: Deal): number => cofundedAmounts(g, deal).reduce((s, x) => s + x.amount, 0);

/** Money a funder has left to commit. */
export function funderTreasury(g: Pick<GameState, 'powers'> & { funders?: GameState['funders'] }, id: FunderId): number {
  return (isScriptedFunder(id) ? own(g.funders ?? {}, id)?.treasury : own(g.powers, id)?.treasury) ?? 0;
}

type Scripted = Pick<GameState, 'landings' | 'vendors' | 'round' | 'islands'> & { funders?: GameState['funders'] };

const dealIslands = (g: Pick<GameState, 'landings'>, deal: Deal): IslandId[] => (deal.kind === 'cable' ? islandsOnRoute(g, deal.route) : 'island' in deal ? [deal.island] : []);

/**
 * Does a pledge of a scripted funder cover this deal (whatever the share and terms)? A policy
 * bank (`of`) joins only its own power's loans.
 */
export function pledgeCovers(g: Scripted, pledge: FundingPledge, deal: Deal, of?: PowerId): boolean {
  if (pledge.deal !== deal.kind) return false;
  if (of !== undefined && ('financing' in deal ? deal.financing.by !== of || deal.financing.kind !== 'loan' : true)) return false;
  if (pledge.fromRound !== undefined && g.round < pledge.fromRound) return false;
  if (pledge.untilRound !== undefined && g.round > pledge.untilRound) return false;
  if (!dealIslands(g, deal).some((i) => pledge.islands.includes(i))) return false;
  if (pledge.trustedVendor && 'vendor' in deal && own(g.vendors, deal.vendor)?.trusted !== true) return false;
  if (pledge.vendorFrom && 'vendor' in deal && own(g.vendors, deal.vendor)?.origin !== pledge.vendorFrom) return false;
  if (pledge.purpose && deal.kind === 'aid' && (deal.purpose ?? 'budget') !== pledge.purpose) return false;
  return true;
}

const sameTerms = (c: Cofunder, t: FundingPledge['terms']): boolean =>
  c.kind === t.kind && (c.kind === 'grant' || (t.kind === 'loan' && c.ratePct === t.ratePct && c.years === t.years && c.graceYears === t.graceYears && (c.collateral ?? 'none') === 'none'));

const termsText = (t: FundingPledge['terms'] | Cofunder): string => (t.kind === 'grant' ? 'a grant' : `a loan at ${t.ratePct}% over ${t.years} years (${t.graceYears} of grace)`);

const bad = (code: Refusal['code'], field: string, message: string): Refusal => ({ code, field, message });

/**
 * Why a deal's co-funders are not acceptable now, or null: shares that do not add up, a funder
 * twice (or the lead again), a funder not in the game, one without the budget, a scripted funder
 * asked for more than its script, terms out of bounds.
 */
export function cofundingRefusal(g: Scripted & Pick<GameState, 'powers'>, deal: Deal): Refusal | null {
  if (deal.kind !== 'cable' && deal.kind !== 'aid' && deal.kind !== 'telecom') return null;
  const list = deal.cofunders;
  if (list === undefined) return null;
  if (!Array.isArray(list) || list.length > MAX_COFUNDERS) return bad('malformed', 'deal.cofunders', `Co-funders are a list of at most ${MAX_COFUNDERS}.`);
  const seen = new Set<string>([deal.financing.by]);
  let shares = deal.kind === 'cable' ? (deal.islandSharePct ?? 0) : 0;
  const amounts = cofundedAmounts(g, deal);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const at = `deal.cofunders[${i}]`;
    if (!c) return bad('malformed', at, 'A co-funder names who pays, its share and its terms.');
    if (!isPowerId(c.by) && !isScriptedFunder(c.by)) return bad('unknownTarget', `${at}.by`, 'A co-funder is Beijing, Canberra, Washington, Tokyo, the World Bank (worldBank) or the ADB (adb).');
    if (seen.has(c.by))
      return bad('illegalTerms', `${at}.by`, c.by === deal.financing.by ? `${funderName(g, c.by)} already leads the financing: a funder appears once.` : `${funderName(g, c.by)} is listed twice: a funder appears once.`);
    seen.add(c.by);
    if (isPowerId(c.by) ? !own(g.powers, c.by) : !own(g.funders ?? {}, c.by)) return bad('unknownTarget', `${at}.by`, `${funderName(g, c.by)} has no part in this scenario.`);
    if (!Number.isInteger(c.sharePct) || c.sharePct < 1 || c.sharePct > 100 - MIN_LEAD_SHARE_PCT)
      return bad('illegalTerms', `${at}.sharePct`, `A co-funder's share is a whole percentage from 1 to ${100 - MIN_LEAD_SHARE_PCT}.`);
    shares += c.sharePct;
    if (c.kind === 'loan') {
      const names = { ratePct: 'The interest rate', years: 'The term', graceYears: 'The grace period' } as const;
      for (const key of ['ratePct', 'years', 'graceYears'] as const) {
        const { min, max } = LOAN_LIMITS[key];
        if (!Number.isInteger(c[key]) || c[key] < min || c[key] > max) return bad('illegalTerms', `${at}.${key}`, `${names[key]} must be a whole number from ${min} to ${max}.`);
      }
      if (c.graceYears >= c.years) return bad('illegalTerms', `${at}.graceYears`, 'The grace period must be shorter than the term of the loan.');
    } else if (c.kind !== 'grant') return bad('illegalTerms', `${at}.kind`, 'A co-funder gives a grant or a loan.');
    if (isScriptedFunder(c.by)) {
      const funder = own(g.funders ?? {}, c.by);
      const pledges = (funder?.pledges ?? []).filter((p) => pledgeCovers(g, p, deal, funder?.of));
      if (!pledges.length) return bad('illegalTerms', `${at}.by`, `${funderName(g, c.by)} co-funds no such deal now (its script: ${scriptText(g, c.by)}).`);
      if (!pledges.some((p) => c.sharePct <= p.sharePct)) return bad('illegalTerms', `${at}.sharePct`, `${funderName(g, c.by)} pays at most ${Math.max(...pledges.map((p) => p.sharePct))}% of this deal.`);
      if (!pledges.some((p) => c.sharePct <= p.sharePct && sameTerms(c, p.terms)))
        return bad('illegalTerms', `${at}.kind`, `${funderName(g, c.by)} gives ${pledges.map((p) => termsText(p.terms)).join(' or ')} for this deal, on its own terms.`);
    }
    const amount = amounts[i]?.amount ?? 0;
    if (funderTreasury(g, c.by) < amount)
      return bad('unaffordable', `${at}.by`, `${funderName(g, c.by)} has ${formatMoney(funderTreasury(g, c.by))}; its ${c.sharePct}% share is ${formatMoney(amount)}.`);
  }
  if (shares > 100 - MIN_LEAD_SHARE_PCT)
    return bad('illegalTerms', 'deal.cofunders', `The shares add up to ${shares}%${deal.kind === 'cable' && deal.islandSharePct ? ` (with the islands' ${deal.islandSharePct}%)` : ''}: ${funderName(g, deal.financing.by)}, the lead funder, must keep at least ${MIN_LEAD_SHARE_PCT}%.`);
  return null;
}

/** At signing: a co-funder that has since spent its money, or null. */
export function cofundingConflict(g: Scripted & Pick<GameState, 'powers'>, deal: Deal): string | null {
  for (const { cofunder, amount } of cofundedAmounts(g, deal))
    if (funderTreasury(g, cofunder.by) < amount) return `${funderName(g, cofunder.by)} no longer has the ${formatMoney(amount)} of its share (money already spent).`;
  return null;
}

/**
 * Book each co-funder's money and debt exactly as a single funder's: for a cable or a telecom
 * project it pays the vendor; aid goes to the island; a loan becomes a debt of the island (split
 * evenly among a cable's islands). A power that co-funds gains some goodwill on the islands; a
 * scripted funder gains none (it plays no game).
 */
export function bookCofunding(g: GameState, deal: Deal, agreement: string): void {
  const islands = dealIslands(g, deal);
  for (const { cofunder: c, amount } of cofundedAmounts(g, deal)) {
    if (amount <= 0) continue;
    if (deal.kind === 'aid') transfer(g, c.by, deal.island, amount, c.kind === 'grant' ? 'grant' : 'loan', agreement);
    else transfer(g, c.by, 'world', amount, deal.kind === 'telecom' && deal.project === 'carrier' ? 'purchase' : 'vendor', agreement);
    if (c.kind === 'loan') {
      // A policy bank's credit is owed to its state, and repaid to the bank.
      const state = policyBankOf(g, c.by);
      const loan = state && isScriptedFunder(c.by) ? { ...c, by: state, lender: c.by } : c;
      const each = Math.floor(amount / Math.max(1, islands.length));
      islands.forEach((isl, i) => openLoan(g, isl, loan, i === 0 ? amount - each * (islands.length - 1) : each, agreement));
    }
    if (isPowerId(c.by)) for (const isl of islands) bump(g, isl, c.by, c.kind === 'grant' ? 4 : 2, c.kind === 'grant' ? 5 : 3);
  }
}

/**
 * The scripted funders that would join a deal now, each for the largest share its script and
 * budget allow (bots and the composer add them; the lead funder pays the rest). Shares stop
 * where the lead funder would keep less than `leadKeepsPct`.
 */
export function scriptedCofunders(g: Scripted, deal: Deal, leadKeepsPct = 10): Cofunder[] {
  if (deal.kind !== 'cable' && deal.kind !== 'aid' && deal.kind !== 'telecom') return [];
  const price = priceOf(g, deal);
  const taken = new Set<string>([deal.financing.by, ...(deal.cofunders ?? []).map((c) => c.by)]);
  let room = 100 - leadKeepsPct - (deal.kind === 'cable' ? (deal.islandSharePct ?? 0) : 0) - (deal.cofunders ?? []).reduce((s, c) => s + c.sharePct, 0);
  const out: Cofunder[] = [];
  for (const id of SCRIPTED_FUNDERS) {
    const funder = own(g.funders ?? {}, id);
    if (!funder || taken.has(id) || room < 1) continue;
    for (const p of funder.pledges) {
      if (!pledgeCovers(g, p, deal, funder.of)) continue;
      // The share its budget still pays for, and no more than its script says.
      const affordable = price > 0 ? Math.floor((funder.treasury * 100) / price) : 0;
      const share = Math.min(p.sharePct, room, affordable);
      if (share < 1) continue;
      out.push(p.terms.kind === 'grant' ? { kind: 'grant', by: id, sharePct: share } : { kind: 'loan', by: id, sharePct: share, ratePct: p.terms.ratePct, years: p.terms.years, graceYears: p.terms.graceYears });
      room -= share;
      break;
    }
  }
  return out;
}

/** The deal with the scripted funders that would join it added (unchanged if none would). */
export function withScriptedCofunders<D extends Deal>(g: Scripted, deal: D, leadKeepsPct = 10): D {
  if (deal.kind !== 'cable' && deal.kind !== 'aid' && deal.kind !== 'telecom') return deal;
  const extra = scriptedCofunders(g, deal, leadKeepsPct);
  return extra.length ? { ...deal, cofunders: [...(deal.cofunders ?? []), ...extra] } : deal;
}

/**
 * The deal on other financing: a policy bank that joined the old loan leaves, and the scripted
 * funders that would join the new terms come in (a grant loses China Exim's credit; Beijing's
 * loan gains it).
 */
export function refinanced<D extends Deal>(g: Scripted, deal: D, financing: Financing): D {
  if (deal.kind !== 'cable' && deal.kind !== 'aid' && deal.kind !== 'telecom') return deal;
  const kept = (deal.cofunders ?? []).filter((c) => !policyBankOf(g, c.by));
  const { cofunders: _dropped, ...rest } = deal;
  return withScriptedCofunders(g, { ...rest, financing, ...(kept.length ? { cofunders: kept } : {}) } as D);
}

/** A scripted funder's script in words, for refusals and the briefing. */
export function scriptText(g: Pick<GameState, 'islands'> & { funders?: GameState['funders']; powers?: GameState['powers'] }, id: ScriptedFunderId): string {
  const funder = own(g.funders ?? {}, id);
  if (!funder || !funder.pledges.length) return 'nothing';
  return funder.pledges
    .map((p) => {
      const where = p.islands.map((i) => own(g.islands, i)?.name ?? i).join(' or ');
      const when = p.fromRound !== undefined || p.untilRound !== undefined ? ` (rounds ${p.fromRound ?? 1}–${p.untilRound ?? '…'})` : '';
      const beside = funder.of ? ` beside a loan from ${own(g.powers ?? {}, funder.of)?.name ?? funder.of}` : '';
      return `up to ${p.sharePct}% of ${p.deal === 'cable' ? 'a cable' : p.deal === 'aid' ? `${p.purpose ? `${p.purpose} ` : ''}aid` : 'a telecom project'}${beside} to ${where}${p.trustedVendor ? ' by a trusted vendor' : ''}${p.vendorFrom ? ` by a vendor from ${own(g.powers ?? {}, p.vendorFrom)?.name ?? p.vendorFrom}` : ''}, as ${termsText(p.terms)}${when}`;
    })
    .join('; ');
}

/**
 * Every funder of a deal and its share, in words: "Canberra 60% (grant), Washington 20% (grant),
 * Tokyo 20% (grant)". Empty for a deal with one funder and no island share.
 */
export function fundersText(g: Priced & Pick<GameState, 'powers'> & { funders?: GameState['funders'] }, deal: Deal): string {
  if (deal.kind !== 'cable' && deal.kind !== 'aid' && deal.kind !== 'telecom') return '';
  const cofunders = deal.cofunders ?? [];
  if (!cofunders.length) return '';
  const island = deal.kind === 'cable' ? (deal.islandSharePct ?? 0) : 0;
  const lead = 100 - island - cofunders.reduce((s, c) => s + c.sharePct, 0);
  const terms = (t: Cofunder | Financing): string => (t.kind === 'grant' ? 'grant' : `loan at ${t.ratePct}%`);
  const parts = [`${funderName(g, deal.financing.by)} ${lead}% (${terms(deal.financing)})`, ...cofunders.map((c) => `${funderName(g, c.by)} ${c.sharePct}% (${terms(c)})`)];
  if (island) parts.push(`the islands ${island}%`);
  return parts.join(', ');
}

/** A scenario's scripted funders as the game holds them: their budgets as money in hand. */
export function openFunders(g: GameState, funders: NonNullable<ScenarioData['funders']>): void {
  if (!funders.length) return;
  g.funders = {};
  for (const f of funders) g.funders[f.id] = { id: f.id, name: f.name, treasury: 0, ...(f.of ? { of: f.of } : {}), pledges: structuredClone(f.pledges) };
  const round = g.round;
  g.round = 0;
  for (const f of funders) transfer(g, 'world', f.id, f.budget, 'opening', null);
  g.round = round;
}

/** What a role pays of a deal as its co-funder (0 if it is not one). */
export function cofunderPays(g: Priced, deal: Deal, role: string): number {
  return cofundedAmounts(g, deal).find((x) => x.cofunder.by === role)?.amount ?? 0;
}
