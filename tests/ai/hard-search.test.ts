import { describe, expect, it } from 'vitest';
import { view, type GameState, type Offer } from '../../src/engine';
import { MatchHost } from '../../src/host/match';
import { playPhase, playToEnd } from '../../src/ai/autoplay';
import { makeBot } from '../../src/ai';
import { exposureShift, leakChance, sampledRound } from '../../src/ai/bots/search';
import { loadScenario } from '../helpers';

/** Coral Sea with normal bots in every seat, stopped in round 1 at Canberra's turn of the second pass of negotiation, or in the decisions that follow. */
function coralSea(seed: string, phase: 'negotiation' | 'decisions'): GameState {
  const { scenario, hash } = loadScenario('coral-sea');
  const host = new MatchHost(scenario, hash, seed, { hashes: false });
  const normal = makeBot('normal');
  if (phase === 'decisions') playPhase(host, host.state.seats, () => normal, seed);
  else
    for (const pass of [0, 1])
      for (const role of host.state.seats) {
        if (pass === 1 && role === 'canberra') break;
        for (const a of normal(host.view(role), role, { seed, pass })) host.submit(a);
      }
  return host.state;
}

const summary = (o: Offer) => `${o.from}->${o.to.join('+')} ${o.deal.kind} ${o.status}`;
const between = (g: GameState, from: string) => g.offers.filter((o) => o.round === g.round && o.from === from && !o.to.includes('canberra')).map(summary).sort();

describe("the hard bot's search samples what rivals do out of its sight", () => {
  it("Canberra's rollouts hold Beijing's private dealings with the islands, each answered, and the switch the Solomons agreed, though its view has none", () => {
    const g = coralSea('3', 'negotiation');
    const real = between(g, 'beijing');
    expect(real.length).toBeGreaterThan(0);
    const v = view(g, 'canberra');
    expect(v.offers.filter((o) => o.from === 'beijing' && !o.to.includes('canberra'))).toEqual([]);
    const world = sampledRound(v, 'canberra', '3', 1, { inner: makeBot('normal') });
    const sampled = between(world, 'beijing');
    expect(sampled.length).toBeGreaterThan(0);
    // Beijing's purse is Canberra's estimate there, so its offers need not be the same ones (with a
    // larger purse it pairs the switch with aid, rules version 17); what it got the Solomons to
    // agree, the switch of recognition, is in the sample as it was in the game, and every offer has
    // its answer.
    const switchAgreed = (x: GameState) => x.offers.some((o) => o.round === x.round && o.from === 'beijing' && o.status === 'accepted' && JSON.stringify(o.deal).includes('switchRecognition'));
    expect(switchAgreed(g)).toBe(true);
    expect(switchAgreed(world)).toBe(true);
    expect(sampled.filter((x) => x.endsWith(' open'))).toEqual([]);
  });

  it('in the decisions, the deals rivals signed up to in private stand accepted in its rollouts', () => {
    const g = coralSea('3', 'decisions');
    const accepted = g.offers.filter((o) => o.round === g.round && o.status === 'accepted' && !o.to.includes('canberra') && o.from !== 'canberra');
    expect(accepted.length).toBeGreaterThan(0);
    const world = sampledRound(view(g, 'canberra'), 'canberra', '3', 0, { inner: makeBot('normal') });
    const sampled = world.offers.filter((o) => o.round === g.round && o.status === 'accepted' && !o.to.includes('canberra') && o.from !== 'canberra');
    expect(sampled.length).toBeGreaterThan(0);
    // Nothing is left open once the negotiation is over.
    expect(world.offers.filter((o) => o.round === g.round && o.status === 'open')).toEqual([]);
  });
});

describe('the hard bot weighs a turn by the round after it too', () => {
  // With one round in its rollouts, holding back an offer looked like keeping a rival out, when the
  // island only signed the rival's deal a round later: as Beijing in Honiara, over seeds 1-6, it
  // averaged 30.0 against the normal bot's 37.8 in the same seat (ahead on no seed, behind on 4).
  // Its leaf now averages the end of this round with the end of the next: 40.3 (ahead on 2, behind
  // on 2); over the tournament's 200 pairs in every seat, 58.5% of pairs (50.75% before).
  it('as Beijing in Honiara it averages more than the normal bot in the same seat, over seeds 1-6', () => {
    const { scenario, hash } = loadScenario('honiara');
    const normal = makeBot({ level: 'normal', scenario });
    const hard = makeBot({ level: 'hard', scenario });
    const final = (seed: string, beijing: typeof normal) => {
      const host = new MatchHost(scenario, hash, seed, { hashes: false });
      playToEnd(host, (role) => (role === 'beijing' ? beijing : normal), seed);
      return host.state.scores.beijing!.total;
    };
    const seeds = ['1', '2', '3', '4', '5', '6'];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const normalMean = mean(seeds.map((seed) => final(seed, normal)));
    const hardMean = mean(seeds.map((seed) => final(seed, hard)));
    expect(hardMean).toBeGreaterThan(normalMean + 1);
  }, 120_000);
});

