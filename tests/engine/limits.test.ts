import { describe, expect, it } from 'vitest';
import { legalActions, stateHash, step, view, type Action, type GameState } from '../../src/engine';
import { ROUND_LIMITS } from '../../src/engine/validate';
import { act, endPhase, newGame, offerNo } from '../helpers';

const quiet = () =>
  newGame('1', 'coral-sea', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = [];
  });
const aid = (island: string, by: 'washington' | 'canberra', amount = 100) => ({ kind: 'aid' as const, island, amount, financing: { kind: 'grant' as const, by } });

describe('per-seat, per-round limits on repeatable actions', () => {
  it('4,000 offer and withdraw attempts: 20 offers are made, the rest refused with the reason, and nothing else changes', () => {
    let g = quiet();
    const codes: Record<string, number> = {};
    let made = 0;
    let lastRefusal = '';
    for (let i = 0; i < 2000; i++) {
      const offer = step(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington') });
      if (offer.ok) {
        made++;
        g = offer.state;
      } else {
        codes[offer.refusal.code] = (codes[offer.refusal.code] ?? 0) + 1;
        lastRefusal = offer.refusal.message;
        continue;
      }
      const id = g.offers.at(-1)!.id;
      g = act(g, { type: 'withdraw', role: 'washington', offer: id });
    }
    expect(made).toBe(ROUND_LIMITS.offers);
    expect(made).toBe(20);
    expect(codes).toEqual({ limitReached: 2000 - 20 });
    expect(lastRefusal).toMatch(/20 offers \(withdrawn ones count\) this round/);
    expect(g.offers.filter((o) => o.from === 'washington')).toHaveLength(20);
    // Other seats are not held back, and the next round the limit starts again.
    expect(step(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: aid('SLB', 'canberra') }).ok).toBe(true);
    g = endPhase(endPhase(g));
    expect(g.round).toBe(2);
    expect(step(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington') }).ok).toBe(true);
  });

  it('once the offer limit is reached, the legal actions a seat is shown hold no offer', () => {
    let g = quiet();
    for (let i = 0; i < 20; i++) {
      g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington') });
      g = act(g, { type: 'withdraw', role: 'washington', offer: g.offers.at(-1)!.id });
    }
    expect(legalActions(view(g, 'washington'), 'washington').filter((t) => t.type === 'offer')).toEqual([]);
    expect(legalActions(view(g, 'canberra'), 'canberra').some((t) => t.type === 'offer')).toBe(true);
  });

  it('counter-offers: at most 10 a seat a round', () => {
    let g = quiet();
    for (let i = 0; i < 12; i++) g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington', 100 + i) });
    const open = g.offers.map((o) => o.id);
    let countered = 0;
    for (const id of open) {
      const r = step(g, { type: 'counter', role: 'SLB', offer: id, deal: aid('SLB', 'washington', 500) });
      if (!r.ok) {
        expect(r.refusal).toMatchObject({ code: 'limitReached' });
        expect(r.refusal.message).toContain('10 counter-offers');
        continue;
      }
      g = r.state;
      countered++;
    }
    expect(countered).toBe(ROUND_LIMITS.counters);
  });

  it('renegotiations and cancellations: at most 5 each a seat a round; orders at most 3', () => {
    let g = quiet();
    // Round 1: six aid agreements and a pact with SLB.
    for (let i = 0; i < 6; i++) {
      g = act(g, { type: 'offer', role: i % 2 ? 'washington' : 'canberra', to: ['SLB'], deal: aid('SLB', i % 2 ? 'washington' : 'canberra', 100 + i) });
      g = act(g, { type: 'accept', role: 'SLB', offer: g.offers.at(-1)!.id });
    }
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: g.offers.at(-1)!.id });
    g = endPhase(endPhase(g));
    const pact = g.agreements.find((a) => a.deal.kind === 'pact')!;
    const renegotiate: Action = { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [{ kind: 'shipVisits', secret: false }] }, amends: pact.id };
    for (let i = 0; i < 5; i++) {
      g = act(g, renegotiate);
      g = act(g, { type: 'withdraw', role: 'canberra', offer: g.offers.at(-1)!.id });
    }
    const sixth = step(g, renegotiate);
    expect(sixth.ok === false && sixth.refusal).toMatchObject({ code: 'limitReached' });
    expect(sixth.ok === false && sixth.refusal.message).toContain('5 renegotiations');

    const aidAgreements = g.agreements.filter((a) => a.deal.kind === 'aid' && a.status === 'active');
    expect(aidAgreements).toHaveLength(6);
    for (const a of aidAgreements.slice(0, 5)) g = act(g, { type: 'cancel', role: 'SLB', agreement: a.id, reason: 'We want to try another partner.' });
    const before = stateHash(g);
    const cancel = step(g, { type: 'cancel', role: 'SLB', agreement: aidAgreements[5]!.id, reason: 'One more.' });
    expect(cancel.ok === false && cancel.refusal).toMatchObject({ code: 'limitReached' });
    expect(cancel.ok === false && cancel.refusal.message).toContain('5 cancellations');
    expect(stateHash(g)).toBe(before);

    g = endPhase(g);
    for (const kind of ['buildCert', 'crackdown', 'callForum'] as const) g = act(g, { type: 'order', role: 'SLB', order: { kind, amount: kind === 'callForum' ? 500 : 100 } });
    const fourth = step(g, { type: 'order', role: 'SLB', order: { kind: 'holdElection', amount: 0 } });
    expect(fourth.ok === false && fourth.refusal).toMatchObject({ code: 'limitReached', field: 'order' });
  });
});

describe('an action copies only what it touches', () => {
  it('answering one offer leaves every other offer of the round the very same object', () => {
    let g: GameState = quiet();
    for (let i = 0; i < 10; i++) g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington', 100 + i) });
    const before = g;
    const after = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 5) });
    const changed = after.offers.filter((o, i) => o !== before.offers[i]).map((o) => o.id);
    expect(changed).toEqual([offerNo(g, 5)]);
    expect(before.offers[4]!.status).toBe('open');
    expect(after.offers[4]!.status).toBe('accepted');
    // And a new offer adds one object without copying the others.
    const more = act(after, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington', 999) });
    expect(more.offers.slice(0, 10).every((o, i) => o === after.offers[i])).toBe(true);
    expect(more.log).toBe(after.log);
  });
});
