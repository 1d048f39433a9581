import { applyClauses } from './security';
import { raiseInfluence } from './influence';
import type { GameState, IslandId, Order, OrderKind, PowerId, Refusal, RoleId } from './types';
import { chance } from './rng';
import { transfer, balanceOf } from './money';
import { repayEarly, rescheduleDebt } from './aid';
import { CLAUSE_NAMES, clamp, canSee, clampAlignment, clampMetric, formatMoney, possessive, roundsFor, own } from './util';
import type { Say } from './log';
import { convene } from './forum';

export const MAX_ORDERS_PER_ROUND = 3;
/** Percent chance that an island notices a foreign influence campaign. */
export const CAMPAIGN_DETECTION = 30;
/** Rounds a successful intrusion keeps reading an island's secrets. */
export const INTRUSION_ROUNDS = 2;
/** The smallest sums some acts need, US$ thousands. */
export const MIN_COST: Partial<Record<OrderKind, number>> = { intrusion: 2000, vendorPressure: 500, callForum: 500, diversifyVendors: 1000 };

export const POWER_ORDERS = ['campaign', 'intrusion', 'leakDraft', 'vendorPressure'] as const satisfies readonly OrderKind[];
export const ISLAND_ORDERS = ['buildCert', 'repay', 'crackdown', 'delayElection', 'holdElection', 'diversifyVendors', 'callForum', 'renegotiateDebt'] as const satisfies readonly OrderKind[];

/**
 * What an influence campaign does once its money is spent: unnoticed, it wins influence (taken from
 * the rivals) and a little goodwill; exposed, it backfires: goodwill, reputation and the influence
 * it sought are lost (the cash-for-votes allegations around Honiara's 2019 switch). Returns the
 * influence at stake.
 */
export function campaignEffect(g: GameState, p: PowerId, island: IslandId, amount: number, exposed: boolean): number {
  const power = own(g.powers, p);
  const target = own(g.islands, island);
  if (!power || !target) return 0;
  const gain = Math.min(10, 1 + Math.floor((amount * 8) / Math.max(1, target.revenuePerRound)));
  if (exposed) {
    target.alignment[p] = clampAlignment(target.alignment[p] - 6);
    power.reputation = clampMetric(power.reputation - 4);
    power.influence[island] = clampMetric((power.influence[island] ?? 0) - gain);
  } else {
    raiseInfluence(g, p, island, gain);
    target.alignment[p] = clampAlignment(target.alignment[p] + 3);
  }
  return gain;
}

/** Money an order spends. */
export const orderCost = (o: Order): number => o.amount;

const bad = (code: Refusal['code'], field: string, message: string): Refusal => ({ code, field, message });

