import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Action } from '../../src/engine';
import { followViews } from '../../src/host/view-sync';
import { GameController } from '../../src/ui/controller';
import { OnlinePort, type ViewMessage } from '../../src/ui/online/port';
import { movesOf } from '../../src/ui/explain';
import { createGame, freshDataDir, Player, startServerProcess, until, type Created, type ServerProcess } from './helpers';

let server: ServerProcess;
let game: Created;
let room: Room;
let port: OnlinePort;
let c: GameController;
let png: Player;
let left = 0;

/** The page's controller playing the Solomons' seat of a real room through the online port. */
beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: await freshDataDir() });
  game = await createGame(server.url);
  png = await Player.join(server.url, game.code);
  await png.claim('PNG', 'Bo');
  room = await new Client(server.url.replace(/\/$/, '')).joinById(game.code);
  c = new GameController({ send: () => undefined, listen: () => undefined, close: () => undefined });
  room.onMessage('seated', () => undefined);
  room.onMessage('lobby', () => undefined);
  followViews(room, (m: ViewMessage) => {
    port ??= new OnlinePort(room, 'SLB', game.code, () => left++);
    if (c.online === null && !c.game) c.playThrough(port);
    port.view(m);
  });
  room.onMessage('refused', (r: { code: string; message: string; field?: string }) => port.refused(r));
  room.send('claim', { seat: 'SLB', name: 'Ana' });
  await until(() => c.view() !== null && c.scenario !== null, 20_000);
}, 60_000);

afterAll(async () => {
  c?.dispose();
  await room?.leave(true).catch(() => undefined);
  await png?.leave();
  await server?.stop();
});

const cable = (to: string[], stops: string[]): Action => ({
  type: 'offer',
  role: 'SLB',
  to,
  deal: { kind: 'cable', route: stops, vendor: 'asn', financing: { kind: 'grant', by: 'beijing' }, buildMonths: 18, stationOperator: 'island', dataAccess: false, exclusivity: false, islandSharePct: 0 },
} as unknown as Action);

describe('an online seat through the page’s controller', () => {
  test('the room’s view of the seat becomes the match screen’s: the seat, its choices, the scenario for the map, no saves', () => {
    expect(c.screen).toBe('match');
    expect(c.shown).toBe('SLB');
    expect(c.view()?.viewer).toBe('SLB');
    expect(c.legal().some((t) => t.type === 'endPhase')).toBe(true);
    expect(c.scenario?.id).toBe('honiara');
    expect(c.online?.code).toBe(game.code);
  });

  test('an offer goes to the room and the other seat receives it; a refusal comes back with its reason and field; nothing changes', async () => {
    const before = png.views.length;
    expect(await c.submit(cable(['PNG', 'beijing'], ['honiara', 'madang']))).toBeNull();
    await until(() => png.views.length > before && png.view.offers.some((o) => o.from === 'SLB'));
    await until(() => c.view()!.offers.some((o) => o.from === 'SLB'));

    const offers = c.view()!.offers.length;
    const refusal = await c.submit(cable(['PNG', 'beijing'], ['honiara', 'nowhere']));
    expect(refusal?.message).toBeTruthy();
    expect(refusal?.field).toMatch(/^deal\.route/);
    expect(c.view()!.offers.length).toBe(offers);
  });

  test('after a round the dashboard has the views as the scores were counted, and can say why each objective moved', async () => {
    const others: Player[] = [];
    for (const seat of ['beijing', 'canberra', 'washington']) {
      const p = await Player.join(server.url, game.code);
      await p.claim(seat);
      others.push(p);
    }
    const seated: [Player | null, string][] = [[null, 'SLB'], [png, 'PNG'], ...others.map((p, i): [Player, string] => [p, ['beijing', 'canberra', 'washington'][i]!])];
    for (let phase = 0; phase < 2; phase++) {
      const at = c.view()!;
      for (const [p, seat] of seated) {
        if (c.view()!.ended.includes(seat)) continue;
        if (p) await p.act({ type: 'endPhase', role: seat });
        else room.send('act', { action: { type: 'endPhase', role: seat } });
      }
      await until(() => c.view()!.phase !== at.phase || c.view()!.round !== at.round, 20_000);
    }
    await until(() => c.view()!.round === 2, 20_000);
    expect(c.counted.before?.round).toBe(1);
    expect(c.counted.now?.round).toBe(2);
    const moves = movesOf(c.counted.before, c.counted.now!, 'SLB');
    expect(moves.map((m) => m.objective)).toContain('survival');
    // The causes of each move add up to it: the engine's own accounting, on this seat's own views.
    for (const m of moves) expect(m.causes.reduce((s, x) => s + x.points, 0)).toBe(m.move);
    for (const p of others) await p.leave();
  });

  test('saves, files and opening games are refused politely; the menu leaves the room', async () => {
    await expect(c.saveAs()).rejects.toThrow(/kept by the game server/);
    const exported = await c.exportFile();
    expect(exported.ok).toBe(false);
    expect(await c.openText('{}')).toMatchObject({ ok: false, message: expect.stringMatching(/leave the room/) });
    expect(await c.endPhase()).toBeNull();
    await until(() => c.view()!.ended.includes('SLB'));
    c.toMenu();
    await until(() => left === 1);
  });
});
