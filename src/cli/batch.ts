import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { RoleId } from '../engine';
import { batchSize, botsOption, options, printable, scenarioOrCutOrExit, required } from './args';
import type { GameResult, IslandMode } from './batch-games';
import { pairedDifference, summarize } from './stats';

const USAGE = `Usage: npm run batch -- --scenario FILE|ID [--lesson CUT] --games N --seed S [--json] [--workers K] [--paired]

Plays N games (seeds S to S+N-1) with the built-in policies on worker threads and prints each
role's score distribution and win rate.
  --lesson CUT  play the scenario's lesson cut CUT (its lessons: list, e.g. lesson-50) instead of the full game
  --games N     1 to 1,000,000 (default 100)
  --seed S      the first seed, any whole number (default 1)
  --workers K   worker threads, 1 to 64 (default: one per core)
  --paired      also play every seed with each island dealing with one partner only, and report
                how much a balancing island gains over the same policy tied to one partner
  --bots LEVEL  the computer players in every seat: simple (the built-in policies, the default),
                easy, normal, hard, or random (random legal play)
  --json        one JSON document: { scenario, games, seed, seconds, roles: { ROLE: { mean, sd,
                min, p25, median, p75, max, winRate } }, paired? }
  --dump FILE   also write every game's final scores and parts to FILE (JSON), for calibration

Exits 0 when the games are played, 1 when the scenario is refused, 2 for a mistake in the arguments.`;

const { values } = options(
  {
    scenario: { type: 'string' },
    lesson: { type: 'string' },
    games: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
    paired: { type: 'boolean' },
    dump: { type: 'string' },
    bots: { type: 'string' },
    help: { type: 'boolean' },
  },
  USAGE,
);
required(values, ['scenario']);
const bots = botsOption(values.bots);
const { games, seed, workers } = batchSize(values, 100);
const { scenario, path, done: removeCut } = scenarioOrCutOrExit(values.scenario as string, values.lesson);

const seeds = Array.from({ length: games }, (_, i) => seed + i);
const modes: IslandMode[] = values.paired ? ['balanced', 'single'] : ['balanced'];
const total = games * modes.length;
let done = 0;
const started = performance.now();

function progress(): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} games, ${secs.toFixed(1)} s`);
  if (done === total) process.stderr.write('\n');
}

function run(mode: IslandMode): Promise<GameResult[]> {
  const results: GameResult[] = [];
  const chunks = Array.from({ length: workers }, (_, w) => seeds.filter((_, i) => i % workers === w));
  return Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
            workerData: { entry: new URL('./batch-worker.ts', import.meta.url).href, path, seeds: chunk, islands: mode, bots },
          });
          worker.on('message', (r: GameResult) => {
            results.push(r);
            done++;
            progress();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a batch worker stopped with code ${code}`))));
        }),
    ),
  ).then(() => results.sort((a, b) => a.seed - b.seed));
}

const byMode: Partial<Record<IslandMode, GameResult[]>> = {};
try {
  for (const mode of modes) byMode[mode] = await run(mode);
} finally {
  removeCut();
}
const seconds = (performance.now() - started) / 1000;
const results = byMode.balanced ?? [];
const roles: RoleId[] = Object.keys(results[0]?.scores ?? {});
const table = Object.fromEntries(
  roles.map((r) => {
    const s = summarize(results.map((x) => x.scores[r] ?? 0));
    const objectives = Object.keys(results[0]?.parts[r] ?? {});
    // How often each objective ends pinned at 0 or 100, and its mean part: an objective that never moves measures nothing.
    const pinned = Object.fromEntries(objectives.map((k) => [k, results.filter((x) => { const v = x.parts[r]?.[k]; return v === 0 || v === 100; }).length / results.length]));
    const parts = Object.fromEntries(objectives.map((k) => [k, Number(summarize(results.map((x) => x.parts[r]?.[k] ?? 0)).mean.toFixed(1))]));
    return [r, { ...s, winRate: results.filter((x) => x.winners.includes(r)).length / results.length, parts, pinned }];
  }),
);
// Every game's final scores and parts, for calibration (bench/fit-weights.ts refits the weights from them).
if (typeof values.dump === 'string') writeFileSync(values.dump, JSON.stringify({ scenario: scenario.id, bots, objectives: scenario.objectives, results }));
const islands = scenario.islands.map((i) => i.id);
const paired = byMode.single
  ? Object.fromEntries(islands.map((i) => [i, pairedDifference(results.map((x) => x.scores[i] ?? 0), (byMode.single ?? []).map((x) => x.scores[i] ?? 0))]))
  : undefined;

if (values.json) {
  console.log(printable(JSON.stringify({ scenario: scenario.id, ...(values.lesson ? { lesson: values.lesson } : {}), rounds: scenario.rounds, games, seed, bots, workers, seconds: Number(seconds.toFixed(2)), roles: table, ...(paired ? { paired } : {}) }, null, 2)));
} else {
  const name = (r: RoleId) => scenario.islands.find((i) => i.id === r)?.name ?? scenario.powers.find((p) => p.id === r)?.name ?? r;
  console.log(`${scenario.title}: ${games} games from seed ${seed}${bots === 'simple' ? '' : ` with ${bots} bots in every seat`} on ${workers} workers in ${seconds.toFixed(1)} s (par ${scenario.par})\n`);
  console.log(`${'role'.padEnd(32)} ${'mean'.padStart(6)} ${'sd'.padStart(6)} ${'min'.padStart(4)} ${'p25'.padStart(5)} ${'med'.padStart(5)} ${'p75'.padStart(5)} ${'max'.padStart(4)} ${'wins'.padStart(6)}`);
  for (const r of roles) {
    const t = table[r]!;
    console.log(
      `${name(r).padEnd(32)} ${t.mean.toFixed(1).padStart(6)} ${t.sd.toFixed(1).padStart(6)} ${String(t.min).padStart(4)} ${t.p25.toFixed(0).padStart(5)} ${t.median.toFixed(0).padStart(5)} ${t.p75.toFixed(0).padStart(5)} ${String(t.max).padStart(4)} ${`${(t.winRate * 100).toFixed(0)}%`.padStart(6)}`,
    );
  }
  if (paired) {
    console.log('\nBalancing partners against dealing with one partner only (same seeds; difference of island scores, 95% CI):');
    for (const [i, p] of Object.entries(paired)) console.log(`  ${name(i).padEnd(30)} ${p.meanDiff >= 0 ? '+' : ''}${p.meanDiff.toFixed(1)} [${p.ciLow.toFixed(1)}, ${p.ciHigh.toFixed(1)}]`);
  }
}
