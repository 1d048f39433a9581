import { step, view, type Action, type GameState, type GameView, type RoleId, type ScenarioData } from '../../engine';
import { MAX_PASSES } from '../autoplay';
import type { Policy } from '../simple';
import { BotContext, type Decision } from './context';
import { determinise, projectLite, scoreValue, trendShift } from './model';
import * as E from './engine-api';
import { playTurn } from './turn';
import { moneyValue } from './appraise';

/**
 * The hard bot: it looks ahead through the engine. For each candidate turn (the normal bot's
 * choice and the alternatives it weighed) it builds full states consistent with its own view —
 * determinised: a fresh random generator seeded from its seed, the round, the phase, the pass and
 * the sample's number; the scenario's event deck if it was given it — and plays the rest of the
 * round through the engine's step() with normal bots in every seat, then the round's resolution
 * and domestic phase by the engine's rules, and the next round whole (no event drawn). What its
 * view cannot show of the round so far (the offers rivals and islands made each other in private,
 * the answers to them, the sealed orders given before its turn) is sampled: the other seats, as
 * normal bots on their own views of the determinised state, play the round up to its turn, and
 * only what it would not have seen is kept. Its score is read with scoreOf's formula at the end of
 * the game, projected by the slow rules (cables coming into service, the economy and legitimacy
 * drifting, contested objectives following their trend), plus its money at what it could buy
 * later, from the end of this round and from the end of the next, half and half. Every candidate
 * meets the same samples (common random numbers); the best average wins, and an alternative must
 * beat the normal bot's choice by a margin. The number of candidates and samples is fixed, so the same view and seed
 * always give the same turn, and nothing of the real game is read beyond the view.
 */

export interface SearchOptions {
  deck?: ScenarioData['deck'] | undefined;
  /** Rollouts per decision at most (candidates × samples). */
  rollouts: number;
  /** The policy that plays every seat inside a rollout. */
  inner: Policy;
}

/** Samples per candidate: two for negotiation (answers and offers), four for sealed orders (their dice matter more, and their rollouts are short). */
const samplesFor = (v: GameView): number => (v.phase === 'decisions' ? 4 : 2);
/** Candidates weighed at most, whatever the budget. */
const MAX_CANDIDATES = 8;
/**
 * An alternative must beat the normal bot's choice by this much (points of score, on average over
 * the samples) to replace it. A one-round rollout sees a deal's price in full and only part of what
 * it brings in later rounds; gains under a point or so were noise, and leaned towards spending less.
 */
const MARGIN = 1.5;

/**
 * The margin for an alternative that only holds back offers the normal bot would table. The
 * rollouts see two rounds: what an offer held back saves there (a rival's answer put off a round,
 * an island that balances a deal with a rival's) shows in full, what the offer would have kept
 * for the rest of the game does not, so the margin grows with the share of the game the rollouts
 * do not see: 5.5 points in round 1 of a 12-round game, 3 in the last two rounds of any game. In
 * Coral Sea a hard Washington held back its round-1 e-government grant to the Solomons (its
 * rollouts gave that 1.9 points; 3.1-3.7 in the games a flat margin of 3 still let through) and
 * lost 12 of those 13 games of 100 to the normal bot, with a smaller network lead and fewer rivals
 * kept out at the end.
 */
const HOLD_MARGIN = 3;
const holdMargin = (round: number, rounds: number): number => HOLD_MARGIN * (1 + Math.max(0, rounds - round - 1) / Math.max(1, rounds));

/** Whether `alt` is `plan` with some of its offers left out and nothing else changed. */
function withholds(plan: Action[], alt: Action[]): boolean {
  const mine = plan.map((a) => key([a]));
  const kept = new Set(alt.map((a) => key([a])));
  return alt.length < plan.length && [...kept].every((k) => mine.includes(k)) && plan.some((a, i) => a.type === 'offer' && !kept.has(mine[i] ?? ''));
}

const key = (actions: Action[]): string => JSON.stringify(actions.map(({ why: _why, ...a }) => a));

/** Candidate turns, the normal bot's first, without repeats, within the budget. */
function candidates(d: Decision, max: number): Action[][] {
  const out: Action[][] = [];
  const seen = new Set<string>();
  for (const plan of [d.actions, ...d.alternatives]) {
    const k = key(plan);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(plan);
    if (out.length >= max) break;
  }
  return out;
}

function apply(g: GameState, a: Action): GameState {
  const r = step(g, a);
  return r.ok ? r.state : g;
}

/** Money in hand: the leaf values it as the normal bot does, at what it could buy the role later. */
const treasuryOf = (g: GameState, role: RoleId): number => E.own(g.islands, role)?.treasury ?? E.own(g.powers, role)?.treasury ?? 0;

