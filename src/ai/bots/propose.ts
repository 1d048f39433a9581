import { formatMoney, POWERS, type Action, type Deal, type DealKind, type IslandId, type PowerId, type RoleId } from '../../engine';
import * as E from './engine-api';
import { appraise, mainPart, type Appraisal, type Proposal } from './appraise';
import { dealCandidates } from './candidates';
import type { BotContext } from './context';
import { clip, dealText, goalText, nameOf, offerText } from './explain';
import { available, barFor, factFor, wouldSign } from './negotiate';

/** An offer (or an island's request) a bot could send, with what it expects from it. */
export interface ProposalOption {
  action: Extract<Action, { type: 'offer' }>;
  value: number;
  island: IslandId;
  kind: DealKind;
  cost: number;
  /** What it is worth to the bot, and to the other side. */
  mine: Appraisal;
}

/** Share of what it holds a power commits in one round, by persona; everything near the end (money left over is worth nothing). */
const SPEND: Record<string, number> = { balanced: 0.5, assertive: 0.7, cautious: 0.35, distracted: 0.3 };
/** How much more a power is drawn to an island where a rival has just moved. */
const RIVALRY: Record<string, number> = { balanced: 0.25, assertive: 0.45, cautious: 0.1, distracted: 0.05 };

export function spendable(c: BotContext, p: PowerId): number {
  const left = c.v.scenario.rounds - c.v.round;
  const share = left <= 1 ? 1 : Math.max(SPEND[c.persona(p)] ?? 0.5, 1 / (left + 1));
  return Math.floor(available(c, p) * share);
}

/** A rival's latest move on an island, as this power can see it: an offer it holds intelligence on, or a deal signed last round. */
export function rivalMove(c: BotContext, island: IslandId): { rival: PowerId; text: string } | null {
  const { v, role } = c;
  const rivals = E.rivalsOf(role as PowerId).filter((p) => v.powers[p]);
  for (const o of v.offers) {
    if (o.round !== v.round || o.status === 'withdrawn') continue;
    const funder = E.funderOf(o.deal);
    if (!rivals.includes(funder) || !E.islandsOfDeal(v, o.deal).includes(island)) continue;
    return { rival: funder, text: o.from === funder ? offerText(v, o, true) : `${nameOf(v, funder)}'s talks on ${dealText(v, o.deal, true)}` };
  }
  for (const a of [...v.agreements].reverse()) {
    if (a.round < v.round - 1 || !a.parties.includes(island)) continue;
    const funder = E.funderOf(a.deal);
    if (rivals.includes(funder)) return { rival: funder, text: `the ${dealText(v, a.deal, true).replace(/^an? /, '')} ${nameOf(v, funder)} signed ${a.round === v.round ? 'this' : 'last'} round` };
  }
  return null;
}

/** Islands a power attends to in a round at most (in the largest scenarios it cannot court all ten at once). */
export const FOCUS = 4;

/**
 * The islands a power works on this round: where a rival has just moved, then where its influence
 * trails its strongest rival's most, then in turn by round, so that none is forgotten for long. A
 * distracted power attends to fewer.
 */
export function focusIslands(c: BotContext): IslandId[] {
  const { v, role } = c;
  const p = role as PowerId;
  const ids = Object.keys(v.islands).sort();
  const limit = c.persona() === 'distracted' ? Math.max(1, Math.ceil(FOCUS / 2)) : FOCUS;
  if (ids.length <= limit) return c.persona() === 'distracted' ? ids.filter(() => c.rand() < 0.7) : ids;
  const rivals = E.rivalsOf(p).filter((r) => v.powers[r]);
  const gap = (i: IslandId) => Math.max(0, ...rivals.map((r) => v.powers[r]?.influence[i] ?? 0)) - (v.powers[p]?.influence[i] ?? 0);
  const turn = (i: IslandId) => (ids.indexOf(i) - v.round * limit + ids.length * 100) % ids.length;
  const scored = ids.map((i) => ({ i, s: (rivalMove(c, i) ? 100 : 0) + gap(i) / 4 - turn(i) * 2 }));
  return scored.sort((a, b) => b.s - a.s || a.i.localeCompare(b.i)).slice(0, limit).map((x) => x.i).sort();
}

/** Every offer this power could table this round that the islands concerned would sign, best first. */
export function powerOfferOptions(c: BotContext): ProposalOption[] {
  const { v, role, model: m } = c;
  const p = role as PowerId;
  if (v.offers.some((o) => o.from === p && o.round === v.round)) return [];
  const cash = spendable(c, p);
  const many = c.params.variants === 'many';
  const out: ProposalOption[] = [];
  const persona = c.persona();
  for (const island of focusIslands(c)) {
    const rival = rivalMove(c, island);
    for (const deal of dealCandidates(v, p, island, { many, cash })) {
      // A deal the rules refuse is not weighed (appraising has no effect on what follows).
      if (E.dealRefusal(m.base, deal)) continue;
      const islands = E.islandsOfDeal(v, deal);
      // A power asked to co-fund must sign too.
      const others = [...islands, ...E.powerCofunders(deal)];
      // The other side first: most candidates fail there, and then the power's own appraisal is not needed.
      const proposal = [{ deal, from: p }];
      if (others.length) {
        const theirs = appraise(m, others, proposal);
        if (theirs[others[0] as RoleId]?.void) continue;
        if (!others.every((i) => wouldSign(c, i, deal, theirs[i] as Appraisal))) continue;
      }
      const mine = appraise(m, [p], proposal)[p] as Appraisal;
      if (mine.void) continue;
      const value = mine.gain + c.noise(() => `${island}|${JSON.stringify(deal)}`) + (rival ? (RIVALRY[persona] ?? 0.2) : 0);
      if (value <= 0) continue;
      const why = offerWhy(c, deal, island, mine, rival?.text ?? null);
      out.push({ action: { type: 'offer', role: p, to: E.partiesOf(v, deal).filter((r) => r !== p), deal, why }, value, island, kind: deal.kind, cost: E.funderPays(v, deal), mine });
    }
  }
  return out.sort((a, b) => b.value - a.value);
}

