import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { legalActions, validate, view, type Action, type ActionTemplate, type Deal, type GameState } from '../../src/engine';
import { simplePolicy } from '../../src/ai/simple';
import { creationTemplates } from '../../src/ui/composer';
import { describeDeal } from '../../src/ui/describe';
import { flowMachine } from '../../src/ui/flow';
import { buildAction, fieldForRefusal, fieldsOf, initialDraft, isShown, millionsText, missing, parseMillions, templateKey, type Draft, type Field } from '../../src/ui/form';
import { MetricHistory } from '../../src/ui/metrics';
import { answerSeatRequest } from '../../src/ui/seat-protocol';
import { act, coralSeaCable, endPhase, newGame } from '../helpers';

/** Fill every field of a form with the first values its domain allows. */
function fill(fields: Field[], draft: Draft): Draft {
  for (const f of fields) {
    const d = f.domain;
    if (d.kind === 'someOf') draft[f.path] = d.values.slice(0, Math.max(d.min, d.ordered ? 2 : 1));
    else if (d.kind === 'int' && typeof draft[f.path] !== 'number') draft[f.path] = d.min;
    else if (d.kind === 'text') draft[f.path] = 'Not on these terms.';
  }
  return draft;
}

const dealForm = (legal: ActionTemplate[], kind: string) => {
  const t = legal.find((x) => x.type === 'offer' && x.dealKind === kind && Object.keys(x.params).length > 0);
  if (!t) throw new Error(`no ${kind} template`);
  return fieldsOf(Object.fromEntries(Object.entries(t.params).filter(([k]) => k !== 'to')));
};

describe('forms built from action templates', () => {
  it('make, for every kind of action of every seat, an action of that kind that the engine judges on its own terms', () => {
    let g: GameState = newGame('7');
    for (const phase of ['negotiation', 'decisions']) {
      expect(g.phase).toBe(phase);
      for (const seat of g.seats) {
        const templates = creationTemplates(legalActions(view(g, seat), seat));
        expect(templates.length).toBeGreaterThan(0);
        for (const t of templates) {
          const fields = fieldsOf(t.params);
          const draft = fill(fields, initialDraft(fields));
          expect(missing(fields, draft), templateKey(t)).toEqual({});
          const action = buildAction(t, seat, fields, draft) as Action & { deal?: Deal; order?: { kind: string } };
          expect(action.type).toBe(t.type);
          expect(action.role).toBe(seat);
          if (t.dealKind) expect(action.deal?.kind).toBe(t.dealKind);
          if (t.orderKind) expect(action.order?.kind).toBe(t.orderKind);
          const refusal = validate(g, action);
          // Whatever the engine says, the form can show it: beside a field, or above the form.
          if (refusal?.field) expect(fieldForRefusal(fields, draft, refusal.field) === null || fields.some((f) => f.path === fieldForRefusal(fields, draft, refusal.field))).toBe(true);
        }
      }
      g = endPhase(g);
    }
  });

  it('fill in a counter-offer from the deal it answers, and give the same deal back', () => {
    const g = newGame('2');
    const legal = legalActions(view(g, 'SLB'), 'SLB');
    const deals: Deal[] = [
      coralSeaCable({ financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 20, graceYears: 5 }, vendor: 'huawei-marine', dataAccess: true }),
      { kind: 'aid', island: 'SLB', amount: 12345, financing: { kind: 'grant', by: 'canberra' } },
      { kind: 'pact', island: 'SLB', power: 'beijing', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: true }, { kind: 'shipVisits', secret: false }] },
    ];
    for (const deal of deals) {
      const fields = dealForm(legal, deal.kind);
      const draft = initialDraft(fields, { deal });
      const counter: ActionTemplate = { type: 'counter', offer: 'o1', dealKind: deal.kind, params: {} };
      const action = buildAction(counter, 'SLB', fields, draft) as { type: string; offer: string; deal: Deal };
      expect(action.type).toBe('counter');
      expect(action.offer).toBe('o1');
      expect(action.deal).toMatchObject(deal as unknown as Record<string, unknown>);
    }
  });

  it('leave out a loan’s terms for a grant, and point a refusal at its field', () => {
    const g = newGame('2');
    const fields = dealForm(legalActions(view(g, 'canberra'), 'canberra'), 'cable');
    const draft = initialDraft(fields);
    const rate = fields.find((f) => f.path === 'deal.financing.ratePct');
    if (!rate) throw new Error('no rate field');
    expect(draft['deal.financing.kind']).toBe('grant');
    expect(isShown(rate, draft)).toBe(false);
    const t: ActionTemplate = { type: 'offer', dealKind: 'cable', params: {} };
    const grant = buildAction(t, 'canberra', fields, { ...draft, 'deal.route': ['sydney', 'honiara'], 'deal.vendor': 'asn' }) as { deal: Deal };
    expect(grant.deal.kind === 'cable' && grant.deal.financing).toEqual({ kind: 'grant', by: 'canberra' });
    draft['deal.financing.kind'] = 'loan';
    expect(isShown(rate, draft)).toBe(true);

    expect(fieldForRefusal(fields, draft, 'deal.route[1]')).toBe('deal.route');
    expect(fieldForRefusal(fields, draft, 'deal.financing.graceYears')).toBe('deal.financing.graceYears');
    expect(fieldForRefusal(fields, draft, 'deal.clauses[0].kind')).toBeNull();
    expect(fieldForRefusal(fields, draft, undefined)).toBeNull();
    const all = fieldsOf({ to: { kind: 'someOf', values: ['SLB'], min: 1, max: 1, ordered: false }, 'deal.clauses': { kind: 'someOf', values: ['shipVisits'], min: 0, max: 1, ordered: false }, 'deal.clauses[].secret': { kind: 'bool' } });
    expect(all.map((f) => f.path)).toEqual(['to', 'deal.clauses']);
    expect(all[1]?.items.map((i) => i.key)).toEqual(['secret']);
    expect(fieldForRefusal(all, {}, 'to[0]')).toBe('to');
    expect(fieldForRefusal(all, {}, 'deal.clauses[0].kind')).toBe('deal.clauses');
  });

  it('read money in US$ millions', () => {
    expect(parseMillions('12.5')).toBe(12500);
    expect(parseMillions('$1.234m')).toBe(1234);
    expect(parseMillions('1,200')).toBe(1200000);
    expect(parseMillions('abc')).toBeNaN();
    expect(parseMillions('')).toBeNaN();
    expect(millionsText(12500)).toBe('12.5');
    expect(millionsText(null)).toBe('');
  });

  it('describe a deal kind they do not know, field by field', () => {
    const g = newGame('2');
    const text = describeDeal(g, { kind: 'lease', island: 'SLB', years: 99, port: 'honiara' } as unknown as Deal);
    expect(text).toBe('Lease: island: Solomon Islands; years: 99; port: Honiara.');
  });
});

