import { describe, expect, it } from 'vitest';
import { step, validate, type Action, type Deal, type GameState } from '../../src/engine';
import { act, endPhase, newGame, offerNo } from '../helpers';

/**
 * Rules version 18 (issue 10, item 7: "duplicate assets are refused"): a second pact of a type
 * between the same power and island, a second "safe city" system on an island, or a carrier its buyer
 * already controls is refused, at the offer and again when two such deals are signed in the same
 * round. Before, a bot game in Shared Future signed two Washington cyber pacts per game on average,
 * and Honiara's Beijing its policing pact twice in every game, each counted in full.
 */
const offer = (role: string, to: string[], deal: Deal): Action => ({ type: 'offer', role, to, deal });
const pact = (pactType: 'policing' | 'cyber' | 'naval', power: 'beijing' | 'canberra' | 'washington' = 'canberra'): Deal => ({ kind: 'pact', island: 'PNG', power, pact: pactType, clauses: [] });
const dataCentre = (by: 'canberra' | 'washington'): Deal => ({ kind: 'telecom', island: 'PNG', project: 'dataCentre', vendor: 'ericsson', amount: 4000, financing: { kind: 'grant', by } });
const resolve = (g: GameState) => endPhase(endPhase(g));
const quiet = () => newGame('1', 'coral-sea', (s) => void (s.deck.chancePerRound = 0));
const active = (g: GameState, f: (d: Deal) => boolean) => g.agreements.filter((a) => a.status === 'active' && f(a.deal));

describe('duplicate pacts and systems', () => {
  it('refuses a second pact of a type in force between the same power and island, with the agreement it would duplicate; another type, or another power, is legal', () => {
    let g = act(quiet(), offer('canberra', ['PNG'], pact('policing')));
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 1) });
    g = resolve(g);
    const [first] = active(g, (d) => d.kind === 'pact' && d.power === 'canberra' && d.pact === 'policing' && d.island === 'PNG');
    expect(first).toBeDefined();
    const r = step(g, offer('canberra', ['PNG'], pact('policing')));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.refusal).toEqual({
        code: 'illegalTerms',
        field: 'deal.pact',
        message: `Papua New Guinea and Canberra already have a policing pact in force (agreement ${first?.id}): a second is a duplicate; renegotiate the first to change its clauses.`,
      });
    // The island cannot ask for it either; a cyber pact, or Beijing's policing pact, is a different holding.
    expect(validate(g, offer('PNG', ['canberra'], pact('policing')))?.field).toBe('deal.pact');
    expect(validate(g, offer('canberra', ['PNG'], pact('cyber')))).toBeNull();
    expect(validate(g, offer('beijing', ['PNG'], pact('policing', 'beijing')))).toBeNull();
    // Renegotiating the pact in force (new clauses) is the way to change it.
    const renegotiation: Action = { type: 'offer', role: 'canberra', to: ['PNG'], deal: { ...pact('policing'), clauses: [{ kind: 'unrestDeployment', secret: false }] } as Deal, amends: first?.id };
    expect(validate(g, renegotiation)).toBeNull();
  });

  it('signs only the first of two identical pacts agreed in the same round: the second is void with the reason, and the island gains the pact once', () => {
    let g = act(quiet(), offer('washington', ['PNG'], pact('cyber', 'washington')));
    g = act(g, offer('PNG', ['washington'], pact('cyber', 'washington')));
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 1) });
    g = act(g, { type: 'accept', role: 'washington', offer: offerNo(g, 2) });
    const cyberBefore = g.islands.PNG?.cyber ?? 0;
    g = resolve(g);
    expect(active(g, (d) => d.kind === 'pact' && d.power === 'washington' && d.pact === 'cyber')).toHaveLength(1);
    expect(g.islands.PNG?.cyber).toBe(Math.min(100, cyberBefore + 15));
    expect(g.log.some((e) => /void/i.test(e.text) && /already have a cyber pact in force/.test(e.text))).toBe(true);
  });

  it('refuses a second safe-city system, whoever supplies it, and a carrier its buyer already controls; a second tower network or data centre is legal', () => {
    const safeCity = (vendor: string, by: 'beijing' | 'canberra'): Deal => ({ kind: 'telecom', island: 'PNG', project: 'safeCity', vendor, amount: 4000, financing: { kind: 'grant', by } });
    let g = act(quiet(), offer('beijing', ['PNG'], safeCity('huawei', 'beijing')));
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 1) });
    g = act(g, offer('canberra', ['PNG'], dataCentre('canberra')));
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 2) });
    g = resolve(g);
    const r = validate(g, offer('canberra', ['PNG'], safeCity('ericsson', 'canberra')));
    expect(r?.field).toBe('deal.project');
    expect(r?.message).toMatch(/^Papua New Guinea already has a "safe city" surveillance system by Huawei \(agreement \w+\): a second is a duplicate\.$/);
    // A second data centre (a backup site, or the other side's alternative) and a second tower network are not duplicates.
    expect(validate(g, offer('washington', ['PNG'], dataCentre('washington')))).toBeNull();
    const towers: Deal = { kind: 'telecom', island: 'PNG', project: 'towers', vendor: 'ericsson', amount: 4000, financing: { kind: 'grant', by: 'washington' } };
    expect(validate(g, offer('washington', ['PNG'], towers))).toBeNull();
    // Quad starts with Telstra's Digicel Pacific, bought with Canberra's money: Canberra cannot buy it again.
    const quad = newGame('1', 'quad', undefined, { opening: true });
    const digicel: Deal = { kind: 'telecom', island: 'PNG', project: 'carrier', vendor: 'digicel', amount: 4000, financing: { kind: 'grant', by: 'canberra' } };
    expect(validate(quad, offer('canberra', ['PNG'], digicel))?.message).toBe("Canberra already controls Papua New Guinea's carrier.");
  });

  it("a package's pact for an island that already has that pact renegotiates it: Fiji's 2011 police MOU under Beijing's May 2022 package", () => {
    let g = newGame('1', 'shared-future', (s) => void (s.deck.chancePerRound = 0), { opening: true });
    const mou = g.agreements.find((a) => a.id === 'fiji-china-police-mou');
    expect(mou?.status).toBe('active');
    const sovereignty = g.islands.FJI?.sovereignty ?? 0;
    const tabled = g.offers.find((o) => o.deal.kind === 'package' && o.from === 'beijing');
    expect(tabled).toBeDefined();
    g = act(g, { type: 'accept', role: 'FJI', offer: tabled?.id ?? '' });
    g = resolve(g);
    const policing = active(g, (d) => d.kind === 'pact' && d.island === 'FJI' && d.power === 'beijing' && d.pact === 'policing');
    expect(policing).toHaveLength(1);
    expect(g.agreements.find((a) => a.id === 'fiji-china-police-mou')).toMatchObject({ status: 'ended', reason: `renegotiated as ${policing[0]?.id}` });
    expect(g.log.map((e) => e.text)).toContain('Renegotiated: Fiji and Beijing agree a policing pact in place of the one they had.');
    // The policing pact's own price (sovereignty −4) is not paid twice; the cyber pact's (−2) and its incident-access clause's (−4) are new.
    expect(g.islands.FJI?.sovereignty).toBe(sovereignty - 2 - 4);
  });
});
