import { describe, expect, it } from 'vitest';
import { ledgerBalances, scoreOf, step, validate, type Action, type CableDeal, type Cofunder, type GameState } from '../../src/engine';
import { act, endPhase, newGame } from '../helpers';

/** The East Micronesia route: Pohnpei (on HANTRU-1) to Kosrae, Nauru and Tarawa. */
const EMC = ['pohnpei', 'tofol', 'yaren', 'bairiki'];
const cable = (route: string[], over: Partial<CableDeal> = {}): CableDeal => ({
  kind: 'cable',
  route,
  vendor: 'nec',
  financing: { kind: 'grant', by: 'canberra' },
  buildMonths: 18,
  stationOperator: 'island',
  dataAccess: false,
  exclusivity: false,
  ...over,
});
const trusted = (cofunders: Cofunder[]): CableDeal => cable(EMC, { cofunders });
const offer = (g: GameState, deal: CableDeal, role = 'canberra', to = ['FSM', 'KIR', 'NRU', 'washington']): Action => ({ type: 'offer', role, to: to.filter((r) => r !== role), deal });

/** Micronesia without its tabled offers, Tokyo's pledge open from round 1, no random events. */
const micronesia = (edit?: Parameters<typeof newGame>[2]) =>
  newGame('jf', 'micronesia', (s) => {
    s.deck.chancePerRound = 0;
    for (const f of s.funders ?? []) for (const p of f.pledges) delete p.fromRound;
    edit?.(s);
  });

/** Offer, have every addressee accept, and play on to the next round's negotiation: the deal is signed at resolution. */
function signAll(g: GameState, deals: { deal: CableDeal; from: string }[]): GameState {
  let s = g;
  for (const { deal, from } of deals) {
    const parties = ['FSM', 'KIR', 'NRU', 'canberra', 'washington', 'beijing'].filter((r) => r === from || JSON.stringify(deal).includes(`"${r}"`) || (r.length === 3 && deal.route.some((l) => s.landings[l]?.island === r)));
    s = act(s, offer(s, deal, from, parties));
    const o = s.offers[s.offers.length - 1]!;
    for (const r of o.to) s = act(s, { type: 'accept', role: r, offer: o.id });
  }
  s = endPhase(s);
  s = endPhase(s);
  return s;
}

