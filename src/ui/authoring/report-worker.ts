/// <reference lib="webworker" />
import { reportGame } from '../../ai/report';
import type { ReportMessage, ReportRequest } from './report-runner';

/** Plays the report's games it is given, posting each one's digest as it ends. */
self.onmessage = (e: MessageEvent<ReportRequest>) => {
  const { scenario, hash, games } = e.data;
  try {
    for (const g of games) self.postMessage({ item: reportGame(scenario, hash, g.policy, g.seed) } satisfies ReportMessage);
    self.postMessage({ done: true } satisfies ReportMessage);
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies ReportMessage);
  }
};
