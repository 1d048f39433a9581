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
    survival: (island.legitimacy * 2 + (100 - island.unrest)) / 3 - GOVERNMENT_FALL * island.falls,
    resilience: clampMetric(((REDUNDANCY[Math.min(island.routes, 3)] ?? 100) * 2 + island.cyber) / 3),
    // Friends to all: close to every power, no dominant creditor, several partners, options kept open.
    // A dominant creditor weighs by how much is owed: a small first loan is not dependence (Tonga's
    // Exim debt, two-thirds of a debt near 40% of GDP, is).
    balance: clampMetric(100 - spread / 2 - (Math.max(0, topShare - 50) / 2) * Math.min(1, (debt * 3) / Math.max(1, capacity)) - 12 * lockIns(g, id) + 5 * Math.max(0, partners - 1)),
    solvency: clampMetric(100 - (debt * 100) / Math.max(1, capacity)),
    // Freedoms kept: a crackdown, a "safe city" or a delayed election buys calm or time at this price.
    democracy: island.democracy,
  };
}

/** The powers whose deals keep a power's rivals out: Beijing alone; Canberra and Washington together. */
const blocOf = (p: PowerId): PowerId[] => (p === 'beijing' ? ['beijing'] : ['canberra', 'washington']);

/** What one island network (a cable, a tower network, a data centre) adds to its side's network lead, per island of the scenario. */
export const NETWORK_POINTS = 12;

/** What a standing agreement gives its funder in access to an island: a pact most, aid least. */
function accessWeight(a: GameState['agreements'][number]): number {
  const d = a.deal;
  return d.kind === 'pact' ? ({ policing: 20, cyber: 15, port: 20, naval: 25, base: 35 })[d.pact] + 8 * a.clauses.length
    : d.kind === 'cable' ? 12 + (d.dataAccess ? 8 : 0)
    : d.kind === 'telecom' ? (d.project === 'carrier' ? 15 : 6)
    : d.kind === 'diplomatic' ? (d.act === 'switchRecognition' ? 20 : 10)
    : 3;
}

/** A power's objectives, each 0-100. */
export function powerParts(g: GameState, p: PowerId): Record<string, number> {
  const power = own(g.powers, p);
  if (!power) return {};
  const islands = Object.keys(g.islands);
  // Influence is a contest: on each island, this power's lead over its strongest rival there.
  const rivals = rivalsOf(p);
  const lead = (i: IslandId) => (power.influence[i] ?? 0) - Math.max(0, ...rivals.map((r) => own(g.powers, r)?.influence[i] ?? 0));
  const influence = 50 + islands.reduce((s, i) => s + lead(i), 0) / Math.max(1, islands.length) / 2;
  const footholds: Record<PowerId, number> = { beijing: 0, canberra: 0, washington: 0 };
  for (const a of g.agreements) {
    if (a.status !== 'active') continue;
    const funder = funderOf(a.deal);
    // Aid buys goodwill, not a foothold: it counts for access, not against a rival.
    footholds[funder] += a.deal.kind === 'aid' ? 0 : accessWeight(a);
  }
  const aid: Record<PowerId, number> = { beijing: 0, canberra: 0, washington: 0 };
  for (const a of g.agreements) if (a.status === 'active' && a.deal.kind === 'aid') aid[funderOf(a.deal)] += accessWeight(a);
  for (const i of islands) {
    for (const asset of own(g.islands, i)?.assets ?? []) if (asset.kind === 'port' && (POWERS as readonly string[]).includes(asset.owner)) footholds[asset.owner as PowerId] += 20;
    if (own(g.islands, i)?.recognises === 'PRC') footholds.beijing += 5;
  }
  // Access, denial and network share are leads, not shares: what this side holds less what its
  // rivals hold, per island, so every foothold or network moves them by the same amount for
  // either side, wherever the game started (a share starting at 80 for one side and 20 for the
  // other lets the first rise little and the second much: position, not play).
  const perIsland = Math.max(1, islands.length);
  const held = (x: PowerId) => (own(g.powers, x) ? footholds[x] + aid[x] : 0);
  const against = rivals.reduce((s, x) => s + held(x), 0);
  const access = 50 + (held(p) - against) / perIsland;
  const ours = blocOf(p).reduce((s, x) => s + footholds[x], 0);
  const theirs = rivals.reduce((s, x) => s + footholds[x], 0);
  // Network lead: island cables (in service or being built) and telecom assets on this power's
  // vendors (Beijing) or on trusted vendors (the others), less those on the rest.
  const favoured = (vendor: string | null) => {
    const v = vendor ? own(g.vendors, vendor) : undefined;
    return p === 'beijing' ? v?.origin === 'beijing' : v?.trusted === true;
  };
  const networks = [
    ...g.cables.filter((c) => c.status !== 'proposed' && c.route.some((l) => own(g.landings, l)?.island)).map((c) => c.vendor),
    ...islands.flatMap((i) => (own(g.islands, i)?.assets ?? []).filter((a) => a.kind !== 'port').map((a) => a.vendor)),
  ];
  const ahead = networks.filter(favoured).length;
  const vendorShare = 50 + (NETWORK_POINTS * (2 * ahead - networks.length)) / perIsland;
  return {
    influence,
    access,
    vendorShare,
    reputation: power.reputation,
    // Rivals kept out: the lead of this power's side in the region's footholds, so that matching a
    // rival's deal wins back exactly what the rival's deal took.
    denial: 50 + (ours - theirs) / perIsland,
  };
}

/**
 * How far an objective's level must move from where it stood at the start to score 75 (or 25, for
 * a loss as large). A role's part on an objective is 50 + 50·d/(|d| + swing), d being the change:
 * it moves smoothly with every gain and loss, most for the first, and never pins at 0 or 100 after
 * a single deal. 50 means "held its ground"; a role wins (reaches par 50) when, by its own
 * scenario-weighted measures, it ends better off.
 */
export const SCORE_SWING: Record<string, number> = {
  development: 10,
  sovereignty: 6,
  survival: 8,
  resilience: 20,
  balance: 8,
  solvency: 12,
  democracy: 5,
  influence: 8,
  access: 8,
  vendorShare: 12,
  reputation: 6,
  denial: 10,
};

/** An objective's part, 0-100 (unrounded), from its level now and at the start. */
export function partOf(objective: string, level: number, base: number): number {
  const d = level - base;
  return 50 + (50 * d) / (Math.abs(d) + (SCORE_SWING[objective] ?? 20));
}

export const levelsOf = (g: GameState, role: RoleId): Record<string, number> =>
  own(g.islands, role) ? islandParts(g, role) : powerParts(g, role as PowerId);

export function scoreOf(g: GameState, role: RoleId): Score {
  const isIsland = Boolean(own(g.islands, role));
  const levels = levelsOf(g, role);
  const base = g.baseline[role] ?? levels;
  const parts: Record<string, number> = {};
  for (const [k, v] of Object.entries(levels)) parts[k] = Math.round(partOf(k, v, base[k] ?? v));
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

/** What scoreOf reads of a state; a viewer's picture of the game (view.ts) has all of it. */
export type ScoredPicture = Omit<GameState, 'rng' | 'scripted' | 'deck' | 'tabled' | 'idKey'>;

/**
 * A role's score worked out on a picture of the game that leaves out what its viewer may not know
 * (view.ts, known.ts): the same formula and weights, read from the clauses the viewer sees and
 * from the viewer's own baseline.
 */
export function scoreOnPicture(picture: ScoredPicture, role: RoleId): Score {
  return scoreOf(picture as GameState, role);
}
