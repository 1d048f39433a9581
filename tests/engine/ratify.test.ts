import { describe, expect, it } from 'vitest';
import { stateHash, step, view, type Action, type GameState } from '../../src/engine';
import { voteChance, OPPOSITION_PULL, REFUSAL_COST } from '../../src/engine/ratify';
import { act, endPhase, newGame, offerNo } from '../helpers';
import type { Scenario } from '../../src/scenario/schema';

/**
 * Ratification, on the real case: the security agreement Australia and Vanuatu signed in December
 * 2022 was never ratified by Vanuatu's parliament (quad.yaml tables it in round 1 with
 * `ratify: refuse`, and gives Vanuatu a parliament that ratifies pacts, its opposition leaning to Beijing).
 */
const quad = (seed = '1', edit?: (s: Scenario) => void): GameState =>
  newGame(
    seed,
    'quad',
    (s) => {
      s.deck.chancePerRound = 0;
      s.scripted = [];
      edit?.(s);
    },
    { opening: true },
  );

const pactOffer = (g: GameState) => g.offers.find((o) => o.round === g.round && o.deal.kind === 'pact' && o.deal.island === 'VUT');
/** Negotiation → decisions → resolution and domestic → the next round's negotiation. */
const nextRound = (g: GameState) => endPhase(endPhase(g));
const vutPacts = (g: GameState) => g.agreements.filter((a) => a.deal.kind === 'pact' && a.deal.island === 'VUT');