/** The chance that a round's random event is a leak, from the deck the bot was given (none without one). */
export function leakChance(deck: ScenarioData['deck'] | undefined): number {
  if (!deck) return 0;
  const total = Object.values(deck.weights).reduce((s, w) => s + (w ?? 0), 0);
  return total ? (deck.chancePerRound / 100) * ((deck.weights.leak ?? 0) / total) : 0;
}

/**
 * What the role's secret clauses may yet cost it before the game ends, as a shift of its levels: a
 * leak picks one of the hidden clauses at random and costs the island its clause's sovereignty and
 * democracy and a leak's legitimacy, and the partner a leak's reputation (events.ts). The rollouts
 * draw at most this round's event, so without this a secret clause looked free: as Nauru in Quad
 * the search took Beijing's policing pact with a secret unrest clause that the normal bot turns
 * down, and lost when it came out. Only the hidden clauses the role can see are counted, so the
 * risk it reads is, if anything, too high. The result is `shift` (the trend) plus that cost.
 */
export function exposureShift(g: GameState, role: RoleId, leakPerRound: number, shift: Record<string, number> = {}): Record<string, number> {
  const out = { ...shift };
  if (!leakPerRound) return out;
  const hidden = g.agreements.filter((a) => a.status === 'active' && a.deal.kind === 'pact' && a.parties.includes(role)).flatMap((a) => a.clauses.filter((c) => c.seenBy !== 'all'));
  if (!hidden.length) return out;
  const left = Math.max(0, g.scenario.rounds - g.round + 1);
  const each = 1 - (1 - leakPerRound / hidden.length) ** left;
  const island = Boolean(E.own(g.islands, role));
  const add = (k: string, x: number): void => {
    out[k] = (out[k] ?? 0) + each * x;
  };
  for (const c of hidden) {
    if (island) {
      add('sovereignty', E.CLAUSE_EFFECTS[c.kind].sovereignty);
      add('democracy', E.CLAUSE_EFFECTS[c.kind].democracy);
      add('survival', (2 * E.LEAK_EFFECTS.legitimacy) / 3);
    } else add('reputation', E.LEAK_EFFECTS.reputation);
  }
  return out;
}

/** In the largest scenarios, the seats a turn concerns: itself, every power, and the islands its deals bind; the rest of the table plays on unseen. */
function rolloutSeats(g: GameState, role: RoleId, plan: Action[]): RoleId[] {
  if (g.seats.length <= 6) return g.seats;
  const keep = new Set<RoleId>([role, ...g.seats.filter((s) => !g.islands[s])]);
  for (const a of plan) {
    const deal = a.type === 'offer' || a.type === 'counter' ? a.deal : a.type === 'accept' || a.type === 'reject' ? g.offers.find((o) => o.id === a.offer)?.deal : undefined;
    if (deal) for (const i of E.islandsOfDeal(g, deal)) keep.add(i);
  }
  return g.seats.filter((s) => keep.has(s));
}

/**
 * The world a view implies, with each offer and clause shown to the parties it names (a view
 * narrows every private audience to the viewer alone; inside a rollout the other parties must see
 * what they are party to, to answer it).
 */
function withParties(g: GameState, role: RoleId): GameState {
  const offers = g.offers.map((o) => {
    if (o.seenBy.length !== 1 || o.seenBy[0] !== role) return o;
    const parties = [...new Set([o.from, ...o.to])].sort();
    return parties.length > 1 ? { ...o, seenBy: parties } : o;
  });
  const agreements = g.agreements.map((a) =>
    a.clauses.some((c) => c.seenBy !== 'all' && c.seenBy.length === 1 && c.seenBy[0] === role && a.parties.length > 1)
      ? { ...a, clauses: a.clauses.map((c) => (c.seenBy !== 'all' && c.seenBy.length === 1 && c.seenBy[0] === role ? { ...c, seenBy: [...a.parties].sort() } : c)) }
      : a,
  );
  return { ...g, offers, agreements };
}

/** Whether the role would see an action: it is a party to the offer it makes or answers. */
function seenByRole(g: GameState, role: RoleId, a: Action): boolean {
  if (a.type === 'offer') return a.to.includes(role);
  if (a.type === 'counter' || a.type === 'accept' || a.type === 'reject' || a.type === 'withdraw') {
    const o = g.offers.find((x) => x.id === a.offer);
    return !o || o.from === role || o.to.includes(role);
  }
  return true;
}

