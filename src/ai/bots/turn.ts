import type { Action, PowerId } from '../../engine';
import * as E from './engine-api';
import type { BotContext, Decision } from './context';
import { isPower } from './model';
import { answerSlots } from './negotiate';
import { orderOptions } from './orders';
import { chooseProposals, islandRequestOptions, powerOfferOptions, rivalMove, spendable } from './propose';
import { forumVotes } from './forum';

/** Requests an island sends in a round at most, by level. */
const ISLAND_REQUESTS = { easy: 1, normal: 2, hard: 2 } as const;

/**
 * One turn of an easy or normal bot: in negotiation, answer what it was offered, then (once a
 * round) table its own offers or requests; in decisions, give its sealed orders. The alternatives
 * it weighed travel with the choice, for the hard bot's search.
 */
export function playTurn(c: BotContext): Decision {
  const { v, role } = c;
  if (v.phase === 'decisions') {
    // Sealed orders are given once, at the first pass.
    if (c.pass > 0) return { actions: [], alternatives: [] };
    const { chosen, firstSlot } = orderOptions(c);
    const actions = chosen.map((o) => o.action);
    const alternatives: Action[][] = [[]];
    // Each order left out in turn, and the first replaced by the runners-up.
    actions.forEach((_, i) => alternatives.push(actions.filter((__, j) => j !== i)));
    for (const alt of firstSlot.slice(1, 3)) alternatives.push([alt.action, ...actions.slice(1).filter((a) => JSON.stringify(a.order) !== JSON.stringify(alt.action.order))]);
    return { actions, alternatives };
  }
  if (v.phase !== 'negotiation') return { actions: [], alternatives: [] };
  const slots = answerSlots(c);
  const answers = slots.map((s) => s.options[0]?.action).filter((a): a is Action => Boolean(a));
  // For the search: each answer turned to its next-best option, one at a time.
  const answerAlts: Action[][] = [];
  slots.forEach((s, i) => {
    for (const o of s.options.slice(1, 3)) answerAlts.push(answers.map((a, j) => (j === i ? o.action : a)));
  });
  const spentOnAnswers = answers.reduce((s, a) => s + (a.type === 'accept' ? dealCost(c, a.offer) : a.type === 'counter' && E.funderOf(a.deal) === role ? E.funderPays(v, a.deal) : 0), 0);
  const openNow = v.offers.filter((o) => o.from === role && o.round === v.round && o.status === 'open').length + answers.filter((a) => a.type === 'counter').length;
  const room = Math.max(0, E.MAX_OPEN_OFFERS - openNow);
  let proposals: Action[] = [];
  const proposalAlts: Action[][] = [];
  // Offers and requests are tabled once, at the first pass of the phase; later passes answer.
  if (c.pass > 0) {
    // nothing new to table
  } else if (isPower(role)) {
    const options = powerOfferOptions(c);
    const rivalry = Object.keys(v.islands).some((i) => rivalMove(c, i));
    // An assertive power tables one offer more, a distracted one one fewer; a rival's move draws one more.
    const persona = c.persona();
    const max = Math.min(room, Math.max(1, c.params.maxOffers + (rivalry && c.level !== 'easy' ? 1 : 0) + (persona === 'assertive' ? 1 : persona === 'distracted' ? -1 : 0)));
    // Requests it accepted may already take more than it meant to spend: its free offers (a pact, a switch) still go on the table.
    const chosen = chooseProposals(c, options, Math.max(0, spendable(c, role as PowerId) - spentOnAnswers), max);
    proposals = chosen.map((o) => o.action);
    // Alternatives: each offer left out in turn; one more offer; the next best in place of the last;
    // each offer with other terms for the same island and kind of deal.
    proposals.forEach((_, i) => proposalAlts.push(proposals.filter((__, j) => j !== i)));
    const spare = options.find((o) => !chosen.includes(o) && !chosen.some((x) => x.island === o.island && x.kind === o.kind));
    if (spare) proposalAlts.push([...proposals, spare.action], [...proposals.slice(0, -1), spare.action]);
    chosen.forEach((x, i) => {
      const other = options.find((o) => o !== x && o.island === x.island && o.kind === x.kind);
      if (other) proposalAlts.push(proposals.map((a, j) => (j === i ? other.action : a)));
    });
  } else if (v.islands[role]) {
    const options = islandRequestOptions(c);
    const chosen = chooseProposals(c, options, Infinity, Math.min(room, ISLAND_REQUESTS[c.level]));
    proposals = chosen.map((o) => o.action);
    if (chosen.length) proposalAlts.push(proposals.slice(0, -1));
    const spare = options.find((o) => !chosen.includes(o));
    if (spare) proposalAlts.push([...proposals.slice(0, -1), spare.action]);
  }
  // An island answers the Forum's initiatives whatever else it does this round.
  const votes = forumVotes(c);
  return {
    actions: [...votes, ...answers, ...proposals],
    alternatives: [...answerAlts.map((alt) => [...votes, ...alt, ...proposals]), ...proposalAlts.map((alt) => [...votes, ...answers, ...alt])],
  };
}

/** What accepting an offer costs this power: its share of the deal when it is the funder. */
export function dealCost(c: BotContext, offerId: string): number {
  const o = c.v.offers.find((x) => x.id === offerId);
  return o && E.funderOf(o.deal) === c.role ? E.funderPays(c.v, o.deal) : 0;
}
