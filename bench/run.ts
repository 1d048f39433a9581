import { readFileSync } from 'node:fs';
import { MatchHost, replay } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { simplePolicy } from '../src/ai/simple';
import { stateHash, step } from '../src/engine';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';
import { FIXTURE } from './record';

/**
 * Engine benchmarks (npm run bench). Speed targets live here, not in the tests.
 * Prints one line per measurement and a JSON summary at the end.
 */
const results: Record<string, number> = {};
const report = (name: string, value: number, unit: string) => {
  results[name] = Number(value.toFixed(3));
  console.log(`${name.padEnd(36)} ${value.toFixed(2).padStart(10)} ${unit}`);
};

const r = loadScenarioFile(resolveScenario('coral-sea'));
if (!r.ok) throw new Error('coral-sea does not load');
const { scenario, hash } = r;

// Whole games with the built-in policies, as the CLI and batch runs play them.
const GAMES = Number(process.env.BENCH_GAMES ?? 100);
let t0 = performance.now();
let actions = 0;
for (let i = 1; i <= GAMES; i++) {
  const host = new MatchHost(scenario, hash, String(i));
  playToEnd(host, () => simplePolicy, String(i));
  actions += host.record.actions.length;
}
const gameMs = (performance.now() - t0) / GAMES;
report('coral-sea game, one core', gameMs, 'ms/game');
report('coral-sea games per second, one core', 1000 / gameMs, 'games/s');
report('actions per game', actions / GAMES, 'actions');

// One step and one state hash on a late-game state.
const host = new MatchHost(scenario, hash, '7');
playToEnd(host, () => simplePolicy, '7', 11);
const late = host.state;
t0 = performance.now();
for (let i = 0; i < 2000; i++) step(late, { type: 'endPhase', role: late.seats[0]! });
report('step (End phase, round 11)', (performance.now() - t0) / 2000, 'ms');
t0 = performance.now();
for (let i = 0; i < 200; i++) stateHash(late);
report('state hash (round 11)', (performance.now() - t0) / 200, 'ms');

// Replaying the recorded fixture game.
const record = JSON.parse(readFileSync(FIXTURE, 'utf8'));
t0 = performance.now();
const replayed = replay(record, scenario, hash);
report('replay of the fixture game', performance.now() - t0, 'ms');
if (!replayed.ok || !replayed.allMatch) {
  console.error(`The fixture no longer replays: ${replayed.ok ? 'a round hash differs' : replayed.message}. Run npm run bench:record after a rules change.`);
  process.exitCode = 1;
}
// The batch target: 1,000 games of the largest scenario on this machine's cores (npm run batch).
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
if (BATCH > 0) {
  const { execFileSync } = await import('node:child_process');
  t0 = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/batch.ts', '--scenario', 'shared-future', '--games', String(BATCH), '--seed', '1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;
  report(`batch: ${BATCH} shared-future games (13 seats)`, seconds, 's');
  report('batch: games per second', BATCH / seconds, 'games/s');
  void out;
}
console.log(JSON.stringify({ bench: 'engine', results }));
