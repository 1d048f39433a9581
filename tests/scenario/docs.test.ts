import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLAUSE_KINDS, DIPLOMATIC_ACTS, EVENT_KINDS, PACT_TYPES, TELECOM_PROJECTS } from '../../src/engine';
import { ISLAND_ORDERS, POWER_ORDERS } from '../../src/engine/orders';
import { SCORE_SWING } from '../../src/engine/scoring';

const rules = readFileSync('docs/rules.md', 'utf8');

describe('docs/rules.md', () => {
  it('explains every event kind, order, telecom project, pact type, clause and diplomatic act', () => {
    const names = [...EVENT_KINDS, ...POWER_ORDERS, ...ISLAND_ORDERS, ...TELECOM_PROJECTS, ...CLAUSE_KINDS, ...DIPLOMATIC_ACTS];
    expect(names.filter((n) => !rules.includes(n))).toEqual([]);
    for (const p of PACT_TYPES) expect(rules.toLowerCase()).toMatch(new RegExp(`\\| ${p === 'port' ? 'port visits' : p === 'naval' ? 'naval access' : p}`));
  });

  it('states the swing the engine uses for every objective', () => {
    const line = rules.slice(rules.indexOf('the swing is'), rules.indexOf('the part moves'));
    for (const [k, v] of Object.entries(SCORE_SWING)) {
      const word = k === 'vendorShare' ? 'vendor share' : k;
      expect(line, k).toMatch(new RegExp(`${word} ${String(v).replace('.', '\\.')}[,;)]`));
    }
  });
});
