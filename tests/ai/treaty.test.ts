import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/ai';
import { playChecked } from './helpers';

describe("Quad's Nauru treaty (December 2024) comes up in bot games", () => {
  it("Canberra's scripted package is tabled in round 4, its no-third-party clause put to Nauru", () => {
    const normal = policyByName('normal')!;
    const { host } = playChecked('quad', '1', () => normal, 4);
    const g = host.state;
    expect(g.log.some((e) => e.text.startsWith("Canberra's package offer of the scenario is not tabled"))).toBe(false);
    const treaty = g.offers.find((o) => o.round === 4 && o.from === 'canberra' && o.deal.kind === 'package' && o.deal.parts.some((p) => p.kind === 'pact' && p.clauses.some((c) => c.kind === 'noThirdParty')));
    expect(treaty?.to).toEqual(['NRU']);
  });
});
