import { parseArgs } from 'node:util';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { policyByName } from '../src/ai';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';

/**
 * The history counts of issue 10 for Shared Future: in N games with the same computer players in
 * every seat (normal bots unless told), in how many Beijing's May 2022 package is tabled, and in
 * how many at least one island refuses its share (target: 40-80% of games). Also how many islands
 * signed it, on average. `--rounds R` stops each game after round R (the package is settled in
 * round 1, so `--rounds 1` gives the same counts faster); the default plays every game to its end.
 *
 *   bash bench/history.sh [--games 20] [--seed 1] [--bots normal] [--rounds R] [--json]
 */
const { values } = parseArgs({
  options: { games: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, bots: { type: 'string', default: 'normal' }, rounds: { type: 'string' }, json: { type: 'boolean' } },
});
const games = Number(values.games);
const first = Number(values.seed);
const rounds = values.rounds === undefined ? Infinity : Number(values.rounds);
const policy = policyByName(values.bots ?? 'normal');
if (!policy || !Number.isInteger(games) || games < 1 || !Number.isInteger(first)) {
  console.error('Usage: bash bench/history.sh [--games N] [--seed S] [--bots simple|easy|normal|random] [--rounds R] [--json]');
  process.exit(2);
}
const r = loadScenarioFile(resolveScenario('shared-future'));
if (!r.ok) throw new Error('shared-future does not load');

let tabled = 0;
let refused = 0;
let signedIslands = 0;
const refusers: Record<string, number> = {};
const started = performance.now();
for (let i = 0; i < games; i++) {
  const seed = String(first + i);
  const host = new MatchHost(r.scenario, r.hash, seed, { hashes: false });
  playToEnd(host, () => policy, seed, rounds);
  const g = host.state;
  const pkg = g.offers.find((o) => o.round === 1 && o.from === 'beijing' && o.deal.kind === 'package');
  const islands = pkg?.deal.kind === 'package' ? pkg.deal.islands : [];
  const no = (pkg?.refusals ?? []).map((x) => x.by).filter((by) => islands.includes(by));
  const signed = pkg ? new Set(g.agreements.filter((a) => a.offer === pkg.id).flatMap((a) => a.parties.filter((p) => islands.includes(p)))).size : 0;
  if (pkg) tabled++;
  if (no.length) refused++;
  signedIslands += signed;
  for (const by of no) refusers[by] = (refusers[by] ?? 0) + 1;
  if (!values.json) console.log(`seed ${seed}: ${pkg ? `tabled; refused by ${no.join(', ') || 'no island'}; signed by ${signed} island${signed === 1 ? '' : 's'}` : 'not tabled'}`);
}
const seconds = (performance.now() - started) / 1000;
const summary = { scenario: 'shared-future', bots: values.bots, games, seed: first, rounds: values.rounds ?? 'all', seconds: Math.round(seconds), tabled, refusedByAnIsland: refused, refusedPct: Math.round((100 * refused) / games), meanIslandsSigning: +(signedIslands / games).toFixed(2), refusals: refusers };
if (values.json) console.log(JSON.stringify(summary, null, 2));
else
  console.log(
    `Shared Future, ${games} games (${values.bots} bots): package tabled in ${tabled}/${games}; refused by at least one island in ${refused}/${games} (${summary.refusedPct}%, target 40-80%); ${summary.meanIslandsSigning} islands sign on average. Refusals by island: ${Object.entries(refusers).sort().map(([k, n]) => `${k} ${n}`).join(', ')}. ${seconds.toFixed(0)} s.`,
  );
