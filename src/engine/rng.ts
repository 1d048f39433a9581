import seedrandom from 'seedrandom';
import type { GameState, RngState } from './types';

/** A fresh generator state for a seed. */
export function seedState(seed: string): RngState {
  return seedrandom(seed, { state: true }).state() as unknown as RngState;
}

/** Draw a number in [0, 1) from the game's generator and store its new state in the game. */
export function roll(g: GameState): number {
  const gen = seedrandom('', { state: g.rng as unknown as seedrandom.State.Arc4 });
  const value = gen();
  g.rng = gen.state() as unknown as RngState;
  return value;
}

/** True with the given chance in percent (0-100). */
export function chance(g: GameState, percent: number): boolean {
  return roll(g) * 100 < percent;
}

export function pick<T>(g: GameState, list: readonly T[]): T | undefined {
  if (list.length === 0) return undefined;
  return list[Math.floor(roll(g) * list.length)];
}

/** Pick a key with probability proportional to its integer weight. */
export function pickWeighted<K extends string>(g: GameState, weights: Partial<Record<K, number>>): K | undefined {
  const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (total === 0) return undefined;
  let r = roll(g) * total;
  for (const [k, w] of entries) {
    if (r < w) return k;
    r -= w;
  }
  return entries[entries.length - 1]?.[0];
}
