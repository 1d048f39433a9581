import { describe, expect, it } from 'vitest';
import { legalActions, step, validate, view, type Action, type Deal, type GameState } from '../../src/engine';
import { BANK_EXIT } from '../../src/engine/domestic';
import { RECOGNITION_UNREST } from '../../src/engine/diplomacy';
import type { Scenario } from '../../src/scenario/schema';
import { act, endPhase, newGame, offerNo } from '../helpers';

/**
 * Rules version 17 (issue 10, item 7, and Nauru's bank): Beijing deals with a Taipei ally only
 * through a switch of recognition, a switch costs Taipei's aid and unrest at home, and an island
 * losing its last bank needs aid for banking services.
 */
type Scripted = Scenario['scripted'][number];

/** Coral Sea as it starts, the Solomons recognising Taipei, with a quiet deck and the given script. */
const coralSea = (scripted: Scripted[] = []) =>
  newGame(
    '1',
    'coral-sea',
    (s) => {
      s.deck.chancePerRound = 0;
      s.scripted = scripted;
    },
    { taipei: true },
  );
const offer = (role: string, to: string[], deal: Deal): Action => ({ type: 'offer', role, to, deal });
const beijingAid: Deal = { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'grant', by: 'beijing' }, purpose: 'budget' };
const beijingPact: Deal = { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [] };
const resolve = (g: GameState) => endPhase(endPhase(g));

describe("Beijing and Taipei's allies", () => {
  it('refuses Beijing aid or a pact for an island that recognises Taipei, with the reason, and changes nothing', () => {
    const g = coralSea();
    for (const [deal, what] of [
      [beijingAid, 'aid'],
      [beijingPact, 'pact'],
    ] as const) {
      const r = step(g, offer('beijing', ['SLB'], deal));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.refusal).toEqual({ code: 'illegalTerms', field: 'deal.island', message: `Solomon Islands recognises Taipei: Beijing offers it no ${what} until it switches recognition.` });
    }
    // The same aid from Canberra, and Huawei's telecom contract from Beijing (2017), are legal.
    expect(validate(g, offer('canberra', ['SLB'], { ...beijingAid, financing: { kind: 'grant', by: 'canberra' } } as Deal))).toBeNull();
    expect(validate(g, offer('beijing', ['SLB'], { kind: 'telecom', island: 'SLB', project: 'towers', vendor: 'huawei', amount: 5000, financing: { kind: 'grant', by: 'beijing' } }))).toBeNull();
  });

  it("the legal moves offer no Beijing aid or pact to a Taipei ally, and no Beijing partner to the ally's own forms", () => {
    const g = coralSea();
    const domain = (role: string, kind: string, key: string) =>
      legalActions(view(g, role), role)
        .filter((t) => t.dealKind === kind)
        .flatMap((t) => {
          const d = t.params[key];
          return d && 'values' in d ? d.values : [];
        });
    expect(domain('beijing', 'aid', 'deal.island')).toEqual(['PNG']);
    expect(domain('beijing', 'pact', 'deal.island')).toEqual(['PNG']);
    expect(domain('canberra', 'aid', 'deal.island')).toEqual(['PNG', 'SLB']);
    expect(domain('SLB', 'aid', 'deal.financing.by')).toEqual(['canberra', 'washington']);
    expect(domain('SLB', 'pact', 'deal.power')).toEqual(['canberra', 'washington']);
    expect(domain('PNG', 'pact', 'deal.power')).toEqual(['beijing', 'canberra', 'washington']);
  });

  it('lets a package carry aid and a pact with the switch, and the switch costs Taipei aid and unrest', () => {
    let g = coralSea();
    const revenue = g.islands.SLB!.revenuePerRound;
    expect(g.islands.SLB!.taipeiAid).toBe(8500);
    const pkg: Deal = {
      kind: 'package',
      power: 'beijing',
      islands: ['SLB'],
      allMustSign: true,
      parts: [
        { kind: 'aid', amount: 5000, financing: { kind: 'grant', by: 'beijing' }, purpose: 'budget' },
        { kind: 'diplomatic', power: 'beijing', act: 'switchRecognition' },
      ],
    };
    g = act(g, offer('beijing', ['SLB'], pkg));
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = resolve(g);
    // Signed at resolution: compared with the same game where nothing was signed.
    const quiet = resolve(coralSea());
    const slb = g.islands.SLB!;
    expect(slb.recognises).toBe('PRC');
    expect(slb.taipeiAid).toBeUndefined();
    // Coral Sea's rounds are three months: a quarter of US$8.5m a year.
    expect(slb.revenuePerRound).toBe(revenue - 2125);
    expect(slb.unrest).toBeGreaterThan(quiet.islands.SLB!.unrest);
    expect(view(g, 'canberra').log.some((e) => e.text.includes('Taipei ends its aid: Solomon Islands loses $2.1m of revenue a round'))).toBe(true);
    // Now Beijing may offer aid on its own.
    expect(validate(g, offer('beijing', ['SLB'], beijingAid))).toBeNull();
  });

  it('a scripted push that switches recognition costs the same', () => {
    const g = coralSea([{ round: 1, kind: 'recognitionPush', island: 'SLB' }]);
    const base = coralSea();
    expect(g.islands.SLB!.recognises).toBe('PRC');
    expect(g.islands.SLB!.revenuePerRound).toBe(base.islands.SLB!.revenuePerRound - 2125);
    expect(g.islands.SLB!.unrest).toBe(Math.min(100, base.islands.SLB!.unrest + RECOGNITION_UNREST));
  });
});

