import { describe, expect, it } from 'vitest';
import { view, type Deal, type GameState } from '../../src/engine';
import { refreshNetworks } from '../../src/engine/cables';
import { sign } from '../../src/engine/deals';
import { cloneState } from '../../src/engine/state';
import { runDomestic } from '../../src/engine/domestic';
import { completeNetworks } from '../../src/engine/telecom';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { policyByName } from '../../src/ai';
import { determinise, offerOf, projectLite, refreshNetworksFast, signFast, whatIfCopy } from '../../src/ai/bots/model';
import { loadScenario } from '../helpers';

/** States from the middle of bot games, with cables built, building and cut. */
function midGame(id: string, seed: string, rounds: number): GameState {
  const { scenario, hash } = loadScenario(id);
  const host = new MatchHost(scenario, hash, seed, { hashes: false });
  playToEnd(host, () => policyByName('normal')!, seed, rounds);
  return host.state;
}

const networks = (g: GameState) => Object.values(g.islands).map((i) => ({ id: i.id, routes: i.routes, connectivity: i.connectivity, exposure: i.exposure }));

describe("the bots' model follows the engine's rules", () => {
  for (const [id, seed] of [
    ['coral-sea', '2'],
    ['shared-future', '3'],
  ] as const) {
    it(`${id}: the fast network refresh and signing give what the engine's do`, () => {
      const g = midGame(id, seed, id === 'shared-future' ? 2 : 5);
      const a = cloneState(g);
      const b = cloneState(g);
      for (const c of [...a.cables, ...b.cables]) if (c.status === 'building') c.status = 'active';
      refreshNetworks(a);
      refreshNetworksFast(b);
      expect(networks(b)).toEqual(networks(a));
      const island = Object.keys(g.islands)[0]!;
      const deals: Deal[] = [
        { kind: 'telecom', island, project: 'towers', vendor: 'huawei', amount: 5000, financing: { kind: 'grant', by: 'beijing' } },
        { kind: 'aid', island, amount: 4000, financing: { kind: 'loan', by: 'canberra', ratePct: 1, years: 20, graceYears: 5 }, purpose: 'infrastructure' },
        { kind: 'pact', island, power: 'beijing', pact: 'cyber', clauses: [{ kind: 'incidentAccess', secret: true }] },
        { kind: 'diplomatic', island, power: 'washington', act: 'joinBloc' },
      ];
      // Projected to the end, the cables being built come into service: each island's networks are then what the engine's full refresh gives.
      const projected = whatIfCopy(g);
      const building = g.cables.filter((c) => c.status === 'building' || c.status === 'cut').length;
      projectLite(projected);
      expect(building).toBeGreaterThan(0);
      expect(projected.cables.filter((c) => c.status === 'active').length).toBeGreaterThan(g.cables.filter((c) => c.status === 'active').length);
      const full = cloneState(projected);
      refreshNetworks(full);
      expect(networks(projected)).toEqual(networks(full));
      for (const deal of deals) {
        const x = cloneState(g);
        const y = cloneState(g);
        sign(x, offerOf(x, deal, 'beijing'), () => undefined);
        signFast(y, offerOf(y, deal, 'beijing'));
        expect(y.islands).toEqual(x.islands);
        expect(y.powers).toEqual(x.powers);
        expect(y.debts).toEqual(x.debts);
        expect(y.cables).toEqual(x.cables);
      }
    });
  }

  it("projects the economy, legitimacy and unrest as the domestic phase moves them", () => {
    const g = midGame('honiara', '4', 2);
    // One round of the engine's domestic rules, where no election falls due, against the projection of the same round.
    const engine = cloneState(g);
    for (const i of Object.values(engine.islands)) i.nextElection = null;
    const model = whatIfCopy(engine);
    // The resolution switches on the networks whose time has come, then the domestic phase runs.
    completeNetworks(engine, () => undefined);
    runDomestic(engine, () => undefined);
    projectLite(model, g.round);
    for (const [id, i] of Object.entries(engine.islands)) {
      const m = model.islands[id]!;
      expect([m.economy, m.legitimacy, m.unrest]).toEqual([i.economy, i.legitimacy, i.unrest]);
    }
  });

  it('switches a tower network on in the round the engine does, so towers signed with a year to go count for their coverage', () => {
    const g = midGame('honiara', '1', 1);
    // Beijing's grant money is small (US$32m a year): this what-if gives it the towers' price.
    g.powers.beijing!.treasury = Math.max(g.powers.beijing!.treasury, 66000);
    const deal: Deal = { kind: 'telecom', island: 'SLB', project: 'towers', vendor: 'huawei', amount: 66000, financing: { kind: 'grant', by: 'beijing' } };
    const signed = whatIfCopy(g);
    signFast(signed, offerOf(signed, deal, 'beijing'));
    const ready = signed.islands.SLB!.assets.at(-1)!.readyRound!;
    expect(ready).toBeLessThanOrEqual(g.scenario.rounds);
    // Coverage with and without the deal, projected to the round before the towers are up and to the end.
    const coverage = (s: GameState, until?: number) => {
      const x = whatIfCopy(s);
      projectLite(x, until);
      return x.islands.SLB!.coverage;
    };
    expect(coverage(signed, ready - 1)).toBe(coverage(g, ready - 1));
    expect(coverage(g)).toBeLessThanOrEqual(70);
    expect(coverage(signed)).toBe(coverage(g) + 30);
  });

  it('builds its state from the view alone: no generator, deck or scripted event of the real game', () => {
    const g = midGame('honiara', '4', 2);
    const d = determinise(view(g, 'SLB'), 'x');
    expect(d.rng).not.toEqual(g.rng);
    expect(d.scripted).toEqual([]);
    expect(d.deck.chancePerRound).toBe(0);
    expect(d.offers.every((o) => o.seenBy.includes('SLB'))).toBe(true);
  });
});
