import type { Debt, Financing, GameState, IslandId, PowerId } from './types';
import { transfer } from './money';
import { clampMetric } from './util';

export const LOAN_LIMITS = { ratePct: { min: 0, max: 15 }, years: { min: 1, max: 30 }, graceYears: { min: 0, max: 10 } } as const;

/** Turn a signed loan into a debt with its schedule: interest every round, principal after the grace years. */
export function openLoan(
  g: GameState,
  debtor: IslandId,
  financing: Extract<Financing, { kind: 'loan' }>,
  principal: number,
  agreement: string | null,
  id = `d${g.debts.length + 1}`,
): Debt {
  const perYear = Math.max(1, Math.floor(12 / g.scenario.monthsPerRound));
  const graceRounds = financing.graceYears * perYear;
  const instalments = Math.max(1, (financing.years - financing.graceYears) * perYear);
  const debt: Debt = {
    id,
    debtor,
    creditor: financing.by,
    agreement,
    principal,
    outstanding: principal,
    ratePct: financing.ratePct,
    instalmentsLeft: instalments,
    firstDueRound: g.round + graceRounds + 1,
    arrears: 0,
  };
  g.debts.push(debt);
  return debt;
}

/** What falls due on a debt this round: interest on what is outstanding, and one instalment of principal. */
export function dueThisRound(g: GameState, debt: Debt): { interest: number; principal: number } {
  if (debt.outstanding <= 0) return { interest: 0, principal: 0 };
  const interest = Math.floor((debt.outstanding * debt.ratePct * g.scenario.monthsPerRound) / 1200);
  let principal = 0;
  if (g.round >= debt.firstDueRound && debt.instalmentsLeft > 0) {
    // Equal instalments, rounded down; the remainder goes into the last one.
    principal = debt.instalmentsLeft === 1 ? debt.outstanding : Math.floor(debt.outstanding / debt.instalmentsLeft);
  }
  return { interest, principal };
}

/** Pay each debt's interest and instalment; what cannot be paid becomes arrears and costs legitimacy. */
export function serviceDebts(g: GameState, say: (text: string) => void): void {
  for (const debt of g.debts) {
    const island = g.islands[debt.debtor];
    if (!island || debt.outstanding <= 0) continue;
    const { interest, principal } = dueThisRound(g, debt);
    const due = interest + principal + debt.arrears;
    if (due === 0) continue;
    const paid = Math.min(due, island.treasury);
    const interestPaid = Math.min(paid, interest + debt.arrears);
    const principalPaid = paid - interestPaid;
    transfer(g, debt.debtor, debt.creditor, interestPaid, 'interest', debt.id);
    transfer(g, debt.debtor, debt.creditor, principalPaid, 'repayment', debt.id);
    debt.outstanding -= principalPaid;
    if (principal > 0 && principalPaid >= principal) debt.instalmentsLeft--;
    debt.arrears = due - paid;
    if (debt.arrears > 0) {
      island.legitimacy = clampMetric(island.legitimacy - 3);
      say(`${island.name} could not pay all it owed ${g.powers[debt.creditor]?.name ?? debt.creditor} this round: arrears of ${debt.arrears}k.`);
    }
  }
}

export function totalDebt(g: Pick<GameState, 'debts'>, island: IslandId): number {
  return g.debts.filter((d) => d.debtor === island).reduce((s, d) => s + d.outstanding + d.arrears, 0);
}

export function debtByCreditor(g: Pick<GameState, 'debts'>, island: IslandId): Partial<Record<PowerId, number>> {
  const out: Partial<Record<PowerId, number>> = {};
  for (const d of g.debts) if (d.debtor === island) out[d.creditor] = (out[d.creditor] ?? 0) + d.outstanding + d.arrears;
  return out;
}

/** A voluntary early repayment ordered by an island. */
export function repayEarly(g: GameState, debtId: string, amount: number): void {
  const debt = g.debts.find((d) => d.id === debtId);
  if (!debt) return;
  const pay = Math.min(amount, debt.outstanding, g.islands[debt.debtor]?.treasury ?? 0);
  transfer(g, debt.debtor, debt.creditor, pay, 'repayment', debt.id);
  debt.outstanding -= pay;
  if (debt.outstanding === 0) debt.instalmentsLeft = 0;
}
