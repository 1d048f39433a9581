import { describe, expect, it } from 'vitest';
import { step, view, type GameState, type Order, type RoleId } from '../../src/engine';
import { act, endPhase, newGame, offerNo, clauseNo } from '../helpers';

const quiet = (seed = '1', edit?: Parameters<typeof newGame>[2]) =>
  newGame(seed, 'coral-sea', (s) => {
    s.deck.chancePerRound = 0;
    edit?.(s);
  });
/** Play negotiation, give the orders, resolve. */
const withOrders = (g: GameState, orders: [RoleId, Order][]): GameState => {
  let s = endPhase(g);
  for (const [role, order] of orders) s = act(s, { type: 'order', role, order });
  return endPhase(s);
};
/** The first seed whose roll goes the wanted way. */
function seedWhere(pred: (g: GameState) => boolean, make: (seed: string) => GameState): GameState {
  for (let s = 1; s < 200; s++) {
    const g = make(String(s));
    if (pred(g)) return g;
  }
  throw new Error('no seed found');
}

describe('sealed orders of the powers', () => {
  it('stay hidden from every other role until resolution', () => {
    let g = endPhase(quiet());
    g = act(g, { type: 'order', role: 'beijing', order: { kind: 'campaign', island: 'SLB', amount: 1000 } });
    expect(view(g, 'beijing').orders).toHaveLength(1);
    for (const other of ['SLB', 'PNG', 'canberra', 'washington', 'spectator'] as const) expect(view(g, other).orders).toHaveLength(0);
  });

  it('a cyber intrusion, if undetected, lets the intruder read the island\'s secret clauses at the next briefing', () => {
    const setup = (seed: string) => {
      let g = quiet(seed);
      g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: true }] } });
      g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
      return withOrders(g, [['beijing', { kind: 'intrusion', island: 'SLB', amount: 2000 }]]);
    };
    const hidden = seedWhere((g) => g.powers.beijing!.intrusions.length > 0, setup);
    expect(view(hidden, 'beijing').agreements[0]!.clauses.map((c) => c.kind)).toEqual(['unrestDeployment']);
    expect(view(hidden, 'washington').agreements[0]!.clauses).toEqual([]);
    const caught = seedWhere((g) => g.powers.beijing!.intrusions.length === 0, setup);
    expect(caught.powers.beijing!.reputation).toBe(55 - 8);
    expect(caught.log.some((e) => e.text.includes('detects a cyber intrusion') && e.seenBy === 'all')).toBe(true);
  });

  it('leaking a rival\'s secret makes it public and costs its parties', () => {
    let g = quiet();
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: true }] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = endPhase(endPhase(g));
    // Canberra cannot leak what it does not hold.
    const blind = step(endPhase(g), { type: 'order', role: 'canberra', order: { kind: 'leakDraft', clause: clauseNo(g, 'a1'), amount: 0 } });
    expect(blind.ok === false && blind.refusal).toMatchObject({ code: 'unknownTarget', field: 'order.clause' });
    const known = { ...g, agreements: g.agreements.map((a) => ({ ...a, clauses: a.clauses.map((c) => ({ ...c, seenBy: ['SLB', 'beijing', 'canberra'] })) })) };
    const legit = known.islands.SLB!.legitimacy;
    const after = withOrders(known, [['canberra', { kind: 'leakDraft', clause: clauseNo(g, 'a1'), amount: 0 }]]);
    expect(view(after, 'washington').agreements[0]!.clauses.map((c) => c.kind)).toEqual(['unrestDeployment']);
    expect(after.islands.SLB!.legitimacy).toBeLessThan(legit - 5);
    expect(after.log.some((e) => e.seenBy === 'all' && /^A leaked draft shows a secret unrest-deployment clause in agreement /.test(e.text))).toBe(true);
  });

  it('a vendor warning makes a later deal with that vendor cost the island the warning power\'s favour (FSM 2020)', () => {
    let g = withOrders(quiet(), [['washington', { kind: 'vendorPressure', island: 'SLB', vendor: 'huawei', amount: 500 }]]);
    expect(g.islands.SLB!.pressure).toEqual([{ vendor: 'huawei', by: 'washington', until: 3 }]);
    const align = g.islands.SLB!.alignment.washington;
    g = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'telecom', island: 'SLB', project: 'towers', vendor: 'huawei', amount: 5000, financing: { kind: 'grant', by: 'beijing' } } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = endPhase(endPhase(g));
    expect(g.islands.SLB!.alignment.washington).toBe(align - 15);
  });
});

