import type { GameState, IslandId, PowerId, RoleId, Score } from './types';
import { POWERS } from './types';
import { debtByCreditor, totalDebt } from './aid';
import { clampMetric } from './util';

const REDUNDANCY = [0, 40, 80, 100] as const;

/** An island's objectives, each 0-100. */
export function islandParts(g: GameState, id: IslandId): Record<string, number> {
  const island = g.islands[id];
  if (!island) return {};
  const present = POWERS.filter((p) => g.powers[p]);
  const aligns = present.map((p) => island.alignment[p]);
  const spread = aligns.length ? Math.max(...aligns) - Math.min(...aligns) : 0;
  const debt = totalDebt(g, id);
  const byCreditor = Object.values(debtByCreditor(g, id));
  const topShare = debt > 0 ? Math.floor((Math.max(...byCreditor) * 100) / debt) : 0;
  const roundsPerYear = Math.max(1, Math.floor(12 / g.scenario.monthsPerRound));
  // Debt of three years' base revenue or more scores zero.
  const capacity = island.revenuePerRound * roundsPerYear * 3;
  return {
    development: clampMetric((island.connectivity + island.economy) / 2),
    sovereignty: island.sovereignty,
    survival: island.legitimacy,
    resilience: clampMetric(((REDUNDANCY[Math.min(island.routes, 3)] ?? 100) * 2 + island.cyber) / 3),
    balance: clampMetric(100 - spread / 2 - Math.max(0, topShare - 50) / 2),
    solvency: clampMetric(100 - (debt * 100) / Math.max(1, capacity)),
  };
}

const rivalsOf = (p: PowerId): PowerId[] => (p === 'beijing' ? ['canberra', 'washington'] : ['beijing']);

/** A power's objectives, each 0-100. */
export function powerParts(g: GameState, p: PowerId): Record<string, number> {
  const power = g.powers[p];
  if (!power) return {};
  const islands = Object.keys(g.islands);
  const influence = islands.reduce((s, i) => s + (power.influence[i] ?? 0), 0) / Math.max(1, islands.length);
  let access = 0;
  let rivalFootholds = 0;
  const rivals = rivalsOf(p);
  for (const a of g.agreements) {
    if (a.status !== 'active') continue;
    const funder = a.deal.kind === 'pact' ? a.deal.power : a.deal.financing.by;
    const weight = a.deal.kind === 'pact' ? 20 + 10 * a.clauses.length : a.deal.kind === 'cable' ? 10 : 3;
    if (funder === p) access += weight;
    else if (rivals.includes(funder) && a.deal.kind !== 'aid') rivalFootholds += a.deal.kind === 'pact' ? 15 + 5 * a.clauses.length : a.deal.kind === 'cable' && a.deal.dataAccess ? 15 : 5;
  }
  const onIslands = g.cables.filter((c) => (c.status === 'active' || c.status === 'cut') && c.route.some((l) => g.landings[l]?.island));
  const favoured = onIslands.filter((c) => {
    const v = g.vendors[c.vendor];
    return p === 'beijing' ? v?.origin === 'beijing' : v?.trusted === true;
  });
  const vendorShare = onIslands.length ? (favoured.length * 100) / onIslands.length : 50;
  return {
    influence: clampMetric(influence),
    access: clampMetric(access),
    vendorShare: clampMetric(vendorShare),
    reputation: power.reputation,
    denial: clampMetric(100 - rivalFootholds),
  };
}

export function scoreOf(g: GameState, role: RoleId): Score {
  const isIsland = Boolean(g.islands[role]);
  const parts = isIsland ? islandParts(g, role) : powerParts(g, role as PowerId);
  const weights: Partial<Record<string, number>> = isIsland ? g.objectives.island : (g.objectives[role as PowerId] ?? {});
  let sum = 0;
  let total = 0;
  for (const [k, w] of Object.entries(weights)) {
    if (!w || parts[k] === undefined) continue;
    sum += w * (parts[k] ?? 0);
    total += w;
  }
  return { total: total ? Math.round(sum / total) : 0, parts };
}

export function updateScores(g: GameState): void {
  const out: Record<RoleId, Score> = {};
  for (const role of g.seats) out[role] = scoreOf(g, role);
  g.scores = out;
}

/** Rounds that moved a role's score most, biggest first. */
export function turningPoints(g: Pick<GameState, 'history'>, role: RoleId, count = 3): { round: number; delta: number }[] {
  const moves: { round: number; delta: number }[] = [];
  for (let i = 1; i < g.history.length; i++) {
    const prev = g.history[i - 1]?.scores[role] ?? 0;
    const cur = g.history[i]?.scores[role] ?? 0;
    if (cur !== prev) moves.push({ round: g.history[i]?.round ?? i, delta: cur - prev });
  }
  return moves.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.round - b.round).slice(0, count);
}