export function orderRefusal(g: GameState, role: RoleId, order: Order): Refusal | null {
  if (typeof order !== 'object' || order === null) return bad('malformed', 'order', 'An order is needed.');
  const isIsland = Boolean(own(g.islands, role));
  const kinds: readonly string[] = isIsland ? ISLAND_ORDERS : POWER_ORDERS;
  if (!kinds.includes(order.kind))
    return bad('illegalTerms', 'order.kind', `${isIsland ? 'An island government' : 'A power'} can order: ${kinds.join(', ')}.`);
  if (!Number.isInteger(order.amount) || order.amount < 0) return bad('illegalTerms', 'order.amount', 'The amount is a whole number of US$ thousands.');
  const min = MIN_COST[order.kind] ?? (order.kind === 'campaign' || order.kind === 'buildCert' || order.kind === 'repay' ? 1 : 0);
  if (order.amount < min) return bad('illegalTerms', 'order.amount', `This act costs at least ${formatMoney(min)}.`);
  const pending = g.orders.filter((o) => o.role === role);
  if (pending.length >= MAX_ORDERS_PER_ROUND) return bad('limitReached', 'order', `You have given ${MAX_ORDERS_PER_ROUND} orders this round, the most a seat may give.`);
  if (pending.some((o) => o.order.kind === order.kind && order.kind !== 'campaign' && order.kind !== 'repay'))
    return bad('illegalTerms', 'order.kind', 'That act is already ordered this round.');
  const committed = pending.reduce((s, o) => s + orderCost(o.order), 0);
  const available = balanceOf(g, role) - committed;
  if (order.amount > available) return bad('unaffordable', 'order.amount', `Only ${formatMoney(available)} is left for orders this round.`);
  const island = own(g.islands, role);
  switch (order.kind) {
    case 'campaign':
    case 'intrusion':
    case 'vendorPressure':
      if (!own(g.islands, order.island)) return bad('unknownTarget', 'order.island', `There is no island "${order.island}" in this game.`);
      // One campaign per island per round: a second reaches the same people.
      if (order.kind === 'campaign' && pending.some((o) => o.order.kind === 'campaign' && o.order.island === order.island))
        return bad('illegalTerms', 'order.island', 'You already run an influence campaign there this round.');
      if (order.kind === 'vendorPressure') {
        const v = own(g.vendors, order.vendor);
        if (!v) return bad('unknownTarget', 'order.vendor', `There is no vendor "${order.vendor}" in this scenario.`);
        if (v.origin === role) return bad('illegalTerms', 'order.vendor', 'A power does not warn islands against its own vendors.');
      }
      return null;
    case 'leakDraft': {
      const found = g.agreements.flatMap((a) => a.clauses.map((c) => ({ a, c }))).find((x) => x.c.id === order.clause);
      if (!found || !canSee(found.c.seenBy, role) || found.c.seenBy === 'all') return bad('unknownTarget', 'order.clause', 'You can only leak a secret you hold that is not yet public.');
      if (found.a.parties.includes(role)) return bad('illegalTerms', 'order.clause', 'You cannot leak your own agreement: cancel or renegotiate it instead.');
      return null;
    }
    case 'repay':
    case 'renegotiateDebt': {
      const debt = g.debts.find((d) => d.id === order.debt);
      if (!debt || debt.debtor !== role) return bad('unknownTarget', 'order.debt', `${order.debt} is not a debt of yours.`);
      if (debt.outstanding <= 0) return bad('illegalTerms', 'order.debt', 'That debt is paid off.');
      return null;
    }
    case 'delayElection':
      if (!island?.nextElection || island.nextElection - g.round > 1) return bad('illegalTerms', 'order.kind', 'An election can only be delayed when it is due this round or the next.');
      return null;
    case 'callForum': {
      if (g.round >= g.scenario.rounds) return bad('illegalTerms', 'order.kind', 'The Forum meets in the round after it is called: this is the last round.');
      const initiative = order.initiative ?? 'sovereignty';
      if (initiative !== 'sovereignty' && (order.power === undefined || !own(g.powers, order.power)))
        return bad('unknownTarget', 'order.power', initiative === 'policing' ? 'Name the power that backs the policing initiative.' : 'Name the power whose conduct the statement addresses.');
      return null;
    }
    default:
      return null;
  }
}

