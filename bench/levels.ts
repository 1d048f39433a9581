// Where each role's objective levels start (the yardstick) and end, in one game, with the part each
// scores: a tuning aid. `node --import tsx bench/levels.ts coral-sea 1 normal` (scenario, seed, level).
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { batchPolicy } from '../src/cli/batch-games';
import { scenarioOrExit } from '../src/cli/args';
const [id = 'coral-sea', seed = '1', bots = 'normal'] = process.argv.slice(2);
const { scenario, hash } = scenarioOrExit(id);
const host = new MatchHost(scenario, hash, seed, { hashes: false });
const policy = batchPolicy(bots, scenario);
playToEnd(host, () => policy, seed);
const g = host.state;
for (const r of g.seats) {
  const s = g.scores[r]!;
  console.log(r.padEnd(11), String(s.total).padStart(3), Object.entries(s.levels).map(([k, v]) => `${k} ${Math.round(g.baseline[r]?.[k] ?? 0)}→${Math.round(v)} (${s.parts[k]})`).join('  '));
}
