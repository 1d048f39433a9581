import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/ai';
import { playChecked } from './helpers';

describe("Quad's Nauru treaty (December 2024) comes up in bot games", () => {
  it("Canberra's scripted package is tabled in round 4 of every game, its no-third-party clause put to Nauru", () => {
    const normal = policyByName('normal')!;
    // Seeds 2, 5, 7 and 8 are games in which Canberra's bot had spent below a package paid at once (US$90m).
    for (const seed of ['1', '2', '5', '7', '8']) {
      const g = playChecked('quad', seed, () => normal, 4).host.state;
      expect(g.log.some((e) => e.text.startsWith("Canberra's package offer of the scenario is not tabled")), `seed ${seed}`).toBe(false);
      const treaty = g.offers.find((o) => o.round === 4 && o.from === 'canberra' && o.deal.kind === 'package' && o.deal.parts.some((p) => p.kind === 'pact' && p.clauses.some((c) => c.kind === 'noThirdParty')));
      expect(treaty?.to, `seed ${seed}`).toEqual(['NRU']);
    }
  });
});
