import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarioFile } from '../scenario/files';
import { playPair, tournamentPolicy, type PairJob } from './tournament-games';

/** A tournament worker: plays the pairs it is sent, one at a time, and posts each result. */
const { path, a, b } = workerData as { path: string; a: string; b: string };
const loaded = loadScenarioFile(path);
if (!loaded.ok) throw new Error(`worker could not load ${path}`);
const { scenario, hash } = loaded;
const botA = tournamentPolicy(a, scenario);
const botB = tournamentPolicy(b, scenario);
const normal = tournamentPolicy('normal', scenario);
parentPort?.on('message', (job: PairJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  parentPort?.postMessage(playPair(scenario, hash, job, botA, botB, normal));
});
parentPort?.postMessage('ready');
