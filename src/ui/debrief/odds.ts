import { WorkerPool, type PoolMessage } from '../worker-pool';
import type { RoleId, ScenarioData } from '../../engine';

export interface OddsResult {
  seed: number;
  scores: Record<RoleId, number>;
}

export type OddsRequest = { scenario: ScenarioData; hash: string; seeds: number[] };
export type OddsMessage = PoolMessage<OddsResult>;

/**
 * Simulated games in Web Workers (two, or fewer on a one-core machine): the seeds are dealt out
 * in turn, each worker posts every game as it finishes, so the page shows progress and never
 * blocks. The games are the ones `npm run analyse` plays for the same seeds.
 */
export class OddsRunner {
  private readonly pool: WorkerPool<number, OddsResult>;

  constructor(
    private readonly scenario: ScenarioData,
    private readonly hash: string,
    count?: number,
  ) {
    this.pool = new WorkerPool(() => new Worker(new URL('./odds-worker.ts', import.meta.url), { type: 'module', name: 'simulated games' }), 'The simulated games stopped', count);
  }

  run(seeds: number[], each: (r: OddsResult) => void): Promise<void> {
    return this.pool.run(seeds, (chunk) => ({ scenario: this.scenario, hash: this.hash, seeds: chunk }) satisfies OddsRequest, each);
  }

  stop(): void {
    this.pool.stop();
  }
}
