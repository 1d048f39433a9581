import { describe, expect, it } from 'vitest';
import { canonicalJson, stateHash, view, type GameState, type GameView, type RoleId, type ViewerId } from '../../src/engine';
import { HIDDEN_ID } from '../../src/engine/ids';
import { MatchHost, replay } from '../../src/host/match';
import { act, endPhase, loadScenario, newGame, offerNo } from '../helpers';

/**
 * Side channels of issue 9: what a seat could count or infer from what it is shown, though the
 * thing itself is hidden from it. Ids that number every offer and order would count the ones it
 * was not shown; scores computed on the whole state would move with a secret clause.
 */
const quiet = (seed = '1') =>
  newGame(seed, 'coral-sea', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = [];
  });
const aid = (island: string, by: 'washington' | 'beijing' | 'canberra', amount = 100) => ({ kind: 'aid' as const, island, amount, financing: { kind: 'grant' as const, by } });
const hiddenId = (prefix: string) => new RegExp(`^${prefix}${HIDDEN_ID}$`);

/** A view with each id the viewer could compare across games replaced by the order it first appears in. */
function byAppearance(v: GameView): string {
  const text = canonicalJson(v);
  const ids = [...new Set(text.match(new RegExp(`"[or]${HIDDEN_ID}"`, 'g')) ?? [])];
  return ids.reduce((t, id, i) => t.split(id).join(`"#${i}"`), text);
}

describe('ids count nothing a seat was not shown', () => {
  it('offers, sealed orders and secret clauses get short keyed ids, not numbers', () => {
    let g = quiet();
    for (let i = 0; i < 12; i++) g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington', 100 + i) });
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [{ kind: 'noThirdParty', secret: true }, { kind: 'shipVisits', secret: false }] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 13) });
    expect(g.offers.every((o) => hiddenId('o').test(o.id))).toBe(true);
    expect(new Set(g.offers.map((o) => o.id)).size).toBe(13);
    g.offers.forEach((o, i) => expect(o.id).not.toBe(`o${i + 1}`));
    g = endPhase(g);
    g = act(g, { type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: 100 } });
    expect(g.orders[0]!.id).toMatch(hiddenId('r'));
    g = endPhase(endPhase(g));
    // The public clause is c1 whatever comes before it; the secret one's id says nothing of its place.
    const pact = g.agreements.find((a) => a.deal.kind === 'pact')!;
    expect(pact.clauses.map((c) => c.kind)).toEqual(['noThirdParty', 'shipVisits']);
    expect(pact.clauses[1]!.id).toBe(`${pact.id}.c1`);
    expect(pact.clauses[0]!.id).toMatch(new RegExp(`^${pact.id}\\.${HIDDEN_ID}$`));
    expect(view(g, 'canberra').agreements.find((a) => a.id === pact.id)!.clauses.map((c) => c.id)).toEqual([`${pact.id}.c1`]);
  });

  it('a seat’s view is the same however many offers and orders it was not shown, ids aside, and no count shows', () => {
    const play = (hidden: number) => {
      let g = quiet('5');
      for (let i = 0; i < hidden; i++) g = act(g, { type: 'offer', role: 'washington', to: ['PNG'], deal: aid('PNG', 'washington', 50 + i) });
      if (hidden) g = act(g, { type: 'accept', role: 'PNG', offer: g.offers.at(-1)!.id });
      g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: aid('SLB', 'canberra', 200) });
      g = act(g, { type: 'accept', role: 'SLB', offer: g.offers.at(-1)!.id });
      g = endPhase(g);
      if (hidden) g = act(g, { type: 'order', role: 'PNG', order: { kind: 'buildCert', amount: 100 } });
      g = act(g, { type: 'order', role: 'SLB', order: { kind: 'crackdown', amount: 0 } });
      return g;
    };
    const a = play(0);
    const b = play(4);
    const v = view(b, 'SLB');
    expect(v.counters).toMatchObject({ offer: 0, order: 0, accept: 0 });
    expect(v.offers.map((o) => o.acceptedSeq)).toEqual([1]);
    expect('idKey' in v).toBe(false);
    expect(byAppearance(view(a, 'SLB'))).toBe(byAppearance(v));
    expect(byAppearance(view(a, 'spectator'))).toBe(byAppearance(view(b, 'spectator')));
    // The state does hold the counts, and the ids of the same offer differ between the two games.
    expect(b.counters.offer).toBe(a.counters.offer + 4);
    expect(a.offers.at(-1)!.id).not.toBe(b.offers.at(-1)!.id);
  });

  it('ids follow from the seed and the actions alone, and draw nothing from the game’s random numbers', () => {
    const { scenario, hash } = loadScenario();
    const run = (offers: number) => {
      const host = new MatchHost(scenario, hash, '21');
      for (let i = 0; i < offers; i++) host.submit({ type: 'offer', role: 'washington', to: ['PNG'], deal: aid('PNG', 'washington', 10 + i) });
      for (let round = 0; round < 3; round++) for (const role of host.state.seats) while (!host.over && !host.state.ended.includes(role)) host.submit({ type: 'endPhase', role });
      return host;
    };
    const few = run(1);
    const many = run(15);
    // The same events were drawn: making ids used no random number.
    expect(many.state.events.map((e) => `${e.round}:${e.kind}:${e.island}`)).toEqual(few.state.events.map((e) => `${e.round}:${e.kind}:${e.island}`));
    expect(many.state.rng).toEqual(few.state.rng);
    // Replaying the record gives the same ids and hashes.
    const again = replay(JSON.parse(JSON.stringify(many.record)), scenario, hash);
    expect(again.ok && again.allMatch).toBe(true);
    expect(again.ok && again.host.state.offers.map((o) => o.id)).toEqual(many.state.offers.map((o) => o.id));
    expect(again.ok && stateHash(again.host.state)).toBe(stateHash(many.state));
  });
});

