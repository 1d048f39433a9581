import type { Action, GameState, Offer, Refusal, RoleId } from './types';
import { amendRefusal, dealRefusal, partiesOf } from './deals';
import { orderRefusal } from './orders';
import { parseAction } from './parse';
import { counterRefusal, hasAnswered, packageOfferRefusal } from './packages';
import { forumRefusal } from './forum';
import { facilitatorRefusal, isFacilitatorAction, senderRefusal } from './facilitator';
import { signatureRefusal } from './subroles';

export const MAX_COUNTERS = 3;
export const MAX_OPEN_OFFERS = 12;
export const MAX_REASON = 200;
export const MAX_WHY = 240;

/**
 * What one seat may do at most in one round, for every action that can be repeated: offers made
 * (a withdrawn offer still counts, so offer-and-withdraw cannot run forever), counter-offers,
 * renegotiations (offers that amend an agreement; they count as offers too) and cancellations.
 * Sealed orders have their own limit (MAX_ORDERS_PER_ROUND). Accepting, rejecting and
 * withdrawing can be done once per offer, so the offer limits bound them too.
 */
export const ROUND_LIMITS = { offers: 20, counters: 10, renegotiations: 5, cancellations: 5 } as const;

/** How much of each round limit a seat has used this round. */
export function usedThisRound(g: Pick<GameState, 'offers' | 'agreements' | 'round'>, role: RoleId): Record<keyof typeof ROUND_LIMITS, number> {
  const used = { offers: 0, counters: 0, renegotiations: 0, cancellations: 0 };
  for (const o of g.offers) {
    if (o.round !== g.round || o.from !== role) continue;
    if (o.replaces !== null) used.counters++;
    else {
      used.offers++;
      if (o.amends !== null) used.renegotiations++;
    }
  }
  for (const a of g.agreements) if (a.cancelled?.by === role && a.cancelled.round === g.round) used.cancellations++;
  return used;
}

const LIMIT_WORDS: Record<keyof typeof ROUND_LIMITS, string> = {
  offers: 'offers (withdrawn ones count)',
  counters: 'counter-offers',
  renegotiations: 'renegotiations',
  cancellations: 'cancellations',
};

function limitRefusal(g: GameState, role: RoleId, ...kinds: (keyof typeof ROUND_LIMITS)[]): Refusal | null {
  const used = usedThisRound(g, role);
  for (const kind of kinds)
    if (used[kind] >= ROUND_LIMITS[kind])
      return { code: 'limitReached', message: `You have made ${used[kind]} ${LIMIT_WORDS[kind]} this round, the most a seat may make: wait for the next round.` };
  return null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
}

function offerFor(g: GameState, id: unknown, role: RoleId, as: 'addressee' | 'sender'): Offer | Refusal {
  const offer = g.offers.find((o) => o.id === id);
  if (!offer || !offer.seenBy.includes(role)) return { code: 'unknownOffer', field: 'offer', message: `There is no offer "${String(id)}" for you.` };
  if (as === 'addressee' && !offer.to.includes(role)) return { code: 'notYourOffer', field: 'offer', message: 'Only an addressee of the offer can answer it.' };
  if (as === 'sender' && offer.from !== role) return { code: 'notYourOffer', field: 'offer', message: 'Only the sender can withdraw an offer.' };
  const answerable = as === 'sender' ? offer.status === 'open' || offer.status === 'accepted' : offer.status === 'open';
  if (!answerable || offer.round !== g.round) return { code: 'offerClosed', field: 'offer', message: `That offer is ${offer.status}.` };
  if (as === 'addressee' && offer.acceptedBy.includes(role)) return { code: 'offerClosed', field: 'offer', message: 'You have already accepted that offer.' };
  if (as === 'addressee' && hasAnswered(offer, role)) return { code: 'offerClosed', field: 'offer', message: 'You have already refused that package.' };
  return offer;
}

const isRefusal = (x: Offer | Refusal): x is Refusal => 'code' in x;

const reasonRefusal = (reason: unknown): Refusal | null =>
  typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_REASON
    ? { code: 'malformed', field: 'reason', message: `Give a reason of 1 to ${MAX_REASON} characters.` }
    : null;

/** The last pair validateOnce answered, and its answer. */
let last: { g: GameState; action: Action; verdict: Refusal | null } | null = null;

/**
 * validate, remembered for the same state and action objects: step() asks it, then the machine's
 * guard asks again, at once. States are never changed once made (the rules work on copies), so the
 * answer for the same pair cannot change. Only the last pair is kept: the guard's question always
 * follows step's, and a map of every state ever validated cost the garbage collector more than the
 * second validation it saved.
 */
export function validateOnce(g: GameState, action: Action): Refusal | null {
  // Only objects can be remembered; anything else is malformed, and validate says so.
  if (typeof action !== 'object' || action === null) return validate(g, action);
  if (last && last.g === g && last.action === action) return last.verdict;
  const verdict = validate(g, action);
  last = { g, action, verdict };
  return verdict;
}