/** Carry out one sealed order at resolution. Money is checked again: an earlier deal may have spent it. */
export function executeOrder(g: GameState, role: RoleId, order: Order, say: Say): void {
  const amount = Math.min(order.amount, balanceOf(g, role));
  if (amount < order.amount) {
    say(`An order (${order.kind}) could not be carried out: the money was spent.`, [role]);
    return;
  }
  const island = own(g.islands, role);
  const power = own(g.powers, role as PowerId);
  switch (order.kind) {
    case 'campaign': {
      const target = own(g.islands, order.island);
      if (!target || !power) return;
      transfer(g, role, 'world', amount, 'campaign', null, [role]);
      const exposed = chance(g, CAMPAIGN_DETECTION);
      const gain = campaignEffect(g, power.id, target.id, amount, exposed);
      if (exposed) say(`${target.name} exposes an influence campaign run by ${power.name}.`);
      else {
        say(`Your influence campaign in ${target.name} (${formatMoney(amount)}) went unnoticed: influence +${gain}.`, [role]);
      }
      return;
    }
    case 'intrusion': {
      const target = own(g.islands, order.island);
      if (!target || !power) return;
      transfer(g, role, 'world', amount, 'intrusion', null, [role]);
      // Stronger defences catch more intrusions; more money buys stealth.
      const detection = clamp(10 + Math.floor(target.cyber / 2) - Math.floor(amount / 1000), 5, 90);
      if (chance(g, detection)) {
        power.reputation = clampMetric(power.reputation - 8);
        target.alignment[power.id] = clampAlignment(target.alignment[power.id] - 10);
        target.cyber = clampMetric(target.cyber + 3);
        say(`${target.name} detects a cyber intrusion into government systems and attributes it to ${power.name}.`);
      } else {
        power.intrusions.push({ island: target.id, until: g.round + INTRUSION_ROUNDS });
        say(`Your intrusion into ${possessive(target.name)} networks succeeded: you will read its secrets for ${INTRUSION_ROUNDS} rounds.`, [role]);
      }
      return;
    }
    case 'leakDraft': {
      const found = g.agreements.flatMap((a) => a.clauses.map((c) => ({ a, c }))).find((x) => x.c.id === order.clause);
      if (!found || found.c.seenBy === 'all' || !power) return;
      found.c.seenBy = 'all';
      g.log = g.log.map((entry) => (entry.about.includes(found.c.id) ? { ...entry, seenBy: 'all' } : entry));
      const deal = found.a.deal;
      if (deal.kind === 'pact') applyClauses(g, deal.island, [found.c.kind], 1, true);
      if (deal.kind === 'pact') {
        const target = own(g.islands, deal.island);
        const partner = own(g.powers, deal.power);
        if (target) target.legitimacy = clampMetric(target.legitimacy - 8);
        if (partner) partner.reputation = clampMetric(partner.reputation - 5);
      }
      const traced = chance(g, 30);
      if (traced) power.reputation = clampMetric(power.reputation - 3);
      say(`A leaked draft shows a secret ${CLAUSE_NAMES[found.c.kind]} clause in agreement ${found.a.id}${traced ? `; the leak is traced to ${power.name}` : ''}.`, 'all', [found.c.id]);
      return;
    }
    case 'vendorPressure': {
      const target = own(g.islands, order.island);
      const vendor = own(g.vendors, order.vendor);
      if (!target || !power || !vendor) return;
      transfer(g, role, 'world', amount, 'campaign', null);
      target.alignment[power.id] = clampAlignment(target.alignment[power.id] - 3);
      target.pressure = [...target.pressure, { vendor: vendor.id, by: power.id, until: g.round + 2 }];
      say(`${power.name} warns ${target.name} against ${vendor.name} (as Washington's note to FSM did in 2020).`);
      return;
    }
    case 'buildCert': {
      if (!island) return;
      transfer(g, role, 'world', amount, 'investment', null);
      const gain = Math.min(15, Math.floor((amount * 10) / Math.max(1, island.revenuePerRound)));
      island.cyber = clampMetric(island.cyber + gain);
      say(`${island.name} invests ${formatMoney(amount)} in its computer emergency response team: cyber resilience +${gain}.`);
      return;
    }
    case 'repay': {
      const paid = repayEarly(g, order.debt, amount);
      say(`${island?.name} repays ${formatMoney(paid)} of debt ${order.debt} early.`);
      return;
    }
    case 'renegotiateDebt':
      transfer(g, role, 'world', amount, 'investment', null);
      rescheduleDebt(g, order.debt, say);
      return;
    case 'crackdown': {
      if (!island) return;
      transfer(g, role, 'world', amount, 'investment', null);
      // Surveillance kit makes a crackdown work better, and cost democracy more.
      const safeCity = island.assets.some((a) => a.kind === 'safeCity');
      island.unrest = clampMetric(island.unrest - (safeCity ? 25 : 18));
      // Calm streets, but the government is seen to rule by force (Honiara, November 2021).
      island.legitimacy = clampMetric(island.legitimacy - 2);
      island.democracy = clampMetric(island.democracy - (safeCity ? 12 : 8));
      say(`${possessive(island.name)} government cracks down on protest: calmer streets, fewer freedoms.`);
      return;
    }
    case 'delayElection': {
      if (!island?.nextElection) return;
      transfer(g, role, 'world', amount, 'investment', null);
      island.nextElection += roundsFor(12, g.scenario.monthsPerRound);
      island.delays++;
      island.democracy = clampMetric(island.democracy - 8);
      island.unrest = clampMetric(island.unrest + 8);
      island.legitimacy = clampMetric(island.legitimacy - 3 * island.delays);
      say(`${possessive(island.name)} government delays the election to round ${island.nextElection} (as the Solomons did in 2022).`);
      return;
    }
    case 'holdElection':
      if (!island) return;
      transfer(g, role, 'world', amount, 'investment', null);
      island.nextElection = g.round;
      say(`${possessive(island.name)} government calls an early election for this round's end.`);
      return;
    case 'diversifyVendors': {
      if (!island) return;
      transfer(g, role, 'world', amount, 'investment', null);
      // A second supplier makes a real difference; a third little, and a fourth none: by then the
      // island already buys from several.
      const n = ++island.diversifications;
      const gain = Math.floor(Math.min(8, 1 + Math.floor((amount * 4) / Math.max(1, island.revenuePerRound))) / (n * n));
      island.sovereignty = clampMetric(island.sovereignty + gain);
      island.cyber = clampMetric(island.cyber + Math.ceil(gain / 2));
      say(`${island.name} diversifies its network vendors: sovereignty +${gain}.`);
      return;
    }
    case 'callForum': {
      if (!island) return;
      transfer(g, role, 'world', amount, 'forum', null);
      // The Forum meets in the next round's negotiation (forum.ts); the caller endorses its own initiative.
      const initiative = order.initiative ?? 'sovereignty';
      convene(g, { round: g.round + 1, initiative, power: initiative === 'sovereignty' ? null : (order.power ?? null), calledBy: island.id }, say);
      return;
    }
  }
}
