/**
 * Does playing an island well pay? (issue: balance under competent play, last target.) For each
 * island seat, the same seeds are played with normal bots in every seat, and again with that one
 * island played by a fixed policy — accept every offer, or refuse every offer — everyone else still
 * normal bots. Prints, per island, the paired difference (normal − fixed) in its final score with a
 * 95% interval (the target: an interval above 0 in every scenario), and how often the island
 * reaches the scenario's par played each way (a person who plays an island well should win, and
 * one who plays it badly should lose).
 *
 *   node --import tsx bench/fixed-islands.ts [--games 100] [--seed 1] [SCENARIO ...]
 */
import { parseArgs } from 'node:util';
import type { Action, GameView, RoleId } from '../src/engine';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { policyByName } from '../src/ai';
import type { Policy } from '../src/ai/simple';
import { hasAnswered } from '../src/engine/packages';
import { scenarioOrExit } from '../src/cli/args';
import { pairedDifference } from '../src/cli/stats';

const { values, positionals } = parseArgs({ options: { games: { type: 'string' }, seed: { type: 'string' } }, allowPositionals: true });
const games = Number(values.games ?? 100);
const first = Number(values.seed ?? 1);
const scenarios = positionals.length ? positionals : ['coral-sea', 'honiara', 'hunga-tonga', 'micronesia', 'quad', 'shared-future'];
const normal = policyByName('normal') as Policy;

/** Answer every open offer addressed to the seat the same way; nothing else. */
const fixed =
  (answer: 'accept' | 'reject'): Policy =>
  (v: GameView, role: RoleId): Action[] =>
    v.phase !== 'negotiation'
      ? []
      : v.offers
          .filter((o) => o.round === v.round && o.status === 'open' && o.to.includes(role) && !hasAnswered(o, role))
          .map((o): Action => (answer === 'accept' ? { type: 'accept', role, offer: o.id } : { type: 'reject', role, offer: o.id, reason: 'We refuse every offer.' }));

function play(id: string, seed: number, seat: RoleId | null, policy: Policy | null): Record<RoleId, number> {
  const { scenario, hash } = scenarioOrExit(id);
  const host = new MatchHost(scenario, hash, String(seed), { hashes: false });
  playToEnd(host, (role) => (role === seat && policy ? policy : normal), String(seed));
  return Object.fromEntries(host.state.seats.map((r) => [r, host.state.scores[r]?.total ?? 0]));
}

const started = performance.now();
for (const id of scenarios) {
  const { scenario } = scenarioOrExit(id);
  const seeds = Array.from({ length: games }, (_, i) => first + i);
  const base = seeds.map((s) => play(id, s, null, null));
  const cells: string[] = [];
  const won = (scores: number[]): string => `${Math.round((100 * scores.filter((x) => x >= scenario.par).length) / scores.length)}%`;
  for (const island of scenario.islands.map((i) => i.id)) {
    const wins = [`normal ${won(base.map((b) => b[island] ?? 0))}`];
    for (const kind of ['accept', 'reject'] as const) {
      const alt = seeds.map((s) => play(id, s, island, fixed(kind)));
      const d = pairedDifference(base.map((b) => b[island] ?? 0), alt.map((a) => a[island] ?? 0));
      const name = kind === 'accept' ? 'accept-all' : 'refuse-all';
      cells.push(`${island} vs ${name} ${d.meanDiff.toFixed(1)} [${d.ciLow.toFixed(1)}, ${d.ciHigh.toFixed(1)}]${d.ciLow > 0 ? '' : ' MISS'}`);
      wins.push(`${name} ${won(alt.map((a) => a[island] ?? 0))}`);
    }
    cells.push(`${island} reaches par: ${wins.join(', ')}`);
  }
  console.log(`${id} (${games} seeds from ${first}): ${cells.join('; ')}`);
}
console.error(`${((performance.now() - started) / 1000).toFixed(0)} s`);
