import { describe, expect, it } from 'vitest';
import { previewDeal, step, validate, view, type Action, type Deal, type GameState, type PackageDeal, type PackagePart } from '../../src/engine';
import { act, endPhase, newGame, offerNo } from '../helpers';

/**
 * Package deals (issue 10): several parts offered together by one power to one or several
 * islands, signed island by island, each part doing exactly what the same deal alone would.
 */
const policing: PackagePart = { kind: 'pact', power: 'beijing', pact: 'policing', clauses: [] };
const cyber: PackagePart = { kind: 'pact', power: 'beijing', pact: 'cyber', clauses: [{ kind: 'incidentAccess', secret: true }] };
const budget: PackagePart = { kind: 'aid', amount: 3000, financing: { kind: 'grant', by: 'beijing' }, purpose: 'budget' };
const software: PackagePart = { kind: 'telecom', project: 'eGovernment', vendor: 'huawei', amount: 2000, financing: { kind: 'grant', by: 'beijing' } };

const pkg = (islands: string[], allMustSign: boolean, parts: PackagePart[] = [policing, budget]): PackageDeal => ({ kind: 'package', power: 'beijing', islands, parts, allMustSign });
const offer = (deal: Deal, to: string[] = deal.kind === 'package' ? deal.islands : []): Action => ({ type: 'offer', role: 'beijing', to, deal });
const shared = () => newGame('1', 'shared-future', (s) => (s.deck.chancePerRound = 0));
const resolve = (g: GameState) => endPhase(endPhase(g));
const signedFor = (g: GameState, island: string) => g.agreements.filter((a) => a.offer === offerNo(g, 1) && a.parties.includes(island));

describe('a package to several islands', () => {
  it('is signed island by island: those who accept get every part, the one who refuses gets none', () => {
    let g = act(shared(), offer(pkg(['SLB', 'KIR', 'WSM'], false)));
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = act(g, { type: 'reject', role: 'KIR', offer: offerNo(g, 1), reason: 'We decide regional matters at the Forum.' });
    expect(g.offers[0]!.status).toBe('open');
    // Kiribati has answered for itself: it cannot answer again.
    expect(validate(g, { type: 'accept', role: 'KIR', offer: offerNo(g, 1) })?.code).toBe('offerClosed');
    g = act(g, { type: 'accept', role: 'WSM', offer: offerNo(g, 1) });
    expect(g.offers[0]!.status).toBe('accepted');
    expect(g.offers[0]!.refusals).toEqual([{ by: 'KIR', reason: 'We decide regional matters at the Forum.' }]);
    g = resolve(g);
    expect(g.offers[0]!.status).toBe('signed');
    expect(signedFor(g, 'SLB').map((a) => a.deal.kind)).toEqual(['pact', 'aid']);
    expect(signedFor(g, 'WSM').map((a) => a.deal.kind)).toEqual(['pact', 'aid']);
    expect(signedFor(g, 'KIR')).toEqual([]);
    const news = g.log.filter((e) => e.seenBy === 'all').map((e) => e.text);
    expect(news).toContain("Package signed by Solomon Islands, Samoa: Beijing's package for 3 islands: a policing pact; $3m of budget support (grant).");
    // Who refused stays with those who saw the offer.
    expect(news.join('\n')).not.toContain('not signed by Kiribati');
    expect(g.log.find((e) => e.text.includes('not signed by Kiribati'))?.seenBy).toEqual(['KIR', 'SLB', 'WSM', 'beijing']);
  });

  it('that binds only if all sign falls at the first refusal, for everyone', () => {
    let g = act(shared(), offer(pkg(['SLB', 'KIR', 'WSM'], true)));
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = act(g, { type: 'reject', role: 'WSM', offer: offerNo(g, 1), reason: 'The region has not met to discuss it.' });
    expect(g.offers[0]!.status).toBe('rejected');
    expect(validate(g, { type: 'accept', role: 'KIR', offer: offerNo(g, 1) })?.code).toBe('offerClosed');
    g = resolve(g);
    expect(g.agreements).toEqual([]);
  });

  it('stands for the islands that signed when the negotiation closes with others silent (unless all must sign)', () => {
    for (const allMustSign of [false, true]) {
      let g = act(shared(), offer(pkg(['SLB', 'KIR'], allMustSign)));
      g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
      g = resolve(g);
      expect(g.offers[0]!.status).toBe(allMustSign ? 'expired' : 'signed');
      expect(signedFor(g, 'SLB')).toHaveLength(allMustSign ? 0 : 2);
      expect(signedFor(g, 'KIR')).toHaveLength(0);
    }
  });

  it("needs Washington's consent for a Compact state's share, and its refusal takes only that share", () => {
    let g = shared();
    const deal = pkg(['FSM', 'SLB'], false, [policing]);
    expect(validate(g, offer(deal))?.code).toBe('badParty');
    g = act(g, offer(deal, ['FSM', 'SLB', 'washington']));
    g = act(g, { type: 'accept', role: 'FSM', offer: offerNo(g, 1) });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = act(g, { type: 'reject', role: 'washington', offer: offerNo(g, 1), reason: 'The Compact gives us the last word on Micronesian security.' });
    expect(g.offers[0]!.status).toBe('accepted');
    g = resolve(g);
    expect(signedFor(g, 'SLB')).toHaveLength(1);
    expect(signedFor(g, 'FSM')).toHaveLength(0);
  });

  it('is seen by its addressees and its sender, not by other seats', () => {
    const g = act(shared(), offer(pkg(['SLB', 'KIR'], false)));
    expect(view(g, 'SLB').offers.map((o) => o.id)).toEqual([offerNo(g, 1)]);
    expect(view(g, 'KIR').offers[0]?.deal).toEqual(g.offers[0]!.deal);
    for (const other of ['FJI', 'canberra', 'spectator'] as const) expect(view(g, other).offers).toEqual([]);
  });
});

