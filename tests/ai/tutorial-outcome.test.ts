import { describe, expect, it } from 'vitest';
import { MatchHost } from '../../src/host/match';
import { playPhase } from '../../src/ai/autoplay';
import { policyByName } from '../../src/ai';
import { loadScenario } from '../helpers';

const easy = policyByName('easy')!;

/** The tutorial as a learner plays it: easy bots as the powers, Vaitupa answering only the round-2 cable bids. */
function learner(seed: string, takeGrant: boolean): number {
  const { scenario, hash } = loadScenario('tutorial');
  const host = new MatchHost(scenario, hash, seed, { hashes: false });
  while (!host.over) {
    if (host.state.phase === 'negotiation' && host.state.round === 2)
      for (const o of host.state.offers.filter((x) => x.status === 'open' && x.to.includes('VTP') && x.deal.kind === 'cable')) {
        if (takeGrant && o.from === 'canberra') host.submit({ type: 'accept', role: 'VTP', offer: o.id });
        else host.submit({ type: 'reject', role: 'VTP', offer: o.id, reason: 'Not these terms.' });
      }
    playPhase(host, ['beijing', 'canberra'], () => easy, seed);
    if (!host.over && !host.state.ended.includes('VTP')) host.submit({ type: 'endPhase', role: 'VTP' });
  }
  return host.state.scores.VTP?.total ?? 0;
}

describe('the tutorial rewards the lesson', () => {
  it('a learner who takes the grant-funded second route reaches par; one who turns both bids down does not', () => {
    for (const seed of ['1', '2', '3']) {
      const grant = learner(seed, true);
      const neither = learner(seed, false);
      expect(grant, `seed ${seed}`).toBeGreaterThanOrEqual(50);
      expect(neither, `seed ${seed}`).toBeLessThan(50);
      expect(grant - neither).toBeGreaterThanOrEqual(5);
    }
  });
});
