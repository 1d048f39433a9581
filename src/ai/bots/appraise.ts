import type { Deal, GameState, IslandId, PowerId, RoleId } from '../../engine';
import * as E from './engine-api';
import { isPower, loanPaymentsBeforeEnd, objectiveWeights, partsOf, roundsPerYear, scoreFromParts, scoreValue, type Model, type OrderEffect, type Outcome } from './model';
import { AID_SIZE, yearRevenue } from './candidates';

/**
 * How much a deal or an order is worth to a role, in points of its final score: the change the
 * rules would make to its scenario-weighted objectives by the end of the game (projected), plus the
 * money it gains or spends, valued at what that money could buy the role.
 */

export interface Proposal {
  deal: Deal;
  from: RoleId;
}

export interface Appraisal {
  /** Points of final score, money included. */
  gain: number;
  /** Points of final score from the deal's effects alone. */
  score: number;
  /** Money in (+) or out (-) before the game ends, US$ thousands. */
  cash: number;
  /** Weighted change of each objective, in points of score. */
  parts: Record<string, number>;
  /** The deal would be void (a clash, or the money is gone). */
  void: boolean;
}

/** Money the role gains (+) or spends (-) before the game ends because of a deal. */
export function cashOf(g: GameState, role: RoleId, deal: Deal): number {
  // A package's money is its parts' money, island by island.
  if (deal.kind === 'package') return E.packageDeals(deal).reduce((s, d) => s + cashOf(g, role, d), 0);
  if (deal.kind === 'pact' || deal.kind === 'diplomatic') return 0;
  const fin = deal.financing;
  const islands = E.islandsOfDeal(g, deal);
  const principals: Record<IslandId, number> = {};
  let toIsland: Record<IslandId, number> = {};
  if (deal.kind === 'cable') {
    const shares = E.islandShares(g, deal);
    const funded = E.funderPays(g, deal);
    const each = Math.floor(funded / Math.max(1, islands.length));
    islands.forEach((i, n) => {
      if (fin.kind === 'loan') principals[i] = n === 0 ? funded - each * (islands.length - 1) : each;
    });
    toIsland = Object.fromEntries(Object.entries(shares).map(([i, s]) => [i, -s]));
  } else {
    if (fin.kind === 'loan') principals[deal.island] = deal.amount;
    if (deal.kind === 'aid') toIsland = { [deal.island]: deal.amount };
  }
  const payments: Record<IslandId, number> = {};
  if (fin.kind === 'loan') for (const [i, p] of Object.entries(principals)) payments[i] = loanPaymentsBeforeEnd(g, p, fin);
  if (role === fin.by) return -E.funderPays(g, deal) + Object.values(payments).reduce((s, x) => s + x, 0);
  // A co-funder pays its share (a loan's repayments to it are left out: a small sum before the end).
  const cofunded = E.cofunderPays(g, deal, role);
  if (cofunded) return -cofunded;
  if (g.islands[role]) return (toIsland[role] ?? 0) - (payments[role] ?? 0);
  return 0;
}

/**
 * What a thousand dollars is worth to an island, in points of score: the sovereignty it could buy
 * by diversifying its vendors, or the solvency it could buy by repaying debt, while it still needs
 * them; little once its treasury covers both.
 */
export function islandMoneyValue(g: GameState, id: IslandId): number {
  const isl = g.islands[id];
  if (!isl) return 0;
  const w = objectiveWeights(g, id);
  const total = Object.values(w).reduce((s, x) => s + x, 0) || 1;
  const parts = partsOf(g, id);
  const rev = Math.max(1, isl.revenuePerRound);
  // The part's slope where the level stands now: 50·swing/(|d| + swing)².
  const slope = (k: string): number => {
    const swing = E.SCORE_SWING[k] ?? 20;
    const d = Math.abs((E.levelsOf(g, id)[k] ?? 0) - (g.baseline[id]?.[k] ?? 0));
    return (50 * swing) / (d + swing) ** 2;
  };
  const sovScale = slope('sovereignty');
  const solvScale = slope('solvency');
  const sovRate = ((w.sovereignty ?? 0) / total) * sovScale * (4 / rev);
  const sovNeed = (Math.max(0, 100 - (parts.sovereignty ?? 100)) / sovScale) * (rev / 4);
  const capacity = rev * roundsPerYear(g) * 3;
  const debt = E.totalDebt(g, id);
  const solvRate = debt > 0 && (parts.solvency ?? 100) < 100 ? ((w.solvency ?? 0) / total) * solvScale * (100 / capacity) : 0;
  const rate = isl.treasury < sovNeed ? Math.max(sovRate, solvRate) : isl.treasury < sovNeed + debt ? solvRate : 0.2 * Math.max(sovRate, solvRate);
  return 0.5 * Math.max(rate, 0.1 * sovRate, 1e-6);
}

/**
 * What a thousand dollars is worth to a power, in points of score: half of what the best budget
 * grant it could make now would earn per dollar (money left at the end of the game is worth nothing,
 * so a power spends; this keeps it from spending on what buys less than its staple).
 */
