import { describe, expect, it } from 'vitest';
import { step, view, type GameState } from '../../src/engine';
import { act, coralSeaCable, endPhase, newGame } from '../helpers';

const quiet = (seed = '1', taipei = false) =>
  newGame(
    seed,
    'coral-sea',
    (s) => {
      s.deck.chancePerRound = 0;
    },
    { taipei },
  );
const round = (g: GameState) => endPhase(endPhase(g));
const signed = (g: GameState, from: string, to: string[], deal: never): GameState => {
  let s = act(g, { type: 'offer', role: from, to, deal });
  const id = s.offers.at(-1)!.id;
  for (const r of to) s = act(s, { type: 'accept', role: r, offer: id });
  return round(s);
};

describe('cable terms', () => {
  it('the islands pay their co-financing share from their treasuries (the Coral Sea model)', () => {
    const g = quiet();
    const slb = g.islands.SLB!.treasury;
    const cbr = g.powers.canberra!.treasury;
    const after = signed(g, 'canberra', ['SLB', 'PNG'], coralSeaCable({ islandSharePct: 30 }) as never);
    // 30% of $144.9m = $43.47m, split evenly: PNG (first in order) pays the odd thousand.
    expect(after.ledger.filter((e) => e.kind === 'cofinancing').map((e) => [e.from, e.amount])).toEqual([
      ['PNG', 21735],
      ['SLB', 21735],
    ]);
    expect(after.ledger.find((e) => e.kind === 'vendor' && e.from === 'canberra')!.amount).toBe(144900 - 43470);
    expect(after.powers.canberra!.treasury).toBe(cbr - 101430 + 30000);
    // The Solomons pay their share out of what they hold and the round's revenue comes in on top.
    const revenue = after.ledger.filter((e) => e.kind === 'revenue' && e.to === 'SLB').reduce((sum, e) => sum + e.amount, 0);
    expect(revenue).toBeGreaterThan(0);
    expect(after.islands.SLB!.treasury).toBe(slb - 21735 + revenue);
  });

  it('refuses a share an island cannot pay, naming the field', () => {
    // Half of US$144.9m is US$36.2m for each island: more than a Solomons treasury of US$30m holds.
    const poor = newGame('1', 'coral-sea', (s) => {
      s.deck.chancePerRound = 0;
      s.islands.find((i) => i.id === 'SLB')!.treasury = 30000;
    });
    const r = step(poor, { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable({ islandSharePct: 50 }) });
    expect(r.ok === false && r.refusal).toMatchObject({ code: 'unaffordable', field: 'deal.islandSharePct' });
  });
});

describe('telecom deals', () => {
  it('a tower network on an Exim-style loan creates a debt and an asset at once, raises coverage once built a year later, and lets Beijing watch', () => {
    const deal = { kind: 'telecom', island: 'SLB', project: 'towers', vendor: 'huawei', amount: 66000, financing: { kind: 'loan', by: 'beijing', ratePct: 1, years: 20, graceYears: 5 } };
    let g = signed(quiet(), 'beijing', ['SLB'], deal as never);
    // Signed in round 1 of quarterly rounds: twelve months of building, switched on at round 5's resolution.
    expect(g.islands.SLB!.assets).toEqual([{ id: 't1', kind: 'towers', vendor: 'huawei', owner: 'SLB', agreement: 'a1', readyRound: 5 }]);
    expect(g.debts.find((d) => d.debtor === 'SLB')).toMatchObject({ principal: 66000, ratePct: 1, creditor: 'beijing' });
    expect(g.islands.SLB!.coverage).toBe(20);
    expect(g.islands.SLB!.exposure.beijing).toBe(0);
    while (g.round < 5) g = endPhase(endPhase(g));
    expect(g.islands.SLB!.coverage).toBe(20);
    g = endPhase(endPhase(g));
    expect(g.islands.SLB!.coverage).toBe(20 + 30);
    expect(g.islands.SLB!.assets[0]!.readyRound).toBeUndefined();
    expect(g.islands.SLB!.exposure.beijing).toBe(100);
    // Untrusted kit is a window: Beijing now sees offers made to the Solomons.
    const next = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 1000, financing: { kind: 'grant', by: 'canberra' } } });
    expect(view(next, 'beijing').offers.map((o) => o.id)).toContain(next.offers.at(-1)!.id);
    expect(view(next, 'washington').offers.map((o) => o.id)).not.toContain(next.offers.at(-1)!.id);
  });

  it('a carrier bought with a power\'s money stays in its hands: a rival cannot buy it (Digicel 2021-22)', () => {
    const buy = (by: string) => ({ kind: 'telecom', island: 'PNG', project: 'carrier', vendor: 'ericsson', amount: 20000, financing: { kind: 'grant', by } });
    let g = signed(quiet(), 'canberra', ['PNG'], buy('canberra') as never);
    expect(g.islands.PNG!.assets[0]).toMatchObject({ kind: 'carrier', owner: 'canberra' });
    g = signed(g, 'beijing', ['PNG'], buy('beijing') as never);
    expect(g.offers.at(-1)).toMatchObject({ status: 'void', reason: expect.stringContaining('already controlled by Canberra') });
  });

  it('a "safe city" system steadies the government and costs democracy', () => {
    const g0 = quiet();
    const g = signed(g0, 'beijing', ['SLB'], { kind: 'telecom', island: 'SLB', project: 'safeCity', vendor: 'huawei', amount: 5000, financing: { kind: 'grant', by: 'beijing' } } as never);
    expect(g.islands.SLB!.democracy).toBe(g0.islands.SLB!.democracy - 8);
    expect(g.islands.SLB!.legitimacy).toBeGreaterThan(g0.islands.SLB!.legitimacy + 5);
  });
});

