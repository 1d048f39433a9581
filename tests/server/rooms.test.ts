import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { legalActions } from '../../src/engine';
import { resolveScenario } from '../../src/scenario/files';
import { createGame, freshDataDir, hostAndThreeSeats, Player, startServerProcess, until, type Created, type ServerProcess } from './helpers';

let server: ServerProcess;
let game: Created;
let host: Player;
let slb: Player;
let png: Player;
let beijing: Player;

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: await freshDataDir(), JOIN_CODE_ATTEMPTS: '5' });
  game = await createGame(server.url);
  ({ host, slb, png, beijing } = await hostAndThreeSeats(server.url, game));
});

afterAll(async () => {
  for (const p of [host, slb, png, beijing]) await p?.leave();
  await server?.stop();
});

describe('an online room', () => {
  test('a join code has six characters and no look-alike letters, and a wrong code is refused with a reason', async () => {
    expect(game.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    const found = await fetch(new URL(`/api/games/${game.code.toLowerCase()}`, server.url));
    expect(found.status).toBe(200);
    const wrong = await fetch(new URL('/api/games/AAAAAA', server.url));
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/No game is open under the code/);
  });

  test('each seat receives its own view and the host screen the public one', () => {
    expect(slb.views.at(-1)!.viewer).toBe('SLB');
    expect(slb.view.viewer).toBe('SLB');
    expect(png.view.viewer).toBe('PNG');
    expect(host.view.viewer).toBe('spectator');
  });

  test('an action for another seat, an unknown message and a forged seat token are refused with a reason; the room keeps running', async () => {
    const refusal = await slb.act({ type: 'endPhase', role: 'PNG' });
    expect(refusal?.code).toBe('notYourSeat');
    // A sealed order belongs to the decisions phase: in negotiation the engine refuses it.
    expect((await slb.act({ type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: 1000 } }))?.code).toBe('wrongPhase');
    expect(png.view.ended).not.toContain('PNG');
    slb.room.send('teleport', { x: 1 });
    await until(() => slb.refusals.some((r) => r.code === 'unknownType'));
    await expect(Player.join(server.url, game.code, { token: 'not-a-token' })).rejects.toThrow(/seat token is not valid/);
    const ok = await png.act({ type: 'endPhase', role: 'PNG' });
    expect(ok).toBeNull();
    await until(() => slb.view.ended.includes('PNG'));
  });

  test('a message over 64 KB closes only that connection; the others play on', async () => {
    const big = await Player.join(server.url, game.code, { watch: true });
    let closed = false;
    big.room.onLeave(() => (closed = true));
    big.room.send('act', { action: { type: 'endPhase', role: 'SLB', why: 'x'.repeat(70_000) } });
    await until(() => closed);
    expect(slb.view.ended).not.toContain('SLB');
    expect(await slb.act({ type: 'endPhase', role: 'SLB' })).toBeNull();
  });

  test('more than the rate allows is refused as too fast', async () => {
    const watcher = await Player.join(server.url, game.code, { watch: true });
    for (let i = 0; i < 60; i++) watcher.room.send('claim', { seat: 'nowhere' });
    await until(() => watcher.refusals.some((r) => r.code === 'tooFast'));
    await watcher.leave();
  });

  test('a seat never receives a frame holding another seat’s secret', async () => {
    // Everyone ends negotiation; in decisions each power's sealed order carries a secret note.
    for (const seat of ['canberra', 'washington']) {
      const p = await Player.join(server.url, game.code);
      await p.claim(seat);
      await p.act({ type: 'endPhase', role: seat });
      await p.leave();
    }
    expect(await beijing.act({ type: 'endPhase', role: 'beijing' })).toBeNull();
    await until(() => slb.view.phase === 'decisions');
    const secret = 'SECRET-NOTE-OF-SLB-7Q';
    const slbOrders = legalActions(slb.view, 'SLB').filter((t) => t.type === 'order');
    expect(slbOrders.length).toBeGreaterThan(0);
    const framesBefore = png.frames.length;
    let sent = false;
    for (const t of slbOrders) {
      const order: Record<string, unknown> = { kind: t.orderKind };
      for (const [path, d] of Object.entries(t.params)) {
        const key = path.replace(/^order\./, '');
        order[key] = d.kind === 'oneOf' ? d.values[0] : d.kind === 'int' ? d.min : undefined;
      }
      if ((await slb.act({ type: 'order', role: 'SLB', order, why: secret })) === null) {
        sent = true;
        break;
      }
    }
    expect(sent).toBe(true);
    await until(() => png.frames.length > framesBefore || png.views.length > 0);
    // The sender sees its own note; no frame to another seat or to the room's screen holds it.
    expect(slb.frames.some((f) => f.includes(secret))).toBe(true);
    for (const other of [png, beijing, host]) expect(other.frames.some((f) => f.includes(secret))).toBe(false);
  });

  test('a scenario is uploaded over HTTP up to 2 MB; a larger one is refused with the cap', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(resolveScenario('honiara'), 'utf8');
    const ok = await fetch(new URL('/api/games', server.url), { method: 'POST', body: text, headers: { 'Content-Type': 'text/yaml' } });
    expect(ok.status).toBe(201);
    const big = await fetch(new URL('/api/games', server.url), { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024 + 1), headers: { 'Content-Type': 'text/yaml' } });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/at most 2 MB/);
    const bad = await fetch(new URL('/api/games', server.url), { method: 'POST', body: 'id: 3\n', headers: { 'Content-Type': 'text/yaml' } });
    expect(bad.status).toBe(400);
  });

  test('wrong join codes are limited per address; a right code still opens', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(new URL('/api/games/CCCCCC', server.url))).status);
    expect(statuses).toContain(404);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(new URL(`/api/games/${game.code}`, server.url))).status).toBe(200);
  });

  test('the host locks the room (a claim is refused with a reason), releases a seat and moves a person; nobody else may', async () => {
    const watcher = await Player.join(server.url, game.code);
    watcher.room.send('host', { command: 'lock', locked: true });
    await until(() => watcher.refusals.some((r) => r.code === 'notHost'));
    host.room.send('host', { command: 'lock', locked: true });
    await until(() => (watcher.lobby as { locked?: boolean } | null)?.locked === true);
    await expect(watcher.claim('SLB')).rejects.toThrow(/locked/);
    host.room.send('host', { command: 'lock', locked: false });
    await until(() => (watcher.lobby as { locked?: boolean }).locked === false);
    await watcher.claim('canberra', 'Dee');
    host.room.send('host', { command: 'move', person: 'Dee', seat: 'washington' });
    await until(() => watcher.seated?.seat === 'washington');
    await until(() => watcher.views.at(-1)?.viewer === 'washington');
    host.room.send('host', { command: 'release', seat: 'washington' });
    await until(() => watcher.seated === null);
    const n = watcher.refusals.length;
    watcher.room.send('act', { action: { type: 'endPhase', role: 'washington' } });
    await until(() => watcher.refusals.length > n);
    expect(watcher.refusals.at(-1)!.code).toBe('noSeat');
    await watcher.leave();
  });
});
