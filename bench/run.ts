import { readFileSync } from 'node:fs';
import { MatchHost, replay } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { simplePolicy } from '../src/ai/simple';
import { createGame, initialState, stateHash, step, validate, type Action, type GameState } from '../src/engine';
import { applyAction, closeNegotiation, enterPhase, everyoneEnded, finish, nextRound, runBriefing, runDomesticPhase, runResolution, tableOffers } from '../src/engine/rules';
import { cloneFor, cloneState } from '../src/engine/state';
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
// The fixture's actions through the xstate machine (step) and through the same rule functions
// called directly, in the machine's order and on the same copies: the machine's overhead is the
// ratio. Both must end on the same state. Hashing is left out of both.
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] ?? 0) : 0;
};
const phaseOn = (g: GameState, rule: (d: GameState) => void): GameState => {
  const d = cloneState(g);
  rule(d);
  return d;
};
function directStart(): GameState {
  const g = phaseOn(initialState(scenario, hash, record.seed), runBriefing);
  return phaseOn(g, (d) => {
    enterPhase(d, 'negotiation');
    tableOffers(d);
  });
}
function directStep(state: GameState, action: Action): GameState {
  if (validate(state, action)) return state;
  let g = cloneFor(state, action);
  applyAction(g, action);
  if (g.phase === 'negotiation' && everyoneEnded(g))
    g = phaseOn(g, (d) => {
      closeNegotiation(d);
      enterPhase(d, 'decisions');
    });
  else if (g.phase === 'decisions' && everyoneEnded(g)) {
    g = phaseOn(phaseOn(g, runResolution), runDomesticPhase);
    if (g.round >= g.scenario.rounds) return phaseOn(g, finish);
    g = phaseOn(phaseOn(g, nextRound), runBriefing);
    g = phaseOn(g, (d) => {
      enterPhase(d, 'negotiation');
      tableOffers(d);
    });
  }
  return g;
}
const machineStep = (g: GameState, a: Action): GameState => {
  const r = step(g, a);
  return r.ok ? r.state : g;
};
/** One timed play of the fixture's actions: the time of each round and the final state. */
function timedPlay(start: () => GameState, next: (g: GameState, a: Action) => GameState): { rounds: number[]; game: number; end: GameState } {
  const rounds: number[] = [];
  const t = performance.now();
  let g = start();
  let roundStart = t;
  let round = g.round;
  for (const a of record.actions as Action[]) {
    g = next(g, a);
    if (g.round !== round || g.phase === 'over') {
      const now = performance.now();
      rounds.push(now - roundStart);
      roundStart = now;
      round = g.round;
    }
  }
  return { rounds, game: performance.now() - t, end: g };
}
const REPS = Number(process.env.BENCH_REPS ?? 60);
const byPath = { machine: { rounds: [] as number[], games: [] as number[] }, direct: { rounds: [] as number[], games: [] as number[] } };
let machineEnd = '';
let directEnd = '';
for (let i = 0; i < REPS + 5; i++) {
  // Alternate the paths so that neither gets the warmer machine; the first five plays warm up.
  const m = timedPlay(() => createGame(scenario, hash, record.seed), machineStep);
  const d = timedPlay(directStart, directStep);
  if (i === 0) [machineEnd, directEnd] = [stateHash(m.end), stateHash(d.end)];
  if (i < 5) continue;
  byPath.machine.rounds.push(...m.rounds);
  byPath.machine.games.push(m.game);
  byPath.direct.rounds.push(...d.rounds);
  byPath.direct.games.push(d.game);
}
if (machineEnd !== directEnd) {
  console.error('The direct rule calls and the machine end on different states: bench/run.ts no longer follows the machine.');
  process.exitCode = 1;
}
report('fixture actions per game', record.actions.length, 'actions');
report('fixture, xstate machine: per round', median(byPath.machine.rounds), 'ms (median)');
report('fixture, xstate machine: per game', median(byPath.machine.games), 'ms (median)');
report('fixture, rules called directly: round', median(byPath.direct.rounds), 'ms (median)');
report('fixture, rules called directly: game', median(byPath.direct.games), 'ms (median)');
report('machine overhead (machine / direct)', median(byPath.machine.games) / median(byPath.direct.games), 'x');

// A long hostile action list (issue 9): every power tries 2,000 offer-and-withdraw pairs in round 1.
// Per-seat round limits refuse all but 20 offers each, and an action copies only the offer it
// touches, so replaying the list costs about the same per action as a normal game's actions. Before
// the limits, 4,000 pairs took 23 to 42 s to replay and grew with the square of the count.
{
  const start = createGame(scenario, hash, '1');
  const flood: Action[] = [];
  let g = start;
  const push = (a: Action) => {
    flood.push(a);
    const r = step(g, a);
    if (r.ok) g = r.state;
  };
  for (let i = 0; i < 2000; i++)
    for (const p of ['beijing', 'canberra', 'washington'] as const) {
      push({ type: 'offer', role: p, to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 10, financing: { kind: 'grant', by: p } } });
      push({ type: 'withdraw', role: p, offer: g.offers.at(-1)?.id ?? 'o1' });
    }
  for (const role of start.seats) push({ type: 'endPhase', role });
  const made = g.offers.length;
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    t0 = performance.now();
    let s = start;
    for (const a of flood) {
      const r = step(s, a);
      if (r.ok) s = r.state;
    }
    times.push(performance.now() - t0);
  }
  report(`replay of ${flood.length} offer/withdraw actions`, median(times), 'ms (median)');
  report('  offers the limits let through', made, 'offers');
  report('  per action', (median(times) / flood.length) * 1000, 'µs');
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