describe('diplomatic deals', () => {
  it('recognition switches from Taipei to Beijing only in a deal with Beijing', () => {
    const r = step(quiet('1', true), { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'diplomatic', island: 'SLB', power: 'washington', act: 'switchRecognition' } });
    expect(r.ok === false && r.refusal).toMatchObject({ code: 'illegalTerms', field: 'deal.power' });
    const g = signed(quiet('1', true), 'beijing', ['SLB'], { kind: 'diplomatic', island: 'SLB', power: 'beijing', act: 'switchRecognition' } as never);
    expect(g.islands.SLB!.recognises).toBe('PRC');
  });

  it('joining the trusted-network programme shuts out untrusted vendors and the rival initiative', () => {
    let g = signed(quiet(), 'washington', ['PNG'], { kind: 'diplomatic', island: 'PNG', power: 'washington', act: 'joinBloc' } as never);
    expect(g.islands.PNG!.blocs).toEqual(['trustedNetwork']);
    g = signed(g, 'beijing', ['PNG'], { kind: 'telecom', island: 'PNG', project: 'towers', vendor: 'huawei', amount: 1000, financing: { kind: 'grant', by: 'beijing' } } as never);
    expect(g.offers.at(-1)).toMatchObject({ status: 'void', reason: expect.stringContaining('excludes Huawei') });
    g = signed(g, 'beijing', ['PNG'], { kind: 'diplomatic', island: 'PNG', power: 'beijing', act: 'joinBloc' } as never);
    expect(g.offers.at(-1)).toMatchObject({ status: 'void', reason: expect.stringContaining('rival programme') });
  });
});

describe('aid terms', () => {
  it('relief right after a disaster buys twice the goodwill of budget support; in calm times half (Tonga 2022)', () => {
    const relief = { kind: 'aid', island: 'PNG', amount: 5000, purpose: 'relief', financing: { kind: 'grant', by: 'canberra' } };
    const calm = signed(quiet(), 'canberra', ['PNG'], relief as never);
    const struck = signed(
      newGame('1', 'coral-sea', (s) => {
        s.deck.chancePerRound = 0;
        s.scripted = [{ round: 1, kind: 'cyclone', island: 'PNG' }];
      }),
      'canberra',
      ['PNG'],
      relief as never,
    );
    const base = quiet().islands.PNG!.alignment.canberra;
    // A $5m grant to PNG weighs 2 + floor(5,000 x 4 / 25,000) = 2 points of goodwill as budget support.
    expect(struck.islands.PNG!.alignment.canberra - base).toBe(4);
    expect(calm.islands.PNG!.alignment.canberra - base).toBe(1);
  });

  it('a loan in default hands its collateral to the creditor', () => {
    let g = quiet();
    // A $60m loan at 15% over 2 years, no grace, pledging the port: far beyond the Solomons' means.
    g = signed(g, 'beijing', ['SLB'], { kind: 'aid', island: 'SLB', amount: 60000, financing: { kind: 'loan', by: 'beijing', ratePct: 15, years: 2, graceYears: 0, collateral: 'port' } } as never);
    // Spend the money so it cannot pay: buy a CERT with all of it.
    for (let i = 0; i < 3 && !g.debts.find((d) => d.debtor === 'SLB')?.defaulted; i++) {
      g = endPhase(g);
      g = act(g, { type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: g.islands.SLB!.treasury } });
      g = endPhase(g);
    }
    const debt = g.debts.find((d) => d.debtor === 'SLB')!;
    expect(debt.defaulted).toBe(true);
    expect(g.islands.SLB!.assets).toContainEqual(expect.objectContaining({ kind: 'port', owner: 'beijing' }));
    expect(g.log.some((e) => e.text.includes('defaults on debt') && e.text.includes('control of its main port'))).toBe(true);
  });
});

