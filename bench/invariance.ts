/**
 * Invariance check for speed work: the same scenario, seed and computer players must give the same
 * actions (every bot decision, its reason included) and the same state hashes, before and after
 * an optimisation.
 *
 *   node --import tsx bench/invariance.ts --record FILE   play the games, write their outcomes to FILE
 *   node --import tsx bench/invariance.ts --check FILE    play them again, compare with FILE
 *   node --import tsx bench/invariance.ts --against REF   record at git REF (a temporary worktree of
 *                                                         it, this script copied in) and check here
 *
 * After merging a speed branch into main: `--against HEAD^1` compares the merge with main before it.
 * INVARIANCE_SEEDS=N sets the seeds per scenario (default 10). Exits 1 when anything differs.
 *
 * The games: every shipped scenario × N seeds with normal bots in every seat (the debrief's
 * simulated games), easy bots and the built-in policies on the first 3 seeds, and a hard bot in
 * one seat (normal elsewhere) for the first two rounds of Coral Sea seed 1. Also the bench
 * fixture must still replay to its recorded hashes (bench/fixtures/coral-sea-seed-1.json).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchHost, replay } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { makeBot, policyByName, type Policy } from '../src/ai';
import { canonicalJson, sha256Hex, stateHash, type RoleId } from '../src/engine';
import { loadScenarioFile, scenarioFiles } from '../src/scenario/files';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = Number(process.env.INVARIANCE_SEEDS ?? 10);

type Outcomes = Record<string, { actions: number; actionsHash: string; final: string; rounds: string }>;

function play(scenarioId: string, seed: number, policyOf: (role: RoleId) => Policy, untilRound = Infinity): Outcomes[string] {
  const r = loadScenarioFile(scenarioFiles()[scenarioId] ?? '');
  if (!r.ok) throw new Error(`scenario ${scenarioId} does not load`);
  const host = new MatchHost(r.scenario, r.hash, String(seed));
  playToEnd(host, policyOf, String(seed), untilRound);
  return {
    actions: host.record.actions.length,
    actionsHash: sha256Hex(canonicalJson(host.record.actions)),
    final: stateHash(host.state),
    rounds: sha256Hex(canonicalJson(host.record.hashes)),
  };
}

function outcomes(): Outcomes {
  const out: Outcomes = {};
  const named = (name: string): Policy => {
    const p = policyByName(name);
    if (!p) throw new Error(`no policy ${name}`);
    return p;
  };
  for (const id of Object.keys(scenarioFiles())) {
    for (let seed = 1; seed <= SEEDS; seed++) out[`${id} normal ${seed}`] = play(id, seed, () => named('normal'));
    for (let seed = 1; seed <= Math.min(3, SEEDS); seed++) {
      out[`${id} easy ${seed}`] = play(id, seed, () => named('easy'));
      out[`${id} simple ${seed}`] = play(id, seed, () => named('simple'));
    }
    process.stderr.write(`  ${id} played\n`);
  }
  const coral = loadScenarioFile(scenarioFiles()['coral-sea'] ?? '');
  if (!coral.ok) throw new Error('coral-sea does not load');
  const hard = makeBot({ level: 'hard', scenario: coral.scenario });
  const normal = named('normal');
  out['coral-sea hard(SLB) 1, rounds 1-2'] = play('coral-sea', 1, (role) => (role === 'SLB' ? hard : normal), 2);
  return out;
}

function fixtureReplays(): boolean {
  const r = loadScenarioFile(scenarioFiles()['coral-sea'] ?? '');
  if (!r.ok) return false;
  const record = JSON.parse(readFileSync(join(ROOT, 'bench', 'fixtures', 'coral-sea-seed-1.json'), 'utf8')) as unknown;
  const replayed = replay(record, r.scenario, r.hash);
  return replayed.ok && replayed.allMatch;
}

function compare(expected: Outcomes, actual: Outcomes): number {
  let differ = 0;
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const e = expected[key];
    const a = actual[key];
    if (!e || !a) {
      console.log(`${key}: only in the ${e ? 'recorded' : 'new'} run`);
      differ++;
    } else if (canonicalJson(e) !== canonicalJson(a)) {
      const what = [e.actionsHash !== a.actionsHash ? `actions differ (${e.actions} → ${a.actions})` : '', e.rounds !== a.rounds ? 'round hashes differ' : '', e.final !== a.final ? 'final state differs' : ''].filter(Boolean).join(', ');
      console.log(`${key}: ${what}`);
      differ++;
    }
  }
  return differ;
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--record' && arg) {
  const t = performance.now();
  writeFileSync(arg, `${JSON.stringify(outcomes(), null, 1)}\n`);
  console.log(`Recorded to ${arg} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
} else if ((mode === '--check' && arg) || (mode === '--against' && arg)) {
  let expectedFile = arg;
  let recording: Promise<void> = Promise.resolve();
  let cleanup = () => {};
  if (mode === '--against') {
    // The other revision plays in its own worktree, at the same time as this one (two cores).
    const dir = mkdtempSync(join(tmpdir(), 'landing-rights-invariance-'));
    const tree = join(dir, 'tree');
    execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', tree, arg], { stdio: 'ignore' });
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    if (!existsSync(join(tree, 'bench', 'invariance.ts'))) copyFileSync(fileURLToPath(import.meta.url), join(tree, 'bench', 'invariance.ts'));
    expectedFile = join(dir, 'expected.json');
    cleanup = () => {
      execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', tree], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    };
    recording = new Promise((done, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/invariance.ts', '--record', expectedFile], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`recording at ${arg} failed (exit ${code})`))));
    });
  }
  try {
    const t = performance.now();
    const actual = outcomes();
    const seconds = (performance.now() - t) / 1000;
    await recording;
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Outcomes;
    const differ = compare(expected, actual);
    const fixture = fixtureReplays();
    console.log(`${Object.keys(actual).length} games played in ${seconds.toFixed(1)} s: ${differ === 0 ? 'all identical' : `${differ} differ`}; bench fixture ${fixture ? 'replays to its hashes' : 'does NOT replay'}`);
    if (differ > 0 || !fixture) process.exitCode = 1;
  } finally {
    cleanup();
  }
} else {
  console.error('Usage: node --import tsx bench/invariance.ts --record FILE | --check FILE | --against GIT-REF');
  process.exitCode = 2;
}
