import { describe, expect, it } from 'vitest';
import { view, type Offer, type PackageDeal } from '../../src/engine';
import { shareOf } from '../../src/engine/packages';
import { policyByName } from '../../src/ai';
import { simplePolicy } from '../../src/ai/simple';
import { BotContext } from '../../src/ai/bots/context';
import { appraise } from '../../src/ai/bots/appraise';
import { barFor } from '../../src/ai/bots/negotiate';
import { newGame } from '../helpers';

/**
 * The computer players answer a package with no rule of their own for it: an island weighs its
 * share as the engine's rules would sign each part (the same signing the bots' model does for any
 * deal), and answers by its usual bar.
 */
const opening = () => newGame('1', 'shared-future', (s) => (s.deck.chancePerRound = 0), { opening: true });
const packageOf = (offers: readonly Offer[]): Offer => {
  const o = offers.find((x) => x.deal.kind === 'package');
  if (!o) throw new Error('Shared Future tables no package');
  return o;
};

describe('computer players and a package', () => {
  it("weigh an island's share as its parts signed one by one, by the engine's own signing", () => {
    const g = opening();
    const o = packageOf(g.offers);
    const deal = o.deal as PackageDeal;
    for (const island of ['TON', 'FJI', 'KIR']) {
      const c = new BotContext(view(g, island), island, 'normal', '1', 0);
      const whole = appraise(c.model, [island], [{ deal, from: 'beijing' }])[island]!;
      const parts = appraise(c.model, [island], shareOf(deal, island).map((d) => ({ deal: d, from: 'beijing' })))[island]!;
      expect(whole.gain).toBeCloseTo(parts.gain, 9);
      expect(whole.cash).toBe(parts.cash);
    }
  });

  it('answer it by their usual bar: a normal island accepts exactly when its share is worth more than the bar', () => {
    const g = opening();
    const o = packageOf(g.offers);
    const normal = policyByName('normal')!;
    const answers: Record<string, string> = {};
    for (const island of (o.deal as PackageDeal).islands) {
      const v = view(g, island);
      const c = new BotContext(v, island, 'normal', '1', 0);
      const a = appraise(c.model, [island], [{ deal: o.deal, from: 'beijing' }])[island]!;
      const answer = normal(v, island, { seed: '1', pass: 0 }).find((x) => (x.type === 'accept' || x.type === 'reject') && x.offer === o.id);
      answers[island] = answer?.type ?? 'none';
      expect(answer?.type, island).toBe(a.gain > barFor(v, island, o.deal) ? 'accept' : 'reject');
    }
    // The islands do not answer as one: some sign, some do not (Tonga, as in most games).
    expect(Object.values(answers)).toContain('accept');
    expect(answers.TON).toBe('reject');
  });

  it('the built-in policy answers every island of it too, and a refusal names the part it likes least', () => {
    const g = opening();
    const o = packageOf(g.offers);
    for (const island of (o.deal as PackageDeal).islands) {
      const acts = simplePolicy(view(g, island), island, { seed: '7', pass: 0 }).filter((x) => 'offer' in x && x.offer === o.id);
      expect(acts.map((x) => x.type), island).toHaveLength(1);
      const a = acts[0]!;
      if (a.type === 'reject') expect(a.reason).toMatch(/^(We cannot accept|It could not be signed)/);
      else expect(a.type).toBe('accept');
    }
  });
});
