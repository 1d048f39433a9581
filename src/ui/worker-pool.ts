/** What a pool worker posts: one item's result, its end, or the reason it stopped. */
export type PoolMessage<R> = { item: R } | { done: true } | { error: string };

/**
 * Games played in Web Workers (two, or one on a one-core machine): the items are dealt out in turn,
 * and each worker posts every result as it comes, so the page shows progress and never blocks. The
 * worker is made by the caller (`new Worker(new URL(...))` must stay in the caller for the bundler).
 */
export class WorkerPool<T, R> {
  private workers: Worker[] = [];

  constructor(
    private readonly make: () => Worker,
    /** What a stopped worker's error says first: "The simulated games stopped". */
    private readonly failure: string,
    private readonly count = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2)),
  ) {}

  run(items: readonly T[], request: (chunk: T[]) => unknown, each: (r: R) => void): Promise<void> {
    const chunks = Array.from({ length: this.count }, (_, w) => items.filter((_, i) => i % this.count === w)).filter((c) => c.length > 0);
    return Promise.all(
      chunks.map(
        (chunk) =>
          new Promise<void>((resolve, reject) => {
            const worker = this.make();
            this.workers.push(worker);
            worker.onmessage = (e: MessageEvent<PoolMessage<R>>) => {
              if ('item' in e.data) each(e.data.item);
              else if ('error' in e.data) reject(new Error(e.data.error));
              else {
                worker.terminate();
                resolve();
              }
            };
            worker.onerror = (e) => {
              e.preventDefault();
              reject(new Error(`${this.failure}: ${e.message || 'the worker failed to load'}`));
            };
            worker.postMessage(request(chunk));
          }),
      ),
    ).then(() => undefined);
  }

  stop(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
