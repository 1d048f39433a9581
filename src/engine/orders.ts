import type { GameState, Order, Refusal, RoleId } from './types';
import { chance } from './rng';
import { transfer, balanceOf } from './money';
import { repayEarly } from './aid';
import { clampAlignment, clampMetric, formatMoney } from './util';
import type { Say } from './log';

export const MAX_ORDERS_PER_ROUND = 3;
/** Percent chance that an island notices a foreign influence campaign. */
export const CAMPAIGN_DETECTION = 30;

/** Money an order spends. */
export const orderCost = (o: Order): number => o.amount;

export function orderRefusal(g: GameState, role: RoleId, order: Order): Refusal | null {
  if (typeof order !== 'object' || order === null) return { code: 'malformed', field: 'order', message: 'An order is needed.' };
  const isIsland = Boolean(g.islands[role]);
  if (!Number.isInteger(order.amount) || order.amount < 1) return { code: 'illegalTerms', field: 'order.amount', message: 'The amount is a whole number of US$ thousands, at least 1.' };
  const pending = g.orders.filter((o) => o.role === role);
  if (pending.length >= MAX_ORDERS_PER_ROUND) return { code: 'illegalTerms', field: 'order', message: `At most ${MAX_ORDERS_PER_ROUND} orders a round.` };
  const committed = pending.reduce((s, o) => s + orderCost(o.order), 0);
  const available = balanceOf(g, role) - committed;
  if (order.amount > available) return { code: 'unaffordable', field: 'order.amount', message: `Only ${formatMoney(available)} is left for orders this round.` };
  switch (order.kind) {
    case 'campaign':
      if (isIsland) return { code: 'illegalTerms', field: 'order.kind', message: 'Influence campaigns are run by the powers.' };
      if (!g.islands[order.island]) return { code: 'unknownTarget', field: 'order.island', message: `There is no island "${order.island}" in this game.` };
      return null;
    case 'buildCert':
      if (!isIsland) return { code: 'illegalTerms', field: 'order.kind', message: 'Only an island government builds its own CERT.' };
      return null;
    case 'repay': {
      if (!isIsland) return { code: 'illegalTerms', field: 'order.kind', message: 'Only an island repays its debts.' };
      const debt = g.debts.find((d) => d.id === order.debt);
      if (!debt || debt.debtor !== role) return { code: 'unknownTarget', field: 'order.debt', message: `${order.debt} is not a debt of yours.` };
      if (debt.outstanding <= 0) return { code: 'illegalTerms', field: 'order.debt', message: 'That debt is paid off.' };
      return null;
    }
    default:
      return { code: 'malformed', field: 'order.kind', message: 'An order is a campaign, buildCert or repay.' };
  }
}

/** Carry out one sealed order at resolution. Money is checked again: an earlier deal may have spent it. */
export function executeOrder(g: GameState, role: RoleId, order: Order, say: Say): void {
  const amount = Math.min(order.amount, balanceOf(g, role));
  if (amount <= 0) {
    say(`An order could not be carried out: no money left.`, [role]);
    return;
  }
  switch (order.kind) {
    case 'campaign': {
      const island = g.islands[order.island];
      const power = g.powers[role as keyof GameState['powers']];
      if (!island || !power) return;
      transfer(g, role, 'world', amount, 'campaign', null, [role]);
      const gain = Math.min(10, 1 + Math.floor((amount * 8) / Math.max(1, island.revenuePerRound)));
      if (chance(g, CAMPAIGN_DETECTION)) {
        island.alignment[power.id] = clampAlignment(island.alignment[power.id] - 6);
        power.reputation = clampMetric(power.reputation - 4);
        say(`${island.name} exposes an influence campaign run by ${power.name}.`);
      } else {
        power.influence[island.id] = clampMetric((power.influence[island.id] ?? 0) + gain);
        island.alignment[power.id] = clampAlignment(island.alignment[power.id] + 3);
        say(`Your influence campaign in ${island.name} (${formatMoney(amount)}) went unnoticed: influence +${gain}.`, [role]);
      }
      return;
    }
    case 'buildCert': {
      const island = g.islands[role];
      if (!island) return;
      transfer(g, role, 'world', amount, 'investment', null);
      const gain = Math.min(15, Math.floor((amount * 10) / Math.max(1, island.revenuePerRound)));
      island.cyber = clampMetric(island.cyber + gain);
      say(`${island.name} invests ${formatMoney(amount)} in its computer emergency response team: cyber resilience +${gain}.`);
      return;
    }
    case 'repay':
      repayEarly(g, order.debt, amount);
      say(`${g.islands[role]?.name} repays ${formatMoney(amount)} of debt ${order.debt} early.`);
      return;
  }
}
