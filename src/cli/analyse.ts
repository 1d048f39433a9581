import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ODDS_LEVEL } from '../ai/odds';
import type { RoleId, ScenarioData } from '../engine';
import { injectEvents } from '../scenario/inject';
import { formatScenarioError } from '../scenario/load';
import { batchSize, fail, options, scenarioOrExit } from './args';
import { pairedDifference, summarize, type Summary } from './stats';

const USAGE = `Usage: npm run analyse -- --scenario FILE|ID [--games N] [--seed S] [--inject FILE] [--json] [--workers K]

Plays N games (seeds S to S+N-1, default 200 from 1) with the normal computer player in every
seat, on worker threads, and prints each role's score distribution: the odds a class's game is set
against in the debrief (the browser plays the same games for the same seeds).
  --inject FILE  a YAML list of events in the scenario's own scripted: format (round, kind, and
                 island, cable or power), added to the scenario; the games are played with and
                 without them on the same seeds, and the difference is reported
  --workers K    worker threads (default: one per core)
  --json         one JSON document: { scenario, games, seed, bots, seconds, roles: { ROLE: { mean,
                 sd, min, p25, median, p75, max, winRate, histogram } }, scores: { ROLE: [...] },
                 inject?: { file, events, roles, difference } }`;

const { values } = options(
  {
    scenario: { type: 'string' },
    games: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    inject: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  USAGE,
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.scenario) fail(USAGE, 2);
const { games, seed, workers } = batchSize(values, 200);
const { scenario, hash, path } = scenarioOrExit(values.scenario);

let injected: { scenario: ScenarioData; hash: string; events: number } | null = null;
if (values.inject) {
  let text: string;
  try {
    text = readFileSync(values.inject, 'utf8');
  } catch (e) {
    fail(`${values.inject}: cannot read the inject file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const r = injectEvents(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path, text, values.inject);
  if (!r.ok) fail(r.errors.map(formatScenarioError).join('\n'));
  injected = { scenario: r.scenario, hash: r.hash, events: r.scenario.scripted.length - scenario.scripted.length };
}

const seeds = Array.from({ length: games }, (_, i) => seed + i);
const runs: { tag: string; scenario: ScenarioData; hash: string }[] = [{ tag: 'base', scenario, hash }, ...(injected ? [{ tag: 'inject', scenario: injected.scenario, hash: injected.hash }] : [])];
const total = games * runs.length;
let done = 0;
const started = performance.now();

function progress(): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} games, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (done === total) process.stderr.write('\n');
}

type Result = { tag: string; seed: number; scores: Record<RoleId, number> };

function play(run: (typeof runs)[number]): Promise<Result[]> {
  const results: Result[] = [];
  const chunks = Array.from({ length: workers }, (_, w) => seeds.filter((_, i) => i % workers === w)).filter((c) => c.length > 0);
  return Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
            workerData: { entry: new URL('./analyse-worker.ts', import.meta.url).href, scenario: run.scenario, hash: run.hash, seeds: chunk, tag: run.tag },
          });
          worker.on('message', (r: Result) => {
            results.push(r);
            done++;
            progress();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`an analyse worker stopped with code ${code}`))));
        }),
    ),
  ).then(() => results.sort((a, b) => a.seed - b.seed));
}

const byTag: Record<string, Result[]> = {};
for (const run of runs) byTag[run.tag] = await play(run);
const seconds = (performance.now() - started) / 1000;
const roles: RoleId[] = [...scenario.islands.map((i) => i.id), ...scenario.powers.map((p) => p.id)];

/** Scores by tens: histogram[k] counts games with a score from 10k to 10k+9 (100 counted with 90s). */
const histogram = (xs: number[]): number[] => {
  const h = Array.from({ length: 10 }, () => 0);
  for (const x of xs) h[Math.min(9, Math.max(0, Math.floor(x / 10)))]! += 1;
  return h;
};
type Row = Summary & { winRate: number; histogram: number[] };
const table = (results: Result[]): Record<RoleId, Row> =>
  Object.fromEntries(
    roles.map((r) => {
      const xs = results.map((x) => x.scores[r] ?? 0);
      return [r, { ...summarize(xs), winRate: xs.filter((x) => x >= scenario.par).length / xs.length, histogram: histogram(xs) }];
    }),
  );
const base = byTag.base ?? [];
const baseTable = table(base);
const injectTable = byTag.inject ? table(byTag.inject) : null;
const difference = byTag.inject
  ? Object.fromEntries(roles.map((r) => [r, pairedDifference((byTag.inject ?? []).map((x) => x.scores[r] ?? 0), base.map((x) => x.scores[r] ?? 0))]))
  : null;
const round1 = (x: number) => Number(x.toFixed(2));

if (values.json) {
  console.log(
    JSON.stringify(
      {
        scenario: scenario.id,
        games,
        seed,
        bots: ODDS_LEVEL,
        workers,
        seconds: round1(seconds),
        par: scenario.par,
        roles: baseTable,
        scores: Object.fromEntries(roles.map((r) => [r, base.map((x) => x.scores[r] ?? 0)])),
        ...(injectTable && difference && injected ? { inject: { file: values.inject, events: injected.events, roles: injectTable, difference } } : {}),
      },
      null,
      2,
    ),
  );
} else {
  const name = (r: RoleId) => scenario.islands.find((i) => i.id === r)?.name ?? scenario.powers.find((p) => p.id === r)?.name ?? r;
  const print = (t: Record<RoleId, Row>) => {
    console.log(`${'role'.padEnd(28)} ${'mean'.padStart(6)} ${'sd'.padStart(5)} ${'min'.padStart(4)} ${'p25'.padStart(4)} ${'med'.padStart(4)} ${'p75'.padStart(4)} ${'max'.padStart(4)} ${'wins'.padStart(5)}  scores by tens 0-9 … 90-100`);
    for (const r of roles) {
      const x = t[r]!;
      console.log(
        `${name(r).padEnd(28)} ${x.mean.toFixed(1).padStart(6)} ${x.sd.toFixed(1).padStart(5)} ${String(x.min).padStart(4)} ${x.p25.toFixed(0).padStart(4)} ${x.median.toFixed(0).padStart(4)} ${x.p75.toFixed(0).padStart(4)} ${String(x.max).padStart(4)} ${`${(x.winRate * 100).toFixed(0)}%`.padStart(5)}  ${x.histogram.join(' ')}`,
      );
    }
  };
  console.log(`${scenario.title}: ${games} games from seed ${seed} with ${ODDS_LEVEL} bots in every seat, on ${workers} workers in ${seconds.toFixed(1)} s (par ${scenario.par})\n`);
  print(baseTable);
  if (injectTable && difference && injected) {
    console.log(`\nWith the ${injected.events} event${injected.events === 1 ? '' : 's'} of ${values.inject} added (same seeds):\n`);
    print(injectTable);
    console.log('\nDifference the injected events make (mean of paired differences, 95% CI):');
    for (const r of roles) {
      const d = difference[r]!;
      console.log(`  ${name(r).padEnd(26)} ${d.meanDiff >= 0 ? '+' : ''}${d.meanDiff.toFixed(1)} [${d.ciLow.toFixed(1)}, ${d.ciHigh.toFixed(1)}]`);
    }
  }
}