/**
 * The round so far as the other seats could have played it out of the role's sight: a sample of
 * what its view cannot show. Every other seat, as a normal bot on its own view of the sampled
 * world, plays the passes before the role's turn (in negotiation: the passes before this one and
 * the seats before it in this one; in decisions: the whole negotiation, then the seats before it
 * give their sealed orders), keeping only what the role would not have seen: offers and answers
 * between others, and their orders. What the role saw happen is in the world already, as it
 * happened. Offers still open when a negotiation is over expire.
 */
function shadowRound(world: GameState, role: RoleId, pass: number, inner: Policy, seed: string): GameState {
  const seats = world.seats;
  const at = seats.indexOf(role);
  const decisions = world.phase === 'decisions';
  let g: GameState = decisions ? { ...world, phase: 'negotiation', ended: [] } : world;
  const passes = decisions ? MAX_PASSES : pass + 1;
  for (let p = 0; p < passes; p++) {
    for (const [n, seat] of seats.entries()) {
      if (seat === role || g.ended.includes(seat) || (!decisions && p === pass && n > at)) continue;
      for (const a of inner(view(g, seat), seat, { seed, pass: p })) {
        if (a.type !== 'offer' && a.type !== 'counter' && a.type !== 'accept' && a.type !== 'reject' && a.type !== 'withdraw') continue;
        // A package to one island is sampled like any offer (Beijing's switch with aid); one to
        // several islands, answered island by island, is not.
        if ((a.type === 'offer' || a.type === 'counter') && a.deal.kind === 'package' && a.deal.islands.length > 1) continue;
        if (!seenByRole(g, role, a)) g = apply(g, a);
      }
    }
  }
  if (!decisions) return g;
  const round = g.round;
  g = { ...g, phase: 'decisions', ended: world.ended, offers: g.offers.map((o) => (o.round === round && o.status === 'open' ? { ...o, status: 'expired' } : o)) };
  for (const seat of seats.slice(0, Math.max(0, at))) {
    if (g.ended.includes(seat)) continue;
    for (const a of inner(view(g, seat), seat, { seed, pass: 0 })) if (a.type === 'order') g = apply(g, a);
  }
  return g;
}

/**
 * Play the rest of the round from a state where `role` has just taken its turn at `pass`: the
 * seats after it in this pass, then every seat (its own later passes too) as normal bots on their
 * own views of the sampled state, its own sealed orders after a negotiation (others' orders for
 * that round are sampled as none: weighing them changed no choice, and cost time), then the
 * round's resolution and domestic phase by the engine's rules; then the next round, played the
 * same way with no event drawn (its events are the next round's, and one sample of them is noise,
 * not information). The leaf is the role's projected final score, plus its money at the rate
 * `money`, read at the end of this round and at the end of the next, and averaged.
 */
function rollout(start: GameState, role: RoleId, plan: Action[], pass: number, inner: Policy, seed: string, money: number, shift: Record<string, number>, leak: number): number {
  let g = start;
  for (const a of plan) g = apply(g, a);
  const phase = g.phase;
  const round = g.round;
  const seats = rolloutSeats(g, role, plan);
  const at = seats.indexOf(role);
  // At its own pass, the seats before it have played already (in the sampled world's shadow round).
  g = playPasses(g, seats, inner, seed, pass, at, pass + 1);
  if (phase === 'negotiation') {
    g = endNegotiation(g);
    if (g.phase !== 'decisions' || g.round !== round) return scoreValue(g, role);
    for (const a of inner(view(g, role), role, { seed, pass: 0 })) g = apply(g, a);
  }
  const h = resolved(g);
  if (h.round >= h.scenario.rounds) return scoreValue(h, role);
  E.nextRound(h);
  // The next round too, with no event drawn: what the others do in answer to this turn (an island
  // balancing a deal with a rival's, a rival matching an offer) shows only then. Read after this
  // round alone, holding back an offer looked like keeping a rival out, when it only put the rival
  // off a round; read after the next alone, the search lost more in Coral Sea than it gained in
  // Honiara (tournament, 200 pairs: one round 57% and 51%, two 52% and 62%, the average 60% and 58.5%).
  const after = nextRoundPlayed(h, role, inner, seed);
  projectLite(h);
  const now = scoreValue(h, role, exposureShift(h, role, leak, shift)) + money * treasuryOf(h, role);
  if (after.round > after.scenario.rounds) return (now + scoreValue(after, role)) / 2;
  projectLite(after);
  return (now + scoreValue(after, role, exposureShift(after, role, leak, shift)) + money * treasuryOf(after, role)) / 2;
}

