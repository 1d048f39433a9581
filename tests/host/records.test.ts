import { describe, expect, it } from 'vitest';
import { RULES_VERSION, stateHash, type GameState } from '../../src/engine';
import { POLICY_NAMES } from '../../src/ai';
import { MatchHost, replay, withoutHistory } from '../../src/host/match';
import { branchAt, openForDebrief, openRecord, parseRecordText, type ScenarioLookup } from '../../src/host/open';
import { checkRecord, MAX_RECORD_BYTES, RECORD_FORMAT, type GameRecord } from '../../src/host/record';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { loadScenario } from '../helpers';

const { scenario, hash } = loadScenario('coral-sea');
const shipped: ScenarioLookup = async (id) => (id === 'coral-sea' ? { ok: true, found: { id, file: 'scenarios/coral-sea.yaml', scenario, hash } } : null);
const nothingShipped: ScenarioLookup = async () => null;
const open = (data: unknown, lookup = shipped) => openRecord(data, lookup, POLICY_NAMES);

/** A game of Coral Sea played by the built-in policy through `rounds` rounds, as a save keeps it. */
function save(seed: string, rounds: number): GameRecord {
  const host = new MatchHost(scenario, hash, seed);
  playToEnd(host, () => simplePolicy, seed, rounds);
  return host.saveRecord();
}

describe('record format 2', () => {
  it('carries the scenario’s text, per-action details, per-round scores and a save’s last state', () => {
    const record = save('3', 2);
    expect(record.format).toBe(RECORD_FORMAT);
    expect(RECORD_FORMAT).toBe(2);
    // The scenario as played: its history (for the debrief) stays outside the hash and the copy.
    expect(JSON.parse(record.scenario.text ?? '')).toEqual(JSON.parse(JSON.stringify(withoutHistory(scenario))));
    expect(record.meta).toHaveLength(record.actions.length);
    expect(record.rounds?.map((r) => r.round)).toEqual([1, 2]);
    expect(Object.keys(record.rounds?.[0]?.scores ?? {})).toEqual(expect.arrayContaining(['canberra', 'SLB']));
    expect(record.last?.state.round).toBe(3);
    expect(record.last?.hash).toBe(stateHash(record.last?.state as GameState));
  });

  it('keeps who acted and when outside the state hash', () => {
    const a = new MatchHost(scenario, hash, '4');
    const b = new MatchHost(scenario, hash, '4');
    for (const role of a.state.seats) {
      a.submit({ type: 'endPhase', role }, { by: 'Mele', at: '2026-12-04T10:00:00Z', deadline: true });
      b.submit({ type: 'endPhase', role });
    }
    expect(a.record.meta?.[0]).toEqual({ by: 'Mele', at: '2026-12-04T10:00:00Z', deadline: true });
    expect(stateHash(a.state)).toBe(stateHash(b.state));
    const again = replay(JSON.parse(JSON.stringify(a.record)), scenario, hash);
    expect(again.ok && again.allMatch && again.host.record.meta?.[0]).toEqual({ by: 'Mele', at: '2026-12-04T10:00:00Z', deadline: true });
  });

  it('opens a record whose scenario this game does not ship, from the copy it carries', async () => {
    const record = save('6', 1);
    const opened = await open(record, nothingShipped);
    expect(opened.ok && opened.host.state.round).toBe(2);
    // Without the copy (or with an edited one) it cannot.
    const bare = { ...record, scenario: { ...record.scenario, text: undefined } };
    expect(await open(bare, nothingShipped)).toMatchObject({ ok: false, message: expect.stringMatching(/scenario "coral-sea", which this version of the game does not include/) });
    const edited = { ...record, scenario: { ...record.scenario, text: (record.scenario.text ?? '').replace('Coral Sea', 'Coral Sear') } };
    expect((await open(edited, nothingShipped)).ok).toBe(false);
  });

  it('still opens a format-1 record of this rules version by replaying it', async () => {
    const record = save('7', 2);
    const v1 = { format: 1, scenario: { id: record.scenario.id, version: record.scenario.version, hash: record.scenario.hash }, engine: record.engine, rules: record.rules, seed: record.seed, actions: record.actions, hashes: record.hashes };
    const opened = await open(v1);
    expect(opened.ok && opened.host.state.round).toBe(3);
    expect(opened.ok && stateHash(opened.host.state)).toBe(record.last?.hash);
  });

  it('carries on a save of the previous rules version from its last state, with a notice saying so', async () => {
    const record = save('8', 3);
    const older: GameRecord = { ...record, rules: RULES_VERSION - 1, last: { state: { ...(record.last?.state as GameState), rules: RULES_VERSION - 1 }, hash: '' } };
    older.last = { state: older.last!.state, hash: stateHash(older.last!.state) };
    const opened = await open(JSON.parse(JSON.stringify(older)));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.notice).toMatch(new RegExp(`saved under rules version ${RULES_VERSION - 1}.*carries on under rules version ${RULES_VERSION}`));
    expect(opened.host.state.round).toBe(4);
    expect(opened.host.state.rules).toBe(RULES_VERSION);
    expect(opened.host.record.continued).toMatchObject({ rules: RULES_VERSION - 1, round: 4, actions: record.actions.length });
    // The earlier rounds' figures are kept for the debrief.
    expect(opened.host.record.rounds?.map((r) => r.round)).toEqual([1, 2, 3]);
    // It plays on to the end under today's rules, and its own record replays exactly.
    playToEnd(opened.host, () => simplePolicy, '8');
    expect(opened.host.over).toBe(true);
    expect(opened.host.record.rounds?.map((r) => r.round)).toEqual(Array.from({ length: scenario.rounds }, (_, i) => i + 1));
    const again = await open(opened.host.saveRecord());
    expect(again.ok && again.notice).toBeNull();
    expect(again.ok && stateHash(again.host.state)).toBe(stateHash(opened.host.state));
    // A record of older rules with no last state cannot be replayed, and says why.
    const { last: _last, ...noState } = older;
    expect(await open(noState)).toMatchObject({ ok: false, message: expect.stringMatching(/rules version .* cannot be replayed exactly, but its per-round figures are kept/) });
    // A last state edited without its hash is refused.
    const tampered = JSON.parse(JSON.stringify(older)) as GameRecord;
    (tampered.last as { state: GameState }).state.round = 2;
    expect(await open(tampered)).toMatchObject({ ok: false, message: expect.stringMatching(/last state does not match its hash/) });
  });
});

