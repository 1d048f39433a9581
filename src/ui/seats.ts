import type { Action } from '../engine';
import type { SeatRequest, SeatResponse } from './seat-protocol';

export type SeatRunner = (req: Omit<SeatRequest, 'id'>) => Promise<Action[]>;

/**
 * Computer seats in a Web Worker: the page never blocks on a policy. Each request gets its answer
 * by id; if the worker fails, pending requests are refused and the next request starts a new one.
 */
export class SeatWorkerClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (a: Action[]) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./seat-worker.ts', import.meta.url), { type: 'module', name: 'computer seats' });
    worker.onmessage = (e: MessageEvent<SeatResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.actions);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(`The computer seats stopped: ${e.message || 'the worker failed to load'}`));
    };
    this.worker = worker;
    return worker;
  }

  private fail(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  readonly run: SeatRunner = (req) => {
    const id = this.next++;
    const worker = this.start();
    return new Promise<Action[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...req, id } satisfies SeatRequest);
    });
  };

  dispose(): void {
    this.fail(new Error('stopped'));
  }
}