/** A round played through by every seat as normal bots, from its briefing (no event drawn) to its domestic phase; the state left at the start of the round after. */
function nextRoundPlayed(start: GameState, role: RoleId, inner: Policy, seed: string): GameState {
  let g: GameState = { ...E.cloneState(start), deck: { chancePerRound: 0, weights: {} } };
  E.runBriefing(g);
  E.enterPhase(g, 'negotiation');
  const seats = rolloutSeats(g, role, []);
  g = endNegotiation(playPasses(g, seats, inner, seed, 0, -1, 0));
  if (g.phase !== 'decisions') return g;
  for (const seat of seats) for (const a of inner(view(g, seat), seat, { seed, pass: 0 })) if (a.type === 'order') g = apply(g, a);
  const h = resolved(g);
  E.nextRound(h);
  return h;
}

/**
 * Negotiation passes from `from`, every seat in turn as a normal bot (in the first pass only the
 * seats after index `after`), until a pass from `quietFrom` on in which nobody's move changed anything.
 */
function playPasses(start: GameState, seats: RoleId[], inner: Policy, seed: string, from: number, after: number, quietFrom: number): GameState {
  let g = start;
  for (let p = from; p < MAX_PASSES; p++) {
    let acted = false;
    for (const [n, seat] of seats.entries()) {
      if (g.ended.includes(seat) || (p === from && n <= after)) continue;
      for (const a of inner(view(g, seat), seat, { seed, pass: p })) {
        const next = apply(g, a);
        if (next !== g) acted = true;
        g = next;
      }
    }
    if (!acted && p >= quietFrom) break;
  }
  return g;
}

/** Every seat still negotiating ends the phase. */
function endNegotiation(start: GameState): GameState {
  let g = start;
  for (const seat of g.seats) if (g.phase === 'negotiation' && !g.ended.includes(seat)) g = apply(g, { type: 'endPhase', role: seat });
  return g;
}

/** A copy of the state after the round's resolution and domestic phase, by the engine's rules. */
function resolved(g: GameState): GameState {
  const h = E.cloneState(g);
  E.runResolution(h);
  E.runDomesticPhase(h);
  return h;
}

/** The world the search plays its rollouts in: its view determinised, with the round so far as the others could have played it unseen (shadowRound). */
export function sampledRound(v: GameView, role: RoleId, seed: string, pass: number, opts: Pick<SearchOptions, 'deck' | 'inner'>): GameState {
  return shadowRound(withParties(determinise(v, `${seed}|hard|${role}|${v.round}|${v.phase}|${pass}|shadow`, opts.deck), role), role, pass, opts.inner, seed);
}

/** The hard bot's turn: the normal bot's candidates, weighed by rollouts through the engine. */
export function searchTurn(v: GameView, role: RoleId, seed: string, pass: number, opts: SearchOptions): Action[] {
  const s = weighTurns(v, role, seed, pass, opts);
  return s.plans[s.best] ?? [];
}

/** The search itself: the candidate turns, each one's summed value over the samples, and the one chosen. */
export function weighTurns(v: GameView, role: RoleId, seed: string, pass: number, opts: SearchOptions): { plans: Action[][]; values: number[]; best: number } {
  const c = new BotContext(v, role, 'hard', seed, pass, opts.deck);
  const d = playTurn(c);
  const samples = samplesFor(v);
  // Every seat plays in a rollout: with many seats, fewer rollouts keep the decision's time in bounds.
  const budget = Math.max(4, Math.round((opts.rollouts * 5) / Math.max(5, v.seats.length)));
  const plans = candidates(d, Math.min(MAX_CANDIDATES, Math.max(1, Math.floor(budget / samples))));
  if (plans.length <= 1) return { plans: [d.actions], values: [0], best: 0 };
  const values = plans.map(() => 0);
  const money = moneyValue(c.model, role);
  const shift = trendShift(c.model.base, role);
  const leak = leakChance(opts.deck);
  // What the others did this round out of its sight, sampled once: the normal bots' play is deterministic.
  const shadow = sampledRound(v, role, seed, pass, opts);
  for (let k = 0; k < samples; k++) {
    // One sampled world per k, shared by every candidate (common random numbers).
    const world: GameState = { ...shadow, rng: E.seedState(`${seed}|hard|${role}|${v.round}|${v.phase}|${pass}|${k}`) };
    plans.forEach((plan, i) => {
      values[i] = (values[i] ?? 0) + rollout(world, role, plan, pass, opts.inner, seed, money, shift, leak);
    });
  }
  let best = 0;
  const margin = (i: number): number => (withholds(plans[0] ?? [], plans[i] ?? []) ? holdMargin(v.round, v.scenario.rounds) : MARGIN) * samples;
  for (let i = 1; i < plans.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0) + (best === 0 ? margin(i) : 1e-9)) best = i;
  return { plans, values, best };
}
