import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { legalActions, partiesOf, validate, view } from '../../src/engine';
import { fillTemplate } from '../../src/ai/random';
import { act, endPhase, newGame, offerNo } from '../helpers';

describe('legalActions', () => {
  it('lists offer templates for each deal kind with their parameter domains, and End phase', () => {
    const g = newGame();
    const t = legalActions(view(g, 'canberra'), 'canberra');
    expect(t.map((x) => `${x.type}:${x.dealKind ?? ''}`)).toEqual(['offer:cable', 'offer:aid', 'offer:telecom', 'offer:pact', 'offer:diplomatic', 'endPhase:']);
    const cable = t[0]!;
    expect(cable.params['deal.vendor']).toEqual({ kind: 'oneOf', values: ['asn', 'consortium', 'huawei-marine', 'subcom'] });
    expect(cable.params['deal.financing.by']).toEqual({ kind: 'oneOf', values: ['canberra'] });
    expect(cable.params['deal.buildMonths']).toEqual({ kind: 'int', min: 15, max: 60 });
    expect(cable.params['deal.islandSharePct']).toEqual({ kind: 'int', min: 0, max: 50 });
    const aid = t[1]!;
    expect(aid.params['deal.amount']).toEqual({ kind: 'int', min: 1, max: g.powers.canberra!.treasury });
  });

  it('offers answers to the offers addressed to a role, and orders in the decisions phase', () => {
    let g = newGame();
    g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 100, financing: { kind: 'grant', by: 'washington' } } });
    const answers = legalActions(view(g, 'SLB'), 'SLB').filter((x) => x.offer === offerNo(g, 1)).map((x) => x.type);
    expect(answers).toEqual(['accept', 'reject', 'counter']);
    expect(legalActions(view(g, 'PNG'), 'PNG').some((x) => x.offer === offerNo(g, 1))).toBe(false);
    expect(legalActions(view(g, 'washington'), 'washington').find((x) => x.offer === offerNo(g, 1))?.type).toBe('withdraw');
    g = endPhase(g);
    expect(legalActions(view(g, 'SLB'), 'SLB').map((x) => x.orderKind ?? x.type)).toEqual(['buildCert', 'crackdown', 'holdElection', 'diversifyVendors', 'callForum', 'endPhase']);
    expect(legalActions(view(g, 'PNG'), 'PNG').map((x) => x.orderKind ?? x.type)).toContain('renegotiateDebt');
    expect(legalActions(view(g, 'beijing'), 'beijing').map((x) => x.orderKind ?? x.type)).toEqual(['campaign', 'intrusion', 'vendorPressure', 'endPhase']);
    g = act(g, { type: 'endPhase', role: 'SLB' });
    expect(legalActions(view(g, 'SLB'), 'SLB')).toEqual([]);
  });

  it('templates filled from their domains give actions that validate() accepts', () => {
    const g = newGame();
    const r = seedrandom('fill');
    let legal = 0;
    let tried = 0;
    for (const role of g.seats) {
      for (const t of legalActions(view(g, role), role)) {
        if (t.type !== 'offer' || t.dealKind !== 'aid') continue;
        for (let i = 0; i < 20; i++) {
          const a = fillTemplate(t, role, r, []);
          if (a.type === 'offer') a.to = partiesOf(g, a.deal).filter((p) => p !== role);
          tried++;
          const refusal = validate(g, a);
          if (refusal === null) legal++;
          // What the domains cannot express: grace shorter than the term, and the chosen financier's purse.
          else expect(['deal.financing.graceYears', 'deal.amount']).toContain(refusal.field);
        }
      }
    }
    expect(legal / tried).toBeGreaterThan(0.6);
  });
});
