import { parseArgs } from 'node:util';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { policyByName } from '../src/ai';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';
import { consentingPowers } from '../src/engine/consent';
import { absorptionCap } from '../src/engine/domestic';

/**
 * The bot-game counts of issue 10 beyond Shared Future's package (bench/history.ts) and
 * Micronesia's tender (bench/history-micronesia.ts), over N games with the same computer players in
 * every seat: Coral Sea — Canberra faces the Sydney-landing decision (a deal needing its consent is
 * on the table); Quad — a no-third-party clause is signed; Coral Sea and Honiara — loans' share of
 * the money signed; every scenario — islands ending with a treasury over two years of revenue, and
 * crackdowns per island per game.
 *
 *   node --import tsx bench/history-checks.ts [--games 20] [--seed 1] [--bots normal] [--scenarios coral-sea,honiara,quad]
 */
const { values } = parseArgs({ options: { games: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, bots: { type: 'string', default: 'normal' }, scenarios: { type: 'string', default: 'coral-sea,honiara,quad' } } });
const games = Number(values.games);
const first = Number(values.seed);
const policy = policyByName(values.bots ?? 'normal');
if (!policy || !Number.isInteger(games) || games < 1 || !Number.isInteger(first)) {
  console.error('Usage: node --import tsx bench/history-checks.ts [--games N] [--seed S] [--bots LEVEL] [--scenarios A,B]');
  process.exit(2);
}
for (const id of (values.scenarios ?? '').split(',')) {
  const r = loadScenarioFile(resolveScenario(id));
  if (!r.ok) throw new Error(`${id} does not load`);
  let sydney = 0;
  let noThirdParty = 0;
  let loans = 0;
  let grants = 0;
  let rich = 0;
  let crackdowns = 0;
  let islands = 0;
  for (let i = 0; i < games; i++) {
    const seed = String(first + i);
    const host = new MatchHost(r.scenario, r.hash, seed, { hashes: false });
    playToEnd(host, () => policy, seed);
    const g = host.state;
    if (g.offers.some((o) => consentingPowers(g, o.deal).includes('canberra'))) sydney++;
    if (g.agreements.some((a) => a.clauses.some((c) => c.kind === 'noThirdParty'))) noThirdParty++;
    // Money signed in the game: what funders paid out (grants, loans, vendors' bills); of it, loans
    // are the principal of every debt an agreement of this game created.
    const islandIds = new Set(Object.keys(g.islands));
    const paid = g.ledger.filter((e) => e.round >= 1 && !islandIds.has(e.from) && (e.kind === 'grant' || e.kind === 'loan' || e.kind === 'vendor')).reduce((t, e) => t + e.amount, 0);
    const inGame = new Set(g.agreements.filter((a) => a.round >= 1).map((a) => a.id));
    const lent = g.debts.filter((d) => d.agreement !== null && inGame.has(d.agreement)).reduce((t, d) => t + d.principal, 0);
    loans += lent;
    grants += Math.max(0, paid - lent);
    for (const isl of Object.values(g.islands)) {
      islands++;
      if (isl && isl.treasury > absorptionCap(g, isl.revenuePerRound)) rich++;
    }
    crackdowns += g.log.filter((e) => /cracks down on protest/.test(e.text)).length;
  }
  const pct = (n: number) => `${Math.round((100 * n) / games)}%`;
  console.log(
    `${id.padEnd(14)} ${games} games (${values.bots}): Sydney-landing decision faced in ${sydney} (${pct(sydney)}); no-third-party clause signed in ${noThirdParty} (${pct(noThirdParty)}); loans ${Math.round((100 * loans) / Math.max(1, loans + grants))}% of the money signed; islands over two years of revenue at the end ${rich} of ${islands}; crackdowns ${(crackdowns / Math.max(1, islands)).toFixed(2)} per island per game`,
  );
}
