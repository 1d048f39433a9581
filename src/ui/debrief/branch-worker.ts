/// <reference lib="webworker" />
import { playBranch } from '../../ai/branch';
import type { GameState, ScenarioData } from '../../engine';

export type BranchRequest = { scenario: ScenarioData; hash: string; seed: string; start: GameState; from: number; level: string; parent: string };

/** Plays a branch of a game to its end off the page's main thread. */
self.onmessage = (e: MessageEvent<BranchRequest>) => {
  const { scenario, hash, seed, start, from, level, parent } = e.data;
  try {
    self.postMessage({ result: playBranch(scenario, hash, seed, start, from, level, parent) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
