import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { legalActions } from '../../src/engine';
import { createGame, freshDataDir, hostAndThreeSeats, Player, startServerProcess, until, type Created, type ServerProcess } from './helpers';

let server: ServerProcess;
let game: Created;
let host: Player;
let slb: Player;
let png: Player;
let beijing: Player;

const SEATS = ['SLB', 'PNG', 'beijing', 'canberra', 'washington'];
/** The frames of one kind of message a player received (their type is written in each frame). */
const framesOf = (p: Player, type: 'view' | 'viewPatch', from = 0) => p.frames.slice(from).filter((f) => f.includes(type === 'view' ? '\xa4view' : '\xa9viewPatch'));

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: await freshDataDir() });
  game = await createGame(server.url, 'scenario=honiara&seed=patches-1');
  ({ host, slb, png, beijing } = await hostAndThreeSeats(server.url, game));
}, 60_000);

afterAll(async () => {
  for (const p of [host, slb, png, beijing]) await p?.leave();
  await server?.stop();
});

describe('views as patches', () => {
  test('after one whole view a seat receives only patches, far smaller, and the view built from them is the one a fresh join receives whole', async () => {
    const from = slb.frames.length;
    expect(await png.act({ type: 'endPhase', role: 'PNG' })).toBeNull();
    await until(() => slb.view.ended.includes('PNG'));
    const patches = framesOf(slb, 'viewPatch', from);
    expect(patches.length).toBeGreaterThan(0);
    expect(framesOf(slb, 'view', from)).toHaveLength(0);
    const whole = Math.max(...framesOf(slb, 'view').map((f) => f.length));
    expect(whole).toBeGreaterThan(5000);
    expect(Math.max(...patches.map((f) => f.length))).toBeLessThan(whole / 10);
    // The same seat on a second device (its token): one whole view, equal to what the patches built.
    const again = await Player.join(server.url, game.code, { token: slb.seated!.token });
    await until(() => again.views.length > 0);
    expect(framesOf(again, 'view')).toHaveLength(1);
    expect(again.view).toEqual(slb.view);
    await again.leave();
  });

  test('an action sent with an id is answered by the view or refusal carrying it back', async () => {
    slb.room.send('act', { action: { type: 'endPhase', role: 'PNG' }, id: 41 });
    await until(() => slb.refusals.length > 0 && (slb.refusals.at(-1) as { ack?: number }).ack === 41);
    slb.room.send('act', { action: { type: 'message', role: 'SLB', to: 'facilitator', text: 'hello' }, id: 42 });
    await until(() => (slb.views.at(-1) as { ack?: number }).ack === 42);
    expect((png.views.at(-1) as { ack?: number }).ack).toBeUndefined();
  });

  test('no patch to another seat or to the room’s screen holds a seat’s secret', async () => {
    for (const seat of SEATS.filter((s) => !['SLB', 'PNG', 'beijing'].includes(s))) {
      const p = await Player.join(server.url, game.code);
      await p.claim(seat);
      await p.act({ type: 'endPhase', role: seat });
      await p.leave();
    }
    await slb.act({ type: 'endPhase', role: 'SLB' });
    await beijing.act({ type: 'endPhase', role: 'beijing' });
    await until(() => slb.view.phase === 'decisions' && png.view.phase === 'decisions' && host.view.phase === 'decisions');
    const marks = new Map([png, beijing, host].map((p) => [p, p.frames.length]));
    const secret = 'SECRET-NOTE-OF-SLB-PATCH-9X';
    let sent = false;
    for (const t of legalActions(slb.view, 'SLB').filter((t) => t.type === 'order')) {
      const order: Record<string, unknown> = { kind: t.orderKind };
      for (const [path, d] of Object.entries(t.params)) order[path.replace(/^order\./, '')] = d.kind === 'oneOf' ? d.values[0] : d.kind === 'int' ? d.min : undefined;
      if ((await slb.act({ type: 'order', role: 'SLB', order, why: secret })) === null) {
        sent = true;
        break;
      }
    }
    expect(sent).toBe(true);
    // Another change everyone sees, so every screen has been sent patches since the secret was made.
    expect(await png.act({ type: 'endPhase', role: 'PNG' })).toBeNull();
    await until(() => [png, beijing, host].every((p) => p.view.ended.includes('PNG')));
    expect(slb.frames.some((f) => f.includes(secret))).toBe(true);
    for (const other of [png, beijing, host]) {
      const since = other.frames.slice(marks.get(other));
      expect(framesOf(other, 'viewPatch', marks.get(other)).length).toBeGreaterThan(0);
      expect(since.some((f) => f.includes(secret))).toBe(false);
    }
  });

  test('a change of phase or round brings every seat a whole view again, not a patch', async () => {
    const from = new Map([slb, png, beijing].map((p) => [p, p.frames.length]));
    const round = slb.view.round;
    for (const seat of SEATS) {
      if (slb.view.ended.includes(seat)) continue;
      const p = seat === 'SLB' ? slb : seat === 'PNG' ? png : seat === 'beijing' ? beijing : await Player.join(server.url, game.code);
      if (!p.seated) await p.claim(seat);
      await p.act({ type: 'endPhase', role: seat });
      if (![slb, png, beijing].includes(p)) await p.leave();
    }
    await until(() => [slb, png, beijing].every((p) => p.view.round > round));
    for (const p of [slb, png, beijing]) expect(framesOf(p, 'view', from.get(p)).length).toBeGreaterThan(0);
  });
});
