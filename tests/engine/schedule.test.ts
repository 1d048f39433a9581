import { describe, expect, test } from 'vitest';
import { step, view, type Action } from '../../src/engine';
import { MatchHost, replay } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { facilitatorEntry } from '../../src/host/figures';
import { simplePolicy } from '../../src/ai/simple';
import { act, endPhase, loadScenario, newGame } from '../helpers';

const cyclone = (at: number): Action => ({ type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'cyclone', island: 'SLB', title: 'Cyclone off Guadalcanal' }, at });

/** Play on until the game reaches `round`'s negotiation. */
function toRound(g: ReturnType<typeof newGame>, round: number) {
  let s = g;
  while (s.round < round) s = endPhase(s);
  return s;
}

describe('injects at a chosen round', () => {
  test('an inject set for round 3 waits, unseen by the seats, and resolves at the start of round 3\'s events', () => {
    let g = act(newGame('1', 'honiara'), cyclone(3));
    expect(g.schedule).toEqual([{ id: 'at1', round: 3, inject: { kind: 'event', event: 'cyclone', island: 'SLB', title: 'Cyclone off Guadalcanal' }, status: 'waiting', madeIn: 1 }]);
    expect(g.events.some((e) => e.injected)).toBe(false);
    // The schedule is the facilitator's: no seat, no projector sees it coming.
    for (const seat of [...g.seats, 'spectator' as const]) {
      expect(view(g, seat).schedule).toBeUndefined();
      expect(JSON.stringify(view(g, seat))).not.toContain('Cyclone off Guadalcanal');
    }
    expect(view(g, 'facilitator').schedule?.[0]?.status).toBe('waiting');
    g = toRound(g, 2);
    expect(g.events.some((e) => e.injected)).toBe(false);
    g = toRound(g, 3);
    const fired = g.events.filter((e) => e.injected);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ round: 3, kind: 'cyclone', island: 'SLB', title: 'Cyclone off Guadalcanal' });
    // At the start of the round's events: before any event the deck or the script drew for round 3.
    const round3 = g.events.filter((e) => e.round === 3);
    expect(round3[0]?.injected).toBe(true);
    expect(g.schedule?.[0]?.status).toBe('fired');
    expect(view(g, 'SLB').log.some((e) => e.round === 3 && /cyclone/i.test(e.text))).toBe(true);
  });

  test('the debrief\'s timeline lists a scheduled and a cancelled inject as the facilitator\'s alone', () => {
    const name = (r: string) => (r === 'SLB' ? 'Solomon Islands' : r);
    expect(facilitatorEntry(cyclone(3), name)).toEqual({ roles: ['SLB'], text: 'The facilitator schedules for the start of round 3 an event: Cyclone off Guadalcanal (Solomon Islands)', seenBy: [] });
    expect(facilitatorEntry({ type: 'inject', role: 'facilitator', inject: { kind: 'cancel', id: 'at1' } }, name)).toEqual({ roles: [], text: 'The facilitator cancels scheduled inject at1', seenBy: [] });
  });

  test('cancelled before it fires, it never fires; a fired or unknown one cannot be cancelled', () => {
    let g = act(newGame('1', 'honiara'), cyclone(2));
    g = act(g, { type: 'inject', role: 'facilitator', inject: { kind: 'cancel', id: 'at1' } });
    expect(g.schedule?.[0]?.status).toBe('cancelled');
    const again = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'cancel', id: 'at1' } });
    expect(!again.ok && again.refusal.message).toBe('That inject has been cancelled.');
    const unknown = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'cancel', id: 'at9' } });
    expect(!unknown.ok && unknown.refusal.code).toBe('unknownTarget');
    g = toRound(g, 2);
    expect(g.events.some((e) => e.injected)).toBe(false);
  });

  test('only a later round of the game; only the facilitator', () => {
    const g = newGame('1', 'honiara');
    const now = step(g, cyclone(1));
    expect(!now.ok && now.refusal.message).toBe('An inject can be set for round 2 to 6.');
    expect(step(g, cyclone(7)).ok).toBe(false);
    const seat = step(g, { ...cyclone(2), role: 'SLB' } as unknown as Action);
    expect(!seat.ok && seat.refusal.code).toBe('notFacilitator');
  });

  test('a game with scheduled and cancelled injects replays to the same hashes', () => {
    const { scenario, hash } = loadScenario('honiara');
    const host = new MatchHost(scenario, hash, 'schedule-replay');
    expect(host.submit(cyclone(2))).toBeNull();
    expect(host.submit({ type: 'inject', role: 'facilitator', inject: { kind: 'news', text: 'Parliament sits next week.', to: 'all' }, at: 3 })).toBeNull();
    expect(host.submit({ type: 'inject', role: 'facilitator', inject: { kind: 'news', text: 'Never said.', to: 'all' }, at: 4 })).toBeNull();
    expect(host.submit({ type: 'inject', role: 'facilitator', inject: { kind: 'cancel', id: 'at3' } })).toBeNull();
    playToEnd(host, () => simplePolicy, 'schedule-replay');
    expect(host.state.schedule?.map((s) => s.status)).toEqual(['fired', 'fired', 'cancelled']);
    const again = replay(JSON.parse(JSON.stringify(host.record)), scenario, hash);
    expect(again.ok && again.allMatch).toBe(true);
    if (again.ok) expect(again.rounds.length).toBe(host.record.hashes.length);
    // And the inject changed the game: without it, other hashes.
    const plain = new MatchHost(scenario, hash, 'schedule-replay');
    playToEnd(plain, () => simplePolicy, 'schedule-replay');
    expect(plain.record.hashes.at(-1)?.hash).not.toBe(host.record.hashes.at(-1)?.hash);
  });
});
