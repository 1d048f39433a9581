import { parentPort } from 'node:worker_threads';
import { policyByName } from '../ai';
import type { GameView, RoleId } from '../engine';

/** A computer seat's moves, worked out off the server's event loop so no room waits on a bot. */
interface Ask {
  id: number;
  policy: string;
  view: GameView;
  role: RoleId;
  seed: string;
  pass: number;
}

parentPort?.on('message', (m: Ask) => {
  try {
    const policy = policyByName(m.policy);
    const actions = policy ? policy(m.view, m.role, { seed: m.seed, pass: m.pass }) : [];
    parentPort?.postMessage({ id: m.id, actions });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, actions: [], error: e instanceof Error ? e.message : String(e) });
  }
});
