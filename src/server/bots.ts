import { Worker } from 'node:worker_threads';
import type { Action, GameView, RoleId } from '../engine';

/** One worker thread, started on first use, that plays the computer seats of every room in this process. */
export class BotRunner {
  private worker: Worker | null = null;
  private next = 1;
  private waiting = new Map<number, (actions: Action[]) => void>();

  private start(): Worker {
    const w = new Worker(new URL('../cli/worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./bot-worker.ts', import.meta.url).href } });
    w.on('message', (m: { id: number; actions: Action[]; error?: string }) => {
      if (m.error) console.error(`A computer player failed: ${m.error}`);
      this.waiting.get(m.id)?.(m.actions);
      this.waiting.delete(m.id);
    });
    w.on('error', (e) => {
      console.error('The computer players\' thread stopped:', e.message);
      for (const done of this.waiting.values()) done([]);
      this.waiting.clear();
      this.worker = null;
    });
    w.unref();
    return w;
  }

  run(policy: string, view: GameView, role: RoleId, seed: string, pass: number): Promise<Action[]> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise((ok) => {
      this.waiting.set(id, ok);
      this.worker!.postMessage({ id, policy, view, role, seed, pass });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