describe('joint funding', () => {
  it('books each funder\'s share in the ledger as single financing is booked, and the news names every funder and its share', () => {
    const g = micronesia();
    const before = { canberra: g.powers.canberra!.treasury, washington: g.powers.washington!.treasury, tokyo: g.funders!.tokyo!.treasury };
    const deal = trusted([
      { kind: 'grant', by: 'washington', sharePct: 20 },
      { kind: 'grant', by: 'tokyo', sharePct: 20 },
    ]);
    const s = signAll(g, [{ deal, from: 'canberra' }]);
    const a = s.agreements.find((x) => x.deal.kind === 'cable');
    expect(a?.parties).toEqual(['FSM', 'KIR', 'NRU', 'canberra', 'washington']);
    const paid = s.ledger.filter((e) => e.ref === a!.id && e.kind === 'vendor');
    const price = paid.reduce((t, e) => t + e.amount, 0);
    const share = (who: string) => paid.find((e) => e.from === who)?.amount ?? 0;
    expect(share('washington')).toBe(Math.floor((price * 20) / 100));
    expect(share('tokyo')).toBe(Math.floor((price * 20) / 100));
    expect(share('canberra')).toBe(price - 2 * Math.floor((price * 20) / 100));
    expect(s.funders!.tokyo!.treasury).toBe(before.tokyo - share('tokyo'));
    // The books balance for every account, the scripted funder's included.
    const books = ledgerBalances(s);
    expect(books.tokyo).toBe(s.funders!.tokyo!.treasury);
    for (const p of ['canberra', 'washington'] as const) expect(books[p]).toBe(s.powers[p]!.treasury);
    expect(s.log.map((l) => l.text).join('\n')).toMatch(/funded jointly: Canberra 60% \(grant\), Washington 20% \(grant\), Tokyo 20% \(grant\)/);
    expect(s.cables.some((c) => c.agreement === a!.id && c.route.join() === EMC.join())).toBe(true);
    expect(before.washington).toBeGreaterThan(share('washington'));
  });

  it('a development bank\'s loan becomes the islands\' debt to the bank, split along the route, and is serviced like any loan', () => {
    const g = micronesia((s) => {
      const adb = s.funders!.find((f) => f.id === 'adb')!;
      adb.budget = 40000;
      adb.pledges = [{ deal: 'cable', islands: ['NRU'], sharePct: 30, terms: { kind: 'loan', ratePct: 1, years: 30, graceYears: 1 } }];
    });
    const deal = cable(EMC, { cofunders: [{ kind: 'loan', by: 'adb', sharePct: 30, ratePct: 1, years: 30, graceYears: 1 }] });
    let s = signAll(g, [{ deal, from: 'canberra' }]);
    const debts = s.debts.filter((d) => d.creditor === 'adb');
    expect(debts.map((d) => d.debtor).sort()).toEqual(['FSM', 'KIR', 'NRU']);
    const lent = s.ledger.find((e) => e.from === 'adb' && e.kind === 'vendor')!.amount;
    expect(debts.reduce((t, d) => t + d.principal, 0)).toBe(lent);
    s = endPhase(endPhase(s));
    expect(s.ledger.some((e) => e.to === 'adb' && e.kind === 'interest')).toBe(true);
    expect(ledgerBalances(s).adb).toBe(s.funders!.adb!.treasury);
  });

  it('refuses shares that do not add up, a funder twice, a funder without budget, and terms off the script, each with its code and field', () => {
    const g = micronesia((s) => {
      s.funders!.find((f) => f.id === 'tokyo')!.budget = 1000;
    });
    const refusal = (deal: CableDeal, to?: string[]) => validate(g, offer(g, deal, 'canberra', to));
    expect(refusal(trusted([{ kind: 'grant', by: 'washington', sharePct: 60 }, { kind: 'grant', by: 'worldBank', sharePct: 40 }]))).toMatchObject({ code: 'illegalTerms', field: 'deal.cofunders' });
    expect(refusal(trusted([{ kind: 'grant', by: 'canberra', sharePct: 20 }]), ['FSM', 'KIR', 'NRU'])).toMatchObject({ code: 'illegalTerms', field: 'deal.cofunders[0].by' });
    expect(refusal(trusted([{ kind: 'grant', by: 'washington', sharePct: 10 }, { kind: 'grant', by: 'washington', sharePct: 10 }]))).toMatchObject({ code: 'illegalTerms', field: 'deal.cofunders[1].by' });
    expect(refusal(trusted([{ kind: 'grant', by: 'tokyo', sharePct: 20 }]), ['FSM', 'KIR', 'NRU'])).toMatchObject({ code: 'unaffordable', field: 'deal.cofunders[0].by' });
    // The World Bank pays at most half, as a grant.
    expect(refusal(trusted([{ kind: 'grant', by: 'worldBank', sharePct: 60 }]), ['FSM', 'KIR', 'NRU'])).toMatchObject({ code: 'illegalTerms', field: 'deal.cofunders[0].sharePct' });
    expect(refusal(trusted([{ kind: 'loan', by: 'worldBank', sharePct: 40, ratePct: 1, years: 30, graceYears: 5 }]), ['FSM', 'KIR', 'NRU'])).toMatchObject({ code: 'illegalTerms', field: 'deal.cofunders[0].kind' });
    // Tokyo joins only a trusted vendor's cable to Kiribati.
    const hmn = cable(EMC, { vendor: 'hmn-tech', financing: { kind: 'grant', by: 'beijing' }, cofunders: [{ kind: 'grant', by: 'tokyo', sharePct: 5 }] });
    expect(validate(g, offer(g, hmn, 'beijing', ['FSM', 'KIR', 'NRU']))).toMatchObject({ code: 'illegalTerms', field: 'deal.cofunders[0].by' });
    expect(validate(g, offer(g, hmn, 'beijing', ['FSM', 'KIR', 'NRU']))?.message).toMatch(/Tokyo co-funds no such deal/);
    // A power that co-funds is a party: it must be an addressee.
    expect(refusal(trusted([{ kind: 'grant', by: 'washington', sharePct: 20 }]), ['FSM', 'KIR', 'NRU'])).toMatchObject({ code: 'badParty', field: 'to' });
    // A funder the scenario does not have.
    const coral = newGame('jf');
    const inCoral = { type: 'offer' as const, role: 'canberra', to: ['PNG', 'SLB'], deal: { kind: 'aid' as const, island: 'SLB', amount: 1000, financing: { kind: 'grant' as const, by: 'canberra' as const }, cofunders: [{ kind: 'grant' as const, by: 'worldBank' as const, sharePct: 10 }] } };
    expect(validate(coral, { ...inCoral, to: ['SLB'] })).toMatchObject({ code: 'unknownTarget', field: 'deal.cofunders[0].by' });
    // The shape is strict: an unknown funder or field is malformed before any rule runs.
    expect(validate(coral, { ...inCoral, to: ['SLB'], deal: { ...inCoral.deal, cofunders: [{ kind: 'grant', by: 'jica', sharePct: 10 }] } } as unknown as Action)?.field).toBe('deal.cofunders[0].by');
    expect(validate(coral, { ...inCoral, to: ['SLB'], deal: { ...inCoral.deal, cofunders: [{ kind: 'grant', by: 'tokyo', sharePct: 10, amount: 5 }] } } as unknown as Action)).toMatchObject({ code: 'malformed', field: 'deal.cofunders[0].amount' });
    // And a refused offer changes nothing.
    expect(step(g, offer(g, trusted([{ kind: 'grant', by: 'tokyo', sharePct: 20 }]), 'canberra', ['FSM', 'KIR', 'NRU'])).ok).toBe(false);
  });

  it('a co-funder that has spent its money by resolution voids the deal, and nothing is paid', () => {
    const g = micronesia();
    // Two accepted offers each count on Tokyo's budget; the first signed leaves too little for the second.
    let s = g;
    for (const deal of [trusted([{ kind: 'grant', by: 'tokyo', sharePct: 20 }]), cable(['majuro', 'bairiki'], { cofunders: [{ kind: 'grant', by: 'tokyo', sharePct: 20 }] })]) {
      s = act(s, offer(s, deal, 'canberra', deal.route.length > 2 ? ['FSM', 'KIR', 'NRU'] : ['KIR']));
      const o = s.offers.at(-1)!;
      for (const r of o.to) s = act(s, { type: 'accept', role: r, offer: o.id });
    }
    const before = s.ledger.length;
    s = endPhase(endPhase(s));
    expect(s.agreements.filter((a) => a.deal.kind === 'cable')).toHaveLength(1);
    expect(s.offers[1]?.reason).toMatch(/Tokyo no longer has/);
    expect(s.ledger.slice(before).some((e) => e.ref !== null && e.from === 'tokyo' && e.amount < 13000)).toBe(false);
    expect(ledgerBalances(s).tokyo).toBe(s.funders!.tokyo!.treasury);
  });
});

