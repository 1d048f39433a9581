import { type Action, type GameState, type IslandId, type Order, type PowerId } from '../../engine';
import * as E from './engine-api';
import { appraise, mainPart, moneyValue, partDeltas, type Appraisal } from './appraise';
import type { BotContext } from './context';
import { clip, goalText, nameOf, orderText } from './explain';
import { scoreValue } from './model';
import { factFor } from './negotiate';
import { focusIslands } from './propose';
import { forumCallValue } from './forum';

/** A sealed order a bot could give, with what it expects from it. */
export interface OrderOption {
  action: Extract<Action, { type: 'order' }>;
  value: number;
}

const ceil100 = (x: number): number => Math.ceil(x / 100) * 100;

/** Money the role can still commit to orders this round (what the engine will check). */
function orderMoney(c: BotContext): number {
  const { v, role } = c;
  const now = v.islands[role]?.treasury ?? v.powers[role as PowerId]?.treasury ?? 0;
  const later = c.model.base.islands[role]?.treasury ?? c.model.base.powers[role as PowerId]?.treasury ?? 0;
  const committed = v.orders.filter((o) => o.role === role).reduce((s, o) => s + o.order.amount, 0);
  return Math.max(0, Math.min(now, later) - committed);
}

/**
 * What an island owes at this round's resolution (interest, an instalment, arrears): paid after
 * the orders, so money spent on orders must leave it, or the island falls into arrears.
 */
export function debtService(c: BotContext): number {
  const { v, role } = c;
  let due = 0;
  for (const d of v.debts) {
    if (d.debtor !== role) continue;
    const { interest, principal } = E.dueThisRound(v as unknown as GameState, d);
    due += interest + principal + d.arrears;
  }
  return due;
}

function islandOrderCandidates(c: BotContext, money: number, reserve: number): Order[] {
  const { v, role } = c;
  const isl = v.islands[role];
  if (!isl) return [];
  const rev = Math.max(1, isl.revenuePerRound);
  const out: Order[] = [{ kind: 'crackdown', amount: 0 }];
  // The Forum meets the round after it is called: not in the last round.
  if (money >= 500 && v.round < v.scenario.rounds) out.push({ kind: 'callForum', amount: 500 });
  const diversify = new Set<number>();
  for (let k = 1; k <= 8; k++) diversify.add(Math.max(1000, ceil100(((k - 1) * rev) / 4)));
  for (const amount of diversify) if (amount <= money) out.push({ kind: 'diversifyVendors', amount });
  for (const f of [0.25, 0.5, 1, 1.5]) {
    const amount = Math.max(100, ceil100(rev * f));
    if (amount <= money) out.push({ kind: 'buildCert', amount });
  }
  for (const d of v.debts) {
    if (d.debtor !== role || d.outstanding <= 0) continue;
    // Early repayment only from money left once this round's debt service is set aside.
    const spare = money - reserve;
    for (const amount of new Set([Math.min(d.outstanding, spare), Math.min(d.outstanding, Math.floor(spare / 2))])) if (amount >= 1) out.push({ kind: 'repay', debt: d.id, amount });
    if (d.arrears > 0) out.push({ kind: 'renegotiateDebt', debt: d.id, amount: 0 });
  }
  if (isl.nextElection && isl.nextElection - v.round <= 1) out.push({ kind: 'delayElection', amount: 0 });
  return out;
}

/** A campaign's two outcomes, by the engine's own rule: unnoticed or exposed. */
function campaignEffect(p: PowerId, island: IslandId, amount: number, exposed: boolean) {
  return (g: GameState): void => {
    const power = g.powers[p];
    if (!power) return;
    power.treasury -= amount;
    E.campaignEffect(g, p, island, amount, exposed);
  };
}

/** Expected value of a campaign, given the orders already chosen. */
function campaignValue(c: BotContext, order: Extract<Order, { kind: 'campaign' }>, chosen: Order[]): { value: number; parts: Record<string, number> } {
  const { role, model: m } = c;
  const p = role as PowerId;
  const prior = (g: GameState) => {
    for (const o of chosen) if (o.kind === 'campaign') campaignEffect(p, o.island, o.amount, false)(g);
  };
  // With no campaign chosen yet, the prior changes nothing: the state before is the model's baseline.
  const before = chosen.some((o) => o.kind === 'campaign') ? m.outcome([], [], prior).state : m.outcome().state;
  const base = scoreValue(before, p);
  const won = m.outcome([], [], (g) => (prior(g), campaignEffect(p, order.island, order.amount, false)(g))).state;
  const lost = m.outcome([], [], (g) => (prior(g), campaignEffect(p, order.island, order.amount, true)(g))).state;
  const chance = E.CAMPAIGN_DETECTION / 100;
  const value = (1 - chance) * (scoreValue(won, p) - base) + chance * (scoreValue(lost, p) - base) - moneyValue(m, p) * order.amount;
  return { value, parts: partDeltas(before, won, p) };
}

