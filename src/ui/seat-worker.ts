/// <reference lib="webworker" />
import { policyByName, POLICY_NAMES } from '../ai';
import { answerSeatRequest, type SeatRequest } from './seat-protocol';

/**
 * The computer seats, off the page's main thread: each message is one seat's view and the name of
 * the policy to play it with ("simple", "random", or a bot level from src/ai); the answer is the
 * actions that policy chose.
 */
self.onmessage = (e: MessageEvent<SeatRequest>) => {
  self.postMessage(answerSeatRequest(e.data, { byName: policyByName, names: POLICY_NAMES }));
};
