// How long "why it moved" takes (issue 11): explainScore for every seat of Shared Future's 13, each
// on its own views at the start of consecutive rounds of a bot-played game. The UI computes it for
// the shown seat only, lazily; this is the cost of doing it for all 13 in a round.
import { explainScore, view, type GameState } from '../src/engine';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { simplePolicy } from '../src/ai/simple';
import { loadScenarioFile, scenarioFiles } from '../src/scenario/files';

const path = scenarioFiles()['shared-future'];
if (!path) throw new Error('no shared-future scenario');
const r = loadScenarioFile(path);
if (!r.ok) throw new Error('shared-future does not load');
const host = new MatchHost(r.scenario, r.hash, 'bench');
const starts: GameState[] = [host.state];
for (let round = 2; round <= 7; round++) {
  playToEnd(host, () => simplePolicy, 'bench', round);
  starts.push(host.state);
}
let runs = 0;
const t0 = performance.now();
for (let rep = 0; rep < 3; rep++) {
  for (let i = 1; i < starts.length; i++) {
    const a = starts[i - 1]!;
    const b = starts[i]!;
    for (const role of b.seats) explainScore(view(a, role), view(b, role), role);
    runs++;
  }
}
const ms = (performance.now() - t0) / runs;
console.log(`explainScore, Shared Future (${starts[0]!.seats.length} seats): ${ms.toFixed(1)} ms per round for all seats, ${(ms / starts[0]!.seats.length).toFixed(2)} ms per seat (views included)`);