describe("an island's last bank leaving (Nauru, 2023-24)", () => {
  const banking = (by: 'canberra' | 'washington'): Deal => ({ kind: 'aid', island: 'PNG', amount: 2000, financing: { kind: 'grant', by }, purpose: 'banking' });

  it('refuses aid for banking services while the island still has its bank, and the legal moves offer it only then', () => {
    const r = validate(coralSea(), offer('canberra', ['PNG'], banking('canberra')));
    expect(r).toMatchObject({ code: 'illegalTerms', field: 'deal.purpose' });
    expect(r?.message).toContain('Papua New Guinea is not losing its bank');
    const purposes = (g: GameState) =>
      legalActions(view(g, 'canberra'), 'canberra')
        .filter((t) => t.dealKind === 'aid')
        .map((t) => {
          const island = t.params['deal.island'];
          const purpose = t.params['deal.purpose'];
          return `${island && 'values' in island ? island.values.join(',') : ''}: ${purpose && 'values' in purpose ? purpose.values.join(',') : ''}`;
        });
    expect(purposes(coralSea())).toEqual(['PNG,SLB: budget,relief,infrastructure']);
    expect(purposes(coralSea([{ round: 1, kind: 'bankExit', island: 'PNG' }]))).toEqual(['PNG,SLB: budget,relief,infrastructure,banking']);
  });

  it('the exit lowers the economy and where it drifts to; the first banking aid restores them, a second is void', () => {
    const base = coralSea();
    let g = coralSea([{ round: 1, kind: 'bankExit', island: 'PNG', title: 'The last bank gives notice' }]);
    const png = g.islands.PNG!;
    expect(png.bankLeaving).toBe(true);
    expect(png.economy).toBe(base.islands.PNG!.economy - BANK_EXIT.economy);
    expect(png.norm.economy).toBe(base.islands.PNG!.norm.economy - BANK_EXIT.economy);
    expect(png.legitimacy).toBe(base.islands.PNG!.legitimacy - BANK_EXIT.legitimacy);
    expect(g.events.map((e) => e.title)).toContain('The last bank gives notice');
    g = act(g, offer('canberra', ['PNG'], banking('canberra')));
    g = act(g, offer('washington', ['PNG'], banking('washington')));
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 1) });
    g = act(g, { type: 'accept', role: 'PNG', offer: offerNo(g, 2) });
    const economyBefore = g.islands.PNG!.economy;
    g = resolve(g);
    expect(g.offers.map((o) => o.status)).toEqual(['signed', 'void']);
    expect(g.offers[1]!.reason).toContain('another bank has already taken over in Papua New Guinea');
    expect(g.islands.PNG!.bankLeaving).toBeUndefined();
    expect(g.islands.PNG!.norm.economy).toBe(base.islands.PNG!.norm.economy);
    // Back at once, then the round's drift.
    expect(g.islands.PNG!.economy).toBeGreaterThan(economyBefore + BANK_EXIT.economy - 5);
    // Washington paid nothing for the void offer.
    expect(g.ledger.filter((e) => e.from === 'washington' && e.kind === 'grant')).toEqual([]);
  });

  it("Quad scripts Bendigo Bank's notice to Nauru in round 2", () => {
    let g = newGame('1', 'quad', (s) => (s.deck.chancePerRound = 0), { opening: true });
    expect(g.islands.NRU!.bankLeaving).toBeUndefined();
    g = resolve(g);
    expect(g.round).toBe(2);
    expect(g.islands.NRU!.bankLeaving).toBe(true);
    expect(g.events.find((e) => e.kind === 'bankExit')?.title).toContain('Bendigo Bank');
  });
});
