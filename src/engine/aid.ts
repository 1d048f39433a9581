import { raiseInfluence } from './influence';
import type { Debt, Financing, FunderId, GameState, IslandId, ScriptedFunderId } from './types';
import { transfer } from './money';
import { clampMetric, formatMoney, own } from './util';
import type { Say } from './log';

export const LOAN_LIMITS = { ratePct: { min: 0, max: 15 }, years: { min: 1, max: 30 }, graceYears: { min: 0, max: 10 } } as const;
/** Rounds in a row with arrears before a loan is in default. */
export const DEFAULT_AFTER = 2;

/** A loan's terms, from a power or a scripted funder (a development bank); `lender`, the policy bank repaid in its state's stead. */
type Loan = Omit<Extract<Financing, { kind: 'loan' }>, 'by'> & { by: FunderId; lender?: ScriptedFunderId | undefined };

const roundsPerYear = (g: GameState): number => Math.max(1, Math.floor(12 / g.scenario.monthsPerRound));

/** Turn a signed loan into a debt with its schedule: interest every round, principal after the grace years. */
export function openLoan(g: GameState, debtor: IslandId, financing: Loan, principal: number, agreement: string | null, id = `d${g.debts.length + 1}`): Debt {
  const debt: Debt = {
    id,
    debtor,
    creditor: financing.by,
    ...(financing.lender ? { lender: financing.lender } : {}),
    agreement,
    principal,
    outstanding: principal,
    ratePct: financing.ratePct,
    instalmentsLeft: 0,
    firstDueRound: 0,
    arrears: 0,
    missed: 0,
    collateral: financing.collateral ?? 'none',
    defaulted: false,
  };
  schedule(g, debt, financing);
  g.debts.push(debt);
  return debt;
}

function schedule(g: GameState, debt: Debt, financing: Loan): void {
  const perYear = roundsPerYear(g);
  debt.ratePct = financing.ratePct;
  debt.instalmentsLeft = Math.max(1, (financing.years - financing.graceYears) * perYear);
  debt.firstDueRound = g.round + financing.graceYears * perYear + 1;
}

