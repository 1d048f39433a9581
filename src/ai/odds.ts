import type { RoleId, ScenarioData } from '../engine';
import { MatchHost } from '../host/match';
import { playToEnd } from './autoplay';
import { policyByName } from '.';

/** The computer level that plays every seat of the simulated games. */
export const ODDS_LEVEL = 'normal';

/**
 * One simulated game for "against the odds": the normal bot in every seat, seed as given. The
 * browser's workers and `npm run analyse` both call this, so the same seeds give the same scores.
 */
export function oddsGame(scenario: ScenarioData, hash: string, seed: number): { seed: number; scores: Record<RoleId, number> } {
  const host = new MatchHost(scenario, hash, String(seed), { hashes: false });
  const policy = policyByName(ODDS_LEVEL);
  if (!policy) throw new Error(`no computer player named ${ODDS_LEVEL}`);
  playToEnd(host, () => policy, String(seed));
  const g = host.state;
  return { seed, scores: Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0])) };
}

/** Where a score stands among simulated ones: the share of games with a score this low or lower, and this high or higher. */
export function standing(score: number, sample: number[]): { atOrBelow: number; atOrAbove: number; exactly: number } {
  const n = sample.length || 1;
  return {
    atOrBelow: sample.filter((s) => s <= score).length / n,
    atOrAbove: sample.filter((s) => s >= score).length / n,
    exactly: sample.filter((s) => s === score).length / n,
  };
}
