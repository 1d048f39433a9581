import { describe, expect, it } from 'vitest';
import { stateHash, step, validate, view } from '../../src/engine';
import { act, coralSeaCable, endPhase, newGame, offerNo } from '../helpers';

describe('offers and phases', () => {
  it('signs a two-island cable only when both islands accept, at resolution', () => {
    let g = newGame();
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable() });
    const offer = g.offers[0]!;
    expect(offer.status).toBe('open');
    g = act(g, { type: 'accept', role: 'SLB', offer: offer.id });
    expect(g.offers[0]!.status).toBe('open');
    g = act(g, { type: 'accept', role: 'PNG', offer: offer.id });
    expect(g.offers[0]!.status).toBe('accepted');
    expect(g.agreements).toHaveLength(0);
    g = endPhase(g);
    expect(g.phase).toBe('decisions');
    const before = g.powers.canberra!.treasury;
    g = endPhase(g);
    expect(g.round).toBe(2);
    expect(g.agreements).toHaveLength(1);
    expect(g.offers[0]!.status).toBe('signed');
    // 4,836 km at $25k/km plus six landing stations at $4m: the real project's ~US$144m.
    expect(before - (g.powers.canberra!.treasury - g.powers.canberra!.budgetPerRound)).toBe(144_900);
    const cable = g.cables.find((c) => c.agreement === 'a1')!;
    expect(cable.status).toBe('building');
    expect(cable.readyRound).toBe(1 + 6); // 18 months in quarterly rounds
  });

  it('voids a multi-party offer when one addressee rejects, and keeps the reason', () => {
    let g = newGame();
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable() });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = act(g, { type: 'reject', role: 'PNG', offer: offerNo(g, 1), reason: 'Our own Kumul cable is enough.' });
    expect(g.offers[0]!.status).toBe('rejected');
    expect(g.offers[0]!.reason).toBe('Our own Kumul cable is enough.');
    g = endPhase(endPhase(g));
    expect(g.agreements).toHaveLength(0);
  });

  it('expires offers nobody answered when negotiation ends', () => {
    let g = newGame();
    g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'grant', by: 'washington' } } });
    g = endPhase(g);
    expect(g.offers[0]!.status).toBe('expired');
  });

  it('lets a counter replace an offer, at most three times a round', () => {
    let g = newGame();
    const loan = (rate: number) => ({ kind: 'aid' as const, island: 'SLB', amount: 20000, financing: { kind: 'loan' as const, by: 'beijing' as const, ratePct: rate, years: 20, graceYears: 5 } });
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: loan(4) });
    g = act(g, { type: 'counter', role: 'SLB', offer: offerNo(g, 1), deal: loan(1) });
    expect(g.offers[0]!.status).toBe('countered');
    expect(g.offers[1]).toMatchObject({ from: 'SLB', to: ['beijing'], counterDepth: 1, replaces: offerNo(g, 1) });
    g = act(g, { type: 'counter', role: 'beijing', offer: offerNo(g, 2), deal: loan(3) });
    g = act(g, { type: 'counter', role: 'SLB', offer: offerNo(g, 3), deal: loan(2) });
    const refused = step(g, { type: 'counter', role: 'beijing', offer: offerNo(g, 4), deal: loan(2) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.refusal).toMatchObject({ code: 'tooManyCounters', field: 'offer' });
    g = act(g, { type: 'accept', role: 'beijing', offer: offerNo(g, 4) });
    g = endPhase(endPhase(g));
    expect(g.debts.find((d) => d.debtor === 'SLB')).toMatchObject({ creditor: 'beijing', principal: 20000, ratePct: 2 });
  });

  it('voids a deal that clashes with an exclusive cable signed before it', () => {
    let g = newGame();
    const huawei = coralSeaCable({ route: ['sydney', 'honiara', 'auki', 'noro'], vendor: 'huawei-marine', financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 20, graceYears: 5 }, exclusivity: true });
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB', 'canberra'], deal: huawei });
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable() });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = act(g, { type: 'accept', role: 'canberra', offer: offerNo(g, 1) });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 2) });
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 2) });
    g = endPhase(endPhase(g));
    expect(g.offers[0]!.status).toBe('signed');
    expect(g.offers[1]!.status).toBe('void');
    expect(g.offers[1]!.reason).toMatch(/exclusive landing rights/);
    expect(g.cables.filter((c) => c.agreement)).toHaveLength(1);
  });

  it('voids a deal whose money was already spent by an earlier signing', () => {
    let g = newGame();
    const cash = g.powers.washington!.treasury;
    const aid = (amount: number) => ({ kind: 'aid' as const, island: 'SLB', amount, financing: { kind: 'grant' as const, by: 'washington' as const } });
    g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid(cash - 1000) });
    g = act(g, { type: 'offer', role: 'washington', to: ['PNG'], deal: { ...aid(5000), island: 'PNG' } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 2) });
    g = endPhase(endPhase(g));
    expect(g.offers.map((o) => o.status)).toEqual(['signed', 'void']);
    expect(g.offers[1]!.reason).toMatch(/money already spent/);
  });
});

