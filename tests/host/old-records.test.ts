import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_VERSION, stateHash, view, type GameState } from '../../src/engine';
import { HIDDEN_ID } from '../../src/engine/ids';
import { POLICY_NAMES } from '../../src/ai';
import { replay } from '../../src/host/match';
import { openForDebrief, openRecord, type ScenarioLookup } from '../../src/host/open';
import type { GameRecord } from '../../src/host/record';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';

/**
 * Real files written by earlier versions of the game (tests/host/old-records: Coral Sea, a save
 * at round 4 and a finished record, from the commits that played rules versions 9 and 10, before
 * ids were keyed and scores were worked out per viewer). They open with no scenario shipped: from
 * the scenario text they carry.
 */
const nothingShipped: ScenarioLookup = async () => null;
const read = (name: string): GameRecord => JSON.parse(readFileSync(new URL(`./old-records/${name}.json`, import.meta.url), 'utf8')) as GameRecord;

/**
 * Rules version 10 is still this branch's number until the merge bumps it for the keyed ids; a
 * file of that number is then an older one. Until then it is labelled one version older here,
 * which is what the bump does to it (its last state's hash made again for the new label).
 */
function older(r: GameRecord): GameRecord {
  if (r.rules < RULES_VERSION) return r;
  const out: GameRecord = { ...r, rules: RULES_VERSION - 1 };
  if (r.last) {
    const state = { ...r.last.state, rules: RULES_VERSION - 1 };
    out.last = { state, hash: stateHash(state) };
  }
  return out;
}

const hiddenOffer = new RegExp(`^o${HIDDEN_ID}$`);

describe('records and saves of earlier rules versions (format 2, rules 9 and 10)', () => {
  for (const rules of [9, 10]) {
    it(`a rules-${rules} save carries on from its last state under these rules, with keyed ids and per-viewer scores`, async () => {
      const file = read(`rules${rules}-save`);
      expect(file.rules).toBe(rules);
      expect((file.last?.state as Partial<GameState>).idKey).toBeUndefined();
      const opened = await openRecord(older(file), nothingShipped, POLICY_NAMES);
      if (!opened.ok) throw new Error(opened.message);
      expect(opened.notice).toMatch(/carries on under rules version/);
      const host = opened.host;
      expect(host.state.round).toBe(4);
      expect(host.state.idKey).toMatch(/^[0-9a-f]{32}$/);
      expect(host.state.seen).toBeTypeOf('object');
      // Its old offers keep their ids; the offers made from here on get keyed ids, and every view works.
      const before = host.state.offers.length;
      expect(host.state.offers.slice(0, before).every((o) => /^o\d+$/.test(o.id))).toBe(true);
      playToEnd(host, () => simplePolicy, `carry-${rules}`);
      expect(host.over).toBe(true);
      expect(host.state.round).toBeGreaterThan(4);
      const fresh = host.state.offers.slice(before);
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.every((o) => hiddenOffer.test(o.id))).toBe(true);
      for (const v of [...host.state.seats, 'spectator' as const]) expect(view(host.state, v).counters.offer).toBe(0);
      // The continued game's own record replays exactly, from the carried-on state.
      const again = replay(JSON.parse(JSON.stringify(host.record)), host.scenario, host.record.scenario.hash);
      expect(again.ok && again.allMatch).toBe(true);
      expect(again.ok && stateHash(again.host.state)).toBe(stateHash(host.state));
    });

    it(`a finished rules-${rules} record opens for its debrief from its per-round figures`, async () => {
      const file = read(`rules${rules}-finished`);
      const opened = await openForDebrief(older(file), nothingShipped);
      if (!opened.ok) throw new Error(opened.message);
      expect(opened.exact).toBe(false);
      expect(opened.figures.length).toBe(file.rounds?.length);
      expect(opened.figures.at(-1)?.scores.canberra?.total).toBeTypeOf('number');
    });
  }

  it('a rules-10 file is refused for exact replay under a state that holds the keyed ids: the rules version must change', () => {
    const file = read('rules10-save');
    const r = replay({ ...file, rules: RULES_VERSION }, { ...JSON.parse(file.scenario.text ?? '{}') }, file.scenario.hash);
    expect(r.ok && r.allMatch).toBe(false);
  });
});
