import { describe, expect, it } from 'vitest';
import { formatMoney, type Action, type Deal, type GameView } from '../../src/engine';
import { policyByName } from '../../src/ai';
import { playChecked } from './helpers';

const money = (d: Deal): number | null => (d.kind === 'aid' || d.kind === 'telecom' ? d.amount : null);
const GOALS = /\b(to|for) [a-z]/;

describe('bots explain their actions', () => {
  it('each action names its actor, concrete terms and the goal it serves, from what the actor can see', () => {
    const normal = policyByName('normal')!;
    const seen: { role: string; action: Action; view: GameView }[] = [];
    const { host } = playChecked('honiara', '3', (role) => (v, r, ctx) => {
      const actions = normal(v, r, ctx);
      for (const action of actions) seen.push({ role, action, view: v });
      return actions;
    }, 3);
    expect(seen.length).toBeGreaterThan(10);
    const names = (v: GameView) => [...Object.values(v.islands).map((i) => i.name), ...Object.values(v.powers).map((p) => p!.name)];
    for (const { role, action, view } of seen) {
      const why = action.why ?? '';
      const actor = view.islands[role]?.name ?? view.powers[role as 'beijing']?.name ?? role;
      expect(why.startsWith(actor), why).toBe(true);
      expect(why, why).toMatch(GOALS);
      // Plain words: no rule identifiers ("unrestDeployment"), no doubled article ("Tonga's a data centre").
      expect(why, why).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
      expect(why, why).not.toMatch(/'s? (a|an|the) /);
      const deal = action.type === 'offer' || action.type === 'counter' ? action.deal : action.type === 'accept' || action.type === 'reject' ? view.offers.find((o) => o.id === action.offer)?.deal : undefined;
      if (deal) {
        const amount = money(deal);
        if (amount !== null && action.type !== 'counter') expect(why, why).toContain(formatMoney(amount));
        if (deal.kind === 'pact') expect(why, why).toContain(deal.pact);
        // The other party is named.
        expect(names(view).some((n) => n !== actor && why.includes(n)), why).toBe(true);
      }
      if (action.type === 'order' && action.order.amount > 0) expect(why, why).toContain(formatMoney(action.order.amount));
      if (action.type === 'reject') expect(action.reason.length).toBeGreaterThan(10);
    }
    // Explanations reach exactly the viewers of the action: the log holds each one once, for its audience.
    const logged = host.state.log.filter((e) => seen.some((s) => s.action.why && e.text.endsWith(s.action.why)));
    expect(logged.length).toBeGreaterThan(5);
  });
});