describe('the hard bot does not hold back an offer for a gain its two-round rollouts cannot see past', () => {
  // With the plain margin the search kept Washington's round-1 e-government grant to the Solomons
  // off the table in most Coral Sea games (its rollouts gave holding back 1.9 points: the Solomons
  // then put off balancing the grant with Beijing's switch a round), and the game ended with a
  // smaller network lead and fewer rivals kept out: a hard Washington reached par in 24% of 100
  // games against the normal bot's 42%. With a flat margin of 3 it still held the grant back in 13
  // games of 100 (the rollouts gave 3.1-3.7 points; seeds 7 and 16 among them) and lost 12 of them
  // to the normal bot; the margin now grows with the part of the game the rollouts do not see.
  it('as Washington in Coral Sea it tables the e-government grant the normal bot tables (seeds 2, 7, 16)', () => {
    const { scenario, hash } = loadScenario('coral-sea');
    const normal = makeBot({ level: 'normal', scenario });
    const hard = makeBot({ level: 'hard', scenario });
    for (const seed of ['2', '7', '16']) {
      const host = new MatchHost(scenario, hash, seed, { hashes: false });
      playPhase(host, host.state.seats, (role) => (role === 'washington' ? hard : normal), seed);
      const grant = host.state.offers.find((o) => o.round === 1 && o.from === 'washington' && o.to.includes('SLB') && o.deal.kind === 'telecom' && o.deal.project === 'eGovernment');
      expect(grant, `seed ${seed}`).toBeDefined();
    }
  }, 60_000);
});

describe('the hard bot prices what a secret clause may cost once it leaks', () => {
  it('reads what a secret clause may cost when it leaks: the island its sovereignty, democracy and standing, the partner its reputation', () => {
    const { scenario, hash } = loadScenario('quad');
    const g = new MatchHost(scenario, hash, '1', { hashes: false }).state;
    const mou = g.agreements.find((a) => a.deal.kind === 'pact' && a.parties.includes('FJI'));
    expect(mou).toBeDefined();
    const leak = leakChance(scenario.deck);
    expect(leak).toBeGreaterThan(0);
    const secret: GameState = { ...g, agreements: g.agreements.map((a) => (a === mou ? { ...a, clauses: [{ id: `${a.id}.c1`, kind: 'unrestDeployment', secret: true, seenBy: [...a.parties] }] } : a)) };
    const fiji = exposureShift(secret, 'FJI', leak);
    expect(fiji.sovereignty).toBeLessThan(0);
    expect(fiji.democracy).toBeLessThan(0);
    expect(fiji.survival).toBeLessThan(0);
    expect(exposureShift(secret, 'beijing', leak).reputation).toBeLessThan(0);
    // Not a party, a public clause, or a deck without leaks: nothing to fear.
    expect(exposureShift(secret, 'PNG', leak)).toEqual({});
    const shown: GameState = { ...secret, agreements: secret.agreements.map((a) => (a.id === mou?.id ? { ...a, clauses: a.clauses.map((c) => ({ ...c, seenBy: 'all' as const })) } : a)) };
    expect(exposureShift(shown, 'FJI', leak)).toEqual({});
    expect(exposureShift(secret, 'FJI', 0)).toEqual({});
  });

  it('as Nauru in Quad it turns down the secret-clause pact the normal bot turns down, and does not end below it (seeds 4, 11)', () => {
    const { scenario, hash } = loadScenario('quad');
    const normal = makeBot({ level: 'normal', scenario });
    const hard = makeBot({ level: 'hard', scenario });
    for (const seed of ['4', '11']) {
      const play = (nauru: typeof normal) => {
        const host = new MatchHost(scenario, hash, seed, { hashes: false });
        playToEnd(host, (role) => (role === 'NRU' ? nauru : normal), seed);
        return host.state;
      };
      const h = play(hard);
      const n = play(normal);
      // Before the search priced a leak, it took Beijing's policing pact with a secret unrest clause in round 1 and ended 8 points lower in seed 11.
      expect(h.agreements.some((a) => a.round === 1 && a.parties.includes('NRU') && a.clauses.some((c) => c.kind === 'unrestDeployment'))).toBe(false);
      expect(h.scores.NRU!.total).toBeGreaterThanOrEqual(n.scores.NRU!.total);
    }
  }, 120_000);
});
