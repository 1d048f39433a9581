/// <reference lib="webworker" />
import { policyByName, POLICY_NAMES } from '../ai';
import type { Action } from '../engine';
import type { PageMessage, WorkerMessage } from './game-protocol';
import { GameSession } from './game-session';
import { browserStore } from './idb-store';
import { answerSeatRequest } from './seat-protocol';

/**
 * The game's worker: the MatchHost, the computer seats and the saves live here, off the page. The
 * page gets only what the seat at its screen may see; the state (its random generator included)
 * and the other seats' secrets never cross.
 */
const post = (m: WorkerMessage) => self.postMessage(m);
const session = new GameSession({
  store: browserStore(),
  post,
  // The computer seats play here too, each on its own view, a task at a time so requests interleave.
  runSeat: (req) =>
    new Promise<Action[]>((resolve, reject) =>
      setTimeout(() => {
        const r = answerSeatRequest({ ...req, id: 0 }, { byName: policyByName, names: POLICY_NAMES });
        if ('error' in r) reject(new Error(r.error));
        else resolve(r.actions);
      }, 0),
    ),
});

self.onmessage = (e: MessageEvent<PageMessage>) => {
  const { id, request } = e.data;
  session.handle(request).then(
    (answer) => post({ type: 'answer', id, answer }),
    () => post({ type: 'failed', id, message: 'The game could not do that.' }),
  );
};
