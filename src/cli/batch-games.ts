import { POWERS, type PowerId, type RoleId } from '../engine';
import { MatchHost } from '../host/match';
import { playToEnd } from '../ai/autoplay';
import { makeSimplePolicy, simplePolicy, type Policy } from '../ai/simple';
import type { Scenario } from '../scenario/schema';

/** How the islands play in a batch: the built-in policy, or the same policy dealing with one partner only. */
export type IslandMode = 'balanced' | 'single';

export interface GameResult {
  seed: number;
  scores: Record<RoleId, number>;
  winners: RoleId[];
}

/** The partner an island leans to at the start: the one a single-partner island sticks to. */
export function closestPartner(s: Scenario, island: string): PowerId {
  const isl = s.islands.find((i) => i.id === island);
  const present = POWERS.filter((p) => s.powers.some((x) => x.id === p));
  return present.sort((a, b) => (isl?.alignment[b] ?? 0) - (isl?.alignment[a] ?? 0) || a.localeCompare(b))[0] ?? 'canberra';
}

/** Play one game of a batch with the built-in policies. */
export function playBatchGame(scenario: Scenario, hash: string, seed: number, islands: IslandMode): GameResult {
  const host = new MatchHost(scenario, hash, String(seed), { hashes: false });
  const single = new Map<RoleId, Policy>();
  if (islands === 'single') for (const i of scenario.islands) single.set(i.id, makeSimplePolicy({ singlePartner: closestPartner(scenario, i.id) }));
  playToEnd(host, (role) => single.get(role) ?? simplePolicy, String(seed));
  const g = host.state;
  const scores = Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0]));
  return { seed, scores, winners: g.seats.filter((r) => (scores[r] ?? 0) >= g.scenario.par) };
}