describe('the East Micronesia tender', () => {
  it('a cable whose landings are all joined already is refused as a duplicate: the tender cannot be signed twice', () => {
    let s = signAll(micronesia(), [{ deal: cable(EMC), from: 'canberra' }]);
    const again = validate(s, offer(s, cable(EMC, { vendor: 'asn' }), 'canberra', ['FSM', 'KIR', 'NRU']));
    expect(again).toMatchObject({ code: 'illegalTerms', field: 'deal.route' });
    expect(again?.message).toMatch(/duplicate/);
    // Nor HMN Tech's cheaper version of the same route.
    expect(validate(s, offer(s, cable(EMC, { vendor: 'hmn-tech', financing: { kind: 'grant', by: 'beijing' } }), 'beijing', ['FSM', 'KIR', 'NRU']))?.message).toMatch(/duplicate/);
    // A spur to a landing not yet joined is no duplicate.
    s = act(s, offer(s, cable(['majuro', 'bairiki']), 'canberra', ['KIR']));
    expect(s.offers.at(-1)?.status).toBe('open');
  });
});

describe('one shared route against three separate cables (the regional approach of the World Bank and ADB, 2017-18)', () => {
  /** Each island's score at the end, the cables signed in round 1 by Canberra on the given terms. */
  function scores(routes: string[][], over: Partial<CableDeal>, part?: string): Record<string, number> {
    let s = signAll(micronesia(), routes.map((route) => ({ deal: cable(route, over), from: 'canberra' })));
    while (s.phase !== 'over') s = endPhase(s);
    const debt = (i: string) => s.debts.filter((d) => d.debtor === i).reduce((t, d) => t + d.outstanding, 0);
    return Object.fromEntries(['FSM', 'KIR', 'NRU'].map((i) => [i, part === 'debt' ? debt(i) : part ? (scoreOf(s, i).levels[part] ?? 0) : scoreOf(s, i).total]));
  }
  // The separate cables: Kosrae to Pohnpei, Tarawa and Nauru each to the nearest HANTRU-1 landing.
  const SEPARATE = [['pohnpei', 'tofol'], ['majuro', 'bairiki'], ['kwajalein', 'yaren']];

  it('by grant, as the tender was funded, each island scores the same either way: the scores do not count what the funders save', () => {
    const shared = scores([EMC], {});
    const separate = scores(SEPARATE, {});
    expect(shared).toEqual(separate);
  });

  it('with a loan, Tarawa and Nauru owe less on the shared route, and their solvency shows it; Kosrae, next to Pohnpei, owes more', () => {
    const loan = { financing: { kind: 'loan' as const, by: 'canberra' as const, ratePct: 1, years: 20, graceYears: 5 } };
    const shared = scores([EMC], loan, 'debt');
    const separate = scores(SEPARATE, loan, 'debt');
    expect(shared.KIR).toBeLessThan(separate.KIR!);
    expect(shared.NRU).toBeLessThan(separate.NRU!);
    expect(shared.FSM).toBeGreaterThan(separate.FSM!);
    // Weighed against sourced revenue, the debt shows in solvency: higher for Nauru on the shared route (Kiribati's and FSM's differences round away).
    const solvency = [scores([EMC], loan, 'solvency'), scores(SEPARATE, loan, 'solvency')];
    expect(solvency[0]!.KIR).toBeGreaterThanOrEqual(solvency[1]!.KIR!);
    expect(solvency[0]!.NRU).toBeGreaterThan(solvency[1]!.NRU!);
    expect(solvency[0]!.FSM).toBeLessThanOrEqual(solvency[1]!.FSM!);
  });
});
