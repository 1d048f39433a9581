import { describe, expect, test } from 'vitest';
import { MatchHost } from '../../src/host/match';
import { loadScenarioFile, resolveScenario } from '../../src/scenario/files';
import type { Action, ScenarioData } from '../../src/engine';
import { createGame, Player, startServerProcess, STORES, until } from './helpers';

interface RecordReply {
  record: { seed: string; actions: Action[]; hashes: { round: number; hash: string }[] };
  hash: string;
  meta: { seq: number; seat: string; person: string; source: string }[];
}

async function recordOf(url: string, code: string, hostToken: string): Promise<RecordReply> {
  const res = await fetch(new URL(`/api/games/${code}/record?host=${hostToken}`, url));
  expect(res.status).toBe(200);
  return (await res.json()) as RecordReply;
}

/** The same actions played by a MatchHost on this machine, with no server. */
function solo(actions: Action[], seed: string): MatchHost {
  const r = loadScenarioFile(resolveScenario('honiara'));
  if (!r.ok) throw new Error('honiara does not load');
  const host = new MatchHost(r.scenario as unknown as ScenarioData, r.hash, seed);
  for (const a of actions) expect(host.submit(a)).toBeNull();
  return host;
}

const SEATS = ['SLB', 'PNG', 'beijing', 'canberra', 'washington'];

describe.each(STORES)('on $name', (store) => {
  test('killed with SIGKILL mid-phase, the server reopens the game under the same code; players reconnect to their seats and the hashes are identical', async () => {
    const env = await store.env();
    let server = await startServerProcess(env);
    const game = await createGame(server.url, 'scenario=honiara&seed=crash-1');
    const players: Player[] = [];
    for (const seat of SEATS) {
      const p = await Player.join(server.url, game.code);
      await p.claim(seat, `team-${seat}`);
      players.push(p);
    }
    // Negotiation ends for everyone; in decisions two seats end, the others have not: mid-phase.
    for (const [i, seat] of SEATS.entries()) expect(await players[i]!.act({ type: 'endPhase', role: seat })).toBeNull();
    await until(() => players[0]!.view.phase === 'decisions');
    for (const i of [0, 1]) expect(await players[i]!.act({ type: 'endPhase', role: SEATS[i]! })).toBeNull();
    const before = await recordOf(server.url, game.code, game.hostToken);
    const tokens = players.map((p) => p.seated!.token);
    const viewBefore = JSON.stringify(players[2]!.view);

    await server.kill9();
    server = await startServerProcess(env);
    try {
      expect(server.output()).toContain(game.code);
      // A refresh after the restart: each browser comes back with its seat token.
      const back: Player[] = [];
      for (const [i, token] of tokens.entries()) {
        const p = await Player.join(server.url, game.code, { token });
        await until(() => p.views.length > 0);
        expect(p.view.viewer).toBe(SEATS[i]);
        back.push(p);
      }
      expect(JSON.stringify(back[2]!.view)).toBe(viewBefore);
      const after = await recordOf(server.url, game.code, game.hostToken);
      expect(after.hash).toBe(before.hash);
      expect(after.record.actions).toEqual(before.record.actions);
      // The game goes on to the next round, and online play matches the same actions played solo.
      for (const i of [2, 3, 4]) expect(await back[i]!.act({ type: 'endPhase', role: SEATS[i]! })).toBeNull();
      await until(() => back[0]!.view.round === 2);
      const done = await recordOf(server.url, game.code, game.hostToken);
      const local = solo(done.record.actions, 'crash-1');
      expect(done.record.hashes.length).toBeGreaterThan(0);
      expect(local.record.hashes).toEqual(done.record.hashes);
      expect(done.meta.filter((m) => m.source === 'person').map((m) => m.person)).toContain('team-SLB');
      for (const p of back) await p.leave();
    } finally {
      await server.stop();
    }
  }, 120_000);

  test('a dropped socket reconnects to the same seat with nothing lost; a deadline ends the seats that had not ended, recorded as such; an empty seat is played by a bot', async () => {
    const env = await store.env();
    const server = await startServerProcess(env);
    try {
      // Dropped network: the socket dies; the browser comes back with its token.
      const timed = await createGame(server.url, 'scenario=honiara&seed=drop-1&deadline=3');
      const slb = await Player.join(server.url, timed.code);
      await slb.claim('SLB', 'Ana');
      expect(await slb.act({ type: 'endPhase', role: 'SLB' })).toBeNull();
      const token = slb.seated!.token;
      (slb.room.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
      const again = await Player.join(server.url, timed.code, { token });
      await until(() => again.views.length > 0);
      expect(again.view.viewer).toBe('SLB');
      expect(again.view.ended).toContain('SLB');
      // Nobody else ends negotiation: at the deadline (3 s) every seat is ended for it.
      await until(() => again.view.phase === 'decisions', 15_000);
      const rec = await recordOf(server.url, timed.code, timed.hostToken);
      const byDeadline = rec.meta.filter((m) => m.source === 'deadline').map((m) => m.seat);
      expect(byDeadline.sort()).toEqual(['PNG', 'beijing', 'canberra', 'washington'].sort());
      expect(rec.meta.find((m) => m.source === 'person')?.person).toBe('Ana');
      await again.leave();

      // Bot takeover: seats left empty for a second are played by the computer.
      const botGame = await createGame(server.url, 'scenario=honiara&seed=bots-1&botAfter=1&botLevel=simple');
      const png = await Player.join(server.url, botGame.code);
      await png.claim('PNG', 'Bo');
      expect(await png.act({ type: 'endPhase', role: 'PNG' })).toBeNull();
      await until(() => png.view.phase === 'decisions', 20_000);
      const botRec = await recordOf(server.url, botGame.code, botGame.hostToken);
      const botSeats = new Set(botRec.meta.filter((m) => m.source === 'bot').map((m) => m.seat));
      expect([...botSeats].sort()).toEqual(['SLB', 'beijing', 'canberra', 'washington'].sort());
      expect(botRec.meta.some((m) => m.source === 'bot' && m.seat === 'PNG')).toBe(false);
      await png.leave();
    } finally {
      await server.stop();
    }
  }, 120_000);
});
