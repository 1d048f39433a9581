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
 * the sample's number; the scenario's event deck if it was given it; no offer, clause or order it
 * cannot see — and plays the rest of the round through the engine's step() with normal bots in
 * every seat, then the round's resolution and domestic phase by the engine's rules. Its score is
 * read with scoreOf's formula at the end of the game, projected by the slow rules (cables coming
 * into service, the economy and legitimacy drifting, contested objectives following their trend),
 * plus its money at what it could buy later. Every candidate meets the same samples (common random
 * numbers); the best average wins, and an alternative must beat the normal bot's choice by a
 * margin. The number of candidates and samples is fixed, so the same view and seed always give the
 * same turn, and nothing of the real game is read beyond the view.
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
/** An alternative must beat the normal bot's choice by this much (points of score) to replace it: the samples are few. */
const MARGIN = 0.05;

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
const treasuryOf = (g: GameState, role: RoleId): number => g.islands[role]?.treasury ?? g.powers[role as 'beijing']?.treasury ?? 0;

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
 * Play the rest of the round from a state where `role` has just taken its turn at `pass`: the
 * other seats (and its own later passes) as normal bots on their own views of the sampled state,
 * its own sealed orders after a negotiation (others' orders are secret: sampled as none), then the
 * round's resolution and domestic phase by the engine's rules. The next round's briefing is left
 * out: its events are the next round's, and one sample of them is noise, not information. The
 * leaf is the role's projected final score, plus its money at the rate `money`.
 */
function rollout(start: GameState, role: RoleId, plan: Action[], pass: number, inner: Policy, seed: string, money: number, shift: Record<string, number>): number {
  let g = start;
  for (const a of plan) g = apply(g, a);
  const phase = g.phase;
  const round = g.round;
  const seats = rolloutSeats(g, role, plan);
  for (let p = pass; p < MAX_PASSES; p++) {
    let acted = false;
    for (const seat of seats) {
      if (g.ended.includes(seat) || (seat === role && p === pass)) continue;
      for (const a of inner(view(g, seat), seat, { seed, pass: p })) {
        const next = apply(g, a);
        if (next !== g) acted = true;
        g = next;
      }
    }
    if (!acted && p > pass) break;
  }
  if (phase === 'negotiation') {
    for (const seat of g.seats) if (g.phase === 'negotiation' && !g.ended.includes(seat)) g = apply(g, { type: 'endPhase', role: seat });
    if (g.phase !== 'decisions' || g.round !== round) return scoreValue(g, role);
    for (const a of inner(view(g, role), role, { seed, pass: 0 })) g = apply(g, a);
  }
  const h = E.cloneState(g);
  E.runResolution(h);
  E.runDomesticPhase(h);
  if (h.round >= h.scenario.rounds) return scoreValue(h, role);
  E.nextRound(h);
  projectLite(h);
  return scoreValue(h, role, shift) + money * treasuryOf(h, role);
}

/** The hard bot's turn: the normal bot's candidates, weighed by rollouts through the engine. */
export function searchTurn(v: GameView, role: RoleId, seed: string, pass: number, opts: SearchOptions): Action[] {
  const c = new BotContext(v, role, 'hard', seed, pass, opts.deck);
  const d = playTurn(c);
  const samples = samplesFor(v);
  // Every seat plays in a rollout: with many seats, fewer rollouts keep the decision's time in bounds.
  const budget = Math.max(4, Math.round((opts.rollouts * 5) / Math.max(5, v.seats.length)));
  const plans = candidates(d, Math.min(MAX_CANDIDATES, Math.max(1, Math.floor(budget / samples))));
  if (plans.length <= 1) return d.actions;
  const values = plans.map(() => 0);
  const money = moneyValue(c.model, role);
  const shift = trendShift(c.model.base, role);
  for (let k = 0; k < samples; k++) {
    // One sampled world per k, shared by every candidate (common random numbers).
    const world = determinise(v, `${seed}|hard|${role}|${v.round}|${v.phase}|${pass}|${k}`, opts.deck);
    plans.forEach((plan, i) => {
      values[i] = (values[i] ?? 0) + rollout(world, role, plan, pass, opts.inner, seed, money, shift);
    });
  }
  let best = 0;
  for (let i = 1; i < plans.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0) + (best === 0 ? MARGIN * samples : 1e-9)) best = i;
  return plans[best] ?? d.actions;
}
