import { describe, expect, it } from 'vitest';
import { legalActions, view, type ActionTemplate, type Agreement, type Deal } from '../../src/engine';
import { narrow } from '../../src/ui/choices';
import { fieldsOf, initialDraft } from '../../src/ui/form';
import { agreementName, debtName, millionsInText, moneyText, namesForIds, plural } from '../../src/ui/names';
import { newGame, playedGame } from '../helpers';

const template = (legal: ActionTemplate[], kind: string): ActionTemplate => {
  const t = legal.find((x) => x.type === 'offer' && x.dealKind === kind && Object.keys(x.params).length > 0);
  if (!t) throw new Error(`no ${kind} template`);
  return t;
};

describe('words a player reads', () => {
  it('writes money in millions as entered, never in thousands, and counts in the right number', () => {
    expect(moneyText(13370)).toBe('$13.37m');
    expect(moneyText(0)).toBe('$0m');
    expect(moneyText(500)).toBe('$0.5m');
    expect(moneyText(180000)).toBe('$180m');
    expect(millionsInText('costs $0k and $250k, not $13.4m')).toBe('costs $0m and $0.25m, not $13.4m');
    expect(plural(1, 'cable')).toBe('1 cable');
    expect(plural(2, 'island government')).toBe('2 island governments');
  });

  it('names every offer, agreement and debt of a whole game by what it is, never by its id', () => {
    let changed = 0;
    for (const seed of ['1', '3', '5']) {
      const g = playedGame(seed).state;
      for (const e of g.log) {
        const text = namesForIds(g, e.text);
        if (text !== e.text) changed++;
        expect(text).not.toMatch(/\b(offer|agreement) (?:[oa]\d+|o[2-9b-df-hj-np-tv-z]{4})\b|\bdebt [a-z]+-|\$\d+k\b|exim-/i);
      }
    }
    expect(changed).toBeGreaterThanOrEqual(1);
    // The last line of the news names the winners as the game does ("Reaching 50: Beijing, Solomon Islands."), never by their ids.
    for (const seed of ['1', '3']) {
      const g = playedGame(seed).state;
      const last = g.log.at(-1)?.text ?? '';
      expect(last).toMatch(/^The game is over\. (Reaching 50: .+\.|Nobody reached 50\.)$/);
      for (const id of g.seats) if (id !== (g.islands[id]?.name ?? g.powers[id as 'beijing']?.name)) expect(last).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
    const g = playedGame('3').state;
    expect(debtName(g, 'exim-kumul')).toBe('the Kumul domestic cable loan from Beijing');
    expect(debtName(g, 'exim-datacentre')).toBe('the data centre loan from Beijing');
    const a = g.agreements.find((x) => x.deal.kind === 'aid') ?? g.agreements[0];
    const o = g.offers.find((x) => x.deal.kind === 'aid') ?? g.offers[0];
    if (!a || !o) throw new Error('a game with no agreement');
    expect(namesForIds(g, `Canberra cancels agreement ${a.id}: no.`)).toMatch(/^Canberra cancels the .+ agreement between .+ and .+: no\.$/);
    // A pact, a cable and a switch of recognition are named by themselves, never "pact agreement", "cable (…) cable" or "diplomatic agreement".
    const signed = (id: string, deal: Deal): Agreement => ({ id, offer: 'o1', round: 3, parties: ['SLB', 'beijing'], deal, clauses: [], status: 'active', reason: null });
    const acts = { ...g, agreements: [signed('x1', { kind: 'diplomatic', island: 'SLB', power: 'beijing', act: 'switchRecognition' }), signed('x2', { kind: 'diplomatic', island: 'SLB', power: 'beijing', act: 'joinBloc' }), signed('x3', { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [] })] };
    expect(agreementName(acts, 'x1')).toBe('the switch of recognition between Solomon Islands and Beijing');
    expect(agreementName(acts, 'x2')).toBe('the programme membership agreement between Solomon Islands and Beijing');
    expect(agreementName(acts, 'x3')).toBe('the policing pact between Solomon Islands and Beijing');
    // Coral Sea starts with Huawei Marine's signed contract for the Solomons' cable.
    const laid = g.agreements.find((x) => x.deal.kind === 'cable');
    if (!laid) throw new Error('Coral Sea with no cable contract');
    expect(agreementName(g, laid.id)).not.toMatch(/agreement|cable.*\bcable\b/);
    expect(agreementName(g, laid.id)).toMatch(/^the .*cable.* between .+ and .+$/);
    expect(namesForIds(g, `Offer ${o.id} is void: money spent.`)).toMatch(/^.+'s? .+ offer to .+ is void: money spent\.$/);
    expect(namesForIds(g, "Beijing: Beijing accepts Solomon Islands' request.")).toBe("Beijing accepts Solomon Islands' request.");
    expect(namesForIds(g, 'Solomon Islands: Our cable contract needs to land at Sydney.')).toBe('Solomon Islands: Our cable contract needs to land at Sydney.');
    expect(namesForIds(g, 'Papua New Guinea repays $5.0m of debt exim-kumul early.')).toBe('Papua New Guinea repays $5.0m of the Kumul domestic cable loan from Beijing early.');
  });
});

describe('choices the composer offers', () => {
  it('offers Canberra no switch of recognition, and a build time the chosen vendor accepts', () => {
    const g = newGame('3');
    const v = view(g, 'canberra');
    const legal = legalActions(v, 'canberra');
    const dip = template(legal, 'diplomatic');
    const fields = fieldsOf(dip.params);
    const n = narrow(v, dip, 'canberra', fields, initialDraft(fields), new Set());
    const act = n.fields.find((f) => f.path === 'deal.act');
    expect(act?.domain.kind === 'oneOf' && act.domain.values).not.toContain('switchRecognition');
    expect(n.draft['deal.act']).toBe('joinBloc');

    const cable = template(legal, 'cable');
    const cf = fieldsOf(cable.params);
    const draft = { ...initialDraft(cf), 'deal.route': ['sydney', 'honiara'], 'deal.vendor': 'asn' };
    const nc = narrow(v, cable, 'canberra', cf, draft, new Set());
    const months = nc.fields.find((f) => f.path === 'deal.buildMonths');
    expect(months?.domain).toMatchObject({ kind: 'int', min: v.vendors.asn?.minBuildMonths, max: 60 });
    expect(nc.draft['deal.buildMonths']).toBe(v.vendors.asn?.minBuildMonths);
    // A number the player typed stays as typed: the hint gives the range, the engine the reason.
    const typed = narrow(v, cable, 'canberra', cf, { ...draft, 'deal.buildMonths': 15 }, new Set(['deal.buildMonths']));
    expect(typed.draft['deal.buildMonths']).toBe(15);
  });
});
