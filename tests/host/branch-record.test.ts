import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/engine';
import { branchStart, playBranch } from '../../src/ai/branch';
import { playToEnd } from '../../src/ai/autoplay';
import { policyByName } from '../../src/ai';
import { playRecord } from '../../src/host/figures';
import { MatchHost } from '../../src/host/match';
import { openForDebrief, type ScenarioLookup } from '../../src/host/open';
import { RECORD_FORMAT } from '../../src/host/record';
import { loadScenario } from '../helpers';

const { scenario, hash } = loadScenario('honiara');
const nothingShipped: ScenarioLookup = async () => null;

/** A finished game, and a what-if branch of it from round 3 played on by easy computer players, as the debrief makes it. */
function branched() {
  const parent = new MatchHost(scenario, hash, '7');
  playToEnd(parent, () => policyByName('normal')!, '7');
  const played = playRecord(JSON.parse(JSON.stringify(parent.record)), scenario, hash);
  if (!played.ok) throw new Error(played.message);
  const opening = played.played.roundEnds.get(2)!;
  const start = branchStart(opening, parent.state.events, 3);
  const parentId = parent.record.hashes[0]!.hash;
  return { parent, parentId, start, result: playBranch(scenario, hash, '7', start, 3, 'easy', parentId) };
}

describe('a what-if branch is a record of format 2 with its parent', () => {
  it('names its parent and branch round, starts from the branch state, and opens again for a debrief with the same scores', async () => {
    const { parentId, start, result } = branched();
    const record = JSON.parse(JSON.stringify(result.record)) as typeof result.record;
    expect(record.format).toBe(RECORD_FORMAT);
    expect(record.branch).toEqual({ parent: parentId, round: 3 });
    expect(record.origin?.state.round).toBe(3);
    expect(record.origin?.hash).toBe(stateHash(start));
    expect(record.hashes.map((h) => h.round)).toEqual([3, 4, 5, 6, 7, 8].slice(0, scenario.rounds - 2));

    // It opens from the file alone (its embedded scenario) and replays to every recorded hash.
    const opened = await openForDebrief(record, nothingShipped);
    expect(opened.ok).toBe(true);
    if (!opened.ok || !opened.host) return;
    expect(opened.exact).toBe(true);
    expect(opened.record.branch).toEqual({ parent: parentId, round: 3 });
    expect(Object.fromEntries(opened.host.state.seats.map((r) => [r, opened.host!.state.scores[r]?.total]))).toEqual(result.final);

    // The debrief plays it: its rounds are the branch's, and its final scores are the branch's.
    const debrief = playRecord(record, scenario, hash);
    expect(debrief.ok).toBe(true);
    if (!debrief.ok) return;
    expect(debrief.played.figures.final).toEqual(result.final);
    expect(Math.min(...debrief.played.roundEnds.keys())).toBe(2);
  });

  it('is refused when its starting state was changed', async () => {
    const { result } = branched();
    const tampered = JSON.parse(JSON.stringify(result.record)) as typeof result.record;
    tampered.origin!.state.islands[Object.keys(tampered.origin!.state.islands)[0]!]!.treasury += 1000;
    expect(playRecord(tampered, scenario, hash)).toMatchObject({ ok: false, message: expect.stringMatching(/starting state does not match its hash/) });
    expect(await openForDebrief(tampered, nothingShipped)).toMatchObject({ ok: false });
  });
});

describe('the debrief’s timeline shows the facilitator', () => {
  it('lists injects, messages and overrides of the record, with who saw them', () => {
    const host = new MatchHost(scenario, hash, '5');
    const moves = [
      { type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'eruption', island: 'SLB' } },
      { type: 'inject', role: 'facilitator', inject: { kind: 'news', text: 'Intelligence: a survey ship is off Guadalcanal.', to: ['canberra'] } },
      { type: 'message', role: 'PNG', to: 'facilitator', text: 'May we table a second cable?' },
    ] as const;
    for (const m of moves) expect(host.submit(structuredClone(m) as never)).toBeNull();
    const agreement = host.state.agreements[0]!.id;
    expect(host.submit({ type: 'override', role: 'facilitator', override: { kind: 'void', agreement, reason: 'suspended for this exercise' } })).toBeNull();
    playToEnd(host, () => policyByName('easy')!, '5', 2);
    const r = playRecord(JSON.parse(JSON.stringify(host.record)), scenario, hash);
    if (!r.ok) throw new Error(r.message);
    const fac = r.played.figures.timeline.filter((t) => t.kind === 'facilitator');
    expect(fac.map((t) => t.text)).toEqual([
      'The facilitator injects an event: eruption (Solomon Islands)',
      'The facilitator’s news to Canberra: Intelligence: a survey ship is off Guadalcanal.',
      'Message from Papua New Guinea to the facilitator: May we table a second cable?',
      `The facilitator voids agreement ${agreement}: suspended for this exercise`,
    ]);
    expect(fac.map((t) => t.seenBy)).toEqual(['all', ['canberra'], ['PNG'], 'all']);
    expect(fac.every((t) => t.round === 1)).toBe(true);
  });
});
