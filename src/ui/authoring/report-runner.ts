import type { ScenarioData } from '../../engine';
import type { GameDigest, ReportPolicy } from '../../ai/report';

export type ReportRequest = { scenario: ScenarioData; hash: string; games: { policy: ReportPolicy; seed: number }[] };
export type ReportMessage = { digest: GameDigest } | { done: true } | { error: string };

/**
 * The authoring report's games in Web Workers (two, or one on a one-core machine), dealt out in
 * turn; each worker posts every game as it ends, so the page shows progress and never waits. The
 * games are the ones `npm run validate -- FILE --report` plays for the same seeds.
 */
export class ReportRunner {
  private workers: Worker[] = [];

  constructor(private readonly count = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2))) {}

  run(scenario: ScenarioData, hash: string, games: ReportRequest['games'], each: (d: GameDigest) => void): Promise<void> {
    // The slow games (normal bots) are spread over the workers as evenly as the fast ones.
    const chunks = Array.from({ length: this.count }, (_, w) => games.filter((_, i) => i % this.count === w)).filter((c) => c.length > 0);
    return Promise.all(
      chunks.map(
        (chunk) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module', name: 'authoring report' });
            this.workers.push(worker);
            worker.onmessage = (e: MessageEvent<ReportMessage>) => {
              if ('digest' in e.data) each(e.data.digest);
              else if ('error' in e.data) reject(new Error(e.data.error));
              else {
                worker.terminate();
                resolve();
              }
            };
            worker.onerror = (e) => {
              e.preventDefault();
              reject(new Error(`The report's games stopped: ${e.message || 'the worker failed to load'}`));
            };
            worker.postMessage({ scenario, hash, games: chunk } satisfies ReportRequest);
          }),
      ),
    ).then(() => undefined);
  }

  stop(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