describe('ratification by an island parliament (Vanuatu, 2022-23)', () => {
  it('the tabled pact is marked as needing ratification, and the scripted vote is hidden from every view', () => {
    const g = quad();
    const o = pactOffer(g);
    expect(o).toMatchObject({ from: 'canberra', to: ['VUT'], ratify: true });
    expect(g.votes).toEqual({ [o!.id]: 'refuse' });
    for (const viewer of ['VUT', 'canberra', 'beijing', 'facilitator', 'spectator'] as const) expect('votes' in view(g, viewer)).toBe(false);
  });

  it('signed at resolution, the pact waits with no effect: the state is as if Vanuatu had refused it', () => {
    const g = quad();
    const o = pactOffer(g)!;
    const signed = nextRound(act(g, { type: 'accept', role: 'VUT', offer: o.id }));
    const refused = nextRound(act(g, { type: 'reject', role: 'VUT', offer: o.id, reason: 'Not now.' }));
    expect(signed.round).toBe(2);
    expect(vutPacts(signed)).toEqual([]);
    expect(signed.offers.find((x) => x.id === o.id)?.status).toBe('signed');
    expect(signed.ratifications).toEqual([expect.objectContaining({ offer: o.id, round: 1, islands: ['VUT'], partner: 'canberra', status: 'pending' })]);
    // No money, no clause, no metric moved.
    expect(signed.islands.VUT).toEqual(refused.islands.VUT);
    expect(signed.powers.canberra).toEqual(refused.powers.canberra);
    expect(signed.ledger).toEqual(refused.ledger);
    // The pending pact shows in every view, in words in the news.
    expect(view(signed, 'washington').ratifications?.[0]?.status).toBe('pending');
    expect(signed.log.some((e) => e.round === 1 && e.seenBy === 'all' && e.text.startsWith('Signed, subject to ratification: Vanuatu and Canberra sign a policing pact'))).toBe(true);
  });

  it('the scripted refusal lapses the pact at the next domestic phase, at a cost to the government\'s standing with Canberra', () => {
    const g = quad();
    const o = pactOffer(g)!;
    const pending = nextRound(act(g, { type: 'accept', role: 'VUT', offer: o.id }));
    const voted = nextRound(pending);
    expect(voted.ratifications?.[0]).toMatchObject({ status: 'refused', result: [{ island: 'VUT', passed: false, chance: null }] });
    expect(vutPacts(voted)).toEqual([]);
    // Against a game in which Vanuatu turned the pact down at the table: the refusal costs alignment and influence.
    const turnedDown = nextRound(nextRound(act(g, { type: 'reject', role: 'VUT', offer: o.id, reason: 'Not now.' })));
    expect(voted.islands.VUT!.alignment.canberra).toBe(turnedDown.islands.VUT!.alignment.canberra + REFUSAL_COST.alignment);
    expect(voted.powers.canberra!.influence.VUT).toBe(turnedDown.powers.canberra!.influence.VUT! + REFUSAL_COST.influence);
    expect(voted.log.find((e) => e.round === 2 && e.phase === 'domestic' && e.text.includes('refuses to ratify'))?.text).toBe(
      "Vanuatu's parliament refuses to ratify a policing pact with Canberra: the deal lapses, and the government's standing with Canberra suffers.",
    );
  });

  it('a vote scripted to pass brings the pact into force at the vote, with its effects then', () => {
    const g = quad('1', (s) => {
      s.tabled = s.tabled!.map((t) => (t.deal.kind === 'pact' && t.deal.island === 'VUT' ? { ...t, ratify: 'pass' as const } : t));
    });
    const pending = nextRound(act(g, { type: 'accept', role: 'VUT', offer: pactOffer(g)!.id }));
    expect(vutPacts(pending)).toEqual([]);
    const voted = nextRound(pending);
    expect(vutPacts(voted)).toEqual([expect.objectContaining({ round: 2, status: 'active', parties: ['VUT', 'canberra'] })]);
    expect(voted.ratifications?.[0]?.status).toBe('ratified');
    expect(voted.islands.VUT!.sovereignty).toBeLessThan(pending.islands.VUT!.sovereignty);
  });

  it('an unscripted vote passes with a chance set by legitimacy, the opposition\'s leaning and the islanders\' feeling for the partner', () => {
    const g = quad();
    const vut = g.islands.VUT!;
    // Vanuatu's opposition leans to Beijing: a pact with Canberra is harder to pass, one with Beijing easier.
    expect(voteChance(g, 'VUT', 'canberra')).toBe(vut.legitimacy + OPPOSITION_PULL.rival + Math.trunc(vut.alignment.canberra / 5));
    expect(voteChance(g, 'VUT', 'beijing')).toBe(vut.legitimacy + OPPOSITION_PULL.partner + Math.trunc(vut.alignment.beijing / 5));
    // With the vote left to chance, both outcomes happen over seeds, and each seed always gives the same one.
    const play = (seed: string) => {
      const s = quad(seed, (sc) => {
        sc.tabled = sc.tabled!.map((t) => (t.deal.kind === 'pact' && t.deal.island === 'VUT' ? { ...t, ratify: true as const } : t));
      });
      return nextRound(nextRound(act(s, { type: 'accept', role: 'VUT', offer: pactOffer(s)!.id })));
    };
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 12 && outcomes.size < 2; seed++) {
      const a = play(String(seed));
      expect(stateHash(play(String(seed)))).toBe(stateHash(a));
      const r = a.ratifications?.[0];
      expect(r?.result[0]?.chance).toBe(voteChance(quad(String(seed)), 'VUT', 'canberra'));
      outcomes.add(r?.status ?? '');
    }
    expect([...outcomes].sort()).toEqual(['ratified', 'refused']);
  });

  it('an island whose parliament ratifies pacts votes on any pact it signs, tabled or not; other deals take effect when signed', () => {
    let g = quad('1', (s) => {
      s.tabled = [];
    });
    g = act(g, { type: 'offer', role: 'beijing', to: ['VUT'], deal: { kind: 'pact', island: 'VUT', power: 'beijing', pact: 'cyber', clauses: [{ kind: 'incidentAccess', secret: true }] } });
    g = act(g, { type: 'accept', role: 'VUT', offer: offerNo(g, 1) });
    g = act(g, { type: 'offer', role: 'beijing', to: ['VUT'], deal: { kind: 'aid', island: 'VUT', amount: 1000, financing: { kind: 'grant', by: 'beijing' } } });
    g = act(g, { type: 'accept', role: 'VUT', offer: offerNo(g, 2) });
    g = nextRound(g);
    expect(g.agreements.filter((a) => a.offer === offerNo(g, 1) || a.offer === offerNo(g, 2)).map((a) => a.deal.kind)).toEqual(['aid']);
    expect(g.ratifications?.map((r) => r.offer)).toEqual([offerNo(g, 1)]);
    // The secret clause stays out of the pending deal everyone sees.
    expect(g.ratifications?.[0]?.deal).toMatchObject({ kind: 'pact', clauses: [] });
  });

  it('a counter-offer to a deal marked for ratification keeps the mark and the scripted vote', () => {
    const g = quad();
    const o = pactOffer(g)!;
    const countered = act(g, { type: 'counter', role: 'VUT', offer: o.id, deal: { kind: 'pact', island: 'VUT', power: 'canberra', pact: 'cyber', clauses: [] } });
    const c = countered.offers.at(-1)!;
    expect(c.ratify).toBe(true);
    expect(countered.votes?.[c.id]).toBe('refuse');
  });

  it('a refused action about a pending deal changes nothing', () => {
    const g = quad();
    const bad = step(g, { type: 'endorse', role: 'VUT', initiative: 'p1' } as Action);
    expect(bad.ok).toBe(false);
  });
});
