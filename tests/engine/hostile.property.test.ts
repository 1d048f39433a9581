import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAction, previewDeal, step, stateHash, validate, view, type Action, type Deal, type GameState, type RefusalCode } from '../../src/engine';
import { BASE_ACTIONS, allPaths, realIds, theHostileStates, idPaths, playOnThroughTheRound, withAt, type Path } from './hostile.fixtures';

const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const states = theHostileStates();
const playable = [states.negotiation, states.decisions];

/** Refused with a proper refusal, nothing changed, and the game goes on through the round's later phases. */
function expectRefusedHarmlessly(g: GameState, action: unknown): RefusalCode {
  const before = stateHash(g);
  const r = step(g, action as Action);
  expect(r.ok, JSON.stringify(action)).toBe(false);
  if (r.ok) return 'malformed';
  expect(typeof r.refusal.message).toBe('string');
  expect(r.refusal.message.length).toBeGreaterThan(5);
  expect(r.refusal.message.length).toBeLessThan(400);
  expect(stateHash(g)).toBe(before);
  return r.refusal.code;
}

describe('ids that are JavaScript built-in names', () => {
  const cases: { action: Action; path: Path }[] = BASE_ACTIONS.flatMap((action) => idPaths(action).map((path) => ({ action, path })));

  it('covers every id field of every action kind', () => {
    const fields = new Set(cases.map((c) => c.path.filter((k) => typeof k === 'string').join('.')));
    for (const f of ['role', 'to', 'deal.island', 'deal.vendor', 'deal.route', 'deal.financing.by', 'deal.power', 'deal.conditions.vendor', 'deal.conditions.power', 'amends', 'offer', 'agreement', 'order.island', 'order.vendor', 'order.clause', 'order.debt'])
      expect(fields).toContain(f);
  });

  it('are refused with a refusal in every id field, change nothing, and the round still resolves', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom(...PROTO_KEYS), fc.constantFrom(...playable), ({ action, path }, key, g) => {
        expectRefusedHarmlessly(g, withAt(action, path, key));
      }),
      { numRuns: 50, seed: 9 },
    );
    // Every case once in each state, and then the rounds go on.
    for (const g of playable) {
      for (const { action, path } of cases) for (const key of PROTO_KEYS) expectRefusedHarmlessly(g, withAt(action, path, key));
      expect(() => playOnThroughTheRound(g)).not.toThrow();
    }
  });

  it('as field names are refused naming the field', () => {
    const json = '{"type":"endPhase","role":"SLB","__proto__":{"role":"PNG"}}';
    const r = validate(states.negotiation, JSON.parse(json) as Action);
    expect(r).toMatchObject({ code: 'malformed', field: '__proto__' });
    expect(validate(states.negotiation, { type: 'endPhase', role: 'SLB', constructor: 'x' } as unknown as Action)).toMatchObject({ code: 'malformed', field: 'constructor' });
  });
});

describe('the deal preview', () => {
  it('says what is wrong with a hostile or half-filled deal instead of throwing', () => {
    const v = view(states.negotiation, 'SLB');
    const deals = [
      { kind: 'aid', island: 'constructor', amount: 100, financing: { kind: 'grant', by: 'washington' } },
      { kind: 'aid', island: 'SLB', amount: 100, financing: null },
      { kind: 'cable', route: ['__proto__', 'honiara'], vendor: 'toString', financing: { kind: 'grant', by: 'canberra' }, buildMonths: 18, stationOperator: 'island', dataAccess: false, exclusivity: false },
    ];
    for (const deal of deals) {
      const p = previewDeal(v, 'SLB', deal as unknown as Deal, 'washington');
      expect(p.conflict, JSON.stringify(deal)).toMatch(/\w/);
      expect(p.after).toBe(p.before);
    }
  });
});