/** Null when the action is legal now; otherwise why not, and which field of the action is wrong. */
export function validate(g: GameState, action: Action): Refusal | null {
  // The shape first, strictly: nothing below may read a field that is not what its type says.
  const sender = senderRefusal(action);
  if (sender) return sender;
  const parsed = parseAction(action);
  if (!parsed.ok) return parsed.refusal;
  if (g.phase === 'over') return { code: 'gameOver', message: 'The game is over.' };
  if (isFacilitatorAction(action)) return facilitatorRefusal(g, action);
  const role = action.role;
  if (typeof role !== 'string' || !g.seats.includes(role)) return { code: 'unknownRole', field: 'role', message: `"${String(role)}" has no seat in this game.` };
  const phaseFor = action.type === 'order' ? 'decisions' : action.type === 'endPhase' ? g.phase : 'negotiation';
  // Cancelling an agreement is a negotiation-phase act too: it is announced, not sealed.
  if (g.phase !== phaseFor || (g.phase !== 'negotiation' && g.phase !== 'decisions'))
    return { code: 'wrongPhase', message: `That can't be done in the ${g.phase} phase.` };
  if (g.ended.includes(role)) return { code: 'alreadyEnded', message: 'You have ended this phase; wait for the others.' };
  if (action.why !== undefined && (typeof action.why !== 'string' || action.why.length > MAX_WHY))
    return { code: 'malformed', field: 'why', message: `An explanation is a text of at most ${MAX_WHY} characters.` };
  // A member of a team acts within its sub-role, with the co-signatures it needs (subroles.ts).
  return moveRefusal(g, action, role) ?? signatureRefusal(g, action);
}

function moveRefusal(g: GameState, action: Exclude<Action, { type: 'inject' | 'message' | 'override' }>, role: RoleId): Refusal | null {
  switch (action.type) {
    case 'offer': {
      if (!Array.isArray(action.to) || action.to.length === 0) return { code: 'badParty', field: 'to', message: 'Address the offer to at least one other role.' };
      for (let i = 0; i < action.to.length; i++) {
        const to: string = action.to[i] ?? '';
        if (!g.seats.includes(to)) return { code: 'unknownRole', field: `to[${i}]`, message: `"${to}" has no seat in this game.` };
        if (to === role) return { code: 'badParty', field: `to[${i}]`, message: 'You cannot send an offer to yourself.' };
        if (action.to.indexOf(to) !== i) return { code: 'badParty', field: `to[${i}]`, message: 'Each addressee appears once.' };
      }
      const limit = limitRefusal(g, role, 'offers', ...(action.amends !== undefined ? (['renegotiations'] as const) : []));
      if (limit) return limit;
      const open = g.offers.filter((o) => o.from === role && o.round === g.round && o.status === 'open').length;
      if (open >= MAX_OPEN_OFFERS) return { code: 'illegalTerms', message: `At most ${MAX_OPEN_OFFERS} open offers at a time.` };
      const bad = (action.deal.kind === 'package' ? packageOfferRefusal(action.deal, role, action.amends) : null) ?? dealRefusal(g, action.deal, action.amends);
      if (bad) return bad;
      if (action.amends !== undefined) {
        const amend = amendRefusal(g, action.deal, action.amends, role);
        if (amend) return amend;
      }
      const parties = partiesOf(g, action.deal);
      if (!sameSet(parties, [role, ...action.to]))
        return { code: 'badParty', field: 'to', message: `This deal binds ${parties.join(', ')}: the sender and the addressees must be exactly those.` };
      return null;
    }
    case 'accept':
    case 'withdraw': {
      const o = offerFor(g, action.offer, role, action.type === 'accept' ? 'addressee' : 'sender');
      return isRefusal(o) ? o : null;
    }
    case 'reject': {
      const o = offerFor(g, action.offer, role, 'addressee');
      if (isRefusal(o)) return o;
      return reasonRefusal(action.reason);
    }
    case 'cancel': {
      const a = g.agreements.find((x) => x.id === action.agreement);
      if (!a || a.status !== 'active') return { code: 'unknownTarget', field: 'agreement', message: `There is no agreement "${String(action.agreement)}" in force.` };
      if (!a.parties.includes(role)) return { code: 'notParty', field: 'agreement', message: 'Only a party to an agreement can cancel it.' };
      return limitRefusal(g, role, 'cancellations') ?? reasonRefusal(action.reason);
    }
    case 'counter': {
      const o = offerFor(g, action.offer, role, 'addressee');
      if (isRefusal(o)) return o;
      const limit = limitRefusal(g, role, 'counters');
      if (limit) return limit;
      if (o.counterDepth >= MAX_COUNTERS) return { code: 'tooManyCounters', field: 'offer', message: `An offer can be countered at most ${MAX_COUNTERS} times a round.` };
      const bad = counterRefusal(o) ?? (action.deal.kind === 'package' ? packageOfferRefusal(action.deal, role, undefined) : null) ?? dealRefusal(g, action.deal, o.amends);
      if (bad) return bad;
      if (!sameSet(partiesOf(g, action.deal), [o.from, ...o.to]))
        return { code: 'badParty', field: 'deal', message: 'A counter-offer binds the same parties as the offer it answers.' };
      return null;
    }
    case 'order':
      return orderRefusal(g, role, action.order);
    case 'endPhase':
      return null;
    case 'endorse':
    case 'oppose':
      return forumRefusal(g, role, action.initiative);
    default:
      return { code: 'malformed', field: 'type', message: 'Unknown action.' };
  }
}
