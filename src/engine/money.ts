import type { Audience, GameState, LedgerKind, RoleId } from './types';
import { own } from './util';

/** Money in hand of a role, US$ thousands. */
export function balanceOf(g: GameState, role: RoleId): number {
  const island = own(g.islands, role);
  if (island) return island.treasury;
  const power = own(g.powers, role as keyof GameState['powers']);
  if (power) return power.treasury;
  return own(g.funders ?? {}, role)?.treasury ?? 0;
}

function adjust(g: GameState, role: RoleId | 'world', delta: number): void {
  if (role === 'world') return;
  const island = own(g.islands, role);
  if (island) {
    island.treasury += delta;
    return;
  }
  // A scripted funder (Tokyo, a development bank) keeps its budget in an account like a power's.
  const power = own(g.powers, role as keyof GameState['powers']) ?? own(g.funders ?? {}, role);
  if (!power) throw new Error(`no account for ${role}`);
  power.treasury += delta;
}

/**
 * Move money and write it in the ledger. Every change of money in the game goes through here,
 * so replaying the ledger from zero gives every balance.
 */
export function transfer(
  g: GameState,
  from: RoleId | 'world',
  to: RoleId | 'world',
  amount: number,
  kind: LedgerKind,
  ref: string | null,
  seenBy: Audience = 'all',
): void {
  if (!Number.isInteger(amount) || amount < 0) throw new Error(`transfer of ${amount}: money is a whole, positive number of US$ thousands`);
  if (amount === 0) return;
  if (from !== 'world' && balanceOf(g, from) < amount) throw new Error(`${from} cannot pay ${amount}`);
  adjust(g, from, -amount);
  adjust(g, to, amount);
  g.ledger.push({ round: g.round, from, to, amount, kind, ref, seenBy });
}

/** Balances as the ledger alone gives them: used by tests and the debrief to check the books. */
export function ledgerBalances(g: Pick<GameState, 'ledger'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of g.ledger) {
    if (e.from !== 'world') out[e.from] = (out[e.from] ?? 0) - e.amount;
    if (e.to !== 'world') out[e.to] = (out[e.to] ?? 0) + e.amount;
  }
  return out;
}