describe('a branch', () => {
  it('starts from the parent game as it stood when the round began, names its parent, and replays exactly', async () => {
    const parent = save('15', 5);
    const b = branchAt(parent, scenario, hash, 3, parent.hashes[0]!.hash);
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    expect(b.host.state.round).toBe(3);
    expect(b.host.record.branch).toEqual({ parent: parent.hashes[0]!.hash, round: 3 });
    expect(b.host.record.rounds?.map((r) => r.round)).toEqual([1, 2]);
    expect(stateHash(b.host.state)).toBe(parent.hashes[1]!.hash);
    playToEnd(b.host, () => simplePolicy, 'another way');
    const again = await open(b.host.saveRecord());
    expect(again.ok && stateHash(again.host.state)).toBe(stateHash(b.host.state));
    expect(branchAt(parent, scenario, hash, 9, 'x')).toMatchObject({ ok: false, message: expect.stringMatching(/never reached round 9/) });
  });
});

describe('a debrief of an older game', () => {
  it('opens a finished record of an older rules version from its per-round figures, without replay', async () => {
    const host = new MatchHost(scenario, hash, '14');
    playToEnd(host, () => simplePolicy, '14');
    const older = { ...JSON.parse(JSON.stringify(host.record)), rules: RULES_VERSION - 1 };
    const r = await openForDebrief(older, nothingShipped);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.exact).toBe(false);
    expect(r.host).toBeNull();
    expect(r.figures).toHaveLength(scenario.rounds);
    expect(r.figures.at(-1)?.scores.canberra?.total).toBe(host.state.scores.canberra?.total);
    // This rules version replays, round by round.
    const same = await openForDebrief(JSON.parse(JSON.stringify(host.record)), shipped);
    expect(same.ok && same.exact && same.host?.over).toBe(true);
    // Without figures, an older record cannot be shown.
    expect(await openForDebrief({ ...older, rounds: undefined }, shipped)).toMatchObject({ ok: false, message: expect.stringMatching(/keeps no per-round figures/) });
  });
});

describe('hostile records', () => {
  it('says what a null, a list or a string is, instead of naming scenario "undefined"', async () => {
    for (const [data, found] of [
      [null, 'found null'],
      [[], 'found a list'],
      ['hello', 'found a string'],
    ] as const) {
      const r = await open(data);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain('This is not a Landing Rights game record');
        expect(r.message).toContain(found);
        expect(r.message).not.toContain('undefined');
      }
    }
  });

  it('refuses a record carrying a hostile action in plain words, never the engine’s error text', async () => {
    const record = save('16', 1);
    for (const junk of [
      { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'diplomatic', island: '__proto__', recognise: 'beijing' } },
      { type: 'order', role: 'constructor', order: { kind: 'cut' } },
      { type: 'accept', role: 'SLB', offer: { toString: 1 } },
      { type: 'nothing-at-all' },
    ]) {
      const r = await open({ ...record, actions: [junk, ...record.actions], meta: [{}, ...(record.meta ?? [])] });
      expect(r.ok, JSON.stringify(junk)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^Action 1 of the record (is refused|cannot be played)/);
      if (!r.ok) expect(r.message).not.toMatch(/TypeError|Cannot read|undefined|NaN|stack/);
    }
  });

  it('refuses a file over 20 MB before parsing it', () => {
    const r = parseRecordText(' '.repeat(MAX_RECORD_BYTES + 1));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/too large.*20 MB/) });
  });

  it('refuses a record whose round hash is replaced by another round’s', async () => {
    const record = save('9', 3);
    const h = record.hashes;
    for (const swapped of [
      [h[0], h[0], h[2]],
      [h[0], { round: 2, hash: h[0]!.hash }, h[2]],
      [h[1], h[0], h[2]],
    ]) {
      const r = await open({ ...record, hashes: swapped });
      expect(r.ok, JSON.stringify(swapped.map((x) => x?.round))).toBe(false);
    }
    expect((await open(record)).ok).toBe(true);
  });

  it('refuses a file naming a computer player the game does not have', async () => {
    const record = save('10', 1);
    const r = await open({ ...record, landingRights: { seating: { mode: 'solo', humans: ['canberra'], policy: 'skynet' } } });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/computer player "skynet" that this game does not have/) });
    expect((await open({ ...record, landingRights: { seating: { mode: 'solo', humans: ['canberra'], policy: 'hard' } } })).ok).toBe(true);
  });

  it('checks every part of the record’s shape with a plain message', () => {
    const record = save('11', 1);
    const cases: [unknown, RegExp][] = [
      [{ ...record, format: 9 }, /newer/],
      [{ ...record, hashes: [{ round: 1, hash: 'x' }] }, /round hashes/],
      [{ ...record, meta: [] }, /action details/],
      [{ ...record, last: { state: { round: 1 }, hash: record.last?.hash } }, /last saved state/],
      [{ ...record, seed: 7 }, /no seed/],
    ];
    for (const [data, message] of cases) expect(checkRecord(data)).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });
});
