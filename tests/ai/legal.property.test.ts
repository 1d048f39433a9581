import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_WHY } from '../../src/engine/validate';
import { scenarioFiles } from '../../src/scenario/files';
import { loadScenario } from '../helpers';
import { policyByName } from '../../src/ai';
import { playChecked } from './helpers';

const SCENARIOS = Object.keys(scenarioFiles()).sort();
const easy = policyByName('easy')!;
const normal = policyByName('normal')!;
const random = policyByName('random')!;

/** Rounds to play: enough for offers, counters, orders and signed deals, kept short for the largest scenarios. */
const roundsFor = (id: string): number => (loadScenario(id).scenario.islands.length > 5 ? 1 : 2);

describe('bots only submit legal actions', () => {
  it('every action an easy or normal bot returns passes validate on the real state, in every scenario', () => {
    let checked = 0;
    let offers = 0;
    let answers = 0;
    let orders = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.constantFrom('easy', 'normal', 'random'), { minLength: 13, maxLength: 13 }),
        (id, seed, levels) => {
          const seats = loadScenario(id).scenario;
          const roles = [...seats.islands.map((i) => i.id), ...seats.powers.map((p) => p.id)];
          const policyOf = (role: string) => ({ easy, normal, random })[levels[roles.indexOf(role)] ?? 'normal'] ?? normal;
          const isBot = (role: string) => levels[roles.indexOf(role)] !== 'random';
          const { returned } = playChecked(id, String(seed), policyOf, roundsFor(id), isBot);
          for (const r of returned) {
            expect(r.refusal, `${id} seed ${seed}: ${r.role} ${JSON.stringify(r.action)}`).toBeNull();
            expect(r.action.role).toBe(r.role);
            if (r.action.type !== 'endPhase') {
              expect(typeof r.action.why).toBe('string');
              expect(r.action.why!.length).toBeLessThanOrEqual(MAX_WHY);
            }
            checked++;
            if (r.action.type === 'offer' || r.action.type === 'counter') offers++;
            if (r.action.type === 'accept' || r.action.type === 'reject') answers++;
            if (r.action.type === 'order') orders++;
          }
        },
      ),
      { numRuns: 16, seed: 20260501 },
    );
    // The bots did play: offers, answers and orders were all checked.
    expect(checked).toBeGreaterThan(50);
    expect(offers).toBeGreaterThan(5);
    expect(answers).toBeGreaterThan(5);
    expect(orders).toBeGreaterThan(5);
  });
});