describe('the app flow', () => {
  it('goes menu → setup → match → hand-off → match → end, and back to the menu from anywhere', () => {
    const a = createActor(flowMachine).start();
    expect(a.getSnapshot().value).toBe('menu');
    a.send({ type: 'TAKE_SEAT' });
    expect(a.getSnapshot().value).toBe('menu');
    a.send({ type: 'SETUP' });
    expect(a.getSnapshot().value).toBe('setup');
    a.send({ type: 'PLAY', seat: 'canberra' });
    expect(a.getSnapshot()).toMatchObject({ value: 'match', context: { seat: 'canberra' } });
    a.send({ type: 'HANDOFF', seat: 'beijing' });
    expect(a.getSnapshot()).toMatchObject({ value: 'handoff', context: { seat: 'beijing' } });
    a.send({ type: 'TAKE_SEAT' });
    expect(a.getSnapshot()).toMatchObject({ value: 'match', context: { seat: 'beijing' } });
    a.send({ type: 'OVER' });
    expect(a.getSnapshot()).toMatchObject({ value: 'end', context: { seat: null } });
    a.send({ type: 'MENU' });
    expect(a.getSnapshot().value).toBe('menu');
    a.stop();
  });
});

describe('the computer seats’ protocol', () => {
  it('answers with the named policy, for the seat asked only, and says when a policy is unknown', () => {
    const g = newGame('4');
    const req = { id: 9, policy: 'simple', role: 'beijing', view: view(g, 'beijing'), seed: '4', pass: 0 };
    const r = answerSeatRequest(req, { simple: simplePolicy });
    expect('actions' in r && r.actions.every((a) => a.role === 'beijing')).toBe(true);
    const sneaky = answerSeatRequest(req, { simple: () => [{ type: 'endPhase', role: 'canberra' }] });
    expect(sneaky).toEqual({ id: 9, actions: [] });
    expect(answerSeatRequest({ ...req, policy: 'grandmaster' }, { simple: simplePolicy })).toEqual({ id: 9, error: 'No computer policy named "grandmaster" (known: simple).' });
    expect(answerSeatRequest(req, { simple: () => { throw new Error('boom'); } })).toEqual({ id: 9, error: 'boom' });
  });
});

describe('metrics over the rounds', () => {
  it('give the change since the start of the last round and the values of the last rounds', () => {
    let g = newGame('6');
    const h = new MetricHistory();
    h.observe(g);
    expect(h.delta(g, 'canberra', 'treasury')).toBeNull();
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'grant', by: 'canberra' } } });
    g = act(g, { type: 'accept', role: 'SLB', offer: g.offers[g.offers.length - 1]?.id ?? '' });
    g = endPhase(endPhase(g));
    h.observe(g);
    expect(g.round).toBe(2);
    const before = h.snapshots[0]?.roles.canberra?.treasury ?? 0;
    expect(h.delta(g, 'canberra', 'treasury')).toBe((g.powers.canberra?.treasury ?? 0) - before);
    expect(h.series(g, 'canberra', 'treasury')).toEqual([before, g.powers.canberra?.treasury]);
    expect(h.series(g, 'SLB', 'debt')).toEqual([0, 0]);
  });
});

describe('the computer seats’ worker', () => {
  it('finds every bot of src/ai by name', async () => {
    const { policyByName, POLICY_NAMES } = await import('../../src/ai');
    const g = newGame('4');
    for (const name of POLICY_NAMES) {
      const r = answerSeatRequest({ id: 1, policy: name, role: 'SLB', view: view(g, 'SLB'), seed: '4', pass: 0 }, { byName: policyByName, names: POLICY_NAMES });
      expect('actions' in r, name).toBe(true);
    }
  });
});
