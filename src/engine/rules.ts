import type { Action, GameState, Offer } from './types';
import { cancel, conflictOf, detectBreaches, partiesOf, sign } from './deals';
import { validate } from './validate';
import { parseDeal } from './parse';
import { advanceConstruction, refreshNetworks } from './cables';
import { serviceDebts } from './aid';
import { grantBudgets, runDomestic } from './domestic';
import { drawEvents } from './events';
import { briefIntel, exposeOffer } from './intel';
import { executeOrder } from './orders';
import { updateScores } from './scoring';
import { sayer } from './log';
import { addMonths, possessive, roleNameOf } from './util';
import { touchOffer } from './state';
import { refuseLanding } from './standing';
import { completeNetworks } from './telecom';
import { acceptPackage, closePackage, refusePackage, resolvePackage } from './packages';
import { runRatifications, signPending } from './ratify';
import { answerForum, closeForums } from './forum';
import { applyFacilitator, fireScheduled, isFacilitatorAction } from './facilitator';
import { nextHiddenId } from './ids';
import { historyEntry, updateSeenScores } from './known';

/** Apply a validated action to a draft of the state (the caller passes a copy). */
export function applyAction(g: GameState, action: Action): void {
  applyMove(g, action);
  if (action.why) explain(g, action, action.why);
}

/** An explanation is logged for the viewers who may see the action it explains, and nobody else. */
function explain(g: GameState, action: Action, why: string): void {
  const name = roleNameOf(g, action.role);
  let audience: string[] | 'all' = [action.role];
  let about: string[] = [];
  if (action.type === 'offer' || action.type === 'counter') {
    const offer = g.offers[g.offers.length - 1];
    if (offer) [audience, about] = [[...offer.seenBy], [offer.id]];
  } else if (action.type === 'accept' || action.type === 'reject' || action.type === 'withdraw') {
    const offer = g.offers.find((o) => o.id === action.offer);
    if (offer) [audience, about] = [[...offer.seenBy], [offer.id]];
  } else if (action.type === 'cancel') audience = 'all';
  sayer(g)(`${name}: ${why}`, audience, about);
}

function applyMove(g: GameState, action: Action): void {
  if (isFacilitatorAction(action)) return applyFacilitator(g, action);
  switch (action.type) {
    case 'offer':
    case 'counter': {
      const old = action.type === 'counter' ? touchOffer(g, action.offer) : undefined;
      const to = action.type === 'counter' ? (old ? [old.from, ...old.to].filter((r) => r !== action.role) : []) : action.to;
      const offer: Offer = {
        id: nextHiddenId(g, 'offer', 'o', (id) => g.offers.some((o) => o.id === id)),
        round: g.round,
        from: action.role,
        to: [...to],
        deal: structuredClone(action.deal),
        status: 'open',
        acceptedBy: [],
        acceptedSeq: null,
        counterDepth: old ? old.counterDepth + 1 : 0,
        replaces: old?.id ?? null,
        amends: action.type === 'offer' ? (action.amends ?? null) : (old?.amends ?? null),
        reason: null,
        seenBy: [action.role, ...to].sort(),
      };
      if (old) old.status = 'countered';
      // A counter-offer to a deal marked for ratification needs it too, and the scenario's script of the vote holds.
      if (old?.ratify) offer.ratify = true;
      const scripted = old ? g.votes?.[old.id] : undefined;
      if (scripted) g.votes = { ...g.votes, [offer.id]: scripted };
      exposeOffer(g, offer);
      g.offers.push(offer);
      return;
    }
    case 'accept': {
      const offer = touchOffer(g, action.offer);
      if (!offer) return;
      if (offer.deal.kind === 'package') return acceptPackage(g, offer, action.role);
      offer.acceptedBy.push(action.role);
      if (offer.to.every((r) => offer.acceptedBy.includes(r))) {
        offer.status = 'accepted';
        offer.acceptedSeq = ++g.counters.accept;
      }
      return;
    }
    case 'reject': {
      const offer = touchOffer(g, action.offer);
      if (!offer) return;
      if (offer.deal.kind === 'package') return refusePackage(g, offer, action.role, action.reason.trim());
      offer.status = 'rejected';
      offer.reason = action.reason.trim();
      refuseLanding(g, offer, action.role, sayer(g));
      return;
    }
    case 'withdraw': {
      const offer = touchOffer(g, action.offer);
      if (offer) offer.status = 'withdrawn';
      return;
    }
    case 'cancel':
      cancel(g, action.agreement, action.role, action.reason.trim(), sayer(g));
      return;
    case 'order':
      g.orders.push({ id: nextHiddenId(g, 'order', 'r', (id) => g.orders.some((o) => o.id === id)), role: action.role, round: g.round, order: structuredClone(action.order) });
      return;
    case 'endPhase':
      g.ended.push(action.role);
      return;
    case 'endorse':
    case 'oppose':
      answerForum(g, action);
      return;
  }
}

