import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { describe, expect, test } from 'vitest';
import { view, type GameView, type ViewerId } from '../../src/engine';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { MatchHost } from '../../src/host/match';
import { applyPatch, diff, followViews } from '../../src/host/view-sync';
import { loadScenario } from '../helpers';

/** What a client holds: its own copy, as the network gives it. */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('views as patches', () => {
  test('over a whole Honiara game, every viewer rebuilds each new view exactly from the patch of its last one, and the views the server keeps are never changed', () => {
    const { scenario, hash } = loadScenario('honiara');
    const host = new MatchHost(scenario, hash, 'patches-1');
    const viewers: ViewerId[] = [...host.state.seats, 'spectator', 'facilitator'];
    const server = new Map<ViewerId, GameView>(viewers.map((v) => [v, view(host.state, v)]));
    const client = new Map<ViewerId, GameView>(viewers.map((v) => [v, wire(server.get(v)!)]));
    let changes = 0;
    let opsSent = 0;
    host.onChange((state) => {
      changes++;
      for (const v of viewers) {
        const before = server.get(v)!;
        const kept = JSON.stringify(before);
        const next = view(state, v);
        const ops = wire(diff(before, next));
        opsSent += ops.length;
        const held = client.get(v)!;
        const heldText = JSON.stringify(held);
        const rebuilt = applyPatch(held, ops);
        // The operations are plain RFC 6902: an independent implementation (fast-json-patch) gives the same view.
        expect(fastJsonPatch.applyPatch(wire(held), wire(ops) as Operation[], true, true).newDocument).toEqual(wire(next));
        expect(JSON.stringify(before)).toBe(kept);
        // Copy-on-write: the client's earlier view is as it was.
        expect(JSON.stringify(held)).toBe(heldText);
        expect(rebuilt).toEqual(wire(next));
        server.set(v, next);
        client.set(v, rebuilt);
      }
    });
    playToEnd(host, () => simplePolicy, 'patches-1');
    expect(host.over).toBe(true);
    expect(changes).toBeGreaterThan(50);
    expect(opsSent).toBeGreaterThan(0);
  });

  test('the facilitator’s schedule (set, cancel, fire) reaches the console through patches: no earlier state is changed in place', () => {
    const { scenario, hash } = loadScenario('honiara');
    const host = new MatchHost(scenario, hash, 'patches-2');
    let server = view(host.state, 'facilitator');
    let client = wire(server);
    const submit = (a: Record<string, unknown>) => {
      const before = server;
      const kept = JSON.stringify(before);
      expect(host.submit(a as never)).toBeNull();
      const next = view(host.state, 'facilitator');
      client = applyPatch(client, wire(diff(before, next)));
      expect(JSON.stringify(before)).toBe(kept);
      expect(client).toEqual(wire(next));
      server = next;
    };
    const round = host.state.round;
    const cyclone = { kind: 'event', event: 'cyclone', island: 'SLB', title: 'Cyclone off Guadalcanal' };
    submit({ type: 'inject', role: 'facilitator', inject: cyclone, at: round + 1 });
    submit({ type: 'inject', role: 'facilitator', inject: cyclone, at: round + 1 });
    submit({ type: 'inject', role: 'facilitator', inject: { kind: 'cancel', id: 'at1' } });
    expect(client.schedule?.map((x) => x.status)).toEqual(['cancelled', 'waiting']);
    // To the next round's briefing, where the other one fires.
    while (host.state.round === round) for (const seat of host.state.seats) if (!host.state.ended.includes(seat) && host.state.round === round) submit({ type: 'endPhase', role: seat });
    expect(client.schedule?.map((x) => x.status)).toEqual(['cancelled', 'fired']);
  });

  test('a patch that does not fit what the client holds is not applied: the client asks for the whole view again', () => {
    expect(() => applyPatch({ a: [1, 2] }, [{ op: 'replace', path: '/a/5', value: 3 }])).toThrow();
    expect(() => applyPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toThrow();
    const sent: string[] = [];
    const handlers = new Map<string, (m: never) => void>();
    const room = { onMessage: <T>(type: string, cb: (m: T) => void) => handlers.set(type, cb as (m: never) => void), send: (type: string) => void sent.push(type) };
    const seen: { rev: number; n: number[] }[] = [];
    followViews(room, (m: { rev: number; n: number[] }) => seen.push(m));
    const emit = (type: string, m: unknown) => handlers.get(type)!(m as never);
    emit('view', { rev: 1, n: [1] });
    emit('viewPatch', { base: 1, rev: 2, ops: [{ op: 'add', path: '/n/1', value: 2 }] });
    expect(seen.map((m) => m.n)).toEqual([[1], [1, 2]]);
    expect(seen[0]!.n).toEqual([1]);
    // A patch from a revision this client never had: dropped, and one resync asked for.
    emit('viewPatch', { base: 7, rev: 8, ops: [{ op: 'add', path: '/n/2', value: 3 }] });
    emit('viewPatch', { base: 8, rev: 9, ops: [] });
    expect(seen).toHaveLength(2);
    expect(sent).toEqual(['resync']);
    emit('view', { rev: 9, n: [1, 2, 3] });
    expect(seen.at(-1)!.n).toEqual([1, 2, 3]);
  });
});
