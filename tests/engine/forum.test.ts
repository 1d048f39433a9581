import { describe, expect, it } from 'vitest';
import { legalActions, stateHash, step, view, type GameState, type Order, type RoleId } from '../../src/engine';
import { FORUM_EFFECTS } from '../../src/engine/forum';
import { act, endPhase, newGame } from '../helpers';
import type { Scenario } from '../../src/scenario/schema';

/**
 * The Pacific Islands Forum, on the real case: Quad scripts the Leaders Meeting of August 2024 in
 * Nuku'alofa, which put the Pacific Policing Initiative (Australia, A$400m over five years) to
 * the islands, in its round 4.
 */
const TITLE = "Pacific Islands Forum Leaders Meeting, Nuku'alofa: the Pacific Policing Initiative (Aug 2024)";
const quad = (seed = '1', edit?: (s: Scenario) => void): GameState =>
  newGame(seed, 'quad', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = s.scripted.filter((e) => e.kind === 'forum');
    edit?.(s);
  });
/** Play on, ending every phase, to the negotiation of `round`. */
const toRound = (g: GameState, round: number): GameState => {
  let s = g;
  while (s.round < round) s = endPhase(s);
  return s;
};
const answer = (g: GameState, votes: Record<string, 'endorse' | 'oppose'>, initiative = 'f1'): GameState =>
  Object.entries(votes).reduce((s, [role, type]) => act(s, { type, role, initiative }), g);

describe('a scripted Forum meeting (Nuku\'alofa, August 2024)', () => {
  it('puts the policing initiative to every island seat in the negotiation, its title as the author wrote it', () => {
    const g = toRound(quad(), 4);
    expect(g.phase).toBe('negotiation');
    expect(g.forums).toEqual([{ id: 'f1', round: 4, title: TITLE, initiative: 'policing', power: 'canberra', calledBy: null, endorsed: [], rejected: [], status: 'open' }]);
    expect(g.events.find((e) => e.kind === 'forum')?.title).toBe(TITLE);
    const news = g.log.filter((e) => e.round === 4 && e.text.startsWith(TITLE));
    expect(news.map((e) => e.text)).toEqual([`${TITLE}: it puts a regional policing initiative backed by Canberra to the islands.`]);
    expect(g.log.some((e) => e.text.includes('more to spend'))).toBe(false);
    // Every island may endorse or reject it; no power sits in it.
    for (const island of ['PNG', 'FJI', 'VUT', 'NRU'])
      expect(legalActions(view(g, island), island).filter((t) => t.initiative === 'f1').map((t) => t.type)).toEqual(['endorse', 'oppose']);
    expect(legalActions(view(g, 'canberra'), 'canberra').some((t) => t.initiative)).toBe(false);
    expect(step(g, { type: 'endorse', role: 'canberra', initiative: 'f1' })).toMatchObject({ ok: false, refusal: { code: 'notParty', field: 'initiative' } });
  });

  it('endorsed by most islands, it is adopted: Canberra gains reputation, and alignment and influence with those that endorsed', () => {
    const g = toRound(quad(), 4);
    const after = endPhase(answer(g, { PNG: 'endorse', FJI: 'endorse', NRU: 'endorse', VUT: 'oppose' }));
    const e = FORUM_EFFECTS.policing;
    expect(after.forums?.[0]).toMatchObject({ status: 'adopted', endorsed: ['PNG', 'FJI', 'NRU'], rejected: ['VUT'] });
    expect(after.powers.canberra!.reputation).toBe(g.powers.canberra!.reputation + e.reputation);
    for (const i of ['PNG', 'FJI']) {
      expect(after.islands[i]!.alignment.canberra).toBe(g.islands[i]!.alignment.canberra + e.alignment);
      expect(after.powers.canberra!.influence[i]).toBe(g.powers.canberra!.influence[i]! + e.influence);
      // Police capacity for those that endorsed it.
      expect(after.islands[i]!.legitimacy).toBe(g.islands[i]!.legitimacy + e.legitimacy);
      expect(after.islands[i]!.unrest).toBe(Math.max(0, g.islands[i]!.unrest + e.unrest));
    }
    expect(after.islands.VUT!.legitimacy).toBe(g.islands.VUT!.legitimacy);
    // Vanuatu voiced concern at "geostrategic denial": its alignment with Canberra falls.
    expect(after.islands.VUT!.alignment.canberra).toBe(g.islands.VUT!.alignment.canberra + e.rejectedBy);
    expect(after.log.find((x) => x.text.startsWith(`${TITLE}: a regional policing initiative backed by Canberra is adopted`))?.text).toContain('3 endorsed, 1 rejected, 0 did not answer');
  });

  it('rejected by most islands, it fails: Canberra is rebuffed', () => {
    const g = toRound(quad(), 4);
    const after = endPhase(answer(g, { PNG: 'oppose', FJI: 'oppose', VUT: 'oppose', NRU: 'endorse' }));
    expect(after.forums?.[0]?.status).toBe('failed');
    expect(after.powers.canberra!.reputation).toBe(g.powers.canberra!.reputation + FORUM_EFFECTS.policing.failed);
    expect(after.islands.NRU!.alignment.canberra).toBe(g.islands.NRU!.alignment.canberra);
  });

  it('an island answers once, in the meeting\'s round, and a refused answer changes nothing', () => {
    const g = toRound(quad(), 4);
    const once = act(g, { type: 'endorse', role: 'PNG', initiative: 'f1' });
    const again = step(once, { type: 'oppose', role: 'PNG', initiative: 'f1' });
    expect(again).toMatchObject({ ok: false, refusal: { code: 'offerClosed' } });
    expect(step(g, { type: 'endorse', role: 'PNG', initiative: 'f9' })).toMatchObject({ ok: false, refusal: { code: 'unknownTarget', field: 'initiative' } });
    expect(stateHash(g)).toBe(stateHash(toRound(quad(), 4)));
    const later = endPhase(once);
    expect(step(later, { type: 'endorse', role: 'FJI', initiative: 'f1' }).ok).toBe(false);
  });
});

