import { WorkerPool, type PoolMessage } from '../worker-pool';
import type { ScenarioData } from '../../engine';
import type { GameDigest, ReportPolicy } from '../../ai/report';

export type ReportRequest = { scenario: ScenarioData; hash: string; games: { policy: ReportPolicy; seed: number }[] };
export type ReportMessage = PoolMessage<GameDigest>;

/**
 * The authoring report's games in Web Workers (two, or one on a one-core machine), dealt out in
 * turn; each worker posts every game as it ends, so the page shows progress and never waits. The
 * games are the ones `npm run validate -- FILE --report` plays for the same seeds.
 */
export class ReportRunner {
  private readonly pool: WorkerPool<ReportRequest['games'][number], GameDigest>;

  constructor(count?: number) {
    this.pool = new WorkerPool(() => new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module', name: 'authoring report' }), "The report's games stopped", count);
  }

  // The slow games (normal bots) are spread over the workers as evenly as the fast ones.
  run(scenario: ScenarioData, hash: string, games: ReportRequest['games'], each: (d: GameDigest) => void): Promise<void> {
    return this.pool.run(games, (chunk) => ({ scenario, hash, games: chunk }) satisfies ReportRequest, each);
  }

  stop(): void {
    this.pool.stop();
  }
}