/**
 * Sealed orders, best first, each weighed with those already chosen: for an island, a forum, a
 * vendor review, a CERT, early repayment, a crackdown when unrest threatens; for a power, influence
 * campaigns where they pay for their risk of exposure, and a warning against a rival's vendor
 * when it can see a rival's vendor at the table.
 */
export function orderOptions(c: BotContext): { chosen: OrderOption[]; firstSlot: OrderOption[] } {
  const { v, role } = c;
  const isPowerRole = Boolean(v.powers[role as PowerId]);
  const pending = v.orders.filter((o) => o.role === role);
  const slots = Math.min(c.params.maxOrders, E.MAX_ORDERS_PER_ROUND - pending.length);
  if (slots <= 0) return { chosen: [], firstSlot: [] };
  const m = c.model;
  let money = orderMoney(c);
  const reserve = isPowerRole ? 0 : debtService(c);
  const usedKinds = new Set(pending.map((o) => o.order.kind));
  const chosen: OrderOption[] = [];
  const chosenOrders: Order[] = [];
  const firstSlot: OrderOption[] = [];
  for (let n = 0; n < slots; n++) {
    let best: OrderOption | null = null;
    const cands = isPowerRole ? powerOrderCandidates(c, money) : islandOrderCandidates(c, money, reserve);
    for (const order of cands) {
      if (usedKinds.has(order.kind) && order.kind !== 'campaign' && order.kind !== 'repay') continue;
      if (order.kind === 'campaign' && [...pending.map((o) => o.order), ...chosenOrders].some((o) => o.kind === 'campaign' && o.island === order.island)) continue;
      if (order.amount > money) continue;
      // Once a debt is repaid early, nothing else may eat into the money the debt service needs.
      if (order.kind !== 'repay' && chosenOrders.some((o) => o.kind === 'repay') && order.amount > money - reserve) continue;
      let value: number;
      let parts: Record<string, number>;
      if (order.kind === 'campaign') ({ value, parts } = campaignValue(c, order, chosenOrders));
      else if (order.kind === 'vendorPressure') [value, parts] = [0.15, { vendorShare: 0.1 }];
      else if (order.kind === 'callForum') ({ value, parts } = forumCallValue(c, order));
      else {
        const a = appraise(m, [role], [], [], [...chosenOrders, order].map((o) => ({ role, order: o })))[role] as Appraisal;
        const prior = chosenOrders.length ? (appraise(m, [role], [], [], chosenOrders.map((o) => ({ role, order: o })))[role] as Appraisal) : null;
        value = a.gain - (prior?.gain ?? 0);
        parts = a.parts;
      }
      value += c.noise(() => `order|${n}|${JSON.stringify(order)}`);
      // A cautious power runs a campaign only when it clearly pays, and one a round at most.
      if (order.kind === 'campaign' && c.persona() === 'cautious' && (value < 0.3 || chosenOrders.some((o) => o.kind === 'campaign'))) continue;
      if (n === 0 && value > 0.05) firstSlot.push({ action: { type: 'order', role, order, why: orderWhy(c, order, parts) }, value });
      if (value > (best?.value ?? 0.05)) best = { action: { type: 'order', role, order, why: orderWhy(c, order, parts) }, value };
    }
    if (n === 0) firstSlot.sort((a, b) => b.value - a.value);
    if (!best) break;
    chosen.push(best);
    chosenOrders.push(best.action.order);
    usedKinds.add(best.action.order.kind);
    money -= best.action.order.amount;
  }
  return { chosen, firstSlot };
}

function powerOrderCandidates(c: BotContext, money: number): Order[] {
  const { v, role } = c;
  const out: Order[] = [];
  for (const island of focusIslands(c)) {
    const rev = Math.max(1, v.islands[island]?.revenuePerRound ?? 1);
    // The sum that buys the most a campaign can (influence +10), or half of it.
    for (const amount of new Set([ceil100((9 * rev) / 8), ceil100((4 * rev) / 8)])) if (amount >= 1 && amount <= money) out.push({ kind: 'campaign', island, amount });
    // A warning against a rival's vendor the power can see at the island's table.
    if (role !== 'beijing' && money >= 500 && c.persona() !== 'cautious') {
      const offer = v.offers.find((o) => o.round === v.round && 'vendor' in o.deal && !v.vendors[o.deal.vendor]?.trusted && E.islandsOfDeal(v, o.deal).includes(island) && o.status !== 'rejected');
      if (offer && 'vendor' in offer.deal && !v.islands[island]?.pressure.some((x) => x.by === role)) out.push({ kind: 'vendorPressure', island, vendor: offer.deal.vendor, amount: 500 });
    }
  }
  return out;
}

function orderWhy(c: BotContext, order: Order, parts: Record<string, number>): string {
  const { v, role } = c;
  const part = mainPart(parts);
  const island = 'island' in order ? order.island : undefined;
  const fact = factFor(v, role, part, island);
  return clip(`${nameOf(v, role)} orders ${orderText(v, order)} ${goalText(v, role, part, island)}${fact ? ` (${fact})` : ''}.`);
}