describe('actions are parsed strictly', () => {
  const g = states.negotiation;
  const aid = BASE_ACTIONS[0] as Extract<Action, { type: 'offer' }>;
  const refusal = (a: unknown) => validate(g, a as Action);

  it('accepts the well-formed base actions as they are', () => {
    for (const a of BASE_ACTIONS) expect(parseAction(a)).toEqual({ ok: true, value: a });
  });

  it('refuses unknown fields, naming them', () => {
    expect(refusal({ ...aid, colour: 'red' })).toMatchObject({ code: 'malformed', field: 'colour' });
    expect(refusal({ ...aid, deal: { ...aid.deal, bonus: 5 } })).toMatchObject({ code: 'malformed', field: 'deal.bonus' });
  });

  it('refuses loan terms on a grant', () => {
    expect(refusal({ ...aid, deal: { ...aid.deal, financing: { kind: 'grant', by: 'washington', ratePct: 2 } } })).toMatchObject({ code: 'malformed', field: 'deal.financing.ratePct' });
  });

  it('refuses a list where an id goes, NaN, Infinity, fractions and money out of bounds', () => {
    expect(refusal({ ...aid, deal: { ...aid.deal, island: ['PNG'] } })).toMatchObject({ code: 'malformed', field: 'deal.island' });
    for (const amount of [NaN, Infinity, -Infinity, 1.5])
      expect(refusal({ ...aid, deal: { ...aid.deal, amount } }), String(amount)).toMatchObject({ code: 'malformed', field: 'deal.amount' });
    expect(refusal({ ...aid, deal: { ...aid.deal, amount: 1e12 } })).toMatchObject({ code: 'illegalTerms', field: 'deal.amount' });
    expect(refusal({ type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: NaN } })).toMatchObject({ code: 'malformed', field: 'order.amount' });
  });

  it('refuses long texts and ids, and deep nesting, without a stack overflow', () => {
    expect(refusal({ ...aid, why: 'x'.repeat(2001) })).toMatchObject({ code: 'malformed', field: 'why' });
    expect(refusal({ type: 'accept', role: 'SLB', offer: 'o'.repeat(65) })).toMatchObject({ code: 'malformed', field: 'offer' });
    let deep: unknown = 'SLB';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal({ ...aid, deal: { ...aid.deal, island: deep } })).toMatchObject({ code: 'malformed', field: 'deal.island' });
    let nested: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) nested = { deal: nested };
    expect(refusal({ ...aid, deal: nested })?.code).toBe('malformed');
    expect(refusal({ ...aid, to: Array.from({ length: 100_000 }, () => 'PNG') })).toMatchObject({ code: 'malformed', field: 'to' });
  });

  it('refuses what is not plain data (a getter that throws) without throwing', () => {
    const trap = { ...aid };
    Object.defineProperty(trap, 'role', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(refusal(trap)?.code).toBe('malformed');
  });
});

/** Junk a hostile or careless sender might put anywhere. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, -1, 0, 1.5, 2 ** 53, 1e12, '', 'x'.repeat(3000), true, [], {}, [[[['SLB']]]], ...PROTO_KEYS),
  fc.constantFrom<unknown>('SLB', 'PNG', 'beijing', 'canberra', 'washington', 'spectator', ...['o1', 'o2', 'o3', 'o4', 'o6', 'a1.c1'].map((id) => realIds()[id] ?? id), 'o1', 'a1', 'a1.c1', 'exim-kumul', 'asn', 'huawei-marine', 'honiara', 'sydney', 'grant', 'loan', 'towers', 'cyber'),
  fc.integer({ min: -10, max: 2_000_000 }),
  fc.constantFrom(900_000, 999_999, 50_000),
  fc.string({ maxLength: 10 }),
);

type Mutation = { op: 'none' } | { op: 'set'; at: number; value: unknown } | { op: 'setId'; at: number; value: unknown } | { op: 'remove'; at: number } | { op: 'add'; at: number; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: junk }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('setId' as const), at: fc.nat(), value: junk }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom('extra', '__proto__', 'constructor', 'ratePct', 'why'), value: junk }) },
);

function mutate(action: Action, m: Mutation): unknown {
  if (m.op === 'none') return action;
  const paths = m.op === 'setId' ? idPaths(action) : allPaths(action);
  const path = paths[m.at % paths.length] as Path;
  if (m.op === 'setId') return withAt(action, path, m.value);
  if (m.op === 'set') return withAt(action, path, m.value);
  if (m.op === 'remove') return withAt(action, path, undefined, true);
  // An extra field on the object at the path (or on the action itself).
  const objects: Path[] = [[], ...paths.filter((p) => {
    let cur: unknown = action;
    for (const k of p) cur = (cur as Record<string | number, unknown>)[k];
    return typeof cur === 'object' && cur !== null && !Array.isArray(cur);
  })];
  return withAt(action, [...(objects[m.at % objects.length] as Path), m.key], m.value);
}

const EVERY_CODE: RefusalCode[] = ['unknownRole', 'wrongPhase', 'gameOver', 'alreadyEnded', 'notYourOffer', 'unknownOffer', 'offerClosed', 'tooManyCounters', 'unaffordable', 'illegalTerms', 'badParty', 'unknownTarget', 'notParty', 'malformed', 'limitReached'];

describe('fuzzed actions', () => {
  it('a refused action changes nothing, no action makes a later phase throw, and every refusal code is reached', () => {
    const reached = new Set<RefusalCode>();
    const all = [states.negotiation, states.decisions, states.ended, states.over, states.capped];
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom(...BASE_ACTIONS), mutation, fc.option(fc.constantFrom('SLB', 'PNG', 'beijing', 'canberra', 'washington'), { freq: 4 }), (g, base, m, role) => {
        const action = mutate(role ? ({ ...base, role } as Action) : base, m);
        const before = stateHash(g);
        let r: ReturnType<typeof step>;
        try {
          r = step(g, action as Action);
        } catch (e) {
          throw new Error(`step threw on ${JSON.stringify(action)}: ${String(e)}`);
        }
        expect(stateHash(g)).toBe(before);
        if (!r.ok) {
          reached.add(r.refusal.code);
          expect(r.refusal.message.length).toBeLessThan(400);
          return;
        }
        accepted++;
        const after = playOnThroughTheRound(r.state);
        expect(stateHash(after)).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: 1500, seed: 20261204 },
    );
    expect(accepted).toBeGreaterThan(10);
    expect([...reached].sort()).toEqual([...EVERY_CODE].sort());
  });
});