/** New terms for a debt (a renegotiated loan): the outstanding amount is rescheduled from now. */
export function updateLoanTerms(g: GameState, debt: Debt, financing: Loan, agreement: string): void {
  schedule(g, debt, financing);
  if (financing.collateral) debt.collateral = financing.collateral;
  debt.agreement = agreement;
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

/**
 * Who receives a debt's payments: the creditor, or the policy bank that lent the money. A bank the
 * scenario does not seat as a funder is repaid outside the game (its money never was in it).
 */
export function payeeOf(g: Pick<GameState, 'funders'>, debt: Pick<Debt, 'creditor' | 'lender'>): FunderId | 'world' {
  if (!debt.lender) return debt.creditor;
  return own(g.funders ?? {}, debt.lender) ? debt.lender : 'world';
}

/**
 * Pay each debt's interest and instalment. What cannot be paid becomes arrears and costs
 * legitimacy; arrears two rounds running are a default, and the collateral passes to the creditor.
 */
export function serviceDebts(g: GameState, say: Say): void {
  for (const debt of g.debts) {
    const island = own(g.islands, debt.debtor);
    if (!island || debt.outstanding <= 0) continue;
    const { interest, principal } = dueThisRound(g, debt);
    const due = interest + principal + debt.arrears;
    if (due === 0) continue;
    const paid = Math.min(due, island.treasury);
    const interestPaid = Math.min(paid, interest + debt.arrears);
    const principalPaid = paid - interestPaid;
    const payee = payeeOf(g, debt);
    transfer(g, debt.debtor, payee, interestPaid, 'interest', debt.id);
    transfer(g, debt.debtor, payee, principalPaid, 'repayment', debt.id);
    debt.outstanding -= principalPaid;
    if (principal > 0 && principalPaid >= principal) debt.instalmentsLeft--;
    debt.arrears = due - paid;
    if (debt.arrears === 0) {
      debt.missed = 0;
      continue;
    }
    debt.missed++;
    island.legitimacy = clampMetric(island.legitimacy - 3);
    say(`${island.name} could not pay all it owed ${own(g.powers, debt.creditor)?.name ?? own(g.funders ?? {}, debt.creditor)?.name ?? debt.creditor} this round: arrears of ${formatMoney(debt.arrears)}.`);
    if (debt.missed >= DEFAULT_AFTER && !debt.defaulted) seizeCollateral(g, debt, say);
  }
}

/** A default: the creditor takes control of the asset pledged (port, cable, towers), or the island's credit suffers. */
export function seizeCollateral(g: GameState, debt: Debt, say: Say): void {
  const island = own(g.islands, debt.debtor);
  const creditor = own(g.powers, debt.creditor);
  if (!island || !creditor) return;
  debt.defaulted = true;
  let taken = '';
  if (debt.collateral === 'port') {
    island.assets.push({ id: `t${++g.counters.asset}`, kind: 'port', vendor: null, owner: debt.creditor, agreement: debt.agreement });
    island.sovereignty = clampMetric(island.sovereignty - 15);
    taken = 'control of its main port';
  } else if (debt.collateral === 'cable') {
    const cable = g.cables.find((c) => c.status !== 'building' && c.route.some((l) => own(g.landings, l)?.island === debt.debtor) && c.owner !== debt.creditor);
    if (cable) {
      cable.owner = debt.creditor;
      cable.operator = 'vendor';
      island.sovereignty = clampMetric(island.sovereignty - 10);
      taken = `control of ${cable.name}`;
    }
  } else if (debt.collateral === 'towers') {
    const towers = island.assets.find((a) => a.kind === 'towers' && a.owner === debt.debtor);
    if (towers) {
      towers.owner = debt.creditor;
      island.sovereignty = clampMetric(island.sovereignty - 8);
      taken = 'control of its tower network';
    }
  }
  if (!taken) island.economy = clampMetric(island.economy - 5);
  raiseInfluence(g, creditor.id, debt.debtor, 10);
  say(`${island.name} defaults on debt ${debt.id}: ${taken ? `${creditor.name} takes ${taken}` : 'its credit rating collapses'}.`);
}

export function totalDebt(g: Pick<GameState, 'debts'>, island: IslandId): number {
  return g.debts.filter((d) => d.debtor === island).reduce((s, d) => s + d.outstanding + d.arrears, 0);
}

export function debtByCreditor(g: Pick<GameState, 'debts'>, island: IslandId): Partial<Record<FunderId, number>> {
  const out: Partial<Record<FunderId, number>> = {};
  for (const d of g.debts) if (d.debtor === island) out[d.creditor] = (out[d.creditor] ?? 0) + d.outstanding + d.arrears;
  return out;
}

/** A voluntary early repayment ordered by an island. */
export function repayEarly(g: GameState, debtId: string, amount: number): number {
  const debt = g.debts.find((d) => d.id === debtId);
  if (!debt) return 0;
  const pay = Math.min(amount, debt.outstanding, own(g.islands, debt.debtor)?.treasury ?? 0);
  transfer(g, debt.debtor, payeeOf(g, debt), pay, 'repayment', debt.id);
  debt.outstanding -= pay;
  if (debt.outstanding === 0) debt.instalmentsLeft = 0;
  return pay;
}

/** An island asks its creditor to reschedule: five more years and a point off the rate, for leverage and face. */
export function rescheduleDebt(g: GameState, debtId: string, say: Say): void {
  const debt = g.debts.find((d) => d.id === debtId);
  const island = debt ? own(g.islands, debt.debtor) : undefined;
  const creditor = debt ? own(g.powers, debt.creditor) : undefined;
  if (!debt || !island || !creditor) return;
  const perYear = roundsPerYear(g);
  debt.instalmentsLeft += 5 * perYear;
  debt.ratePct = Math.max(0, debt.ratePct - 1);
  debt.arrears = 0;
  debt.missed = 0;
  raiseInfluence(g, creditor.id, island.id, 5);
  island.sovereignty = clampMetric(island.sovereignty - 3);
  island.legitimacy = clampMetric(island.legitimacy - 2);
  say(`${island.name} reschedules debt ${debt.id} with ${creditor.name}: five more years, ${debt.ratePct}% interest.`);
}