describe('conditions, breaches, cancellation and renegotiation', () => {
  it('a grant conditioned on keeping a vendor out is breached when the island signs with it, and the breach costs the island', () => {
    let g = signed(quiet(), 'canberra', ['SLB'], { kind: 'aid', island: 'SLB', amount: 10000, financing: { kind: 'grant', by: 'canberra' }, conditions: [{ kind: 'noVendor', vendor: 'huawei' }] } as never);
    const before = g.islands.SLB!;
    g = signed(g, 'beijing', ['SLB'], { kind: 'telecom', island: 'SLB', project: 'towers', vendor: 'huawei', amount: 5000, financing: { kind: 'grant', by: 'beijing' } } as never);
    const a = g.agreements.find((x) => x.id === 'a1')!;
    expect(a.status).toBe('breached');
    expect(g.islands.SLB!.alignment.canberra).toBeLessThan(before.alignment.canberra - 9);
    expect(g.log.some((e) => e.text.startsWith('Breach detected: Solomon Islands'))).toBe(true);
  });

  it('cancelling costs a power reputation and undoes the clauses', () => {
    let g = signed(quiet(), 'canberra', ['SLB'], { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: false }] } as never);
    const sov = g.islands.SLB!.sovereignty;
    const rep = g.powers.canberra!.reputation;
    g = act(g, { type: 'cancel', role: 'canberra', agreement: 'a1', reason: 'The mission is complete.' });
    expect(g.agreements[0]).toMatchObject({ status: 'cancelled' });
    expect(g.powers.canberra!.reputation).toBe(rep - 6);
    expect(g.islands.SLB!.sovereignty).toBe(sov + 6);
    expect(step(g, { type: 'cancel', role: 'PNG', agreement: 'a1', reason: 'x' })).toMatchObject({ ok: false });
  });

  it('a renegotiated pact replaces the old one and only the changed clauses take effect', () => {
    let g = signed(quiet(), 'beijing', ['SLB'], { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: false }] } as never);
    const sov = g.islands.SLB!.sovereignty;
    g = act(g, { type: 'offer', role: 'SLB', to: ['beijing'], amends: 'a1', deal: { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [] } });
    g = act(g, { type: 'accept', role: 'beijing', offer: g.offers.at(-1)!.id });
    g = round(g);
    expect(g.agreements.map((a) => a.status)).toEqual(['ended', 'active']);
    expect(g.islands.SLB!.sovereignty).toBe(sov + 6); // the unrest clause is gone; the pact itself is not paid twice
  });

  it('a secret clause moves the island\'s public figures only once it comes out (a deployment shows it)', () => {
    const pact = (secret: boolean) => signed(quiet(), 'beijing', ['SLB'], { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret }] } as never);
    const open = pact(false);
    const secret = pact(true);
    // Announced, the clause costs sovereignty (−6) and democracy (−3) at once; kept secret, nothing public moves.
    expect(open.islands.SLB!.sovereignty).toBe(secret.islands.SLB!.sovereignty - 6);
    expect(open.islands.SLB!.democracy).toBe(secret.islands.SLB!.democracy - 3);
    // Riots: Beijing deploys under the clause, which is public from then on and weighs as announced.
    const rioted = step(secret, { type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'riots', island: 'SLB' } });
    expect(rioted.ok).toBe(true);
    if (!rioted.ok) return;
    expect(rioted.state.agreements[0]!.clauses[0]!.seenBy).toBe('all');
    expect(view(rioted.state, 'washington').agreements[0]!.clauses.map((c) => c.kind)).toEqual(['unrestDeployment']);
  });

  it('a renegotiated loan keeps its money and changes its terms', () => {
    let g = signed(quiet(), 'beijing', ['SLB'], { kind: 'aid', island: 'SLB', amount: 20000, financing: { kind: 'loan', by: 'beijing', ratePct: 6, years: 10, graceYears: 2 } } as never);
    const treasury = g.powers.beijing!.treasury;
    g = act(g, { type: 'offer', role: 'SLB', to: ['beijing'], amends: 'a1', deal: { kind: 'aid', island: 'SLB', amount: 20000, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 20, graceYears: 5 } } });
    g = act(g, { type: 'accept', role: 'beijing', offer: g.offers.at(-1)!.id });
    g = round(g);
    const debt = g.debts.find((d) => d.debtor === 'SLB')!;
    expect(debt).toMatchObject({ ratePct: 2, agreement: 'a2', principal: 20000 });
    expect(g.powers.beijing!.treasury).toBeGreaterThanOrEqual(treasury + g.powers.beijing!.budgetPerRound - 1); // budget only; no second disbursement
  });
});

describe('repair ships', () => {
  it('cuts queue for the region\'s one repair ship', () => {
    const g = newGame('1', 'coral-sea', (s) => {
      s.deck.chancePerRound = 0;
      s.scripted = [
        { round: 1, kind: 'anchorDrag', cable: 'ppc-1' },
        { round: 1, kind: 'anchorDrag', cable: 'png-lng' },
      ];
    });
    expect(g.cables.find((c) => c.id === 'ppc-1')!.readyRound).toBe(1);
    expect(g.cables.find((c) => c.id === 'png-lng')!.readyRound).toBe(2);
  });
});
