import { parentPort, workerData } from 'node:worker_threads';
import { oddsGame } from '../ai/odds';
import type { ScenarioData } from '../engine';

/** An analyse worker: plays the seeds it is given with normal bots and posts each result as it finishes. */
const { scenario, hash, seeds, tag } = workerData as { scenario: ScenarioData; hash: string; seeds: number[]; tag: string };
for (const seed of seeds) parentPort?.postMessage({ tag, ...oddsGame(scenario, hash, seed) });