/** What an island could ask each power for this round that the power would grant, best for the island first. */
export function islandRequestOptions(c: BotContext): ProposalOption[] {
  const { v, role, model: m } = c;
  if (v.offers.some((o) => o.from === role && o.round === v.round)) return [];
  const many = c.params.variants === 'many';
  const out: ProposalOption[] = [];
  for (const p of POWERS) {
    if (!v.powers[p]) continue;
    for (const deal of dealCandidates(v, p, role, { many, cash: available(c, p) })) {
      // A government asks for grants and clean terms; it does not volunteer to give up its options.
      if (deal.kind === 'diplomatic' || (deal.kind === 'pact' && (deal.clauses.length || (deal.pact !== 'policing' && deal.pact !== 'cyber')))) continue;
      if ((deal.kind === 'aid' || deal.kind === 'telecom' || deal.kind === 'cable') && (deal.financing.kind === 'loan' || (deal.kind === 'cable' && (deal.dataAccess || deal.exclusivity || deal.stationOperator === 'vendor' || deal.islandSharePct)))) continue;
      if (E.islandsOfDeal(v, deal).length !== 1) continue;
      if (E.dealRefusal(m.base, deal)) continue;
      const mine = appraise(m, [role], [{ deal, from: role }])[role] as Appraisal;
      if (mine.void) continue;
      const value = mine.gain - barFor(v, role, deal) + c.noise(() => `${p}|${JSON.stringify(deal)}`);
      if (value <= 0.1 || !wouldSign(c, p, deal, appraise(m, [p], [{ deal, from: role }])[p] as Appraisal)) continue;
      const why = requestWhy(c, deal, p, mine);
      out.push({ action: { type: 'offer', role, to: E.partiesOf(v, deal).filter((r) => r !== role), deal, why }, value, island: role, kind: deal.kind, cost: 0, mine });
    }
  }
  return out.sort((a, b) => b.value - a.value);
}

/**
 * Pick offers best first: one of each kind per island, within what the bot will spend and its
 * number of offers, each re-weighed with the ones already picked (two aid packages to the same
 * island do not both earn what one alone would).
 */
export function chooseProposals(c: BotContext, options: ProposalOption[], budget: number, maxOffers: number): ProposalOption[] {
  const { role, model: m } = c;
  const chosen: ProposalOption[] = [];
  const prior: Proposal[] = [];
  let spent = 0;
  const taken = new Set<string>();
  let pool = options.slice();
  while (chosen.length < maxOffers && pool.length) {
    pool = pool.filter((o) => !taken.has(`${o.island}|${o.kind}|${o.action.to.join()}`) && spent + o.cost <= budget);
    if (!pool.length) break;
    let best: ProposalOption | null = null;
    let bestValue = 0;
    // Re-weigh the leading few against what is already picked.
    for (const o of pool.slice(0, 8)) {
      const value = prior.length ? (appraise(m, [role], [{ deal: o.action.deal, from: role }], prior)[role]?.gain ?? 0) + (o.value - o.mine.gain) : o.value;
      if (value > bestValue) [best, bestValue] = [o, value];
    }
    if (!best) break;
    chosen.push(best);
    prior.push({ deal: best.action.deal, from: role });
    spent += best.cost;
    taken.add(`${best.island}|${best.kind}|${best.action.to.join()}`);
    pool = pool.filter((o) => o !== best);
  }
  return chosen;
}

function offerWhy(c: BotContext, deal: Deal, island: IslandId, a: Appraisal, rival: string | null): string {
  const { v, role } = c;
  const part = mainPart(a.parts);
  const fact = factFor(v, role, part, island);
  const goal = part === null && rival ? `to keep its place in ${nameOf(v, island)}` : goalText(v, role, part, island);
  // The goal comes before the rival's move, whose terms can run long: a clipped reason still gives its why.
  return clip(`${nameOf(v, role)} offers ${nameOf(v, island)} ${dealText(v, deal)} ${goal}${fact ? ` (${fact})` : ''}${rival ? `, answering ${rival}` : ''}.`);
}

function requestWhy(c: BotContext, deal: Deal, p: RoleId, a: Appraisal): string {
  const { v, role } = c;
  const part = mainPart(a.parts);
  const fact = factFor(v, role, part);
  const goal = part === null && a.cash > 0 ? `for the ${formatMoney(a.cash)} it brings the treasury` : `${goalText(v, role, part)}${a.cash > 0 ? `, with ${formatMoney(a.cash)} for the treasury` : ''}`;
  return clip(`${nameOf(v, role)} asks ${nameOf(v, p)} for ${dealText(v, deal)} ${goal}${fact ? ` (${fact})` : ''}.`);
}