export const everyoneEnded = (g: GameState): boolean => g.seats.every((s) => g.ended.includes(s));

export function enterPhase(g: GameState, phase: GameState['phase']): void {
  g.phase = phase;
  g.ended = [];
}

/** Briefing: budgets, repairs that are due, events, each power's intelligence report. */
export function runBriefing(g: GameState): void {
  enterPhase(g, 'briefing');
  const say = sayer(g);
  say(`Round ${g.round} of ${g.scenario.rounds} begins (${g.date}).`);
  grantBudgets(g);
  for (const p of Object.values(g.powers)) if (p) p.intrusions = p.intrusions.filter((x) => x.until >= g.round);
  for (const i of Object.values(g.islands)) i.pressure = i.pressure.filter((x) => x.until >= g.round);
  // The facilitator's injects set for this round resolve first, then the scenario's events.
  fireScheduled(g);
  drawEvents(g, say);
  briefIntel(g, say);
  updateScores(g);
  updateSeenScores(g);
}

/** The scenario's tabled offers for this round go on the table as the negotiation opens, if still legal. */
export function tableOffers(g: GameState): void {
  const say = sayer(g);
  g.tabled.forEach((t, index) => {
    // The loader checked the deal's shape; a state from elsewhere may not have been.
    if (t.round !== g.round || !parseDeal(t.deal).ok || !g.seats.includes(t.from)) return;
    const to = partiesOf(g, t.deal).filter((p) => p !== t.from);
    const action: Action = { type: 'offer', role: t.from, to, deal: t.deal, why: t.why, ...(t.amends ? { amends: t.amends } : {}) };
    const refusal = validate(g, action);
    // An offer the game has made impossible (the money spent, a rival's exclusive deal signed) says why, to its sender only.
    if (refusal !== null) {
      say(`${possessive(roleNameOf(g, t.from))} ${t.deal.kind} offer of the scenario is not tabled: ${refusal.message}`, [t.from], [`tabled[${index}]`]);
      return;
    }
    applyAction(g, action);
    const offer = g.offers[g.offers.length - 1];
    if (t.ratify && offer) {
      offer.ratify = true;
      if (t.ratify !== true) g.votes = { ...g.votes, [offer.id]: t.ratify };
    }
  });
}

/** Negotiation has ended: offers nobody accepted expire. */
export function closeNegotiation(g: GameState): void {
  for (const o of g.offers) if (o.round === g.round && o.status === 'open') {
    if (o.deal.kind === 'package') closePackage(g, o);
    else o.status = 'expired';
  }
  closeForums(g, sayer(g));
}

/**
 * Resolution, in this fixed order: sign accepted offers in the order they were accepted (a deal
 * that clashes with one signed before it is void), carry out sealed orders in seat order,
 * advance construction and repairs, service debts.
 */
export function runResolution(g: GameState): void {
  enterPhase(g, 'resolution');
  const say = sayer(g);
  const accepted = g.offers.filter((o) => o.round === g.round && o.status === 'accepted').sort((a, b) => (a.acceptedSeq ?? 0) - (b.acceptedSeq ?? 0));
  for (const offer of accepted) {
    if (offer.deal.kind === 'package') {
      resolvePackage(g, offer, say);
      continue;
    }
    const conflict = conflictOf(g, offer);
    if (conflict) {
      offer.status = 'void';
      offer.reason = conflict;
      say(`Offer ${offer.id} is void: ${conflict}`, [...offer.seenBy], [offer.id]);
      continue;
    }
    offer.status = 'signed';
    if (!signPending(g, offer, say)) sign(g, offer, say);
  }
  for (const seat of g.seats) {
    for (const o of g.orders.filter((x) => x.role === seat)) executeOrder(g, seat, o.order, say);
  }
  g.orders = [];
  detectBreaches(g, say);
  advanceConstruction(g, (t) => say(t));
  completeNetworks(g, (t) => say(t));
  refreshNetworks(g);
  serviceDebts(g, say);
}

export function runDomesticPhase(g: GameState): void {
  enterPhase(g, 'domestic');
  runRatifications(g, sayer(g));
  runDomestic(g, sayer(g));
  refreshNetworks(g);
  updateScores(g);
  updateSeenScores(g);
  g.history.push(historyEntry(g));
}

export function nextRound(g: GameState): void {
  g.round += 1;
  g.date = addMonths(g.scenario.start, (g.round - 1) * g.scenario.monthsPerRound);
}

export function finish(g: GameState): void {
  enterPhase(g, 'over');
  const say = sayer(g);
  const winners = g.seats.filter((s) => (g.scores[s]?.total ?? 0) >= g.scenario.par);
  say(`The game is over. ${winners.length ? `Reaching ${g.scenario.par}: ${winners.map((s) => roleNameOf(g, s)).join(', ')}.` : `Nobody reached ${g.scenario.par}.`}`);
}