describe('a Forum called by an island (the callForum order)', () => {
  const coral = () =>
    newGame('1', 'coral-sea', (s) => {
      s.deck.chancePerRound = 0;
    });
  const withOrders = (g: GameState, orders: [RoleId, Order][]): GameState => {
    let s = endPhase(g);
    for (const [role, order] of orders) s = act(s, { type: 'order', role, order });
    return endPhase(s);
  };

  it('meets in the next round\'s negotiation, the caller endorsing its own initiative; a statement on a power\'s conduct costs that power', () => {
    const g0 = coral();
    const g = withOrders(g0, [['SLB', { kind: 'callForum', amount: 500, initiative: 'conduct', power: 'beijing' }]]);
    expect(g.round).toBe(2);
    expect(g.forums?.[0]).toMatchObject({ round: 2, initiative: 'conduct', power: 'beijing', calledBy: 'SLB', endorsed: ['SLB'], status: 'open' });
    expect(g.log.some((e) => e.round === 1 && e.text.startsWith('Solomon Islands calls the 1st Pacific Islands Forum meeting of this game: in round 2 it will put a statement on Beijing'))).toBe(true);
    // Papua New Guinea endorses it too: carried.
    const after = endPhase(act(g, { type: 'endorse', role: 'PNG', initiative: 'f1' }));
    expect(after.forums?.[0]?.status).toBe('adopted');
    expect(after.powers.beijing!.reputation).toBe(g.powers.beijing!.reputation + FORUM_EFFECTS.conduct.reputation);
    expect(after.islands.PNG!.alignment.beijing).toBe(g.islands.PNG!.alignment.beijing + FORUM_EFFECTS.conduct.alignment);
  });

  it('names the power for a policing initiative or a statement on conduct, and cannot be called in the last round', () => {
    const g = endPhase(coral());
    expect(step(g, { type: 'order', role: 'SLB', order: { kind: 'callForum', amount: 500, initiative: 'policing' } })).toMatchObject({ ok: false, refusal: { field: 'order.power' } });
    const last = { ...g, round: g.scenario.rounds };
    expect(step(last, { type: 'order', role: 'SLB', order: { kind: 'callForum', amount: 500 } })).toMatchObject({ ok: false, refusal: { code: 'illegalTerms' } });
    expect(legalActions(view(last, 'SLB'), 'SLB').some((t) => t.orderKind === 'callForum')).toBe(false);
  });

  it('each common word on sovereignty brings less than the last: +2, +1, then nothing', () => {
    let g = coral();
    const gains: number[] = [];
    for (const caller of ['PNG', 'SLB', 'PNG'] as const) {
      g = withOrders(g, [[caller, { kind: 'callForum', amount: 500 }]]);
      const before = g.islands.PNG!.sovereignty;
      g = endPhase(g);
      gains.push(g.islands.PNG!.sovereignty - before);
      g = endPhase(g); // on to the next round's negotiation
    }
    expect(gains).toEqual([2, 1, 0]);
    expect(g.counters.forum).toBe(3);
    expect(g.log.some((e) => e.text.includes('the 3rd meeting of this game'))).toBe(true);
  });
});
