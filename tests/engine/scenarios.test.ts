import { describe, expect, it } from 'vitest';
import { ledgerBalances } from '../../src/engine';
import { scenarioFiles } from '../../src/scenario/files';
import { playedGame } from '../helpers';

describe('every shipped scenario plays to the end', () => {
  for (const id of Object.keys(scenarioFiles())) {
    it(`${id}: 20 seeds with the built-in policies`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const host = playedGame(String(seed), undefined, id);
        const g = host.state;
        expect(g.phase).toBe('over');
        expect(host.record.hashes).toHaveLength(g.scenario.rounds);
        // The books balance: every account equals what the ledger says it received and paid.
        const books = ledgerBalances(g);
        for (const [role, island] of Object.entries(g.islands)) expect(books[role] ?? 0, `${id}/${seed} ${role}`).toBe(island.treasury);
        for (const [role, power] of Object.entries(g.powers)) expect(books[role] ?? 0, `${id}/${seed} ${role}`).toBe(power?.treasury);
        for (const role of g.seats) expect(g.scores[role]!.total).toBeGreaterThanOrEqual(0);
      }
    }, 120_000);
  }
});
