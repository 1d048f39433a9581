import type { GameState, IslandId, PowerId, RoleId, Score } from './types';
import { POWERS } from './types';
import { debtByCreditor, totalDebt } from './aid';
import { funderOf } from './deals';
import { rivalsOf } from './influence';
import { clampMetric, own } from './util';

const REDUNDANCY = [0, 40, 80, 100] as const;

/** Points of survival a government loses for each time it falls (an election lost, a no-confidence vote). */
export const GOVERNMENT_FALL = 20;

/** Commitments that close an island's options: exclusive landing rights, no-third-party clauses, a bloc. */
export function lockIns(g: GameState, id: IslandId): number {
  let n = own(g.islands, id)?.blocs.length ?? 0;
  for (const a of g.agreements) {
    if (a.status !== 'active' || !a.parties.includes(id)) continue;
    if (a.deal.kind === 'cable' && a.deal.exclusivity) n++;
    if (a.clauses.some((c) => c.kind === 'noThirdParty')) n++;
  }
  return n;
}

/** An island's objectives, each 0-100. */
export function islandParts(g: GameState, id: IslandId): Record<string, number> {
  const island = own(g.islands, id);
  if (!island) return {};
  const present = POWERS.filter((p) => own(g.powers, p));
  const aligns = present.map((p) => island.alignment[p]);
  const spread = aligns.length ? Math.max(...aligns) - Math.min(...aligns) : 0;
  const debt = totalDebt(g, id);
  const byCreditor = Object.values(debtByCreditor(g, id));
  const topShare = debt > 0 ? Math.floor((Math.max(...byCreditor) * 100) / debt) : 0;
  const roundsPerYear = Math.max(1, Math.floor(12 / g.scenario.monthsPerRound));
  // Debt of three years' base revenue or more scores zero.
  const capacity = island.revenuePerRound * roundsPerYear * 3;
  const partners = present.filter((p) => g.agreements.some((a) => a.status === 'active' && a.parties.includes(id) && funderOf(a.deal) === p)).length;
  return {
    development: clampMetric((island.connectivity * 2 + island.economy * 2 + island.coverage) / 5),
    sovereignty: island.sovereignty,
    // Staying in office: a government that falls has failed its first test, whatever its successor's standing.
    survival: clampMetric((island.legitimacy * 2 + (100 - island.unrest)) / 3 - GOVERNMENT_FALL * island.falls),
    resilience: clampMetric(((REDUNDANCY[Math.min(island.routes, 3)] ?? 100) * 2 + island.cyber) / 3),
    // Friends to all: close to every power, no dominant creditor, several partners, options kept open.
    balance: clampMetric(100 - spread / 2 - Math.max(0, topShare - 50) / 2 - 12 * lockIns(g, id) + 5 * Math.max(0, partners - 1)),
    solvency: clampMetric(100 - (debt * 100) / Math.max(1, capacity)),
  };
}

/** A power's objectives, each 0-100. */
export function powerParts(g: GameState, p: PowerId): Record<string, number> {
  const power = own(g.powers, p);
  if (!power) return {};
  const islands = Object.keys(g.islands);
  const influence = islands.reduce((s, i) => s + (power.influence[i] ?? 0), 0) / Math.max(1, islands.length);
  let access = 0;
  let rivalFootholds = 0;
  const rivals = rivalsOf(p);
  for (const a of g.agreements) {
    if (a.status !== 'active') continue;
    const funder = funderOf(a.deal);
    const d = a.deal;
    const weight =
      d.kind === 'pact' ? ({ policing: 20, cyber: 15, port: 20, naval: 25, base: 35 })[d.pact] + 8 * a.clauses.length
      : d.kind === 'cable' ? 12 + (d.dataAccess ? 8 : 0)
      : d.kind === 'telecom' ? (d.project === 'carrier' ? 15 : 6)
      : d.kind === 'diplomatic' ? (d.act === 'switchRecognition' ? 20 : 10)
      : 3;
    if (funder === p) access += weight;
    else if (rivals.includes(funder) && d.kind !== 'aid') rivalFootholds += weight;
  }
  for (const i of islands) {
    for (const asset of own(g.islands, i)?.assets ?? []) {
      if (asset.kind === 'port' && asset.owner === p) access += 20;
      if (asset.kind === 'port' && rivals.includes(asset.owner as PowerId)) rivalFootholds += 20;
    }
    if (p === 'beijing' && own(g.islands, i)?.recognises === 'PRC') access += 5;
  }
  // Network share: island cables and telecom assets on this power's vendors (Beijing) or on trusted vendors (the others).
  const favoured = (vendor: string | null) => {
    const v = vendor ? own(g.vendors, vendor) : undefined;
    return p === 'beijing' ? v?.origin === 'beijing' : v?.trusted === true;
  };
  const networks = [
    ...g.cables.filter((c) => (c.status === 'active' || c.status === 'cut') && c.route.some((l) => own(g.landings, l)?.island)).map((c) => c.vendor),
    ...islands.flatMap((i) => (own(g.islands, i)?.assets ?? []).filter((a) => a.kind !== 'port').map((a) => a.vendor)),
  ];
  const vendorShare = networks.length ? (networks.filter(favoured).length * 100) / networks.length : 50;
  return {
    influence: clampMetric(influence),
    access: clampMetric(access),
    vendorShare: clampMetric(vendorShare),
    reputation: power.reputation,
    denial: clampMetric(100 - rivalFootholds),
  };
}

/**
 * How many score points one point of change in an objective's level is worth. A role's score on an
 * objective is 50 plus the change since the start times this, so 50 means "held its ground" and a
 * role wins (reaches par 50) when, by its own scenario-weighted measures, it ends better off.
 */
export const SCORE_SCALE: Record<string, number> = {
  development: 2,
  sovereignty: 4,
  survival: 3,
  resilience: 1,
  balance: 3,
  solvency: 2,
  influence: 3,
  access: 2,
  vendorShare: 2,
  reputation: 4,
  denial: 2,
};

export const levelsOf = (g: GameState, role: RoleId): Record<string, number> =>
  own(g.islands, role) ? islandParts(g, role) : powerParts(g, role as PowerId);

export function scoreOf(g: GameState, role: RoleId): Score {
  const isIsland = Boolean(own(g.islands, role));
  const levels = levelsOf(g, role);
  const base = g.baseline[role] ?? levels;
  const parts: Record<string, number> = {};
  for (const [k, v] of Object.entries(levels)) parts[k] = clampMetric(50 + (SCORE_SCALE[k] ?? 1) * (v - (base[k] ?? v)));
  const weights: Partial<Record<string, number>> = isIsland ? g.objectives.island : (g.objectives[role as PowerId] ?? {});
  let sum = 0;
  let total = 0;
  for (const [k, w] of Object.entries(weights)) {
    if (!w || parts[k] === undefined) continue;
    sum += w * (parts[k] ?? 0);
    total += w;
  }
  return { total: total ? Math.round(sum / total) : 0, parts, levels };
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