describe('each part of a package', () => {
  it('does exactly what the same deal offered alone does', () => {
    const parts = [policing, cyber, software, budget];
    let a = act(shared(), offer(pkg(['TON'], false, parts)));
    a = resolve(act(a, { type: 'accept', role: 'TON', offer: offerNo(a, 1) }));
    let b = shared();
    parts.forEach((p, i) => {
      b = act(b, offer({ ...p, island: 'TON' } as Deal, ['TON']));
      b = act(b, { type: 'accept', role: 'TON', offer: offerNo(b, i + 1) });
    });
    b = resolve(b);
    expect(a.islands).toEqual(b.islands);
    expect(a.powers).toEqual(b.powers);
    expect(a.debts).toEqual(b.debts);
    expect(a.scores).toEqual(b.scores);
    expect(a.agreements.map((x) => ({ ...x, offer: '' }))).toEqual(b.agreements.map((x) => ({ ...x, offer: '' })));
    // The secret clause stays between the parties, as alone.
    expect(view(a, 'canberra').agreements.flatMap((x) => x.clauses)).toEqual([]);
  });

  it("is weighed by the engine's preview as signing its parts would move the island", () => {
    const g = shared();
    const deal = pkg(['TON'], false, [policing, budget]);
    const p = previewDeal(view(g, 'TON'), 'TON', deal, 'beijing');
    let alone = act(g, offer({ ...policing, island: 'TON' } as Deal, ['TON']));
    alone = act(alone, offer({ ...budget, island: 'TON' } as Deal, ['TON']));
    alone = resolve(act(act(alone, { type: 'accept', role: 'TON', offer: offerNo(alone, 1) }), { type: 'accept', role: 'TON', offer: offerNo(alone, 2) }));
    expect(p.conflict).toBeNull();
    expect(p.after).not.toBe(p.before);
    expect(p.after).toBe(alone.scores.TON!.total);
  });
});

