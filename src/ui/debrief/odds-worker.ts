/// <reference lib="webworker" />
import { oddsGame } from '../../ai/odds';
import type { OddsMessage, OddsRequest } from './odds';

/** Plays the seeds it is given with normal bots in every seat, posting each game as it ends. */
self.onmessage = (e: MessageEvent<OddsRequest>) => {
  const { scenario, hash, seeds } = e.data;
  try {
    for (const seed of seeds) self.postMessage({ item: oddsGame(scenario, hash, seed) } satisfies OddsMessage);
    self.postMessage({ done: true } satisfies OddsMessage);
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies OddsMessage);
  }
};
