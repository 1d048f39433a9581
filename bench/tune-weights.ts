import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';
import { applyLesson } from '../src/scenario/lesson';
import type { Scenario } from '../src/scenario/schema';

/**
 * Objective weights tuned by playing (issue 11). bench/fit-weights.ts re-weighs the final parts of
 * games already played, but the bots play by the weights, so its suggestions often move the
 * measured table the other way. This tries one small change at a time to the weights of the roles
 * named (5 or 10 points moved from one objective to another, none below 5), plays the games again
 * with the built-in policies and with normal bots, and keeps a change only when the roles' win
 * rates come nearer their bands (built-in 15-60%, bots 20-60%). Each trial plays `--games` games
 * of each kind on seeds 1..N; check the result on other seeds (`--seed`) before writing it in.
 *
 *   node --import tsx bench/tune-weights.ts --scenario coral-sea [--lesson lesson-50] --roles beijing,canberra  [--games 40] [--trials 24] [--search-seed S]
 */
const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    lesson: { type: 'string' },
    roles: { type: 'string', default: 'beijing,canberra,washington' },
    games: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    trials: { type: 'string', default: '24' },
    'search-seed': { type: 'string', default: '' },
  },
});
const loaded = loadScenarioFile(resolveScenario(values.scenario ?? ''));
if (!loaded.ok) {
  console.error('Usage: node --import tsx bench/tune-weights.ts --scenario ID [--lesson CUT] [--roles beijing,canberra,washington,island] [--games 40] [--trials 24]');
  process.exit(2);
}
let scenario: Scenario = loaded.scenario;
if (values.lesson) {
  const cut = applyLesson(scenario, values.lesson);
  if (!cut.ok) throw new Error(cut.message);
  scenario = cut.scenario;
}
type Weights = Record<string, number>;
type Objectives = Record<string, Weights>;
const roles = (values.roles ?? '').split(',').filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'tune-weights-'));
const file = join(dir, `${scenario.id}.json`);
const rand = seedrandom(`tune|${scenario.id}|${values.lesson ?? ''}${values['search-seed'] ? `|${values['search-seed']}` : ''}`);

interface Table {
  simple: Record<string, number>;
  normal: Record<string, number>;
}

function play(objectives: Objectives): Table {
  writeFileSync(file, JSON.stringify({ ...scenario, objectives, lessons: [] }));
  const run = (bots: string) => {
    const out = execFileSync('npx', ['tsx', 'src/cli/batch.ts', '--scenario', file, '--games', values.games ?? '40', '--seed', values.seed ?? '1', '--bots', bots, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const j = JSON.parse(out) as { roles: Record<string, { winRate: number }> };
    return Object.fromEntries(Object.entries(j.roles).map(([r, v]) => [r, v.winRate]));
  };
  return { simple: run('simple'), normal: run('normal') };
}

/** How far the win rates lie outside their bands, summed over every role and both tables. */
function cost(t: Table): number {
  const out = (w: number, lo: number) => Math.max(0, lo - w, w - 0.6);
  let c = 0;
  for (const w of Object.values(t.simple)) c += out(w, 0.15);
  for (const w of Object.values(t.normal)) c += out(w, 0.2);
  return +c.toFixed(3);
}

const show = (t: Table) => `built-in ${Object.entries(t.simple).map(([r, w]) => `${r} ${Math.round(w * 100)}`).join(' ')} | normal ${Object.entries(t.normal).map(([r, w]) => `${r} ${Math.round(w * 100)}`).join(' ')}`;

/** One small change of one role's weights, or null when the draw leaves nothing to move. */
function neighbour(o: Objectives): Objectives | null {
  const role = roles[Math.floor(rand() * roles.length)] as string;
  const w = { ...(o[role] ?? {}) };
  const keys = Object.keys(w);
  const from = keys[Math.floor(rand() * keys.length)] as string;
  const to = keys[Math.floor(rand() * keys.length)] as string;
  const step = rand() < 0.5 ? 5 : 10;
  if (from === to || (w[from] ?? 0) - step < 5) return null;
  w[from] = (w[from] ?? 0) - step;
  w[to] = (w[to] ?? 0) + step;
  return { ...o, [role]: w };
}

let best: Objectives = structuredClone(scenario.objectives) as Objectives;
let bestTable = play(best);
let bestCost = cost(bestTable);
console.log(`start  cost ${bestCost}  ${show(bestTable)}`);
for (const r of roles) console.log(`       ${r}: ${JSON.stringify(best[r])}`);
const tried = new Set<string>([JSON.stringify(best)]);
for (let t = 0; t < Number(values.trials) && bestCost > 0; ) {
  const next = neighbour(best);
  if (!next || tried.has(JSON.stringify(next))) continue;
  tried.add(JSON.stringify(next));
  t++;
  const table = play(next);
  const c = cost(table);
  const kept = c < bestCost;
  console.log(`trial ${t}  cost ${c}${kept ? '  kept' : ''}  ${show(table)}  ${roles.map((r) => `${r} ${Object.values(next[r] ?? {}).join("/")}`).join("  ")}`);
  if (kept) {
    best = next;
    bestTable = table;
    bestCost = c;
    for (const r of roles) console.log(`       ${r}: ${JSON.stringify(best[r])}`);
  }
}
console.log(`best   cost ${bestCost}  ${show(bestTable)}`);
for (const r of roles) console.log(`  ${r}: ${JSON.stringify(best[r]).replace(/"/g, '').replace(/:/g, ': ').replace(/,/g, ', ')}`);
rmSync(dir, { recursive: true, force: true });