describe('refusals', () => {
  const g = newGame();
  const cases = [
    { name: 'wrong role', action: { type: 'accept', role: 'tokyo', offer: 'o1' }, code: 'unknownRole', field: 'role' },
    { name: 'wrong phase', action: { type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: 100 } }, code: 'wrongPhase' },
    { name: 'unaffordable', action: { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 900000, financing: { kind: 'grant', by: 'washington' } } }, code: 'unaffordable', field: 'deal.amount' },
    { name: 'illegal loan rate', action: { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 100, financing: { kind: 'loan', by: 'beijing', ratePct: 40, years: 20, graceYears: 2 } } }, code: 'illegalTerms', field: 'deal.financing.ratePct' },
    { name: 'unknown landing', action: { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable({ route: ['sydney', 'atlantis'] }) }, code: 'unknownTarget', field: 'deal.route[1]' },
    { name: 'too short a build', action: { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable({ buildMonths: 3 }) }, code: 'illegalTerms', field: 'deal.buildMonths' },
    { name: 'a party left out', action: { type: 'offer', role: 'canberra', to: ['SLB'], deal: coralSeaCable() }, code: 'badParty', field: 'to' },
    { name: 'paid by someone else', action: { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 100, financing: { kind: 'grant', by: 'beijing' } } }, code: 'badParty', field: 'to' },
    { name: 'answering an offer not addressed to you', action: { type: 'accept', role: 'PNG', offer: 'o1' }, code: 'unknownOffer', field: 'offer' },
  ] as const;
  for (const c of cases) {
    it(`refuses ${c.name} with code ${c.code}, and changes nothing`, () => {
      const base = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 100, financing: { kind: 'grant', by: 'washington' } } });
      const hash = stateHash(base);
      // The offer the cases answer is the one just made (ids are not numbered).
      const action = JSON.parse(JSON.stringify(c.action).replace('"o1"', JSON.stringify(offerNo(base, 1)))) as never;
      const r = step(base, action);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refusal.code).toBe(c.code);
        if ('field' in c) expect(r.refusal.field).toBe(c.field);
        expect(r.refusal.message.length).toBeGreaterThan(10);
      }
      expect(validate(base, action)?.code).toBe(c.code);
      expect(stateHash(base)).toBe(hash);
    });
  }

  it('refuses what is not an action at all (null, a number, a word) as malformed, without throwing', () => {
    const hash = stateHash(g);
    for (const bad of [null, undefined, 42, 'offer', []]) {
      const r = step(g, bad as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refusal.code).toBe('malformed');
    }
    expect(stateHash(g)).toBe(hash);
  });

  it('refuses acting again after ending the phase, and everything after the game is over', () => {
    let g2 = act(newGame(), { type: 'endPhase', role: 'SLB' });
    expect(validate(g2, { type: 'endPhase', role: 'SLB' })?.code).toBe('alreadyEnded');
    for (let i = 0; i < 24; i++) g2 = endPhase(g2);
    expect(g2.phase).toBe('over');
    expect(validate(g2, { type: 'endPhase', role: 'SLB' })?.code).toBe('gameOver');
  });
});

describe('explanations', () => {
  it('an action\'s one-line reason reaches exactly the viewers who may see the action', () => {
    let g = newGame();
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'grant', by: 'canberra' } }, why: 'Matching Beijing with a grant, to keep the vendor trusted.' });
    const text = 'Canberra: Matching Beijing with a grant, to keep the vendor trusted.';
    expect(view(g, 'SLB').log.some((e) => e.text === text)).toBe(true);
    expect(view(g, 'canberra').log.some((e) => e.text === text)).toBe(true);
    for (const other of ['PNG', 'beijing', 'washington', 'spectator'] as const) expect(view(g, other).log.some((e) => e.text === text)).toBe(false);
    expect(step(g, { type: 'endPhase', role: 'SLB', why: 'x'.repeat(300) })).toMatchObject({ ok: false, refusal: { field: 'why' } });
  });
});
