import { describe, expect, it } from 'vitest';
import { ledgerBalances, type RoleId } from '../../src/engine';
import { scenarioFiles } from '../../src/scenario/files';
import { policyByName } from '../../src/ai';
import { loadScenario } from '../helpers';
import { playChecked } from './helpers';

const easy = policyByName('easy')!;
const normal = policyByName('normal')!;

describe('every scenario finishes with bots in every seat', () => {
  for (const id of Object.keys(scenarioFiles()).sort()) {
    it(`${id}: easy and normal bots play to the end, legally, and sign deals`, () => {
      const { scenario } = loadScenario(id);
      const seats: RoleId[] = [...scenario.islands.map((i) => i.id), ...scenario.powers.map((p) => p.id)];
      // Seats alternate between the two levels.
      const { host, returned } = playChecked(id, '11', (role) => (seats.indexOf(role) % 2 ? easy : normal));
      expect(host.over).toBe(true);
      expect(returned.filter((r) => r.refusal)).toEqual([]);
      const g = host.state;
      expect(g.round).toBe(g.scenario.rounds);
      expect(g.agreements.filter((a) => a.round > 0).length).toBeGreaterThan(0);
      const balances = ledgerBalances(g);
      for (const [island, x] of Object.entries(g.islands)) expect(balances[island] ?? 0).toBe(x.treasury);
    });
  }
});