describe('a secret clause moves no score a seat that was not shown it can see', () => {
  /** Round 2 after Beijing and the Solomons signed a policing pact, with or without secret clauses. */
  const signed = (secret: boolean): GameState => {
    let g = quiet('3');
    const clauses = secret ? [{ kind: 'noThirdParty' as const, secret: true }, { kind: 'incidentAccess' as const, secret: true }] : [];
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    return endPhase(endPhase(endPhase(g)));
  };
  const roles = (v: GameView, except: RoleId[]) => Object.fromEntries(Object.entries(v.scores).filter(([r]) => !except.includes(r)));
  // A secret clause moves none of the island's public figures until it comes out (docs/rules.md), so
  // every role's score, the Solomons' included, reads the same to a seat not shown the clauses.
  const others: RoleId[] = [];

  it('other seats see the same scores, history and baseline with and without the secret clauses', () => {
    const plain = signed(false);
    const secret = signed(true);
    expect(secret.round).toBe(2);
    // The clauses do count: Beijing's true access and Washington's and Canberra's denial move.
    expect(secret.scores.beijing!.levels.access).toBeGreaterThan(plain.scores.beijing!.levels.access!);
    expect(secret.scores.washington!.levels.denial).toBeLessThan(plain.scores.washington!.levels.denial!);
    for (const viewer of ['canberra', 'washington', 'PNG', 'spectator'] as ViewerId[]) {
      const a = view(plain, viewer);
      const b = view(secret, viewer);
      expect(roles(b, others)).toEqual(roles(a, others));
      expect(b.history.map((h) => roles({ scores: h.scores } as unknown as GameView, others))).toEqual(a.history.map((h) => roles({ scores: h.scores } as unknown as GameView, others)));
      expect(b.baseline).toEqual(a.baseline);
      expect(b.islands).toEqual(a.islands);
    }
    // The parties know their clauses and see them in their scores; so does the facilitator.
    expect(view(secret, 'beijing').scores.beijing!.levels.access).toBe(secret.scores.beijing!.levels.access);
    expect(view(secret, 'facilitator').scores).toEqual(secret.scores);
  });

  it('once the game is over, every seat sees the true final scores', () => {
    let g = signed(true);
    while (g.phase !== 'over') g = endPhase(g);
    expect(view(g, 'canberra').scores).toEqual(g.scores);
    expect(view(g, 'canberra').history.at(-1)!.scores).toEqual(g.history.at(-1)!.scores);
  });

  it('a seat that learns a secret clause then counts it', () => {
    const g = signed(true);
    const told = { ...g, agreements: g.agreements.map((a) => ({ ...a, clauses: a.clauses.map((c) => ({ ...c, seenBy: 'all' as const })) })) };
    // Scores are worked out when a round's figures are (briefing, domestic phase): play on to the next briefing.
    let h: GameState = told;
    while (h.round === g.round) h = endPhase(h);
    expect(view(h, 'canberra').scores.beijing!.levels.access).toBe(h.scores.beijing!.levels.access);
  });
});
