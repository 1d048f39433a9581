/**
 * Calibration aid for a scenario's objective weights (issue: balance under competent play).
 *
 *   npm run -s batch -- --scenario honiara --games 100 --dump /tmp/h-simple.json
 *   npm run -s batch -- --scenario honiara --games 60 --bots normal --dump /tmp/h-normal.json
 *   node --import tsx bench/fit-weights.ts /tmp/h-simple.json /tmp/h-normal.json
 *
 * Reads every game's final parts from the dumps and, for each power and for the islands' shared
 * weights, searches the weight vectors (multiples of 5, none below 5, summing to 100) for the one
 * whose win rates fall inside the targets (built-in policies 15-60%, bots 20-60%) in every dump,
 * nearest the middle of the band, while staying close to the scenario's present weights. Weights
 * change how the bots play, so the suggestion is a starting point: write it into the YAML and
 * measure both tables again.
 */
import { readFileSync } from 'node:fs';

interface Dump {
  scenario: string;
  bots: string;
  objectives: Record<string, Record<string, number>>;
  results: { seed: number; scores: Record<string, number>; parts: Record<string, Record<string, number>> }[];
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const lambda = Number(process.argv.find((a) => a.startsWith('--lambda='))?.slice(9) ?? '0.002');
const cap = Number(process.argv.find((a) => a.startsWith('--cap='))?.slice(6) ?? '40');
const par = 50;
const dumps: Dump[] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Dump);
const first = dumps[0];
if (!first) {
  console.error('usage: fit-weights.ts DUMP.json [DUMP.json ...] [--lambda=0.002] [--cap=40]');
  process.exit(2);
}
const band = (d: Dump): [number, number] => (d.bots === 'simple' ? [0.15, 0.6] : [0.2, 0.6]);

/** Every vector of n weights, multiples of 5, each at least 5, summing to 100. */
function* vectors(n: number, left = 20): Generator<number[]> {
  if (n === 1) {
    yield [left * 5];
    return;
  }
  for (let k = 1; k <= left - (n - 1); k++) for (const rest of vectors(n - 1, left - k)) yield [k * 5, ...rest];
}

const winRate = (d: Dump, role: string, keys: string[], w: number[]): number => {
  const total = w.reduce((s, x) => s + x, 0);
  let wins = 0;
  for (const r of d.results) {
    const parts = r.parts[role] ?? {};
    const score = Math.round(keys.reduce((s, k, i) => s + (w[i] ?? 0) * (parts[k] ?? 0), 0) / total);
    if (score >= par) wins++;
  }
  return wins / d.results.length;
};

function penalty(rate: number, [lo, hi]: [number, number]): number {
  const mid = (lo + hi) / 2;
  const out = rate < lo ? lo - rate : rate > hi ? rate - hi : 0;
  return 10 * out * out + 0.2 * (rate - mid) ** 2;
}

function fit(label: string, roles: string[], current: Record<string, number>): void {
  const keys = Object.keys(current);
  const now = keys.map((k) => current[k] ?? 0);
  const cost = (w: number[]) =>
    dumps.reduce((s, d) => s + roles.reduce((t, r) => t + penalty(winRate(d, r, keys, w), band(d)), 0), 0) / roles.length +
    (lambda * w.reduce((s, x, i) => s + Math.abs(x - (now[i] ?? 0)), 0));
  let best = now;
  let bestCost = cost(now);
  const before = bestCost;
  for (const w of vectors(keys.length)) {
    if (w.some((x) => x > cap)) continue;
    const c = cost(w);
    if (c < bestCost) [best, bestCost] = [w, c];
  }
  const show = (w: number[]) => dumps.map((d) => `${d.bots}: ${roles.map((r) => `${r} ${(winRate(d, r, keys, w) * 100).toFixed(0)}%`).join(' ')}`).join(' | ');
  console.log(`${label}\n  now   { ${keys.map((k, i) => `${k}: ${now[i]}`).join(', ')} }  cost ${before.toFixed(4)}\n        ${show(now)}`);
  console.log(`  fit   { ${keys.map((k, i) => `${k}: ${best[i]}`).join(', ')} }  cost ${bestCost.toFixed(4)}\n        ${show(best)}`);
}

const islands = Object.keys(first.results[0]?.parts ?? {}).filter((r) => !['beijing', 'canberra', 'washington'].includes(r));
console.log(`${first.scenario}: ${dumps.map((d) => `${d.results.length} ${d.bots} games`).join(', ')}`);
if (first.objectives.island) fit('island', islands, first.objectives.island);
for (const p of ['beijing', 'canberra', 'washington']) if (first.objectives[p] && first.results[0]?.parts[p]) fit(p, [p], first.objectives[p]);
