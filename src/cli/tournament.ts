import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RoleId } from '../engine';
import { POLICY_NAMES } from '../ai';
import { MAX_GAMES, MAX_WORKERS, fail, intOption, options, printable, quote, scenarioOrCutOrExit, required } from './args';
import { pairJob, type PairJob, type PairResult } from './tournament-games';
import { scoreInterval } from './stats';

const USAGE = `Usage: npm run tournament -- --scenario FILE|ID [--lesson CUT] --games N --a BOT --b BOT [--json] [--workers K]

Plays N paired games: pair i (seed i, seats in turn through every role) is played once with bot A
in that seat and once with bot B, every other seat a normal bot. A wins the pair when the seat's
final score is higher with A (a tie counts half). Prints the share of pairs A wins with a 95%
confidence interval from its wins, ties and losses. Bots: ${POLICY_NAMES.join(', ')} (random: random legal play).
  --lesson CUT  play the scenario's lesson cut CUT (e.g. lesson-50) instead of the full game
  --games N     pairs to play, 1 to 1,000,000 (default 40)
  --workers K   worker threads, 1 to 64 (default: one per core)
  --seats R,R   rotate through these roles only (default: every role)
  --json        one JSON document: { scenario, lesson?, rounds, a, b, pairs, aWinRate, ciLow,
                ciHigh, wins, ties, losses, meanDiff, seconds, bySeat: { ROLE: { pairs, aWinRate,
                meanA, meanB, aReachedPar, bReachedPar } } }: the last two, the share of A's and of B's games
                in which the seat ended at the scenario's par or above (won the game)

Exits 0 when the games are played, 1 when the scenario is refused, 2 for a mistake in the arguments.`;

const { values } = options(
  {
    scenario: { type: 'string' },
    lesson: { type: 'string' },
    games: { type: 'string' },
    a: { type: 'string' },
    b: { type: 'string' },
    workers: { type: 'string' },
    seats: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  USAGE,
);
required(values, ['scenario', 'a', 'b']);
for (const name of [values.a, values.b] as string[])
  if (!(POLICY_NAMES as readonly string[]).includes(name)) fail(`There is no bot named ${quote(name)} (known: ${POLICY_NAMES.join(', ')}).`, 2);
const pairs = intOption(values.games, 'games', 40, { min: 1, max: MAX_GAMES });
const workers = Math.min(intOption(values.workers, 'workers', Math.min(availableParallelism(), MAX_WORKERS), { min: 1, max: MAX_WORKERS }), pairs);
const { scenario, path, done: removeCut } = scenarioOrCutOrExit(values.scenario as string, values.lesson);
const allSeats: RoleId[] = [...scenario.islands.map((i) => i.id), ...scenario.powers.map((p) => p.id)];
const seats: RoleId[] = values.seats === undefined ? allSeats : (values.seats as string).split(',');
for (const s of seats) if (!allSeats.includes(s)) fail(`--seats: ${quote(s)} has no seat in ${scenario.id} (seats: ${allSeats.join(', ')}).`, 2);
const jobs: PairJob[] = Array.from({ length: pairs }, (_, i) => pairJob(i, seats));
const started = performance.now();
const results: PairResult[] = [];

function progress(): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((results.length / pairs) * width);
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${results.length}/${pairs} pairs, ${secs.toFixed(0)} s`);
  if (results.length === pairs) process.stderr.write('\n');
}

// Workers take the next pair as soon as they are free: hard games take longer than easy ones.
let next = 0;
await Promise.all(
  Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
          workerData: { entry: new URL('./tournament-worker.ts', import.meta.url).href, path, a: values.a, b: values.b },
        });
        const feed = () => worker.postMessage(next < jobs.length ? jobs[next++] : null);
        worker.on('message', (m: PairResult | 'ready') => {
          if (m !== 'ready') {
            results.push(m);
            progress();
          }
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a tournament worker stopped with code ${code}`))));
      }),
  ),
).finally(removeCut);
results.sort((x, y) => x.index - y.index);
const seconds = (performance.now() - started) / 1000;
const point = (r: PairResult) => (r.a > r.b ? 1 : r.a === r.b ? 0.5 : 0);
const wins = results.filter((r) => r.a > r.b).length;
const ties = results.filter((r) => r.a === r.b).length;
const ci = scoreInterval(wins, ties, results.length - wins - ties);
const meanDiff = results.reduce((s, r) => s + r.a - r.b, 0) / results.length;
const bySeat = Object.fromEntries(
  seats.map((seat) => {
    const rs = results.filter((r) => r.seat === seat);
    const mean = (f: (r: PairResult) => number) => (rs.length ? rs.reduce((s, r) => s + f(r), 0) / rs.length : 0);
    const par = (x: number) => (x >= scenario.par ? 1 : 0);
    return [seat, { pairs: rs.length, aWinRate: rs.length ? rs.reduce((s, r) => s + point(r), 0) / rs.length : 0, meanA: mean((r) => r.a), meanB: mean((r) => r.b), aReachedPar: mean((r) => par(r.a)), bReachedPar: mean((r) => par(r.b)) }];
  }),
);
const doc = {
  scenario: scenario.id,
  ...(values.lesson ? { lesson: values.lesson } : {}),
  rounds: scenario.rounds,
  a: values.a,
  b: values.b,
  pairs: results.length,
  aWinRate: ci.mean,
  ciLow: ci.low,
  ciHigh: ci.high,
  wins,
  ties,
  losses: results.length - wins - ties,
  meanDiff,
  seconds: Number(seconds.toFixed(1)),
  bySeat,
};
if (values.json) console.log(printable(JSON.stringify(doc, null, 2)));
else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${scenario.title}: ${values.a} against ${values.b}, ${results.length} pairs on ${workers} workers in ${seconds.toFixed(0)} s`);
  console.log(`${values.a} wins ${pct(doc.aWinRate)} of pairs (95% CI ${pct(ci.low)}-${pct(ci.high)}): ${wins} won, ${ties} tied, ${doc.losses} lost; mean score difference ${meanDiff >= 0 ? '+' : ''}${meanDiff.toFixed(1)}`);
  const name = (r: RoleId) => scenario.islands.find((i) => i.id === r)?.name ?? scenario.powers.find((p) => p.id === r)?.name ?? r;
  for (const [seat, s] of Object.entries(bySeat)) console.log(`  ${name(seat).padEnd(24)} ${String(s.pairs).padStart(4)} pairs  ${pct(s.aWinRate).padStart(6)}  mean ${s.meanA.toFixed(1)} vs ${s.meanB.toFixed(1)}  won ${pct(s.aReachedPar)} vs ${pct(s.bReachedPar)}`);
}
