import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { makeBot, policyByName } from '../src/ai';
import { islandsOnRoute, type GameState } from '../src/engine';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';

/**
 * Micronesia with normal bots in every seat (node --import tsx bench/history-micronesia.ts [N]; POLICY=simple for the built-in policies):
 * in how many games the shared East Micronesia route (one cable landing in FSM, Nauru and
 * Kiribati) is built, by whom and with which co-funders, and whether any duplicate cable (one
 * whose landings were all already joined to each other) was signed. Issue #10's target: the
 * shared route in at least half the games, no duplicate ever.
 */
// `node … history-micronesia.ts 20` or `--games 20` (or HISTORY_GAMES=20).
const args = process.argv.slice(2);
const flag = args.indexOf('--games');
const N = Number((flag >= 0 ? args[flag + 1] : args[0]) ?? process.env.HISTORY_GAMES ?? 20);
if (!Number.isInteger(N) || N < 1) {
  console.error('Usage: node --import tsx bench/history-micronesia.ts [--games N]');
  process.exit(2);
}
const SHARED = ['FSM', 'KIR', 'NRU'];

const r = loadScenarioFile(resolveScenario('micronesia'));
if (!r.ok) throw new Error('micronesia does not load');
const { scenario, hash } = r;
// POLICY=simple (or easy, hard, random) plays another policy in every seat instead.
const POLICY = process.env.POLICY ?? 'normal';
const bot = POLICY === 'normal' ? makeBot({ level: 'normal', scenario }) : policyByName(POLICY);
if (!bot) throw new Error(`no policy ${POLICY}`);

/** Cables signed in the game whose every pair of landings was already joined by an earlier live cable. */
function duplicates(g: GameState): string[] {
  const out: string[] = [];
  const built = g.cables.filter((c) => c.agreement !== null);
  for (const c of built) {
    const earlier = g.cables.filter((x) => x !== c && (x.agreement === null || g.agreements.find((a) => a.id === x.agreement)!.round <= g.agreements.find((a) => a.id === c.agreement)!.round) && g.cables.indexOf(x) < g.cables.indexOf(c));
    const pairs: [string, string][] = [];
    for (let i = 0; i < c.route.length; i++) for (let j = i + 1; j < c.route.length; j++) pairs.push([c.route[i]!, c.route[j]!]);
    if (pairs.every(([a, b]) => earlier.some((x) => x.route.includes(a) && x.route.includes(b)))) out.push(c.name);
  }
  return out;
}

let shared = 0;
let dupGames = 0;
const byFunder: Record<string, number> = {};
const byVendor: Record<string, number> = {};
let jointly = 0;
let rounds = 0;
const t0 = performance.now();
for (let n = 0; n < N; n++) {
  const seed = `history-${n}`;
  const host = new MatchHost(scenario, hash, seed);
  playToEnd(host, () => bot, seed);
  const g = host.state;
  const route = g.agreements.find((a) => a.deal.kind === 'cable' && SHARED.every((i) => islandsOnRoute(g, a.deal.kind === 'cable' ? a.deal.route : []).includes(i)));
  if (route && route.deal.kind === 'cable') {
    shared++;
    rounds += route.round;
    byFunder[route.deal.financing.by] = (byFunder[route.deal.financing.by] ?? 0) + 1;
    byVendor[route.deal.vendor] = (byVendor[route.deal.vendor] ?? 0) + 1;
    if (route.deal.cofunders?.length) jointly++;
  }
  if (duplicates(g).length) dupGames++;
}
const s = ((performance.now() - t0) / 1000).toFixed(0);
console.log(`micronesia, ${N} games with ${POLICY} in every seat (${s} s)`);
console.log(`  shared route built: ${shared}/${N} (${Math.round((shared * 100) / N)}%), target at least half; jointly funded: ${jointly}; mean round signed: ${shared ? (rounds / shared).toFixed(1) : '-'}`);
console.log(`  led by: ${JSON.stringify(byFunder)}; vendor: ${JSON.stringify(byVendor)}`);
console.log(`  games with a duplicate cable signed: ${dupGames} (target 0)`);
