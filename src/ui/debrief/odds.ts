import type { RoleId, ScenarioData } from '../../engine';

export interface OddsResult {
  seed: number;
  scores: Record<RoleId, number>;
}

export type OddsRequest = { scenario: ScenarioData; hash: string; seeds: number[] };
export type OddsMessage = { result: OddsResult } | { done: true } | { error: string };

/**
 * Simulated games in Web Workers (two, or fewer on a one-core machine): the seeds are dealt out
 * in turn, each worker posts every game as it finishes, so the page shows progress and never
 * blocks. The games are the ones `npm run analyse` plays for the same seeds.
 */
export class OddsRunner {
  private workers: Worker[] = [];

  constructor(
    private readonly scenario: ScenarioData,
    private readonly hash: string,
    private readonly count = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2)),
  ) {}

  run(seeds: number[], each: (r: OddsResult) => void): Promise<void> {
    const chunks = Array.from({ length: this.count }, (_, w) => seeds.filter((_, i) => i % this.count === w)).filter((c) => c.length > 0);
    return Promise.all(
      chunks.map(
        (chunk) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL('./odds-worker.ts', import.meta.url), { type: 'module', name: 'simulated games' });
            this.workers.push(worker);
            worker.onmessage = (e: MessageEvent<OddsMessage>) => {
              if ('result' in e.data) each(e.data.result);
              else if ('error' in e.data) reject(new Error(e.data.error));
              else {
                worker.terminate();
                resolve();
              }
            };
            worker.onerror = (e) => {
              e.preventDefault();
              reject(new Error(`The simulated games stopped: ${e.message || 'the worker failed to load'}`));
            };
            worker.postMessage({ scenario: this.scenario, hash: this.hash, seeds: chunk } satisfies OddsRequest);
          }),
      ),
    ).then(() => undefined);
  }

  stop(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
