import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { islandsOnRoute, ledgerBalances, type GameState } from '../../src/engine';
import { connectivityOf } from '../../src/engine/cables';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { randomPolicy } from '../../src/ai/random';
import { scenarioFiles } from '../../src/scenario/files';
import { loadScenario } from '../helpers';

const METRICS = ['economy', 'legitimacy', 'democracy', 'sovereignty', 'cyber', 'connectivity', 'unrest', 'coverage'] as const;

/** Everything that must hold of any state, whatever was played. */
function violations(g: GameState): string[] {
  const out: string[] = [];
  const books = ledgerBalances(g);
  for (const [id, i] of Object.entries(g.islands)) {
    if ((books[id] ?? 0) !== i.treasury) out.push(`${id} treasury ${i.treasury} != ledger ${books[id]}`);
    if (i.treasury < 0) out.push(`${id} treasury negative`);
    for (const m of METRICS) if (!Number.isInteger(i[m]) || i[m] < 0 || i[m] > 100) out.push(`${id}.${m} = ${i[m]}`);
    for (const [p, a] of Object.entries(i.alignment)) if (a < -100 || a > 100) out.push(`${id}.alignment.${p} = ${a}`);
    // A cut cable carries nothing: connectivity counts active routes only.
    const active = g.cables.filter((c) => c.status === 'active' && islandsOnRoute(g, c.route).includes(id)).length;
    if (i.routes !== active || i.connectivity !== connectivityOf(i.satellite, active)) out.push(`${id} connectivity ${i.connectivity} with ${active} active routes`);
  }
  for (const [id, p] of Object.entries(g.powers)) {
    if (!p) continue;
    if ((books[id] ?? 0) !== p.treasury) out.push(`${id} treasury ${p.treasury} != ledger ${books[id]}`);
    if (p.treasury < 0) out.push(`${id} treasury negative`);
    if (p.reputation < 0 || p.reputation > 100) out.push(`${id}.reputation`);
    for (const [i, v] of Object.entries(p.influence)) if (v < 0 || v > 100) out.push(`${id}.influence.${i} = ${v}`);
  }
  // Scripted funders (Tokyo, the development banks) keep their budgets in the same books.
  for (const [id, f] of Object.entries(g.funders ?? {})) if (f && ((books[id] ?? 0) !== f.treasury || f.treasury < 0)) out.push(`${id} budget ${f.treasury} != ledger ${books[id]}`);
  for (const c of g.cables) for (const l of c.route) if (!g.landings[l]) out.push(`cable ${c.id} ends at unknown landing ${l}`);
  for (const d of g.debts) if (d.outstanding < 0 || d.arrears < 0) out.push(`debt ${d.id} negative`);
  for (const e of g.ledger) if (!Number.isInteger(e.amount) || e.amount <= 0) out.push(`ledger amount ${e.amount}`);
  for (const [role, s] of Object.entries(g.scores)) {
    if (s.total < 0 || s.total > 100) out.push(`${role} score ${s.total}`);
    for (const [k, v] of Object.entries(s.parts)) if (v < 0 || v > 100) out.push(`${role}.${k} = ${v}`);
  }
  return out;
}

const ids = Object.keys(scenarioFiles());

describe('invariants under random play', () => {
  it('the ledger balances, no metric leaves its range, cables end at real landings, cut cables carry nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (id, seedN, randomShare) => {
        const { scenario, hash } = loadScenario(id);
        const seed = String(seedN);
        const host = new MatchHost(scenario, hash, seed);
        const found: string[] = [];
        let last = '';
        host.onChange((g) => {
          const key = `${g.round}/${g.phase}`;
          if (key !== last) found.push(...violations(g));
          last = key;
        });
        const random = host.state.seats.filter((_, i) => ((i * 7919 + seedN) % 100) / 100 < randomShare);
        playToEnd(host, (role) => (random.includes(role) ? randomPolicy : simplePolicy), seed);
        expect(found.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 30, seed: 424242 },
    );
  });
});