export function powerMoneyValue(m: Model, p: PowerId): number {
  const cached = m.memo.get(`money:${p}`);
  if (cached !== undefined) return cached;
  const g = m.base;
  const treasury = g.powers[p]?.treasury ?? 0;
  let best = 0;
  // Where its influence is lowest, aid buys the most: a few such islands are enough to price money.
  const ids = Object.keys(g.islands).sort((a, b) => (g.powers[p]?.influence[a] ?? 0) - (g.powers[p]?.influence[b] ?? 0) || a.localeCompare(b)).slice(0, 3);
  for (const id of ids) {
    const amount = Math.min(treasury, Math.max(1000, Math.round(yearRevenue(g, id) * AID_SIZE[1])));
    if (amount < 1000) continue;
    const deal: Deal = { kind: 'aid', island: id, amount, financing: { kind: 'grant', by: p }, purpose: 'budget' };
    const o = m.outcome([{ deal, from: p }]);
    if (o.void) continue;
    best = Math.max(best, (scoreValue(o.state, p) - m.baseValue(p)) / amount);
  }
  const value = Math.max(0.5 * best * scarcity(g, p), 2e-6);
  m.memo.set(`money:${p}`, value);
  return value;
}

/**
 * How scarce a power's money is, 0-1: at the rate it has spent so far, will it run out before the
 * game ends (1), or end with money it never spent (towards 0: a dollar it would not have spent
 * anyway buys nothing)? Its spending so far is in its own ledger.
 */
export function scarcity(g: GameState, p: PowerId): number {
  const power = g.powers[p];
  // Before it has spent anything, a power cannot tell: in full.
  if (!power || g.round <= 1) return 1;
  const spent = g.ledger.filter((e) => e.from === p && e.round >= 1).reduce((s, e) => s + e.amount, 0);
  const rate = spent / (g.round - 1);
  const remaining = g.scenario.rounds - g.round + 1;
  const total = power.treasury + power.budgetPerRound * (remaining - 1);
  const leftover = total - rate * remaining;
  return leftover <= 0 ? 1 : Math.max(0.05, 1 - (3 * leftover) / Math.max(1, total));
}

export function moneyValue(m: Model, role: RoleId): number {
  // Money is worth nothing once the game is over: in the last round it buys only what it buys now.
  if (m.base.round >= m.last) return 0;
  if (isPower(role)) return powerMoneyValue(m, role);
  const key = `money:${role}`;
  let v = m.memo.get(key);
  if (v === undefined) {
    v = islandMoneyValue(m.base, role);
    m.memo.set(key, v);
  }
  return v;
}

/** Weighted change of each objective between two states, in points of score. */
export function partDeltas(before: GameState, after: GameState, role: RoleId): Record<string, number> {
  const w = objectiveWeights(after, role);
  const total = Object.values(w).reduce((s, x) => s + x, 0) || 1;
  const a = partsOf(before, role);
  const b = partsOf(after, role);
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(w)) out[k] = ((b[k] ?? 0) - (a[k] ?? 0)) * (x / total);
  return out;
}

/** A role's parts in an outcome's state, kept with the outcome (outcomes are read-only, and the deals already chosen are asked about under each candidate). */
function outcomeParts(o: Outcome, role: RoleId): Record<string, number> {
  o.parts ??= new Map();
  let parts = o.parts.get(role);
  if (!parts) o.parts.set(role, (parts = partsOf(o.state, role)));
  return parts;
}

/**
 * Appraise deals (signed in order after `prior`) for several roles at once. The gain is measured
 * against `prior` alone, so deals already in hand are not counted twice.
 */
export function appraise(m: Model, roles: readonly RoleId[], deals: readonly Proposal[], prior: readonly Proposal[] = [], orders: readonly OrderEffect[] = []): Record<RoleId, Appraisal> {
  const before = prior.length ? m.outcome(prior) : null;
  const after = m.outcome([...prior, ...deals], orders);
  const out: Record<RoleId, Appraisal> = {};
  for (const role of roles) {
    const w = objectiveWeights(after.state, role);
    const total = Object.values(w).reduce((s, x) => s + x, 0) || 1;
    const a = before ? outcomeParts(before, role) : m.baseParts(role);
    const b = outcomeParts(after, role);
    const parts: Record<string, number> = {};
    for (const [k, x] of Object.entries(w)) parts[k] = ((b[k] ?? 0) - (a[k] ?? 0)) * (x / total);
    const score = scoreFromParts(b, w) - scoreFromParts(a, w);
    let cash = 0;
    for (const d of deals) cash += cashOf(m.base, role, d.deal);
    for (const o of orders) if (o.role === role) cash -= o.order.amount;
    out[role] = { gain: score + moneyValue(m, role) * cash, score, cash, parts, void: after.void > 0 };
  }
  return out;
}

/** The objective a change serves most (or harms most, when negative). */
export function mainPart(parts: Record<string, number>, sign: 1 | -1 = 1): string | null {
  let best: string | null = null;
  let bestV = 0;
  for (const [k, v] of Object.entries(parts)) if (v * sign > bestV) [best, bestV] = [k, v * sign];
  return best;
}
