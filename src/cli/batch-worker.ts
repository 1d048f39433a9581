import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarioFile } from '../scenario/files';
import { playBatchGame, type IslandMode } from './batch-games';

/** A batch worker: plays the seeds it is given and posts each result as it finishes. */
const { path, seeds, islands, bots } = workerData as { path: string; seeds: number[]; islands: IslandMode; bots: string };
const loaded = loadScenarioFile(path);
if (!loaded.ok) throw new Error(`worker could not load ${path}`);
for (const seed of seeds) parentPort?.postMessage(playBatchGame(loaded.scenario, loaded.hash, seed, islands, bots));
