import { describe, expect, it } from 'vitest';
import { canonicalJson, type Deal } from '../../src/engine';
import { policyByName } from '../../src/ai';
import { playChecked } from './helpers';

/** What a deal settles for as long as it stands (an aid grant may be given again; a cable is not laid twice). */
function standing(deal: Deal): string | null {
  if (deal.kind === 'cable') return `cable|${[...deal.route].sort().join(',')}`;
  if (deal.kind === 'pact') return `pact|${deal.island}|${deal.power}|${deal.pact}`;
  if (deal.kind === 'diplomatic') return `diplomatic|${deal.island}|${deal.power}|${deal.act}`;
  return null;
}

describe('bots do not undo themselves', () => {
  it('never offer a deal already signed, and an island never repays early in a round it then falls into arrears', () => {
    const problems: string[] = [];
    for (const [scenario, seed] of [['coral-sea', '3'], ['coral-sea', '9'], ['honiara', '5']] as const) {
      const normal = policyByName('normal')!;
      const { host, returned } = playChecked(scenario, seed, () => normal, 8);
      const g = host.state;
      // An offer made while an agreement with the same standing terms was in force.
      for (const { role, action } of returned) {
        if (action.type !== 'offer' || action.amends !== undefined) continue;
        const key = standing(action.deal);
        const made = g.offers.find((o) => o.from === role && canonicalJson(o.deal) === canonicalJson(action.deal));
        const round = made?.round ?? 0;
        const clash = key && g.agreements.find((a) => standing(a.deal) === key && a.round < round && (a.status === 'active' || (g.log.find((e) => e.about.includes(a.id) && /cancels|breach|ended|replaced/i.test(e.text))?.round ?? Infinity) > round));
        if (clash) problems.push(`${scenario}/${seed}: ${role} offered in round ${round} the ${action.deal.kind} deal signed in round ${clash.round}`);
      }
      for (let round = 1; round <= g.round; round++) {
        const entries = g.log.filter((e) => e.round === round && e.phase === 'resolution');
        for (const island of Object.values(g.islands)) {
          const repaid = entries.some((e) => e.text.startsWith(`${island.name} repays`));
          const arrears = entries.some((e) => e.text.startsWith(`${island.name} could not pay all it owed`));
          if (repaid && arrears) problems.push(`${scenario}/${seed}: ${island.name} repaid early and fell into arrears in round ${round}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('go on offering aid and networks after a first grant is signed: another grant settles nothing', () => {
    const normal = policyByName('normal')!;
    const { host } = playChecked('coral-sea', '1', () => normal, 8);
    const g = host.state;
    const first = Math.min(...g.agreements.filter((a) => a.round >= 1 && (a.deal.kind === 'aid' || a.deal.kind === 'telecom')).map((a) => a.round));
    expect(first).toBeLessThan(4);
    // Aid and telecom deals signed in later rounds, by the powers' offers or the islands' requests.
    const later = g.agreements.filter((a) => a.round > first && (a.deal.kind === 'aid' || a.deal.kind === 'telecom'));
    expect(later.length).toBeGreaterThanOrEqual(4);
    expect(new Set(later.map((a) => a.round)).size).toBeGreaterThanOrEqual(3);
  });
});