describe('sealed orders of the islands', () => {
  it('a crackdown calms the streets and costs democracy', () => {
    const g0 = quiet('1', (s) => {
      s.islands[0]!.legitimacy = 20;
    });
    const g = withOrders(g0, [['SLB', { kind: 'crackdown', amount: 0 }]]);
    const control = withOrders(g0, []);
    expect(g.islands.SLB!.unrest).toBeLessThan(control.islands.SLB!.unrest - 10);
    expect(g.islands.SLB!.democracy).toBe(control.islands.SLB!.democracy - 8);
  });

  it('an election can be delayed only when due, at a price in democracy and legitimacy (Solomons 2022)', () => {
    const early = step(endPhase(quiet()), { type: 'order', role: 'SLB', order: { kind: 'delayElection', amount: 0 } });
    expect(early.ok === false && early.refusal).toMatchObject({ code: 'illegalTerms', field: 'order.kind' });
    const g0 = quiet('1', (s) => {
      s.islands[0]!.nextElection = 1;
    });
    const g = withOrders(g0, [['SLB', { kind: 'delayElection', amount: 0 }]]);
    expect(g.islands.SLB!.nextElection).toBe(1 + 4);
    expect(g.islands.SLB!.delays).toBe(1);
    expect(g.islands.SLB!.democracy).toBe(g0.islands.SLB!.democracy - 8);
    expect(g.log.some((e) => e.text.startsWith('Election in Solomon Islands'))).toBe(false);
  });

  it('an early election is held at the end of the round', () => {
    const g = withOrders(quiet(), [['SLB', { kind: 'holdElection', amount: 0 }]]);
    expect(g.log.some((e) => e.text.startsWith('Election in Solomon Islands'))).toBe(true);
  });

  it('diversifying vendors and a CERT raise sovereignty and cyber resilience', () => {
    const g0 = quiet();
    // Half a round of Solomons revenue each (the gains are measured against the island's revenue).
    const half = Math.round(g0.islands.SLB!.revenuePerRound / 2);
    const g = withOrders(g0, [
      ['SLB', { kind: 'diversifyVendors', amount: half }],
      ['SLB', { kind: 'buildCert', amount: half }],
    ]);
    expect(g.islands.SLB!.sovereignty).toBe(g0.islands.SLB!.sovereignty + 3); // 1 + floor(half x 4 / revenue)
    expect(g.islands.SLB!.cyber).toBe(g0.islands.SLB!.cyber + 2 + 5);
  });

  it('diversifying a second time brings a quarter of the gain, a third time a ninth', () => {
    let g = quiet();
    const start = g.islands.SLB!.sovereignty;
    const gains: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = g.islands.SLB!.sovereignty;
      g = withOrders(g, [['SLB', { kind: 'diversifyVendors', amount: g.islands.SLB!.revenuePerRound }]]);
      gains.push(g.islands.SLB!.sovereignty - before);
    }
    expect(gains).toEqual([5, 1, 0]); // 1 + floor(a round's revenue x 4 / revenue) = 5, then 5/4 and 5/9, rounded down
    expect(g.islands.SLB!.sovereignty).toBe(start + 6);
  });

  // Forums called by an island: tests/engine/forum.test.ts.

  it('rescheduling a debt adds five years and takes a point off the rate, for the creditor\'s leverage', () => {
    const g0 = quiet();
    const g = withOrders(g0, [['PNG', { kind: 'renegotiateDebt', debt: 'exim-kumul', amount: 0 }]]);
    const debt = g.debts.find((d) => d.id === 'exim-kumul')!;
    expect(debt.ratePct).toBe(1);
    expect(debt.instalmentsLeft).toBe(g0.debts.find((d) => d.id === 'exim-kumul')!.instalmentsLeft + 20);
    expect(g.powers.beijing!.influence.PNG).toBeGreaterThan(g0.powers.beijing!.influence.PNG!);
  });

  it('refuses an act of the other side, and an order that would overspend', () => {
    const g = endPhase(quiet());
    expect(step(g, { type: 'order', role: 'SLB', order: { kind: 'intrusion', island: 'PNG', amount: 2000 } })).toMatchObject({ ok: false, refusal: { code: 'illegalTerms', field: 'order.kind' } });
    expect(step(g, { type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: 10_000_000 } })).toMatchObject({ ok: false, refusal: { code: 'unaffordable', field: 'order.amount' } });
  });
});

describe('unrest', () => {
  it('rises when legitimacy is low and boils over into riots', () => {
    let g = quiet('1', (s) => {
      s.islands[0]!.legitimacy = 5;
      s.islands[0]!.economy = 5;
    });
    let riots = 0;
    for (let r = 0; r < 8; r++) {
      g = endPhase(endPhase(g));
      riots = g.events.filter((e) => e.kind === 'riots' && e.island === 'SLB').length;
    }
    expect(g.islands.SLB!.unrest).toBeGreaterThan(40);
    expect(riots).toBeGreaterThan(0);
  });
});
