// Starts a worker thread written in TypeScript: registers tsx in this thread, then loads the entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
