import { describe, expect, it } from 'vitest';
import type { Action, GameView, RoleId } from '../../src/engine';
import { policyByName } from '../../src/ai';
import { termVariants } from '../../src/ai/bots/candidates';
import { playChecked } from './helpers';

describe('a reason names what decided', () => {
  it('an island that says it could sign on other terms does not turn the same offer down on those terms', () => {
    // Easy islands do not haggle, so they give their terms in the reason instead of a counter-offer;
    // normal ones counter when other terms would do, and so must never claim them in a refusal.
    const normal = policyByName('normal')!;
    const easy = policyByName('easy')!;
    const said: { view: GameView; role: RoleId; action: Extract<Action, { type: 'reject' }>; ctx: { seed: string; pass: number }; bot: typeof normal }[] = [];
    const levels = { easy, normal };
    for (const [scenario, seed, level] of [['coral-sea', '3', 'normal'], ['honiara', '5', 'normal'], ['coral-sea', '3', 'easy'], ['honiara', '5', 'easy'], ['hunga-tonga', '6', 'easy']] as const)
      playChecked(scenario, seed, (role) => (v, r, ctx) => {
        const island = levels[level];
        const actions = (v.islands[role] ? island : normal)(v, r, ctx);
        for (const a of actions) if (a.type === 'reject' && v.islands[role] && /we could sign it /.test(a.reason)) said.push({ view: v, role, action: a, ctx, bot: island });
        return actions;
      }, 8);
    expect(said.length).toBeGreaterThan(0);
    for (const { view, role, action, ctx, bot } of said) {
      const change = /we could sign it (.+)\.$/.exec(action.reason)?.[1] ?? '';
      const offer = view.offers.find((o) => o.id === action.offer);
      const variant = offer && termVariants(view, offer.deal, 'island').find((x) => x.change === change);
      expect(variant, `${action.reason}`).toBeDefined();
      if (!offer || !variant) continue;
      // The same offer, with the term the reason names changed: the answer flips.
      const changed: GameView = { ...view, offers: view.offers.map((o) => (o.id === offer.id ? { ...o, deal: variant.deal } : o)) };
      const answer = bot(changed, role, ctx).find((a) => 'offer' in a && a.offer === offer.id);
      expect(answer?.type, `${action.reason} → ${answer?.type}: ${answer && 'why' in answer ? answer.why : ''}`).not.toBe('reject');
    }
  });
});
