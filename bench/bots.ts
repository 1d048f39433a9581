import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { makeBot, type Policy } from '../src/ai';
import type { RoleId } from '../src/engine';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';

/**
 * Bot benchmarks (node --import tsx bench/bots.ts): the time a bot takes to decide, per seat per
 * phase (all its passes through one phase, as a player waits for it) and per call, and the memory
 * a bot holds. Targets: median decision ≤ 50 ms for easy and normal, ≤ 300 ms for hard; ≤ 50 MB a bot.
 * BENCH_BOT_GAMES=N sets the games per scenario and level (default 2; a hard bot plays at least
 * one game in each seat); BENCH_BOT_SCENARIOS a
 * comma-separated list (default coral-sea,honiara,shared-future).
 */
const GAMES = Number(process.env.BENCH_BOT_GAMES ?? 2);
const SCENARIOS = (process.env.BENCH_BOT_SCENARIOS ?? 'coral-sea,honiara,shared-future').split(',');
/** The heap cap of the memory check, MB (BENCH_BOT_HEAP_MB; default 50, the target). */
const HEAP_MB = Number(process.env.BENCH_BOT_HEAP_MB ?? 50);
const gc = (globalThis as { gc?: () => void }).gc;

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) : 0;
};

interface Sample {
  /** Milliseconds of each call, and of each seat's phase (all its passes). */
  calls: number[];
  phases: number[];
  /** Highest heap growth seen during the bot's decisions, MB (an upper bound: garbage not yet collected counts). */
  peakMb: number;
}

function measure(id: string, level: 'easy' | 'normal' | 'hard'): Sample {
  const r = loadScenarioFile(resolveScenario(id));
  if (!r.ok) throw new Error(`${id} does not load`);
  const { scenario, hash } = r;
  const bot = makeBot({ level, scenario });
  const normal = makeBot({ level: 'normal', scenario });
  const seats: RoleId[] = [...scenario.islands.map((i) => i.id), ...scenario.powers.map((p) => p.id)];
  const out: Sample = { calls: [], phases: [], peakMb: 0 };
  // The hard bot takes one seat a game: every seat once, so that the median is the table's, not its first seats'.
  const games = level === 'hard' ? Math.max(GAMES, seats.length) : GAMES;
  for (let game = 0; game < games; game++) {
    // A hard bot in one seat (in turn), normal bots elsewhere; easy and normal bots in every seat.
    const hardSeat = seats[game % seats.length];
    const timed = (role: RoleId): boolean => level !== 'hard' || role === hardSeat;
    const perPhase = new Map<string, number>();
    gc?.();
    const base = process.memoryUsage().heapUsed;
    const wrap =
      (role: RoleId): Policy =>
      (v, ro, ctx) => {
        const policy = level === 'hard' && role !== hardSeat ? normal : bot;
        if (!timed(role)) return policy(v, ro, ctx);
        const t = performance.now();
        const actions = policy(v, ro, ctx);
        const ms = performance.now() - t;
        out.calls.push(ms);
        const key = `${v.round}|${v.phase}|${role}`;
        perPhase.set(key, (perPhase.get(key) ?? 0) + ms);
        out.peakMb = Math.max(out.peakMb, (process.memoryUsage().heapUsed - base) / 2 ** 20);
        return actions;
      };
    const host = new MatchHost(scenario, hash, String(game + 1), { hashes: false });
    playToEnd(host, wrap, String(game + 1));
    out.phases.push(...perPhase.values());
  }
  return out;
}

/** In a worker thread whose heap is capped: a hard bot plays every seat of a game; running out of memory would kill the worker. */
function memoryWorker(): void {
  const { id, cap } = workerData as { id: string; cap: number };
  const r = loadScenarioFile(resolveScenario(id));
  if (!r.ok) throw new Error(`${id} does not load`);
  const bot = makeBot({ level: 'hard', scenario: r.scenario });
  const host = new MatchHost(r.scenario, r.hash, '1', { hashes: false });
  playToEnd(host, () => bot, '1', 2);
  parentPort?.postMessage({ ok: host.state.round > 1, cap });
}

async function cappedRun(id: string, cap: number): Promise<boolean> {
  return new Promise((resolve) => {
    const w = new Worker(new URL('../src/cli/worker-boot.mjs', import.meta.url), {
      workerData: { entry: import.meta.url, id, cap, memory: true },
      resourceLimits: { maxOldGenerationSizeMb: cap, maxYoungGenerationSizeMb: 8 },
    });
    let ok = false;
    w.on('message', (m: { ok: boolean }) => (ok = m.ok));
    w.on('error', () => resolve(false));
    w.on('exit', () => resolve(ok));
  });
}

if (!isMainThread && (workerData as { memory?: boolean })?.memory) memoryWorker();
else await main();

async function main(): Promise<void> {
const results: Record<string, number> = {};
const line = (name: string, s: Sample) => {
  const med = quantile(s.phases, 0.5);
  const p90 = quantile(s.phases, 0.9);
  results[`${name} median ms/seat-phase`] = Number(med.toFixed(2));
  results[`${name} p90 ms/seat-phase`] = Number(p90.toFixed(2));
  results[`${name} median ms/call`] = Number(quantile(s.calls, 0.5).toFixed(2));
  results[`${name} peak MB`] = Number(s.peakMb.toFixed(1));
  console.log(
    `${name.padEnd(24)} seat-phase median ${med.toFixed(1).padStart(7)} ms  p90 ${p90.toFixed(1).padStart(7)} ms  max ${Math.max(...s.phases).toFixed(0).padStart(6)} ms   call median ${quantile(s.calls, 0.5).toFixed(1).padStart(6)} ms   heap peak ${s.peakMb.toFixed(1).padStart(5)} MB`,
  );
};

console.log(`Bots: ${GAMES} game(s) per scenario and level${gc ? '' : ' (run node --expose-gc for exact memory)'}\n`);
for (const id of SCENARIOS) {
  for (const level of ['easy', 'normal', 'hard'] as const) line(`${id} ${level}`, measure(id, level));
}
// A bot keeps nothing between decisions: what it holds after a game is what its closure holds.
gc?.();
const before = process.memoryUsage().heapUsed;
const kept = Array.from({ length: 20 }, () => makeBot('hard'));
gc?.();
results['MB held per bot (20 bots made)'] = Number(((process.memoryUsage().heapUsed - before) / 2 ** 20 / kept.length).toFixed(3));
console.log(`\nmemory held by a bot between decisions: ${results['MB held per bot (20 bots made)']} MB`);
// The working memory of a hard decision: the bot plays two rounds of every seat in a worker
// whose heap is capped at 50 MB (plus tsx and the scenario, loaded in the same heap).
for (const id of SCENARIOS) {
  const ok = await cappedRun(id, HEAP_MB);
  results[`${id} hard bot fits a ${HEAP_MB} MB heap`] = ok ? 1 : 0;
  console.log(`${id}: hard bots in every seat ${ok ? 'play' : 'do NOT play'} within a ${HEAP_MB} MB heap`);
}
console.log(JSON.stringify({ bench: 'bots', results }));
}
