import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/ai';
import { playToEnd } from '../../src/ai/autoplay';
import { MatchHost } from '../../src/host/match';
import { loadScenario } from '../helpers';

describe("loans in bot games (issue #7: China Exim's credit beside Beijing's loans)", () => {
  // Coral Sea's bots signed such loans only while PNG's early repayments of its Exim debt swelled
  // Beijing's grant budget (before rules version 16); Honiara tables the 161-tower loan of 2022.
  it("in Honiara, normal bots sign Beijing loans with Exim credit, owed to Beijing and repaid to the bank, in some games of a small sample", () => {
    const { scenario, hash } = loadScenario('honiara');
    const normal = policyByName('normal')!;
    let banked = 0;
    for (const seed of ['1', '2', '3']) {
      const host = new MatchHost(scenario, hash, seed, { hashes: false });
      playToEnd(host, () => normal, seed);
      const g = host.state;
      for (const a of g.agreements) {
        const d = a.deal;
        if (a.round < 1 || !('cofunders' in d) || !d.cofunders?.some((c) => c.by === 'chinaExim')) continue;
        banked++;
        // Every debt it made is owed to Beijing; the bank's share is repaid to the bank.
        const debts = g.debts.filter((x) => x.agreement === a.id);
        expect(new Set(debts.map((x) => x.creditor))).toEqual(new Set(['beijing']));
        expect(debts.map((x) => x.lender ?? 'beijing').sort()).toEqual(['beijing', 'chinaExim']);
      }
    }
    expect(banked).toBeGreaterThan(0);
  }, 60_000);
});