describe('a bad package is refused, naming the field', () => {
  const g = shared();
  const refusal = (deal: unknown, to?: string[], role = 'beijing') => validate(g, { type: 'offer', role, to: to ?? ['SLB', 'KIR'], deal } as Action);

  it('refuses empty packages, islands named twice or unknown, and duplicate parts', () => {
    expect(refusal(pkg(['SLB', 'KIR'], false, []))).toMatchObject({ code: 'illegalTerms', field: 'deal.parts' });
    expect(refusal(pkg([], false), ['SLB'])).toMatchObject({ code: 'illegalTerms', field: 'deal.islands' });
    expect(refusal(pkg(['SLB', 'SLB'], false), ['SLB'])).toMatchObject({ code: 'illegalTerms', field: 'deal.islands[1]' });
    expect(refusal(pkg(['SLB', 'XXX'], false), ['SLB'])).toMatchObject({ code: 'unknownTarget', field: 'deal.islands[1]' });
    expect(refusal(pkg(['SLB', 'KIR'], false, [policing, budget, { ...policing, clauses: [{ kind: 'shipVisits', secret: false }] }]))).toMatchObject({
      code: 'illegalTerms',
      field: 'deal.parts[2]',
      message: expect.stringContaining('the same (pact policing)'),
    });
  });

  it('refuses a part that is illegal for one island, naming the island and the part', () => {
    const c = newGame('1', 'coral-sea', undefined, { taipei: true });
    const r = validate(c, offer(pkg(['SLB', 'PNG'], false, [{ kind: 'diplomatic', power: 'beijing', act: 'switchRecognition' }])));
    expect(r).toEqual({ code: 'illegalTerms', field: 'deal.parts[0].act', message: 'For Papua New Guinea: Papua New Guinea already recognises Beijing.' });
  });

  it("refuses another power's part, a package Beijing cannot pay for, and a package sent by one of several islands", () => {
    expect(refusal(pkg(['SLB', 'KIR'], false, [{ ...budget, financing: { kind: 'grant', by: 'canberra' } }]))).toMatchObject({ code: 'illegalTerms', field: 'deal.parts[0]' });
    const all = ['SLB', 'KIR', 'WSM', 'FJI', 'TON', 'VUT', 'PNG', 'COK', 'NIU'];
    // Nine times $35m is more than Beijing's $280m (after its Suva summit), though each share alone is affordable.
    expect(refusal(pkg(all, false, [{ ...budget, amount: 35_000 }]), all)).toMatchObject({ code: 'unaffordable', field: 'deal.parts', message: expect.stringContaining('$315m') });
    expect(refusal(pkg(['SLB', 'KIR'], false), ['beijing', 'KIR'], 'SLB')).toMatchObject({ code: 'badParty', field: 'deal.power' });
    // One island may ask for a package for itself.
    expect(refusal(pkg(['SLB'], false), ['beijing'], 'SLB')).toBeNull();
  });

  it('is parsed strictly: a part names no island and no unknown field', () => {
    expect(refusal(pkg(['SLB', 'KIR'], false, [{ ...budget, island: 'SLB' } as PackagePart]))).toMatchObject({ code: 'malformed', field: 'deal.parts[0].island' });
    expect(refusal({ ...pkg(['SLB', 'KIR'], false), standsAlone: true })).toMatchObject({ code: 'malformed', field: 'deal.standsAlone' });
    expect(refusal({ ...pkg(['SLB', 'KIR'], false), parts: [{ kind: 'package' }] })).toMatchObject({ code: 'malformed' });
  });

  it('refuses a counter-offer to a package for several islands, and changes nothing', () => {
    const h = act(g, offer(pkg(['SLB', 'KIR'], false)));
    const r = step(h, { type: 'counter', role: 'SLB', offer: offerNo(h, 1), deal: pkg(['SLB', 'KIR'], false, [budget]) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toMatchObject({ code: 'illegalTerms', field: 'offer' });
  });
});
