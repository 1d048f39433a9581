import type { RoleId } from '../engine';
import { MatchHost } from '../host/match';
import { playToEnd } from '../ai/autoplay';
import { makeBot, policyByName, type Policy } from '../ai';
import type { Scenario } from '../scenario/schema';

/** One pair of a tournament: the same seed played twice, bot A then bot B in the same seat, every other seat a normal bot. */
export interface PairJob {
  index: number;
  seed: number;
  seat: RoleId;
}

export interface PairResult extends PairJob {
  /** The seat's final score with bot A in it, and with bot B. */
  a: number;
  b: number;
  /** Seconds each game took. */
  secondsA: number;
  secondsB: number;
}

/** Pair i (from 0): seed i + 1, seats in turn, so that every role is played about as often. */
export function pairJob(index: number, seats: readonly RoleId[]): PairJob {
  return { index, seed: index + 1, seat: seats[index % seats.length] as RoleId };
}

/** A bot by name for a tournament: the hard bot is told the scenario (to sample its event deck). */
export function tournamentPolicy(name: string, scenario: Scenario): Policy {
  if (name === 'hard') return makeBot({ level: 'hard', scenario });
  const p = policyByName(name);
  if (!p) throw new Error(`no bot named "${name}"`);
  return p;
}

/** Play one game with `bot` in `seat` and normal bots elsewhere; the seat's final score. */
export function playSeatGame(scenario: Scenario, hash: string, seed: number, seat: RoleId, bot: Policy, others: Policy): { score: number; seconds: number } {
  const started = performance.now();
  const host = new MatchHost(scenario, hash, String(seed), { hashes: false });
  playToEnd(host, (role) => (role === seat ? bot : others), String(seed));
  return { score: host.state.scores[seat]?.total ?? 0, seconds: (performance.now() - started) / 1000 };
}

export function playPair(scenario: Scenario, hash: string, job: PairJob, a: Policy, b: Policy, others: Policy): PairResult {
  const ra = playSeatGame(scenario, hash, job.seed, job.seat, a, others);
  const rb = playSeatGame(scenario, hash, job.seed, job.seat, b, others);
  return { ...job, a: ra.score, b: rb.score, secondsA: ra.seconds, secondsB: rb.seconds };
}
