import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGame, facilitate, Player, startServerProcess, STORES, until, type ServerProcess } from './helpers';

/**
 * The facilitator's Start (docs/facilitator.md, Pace): a game hosted for a class waits in the lobby
 * with its clock stopped, every seat's moves refused, until the console's Start; stored with the
 * room's settings, so a restart keeps it waiting (or started). On PGlite, and on PostgreSQL when
 * DATABASE_URL is set.
 */

type Last = { waiting?: boolean; paused?: boolean; deadlineAt?: number | null };
const last = (p: Player) => p.views.at(-1) as unknown as Last & Player['views'][number];

describe.each(STORES)('the facilitator’s Start, on $name', (store) => {
  let env: Record<string, string>;
  let server: ServerProcess;
  const players: Player[] = [];

  async function join(code: string, options: Record<string, unknown> = {}): Promise<Player> {
    const p = await Player.join(server.url, code, options);
    players.push(p);
    await until(() => p.views.length > 0 || p.lobby !== null);
    return p;
  }


  async function restart(): Promise<void> {
    for (const p of players.splice(0)) await p.leave();
    expect(await server.stop()).toBe(0);
    server = await startServerProcess(env);
  }

  beforeAll(async () => {
    env = await store.env();
    server = await startServerProcess(env);
  });

  afterAll(async () => {
    for (const p of players) await p.leave();
    await server?.stop();
  });

  test('a game hosted with start=facilitator waits: no clock, moves and the computer wait, the clock commands refused; a restart keeps it waiting; Start sets the first phase’s deadline from the phase times and moves are accepted', async () => {
    const game = await createGame(server.url, 'scenario=honiara&seed=start-1&lesson=lesson-50&start=facilitator&seats=PNG:bot-easy');
    let fac = await join(game.code, { host: game.hostToken, full: true });
    let slb = await join(game.code);
    await slb.claim('SLB', 'Ana');
    await until(() => slb.views.length > 0);
    expect(last(slb).waiting).toBe(true);
    expect(last(slb).deadlineAt).toBeNull();
    expect(last(fac).waiting).toBe(true);
    // The cut's note for the facilitator (its `note:`) comes with the lobby.
    await until(() => fac.lobby !== null);
    expect((fac.lobby as { note: string | null }).note).toMatch(/^Between computer players every seat of this cut wins 20-55% of games\./);
    // It is advice for the facilitator: a seat's lobby does not carry it.
    await until(() => slb.lobby !== null);
    expect((slb.lobby as { note: string | null }).note).toBeNull();

    // A seat's move is refused with the reason; a question to the facilitator is not.
    const refused = await slb.act({ type: 'endPhase', role: 'SLB' });
    expect(refused).toEqual({ code: 'notStarted', message: 'The facilitator has not started the game yet: wait for the clock to start.' });
    expect(await slb.act({ type: 'message', role: 'SLB', to: 'facilitator', text: 'When do we start?' })).toBeNull();
    // The clock's commands wait for the Start too; the phase times may be set before it.
    expect((await facilitate(fac, { command: 'timer', seconds: 60 }))?.code).toBe('notStarted');
    expect((await facilitate(fac, { command: 'endPhase' }))?.code).toBe('notStarted');
    expect((await facilitate(fac, { command: 'pause' }))?.message).toMatch(/press Start/);
    expect(await facilitate(fac, { command: 'phaseTimes', negotiation: 300, decisions: 120 })).toBeNull();
    expect(last(fac).deadlineAt).toBeNull();
    // The computer's seat (Papua New Guinea) does not play before the Start either.
    await new Promise((r) => setTimeout(r, 2500));
    expect(fac.view.ended).toEqual([]);
    expect(fac.view.offers).toEqual([]);

    // The server restarts: the game still waits.
    const token = slb.seated!.token;
    await restart();
    fac = await join(game.code, { host: game.hostToken, full: true });
    slb = await join(game.code, { token });
    await until(() => slb.views.length > 0 && fac.views.length > 0);
    expect(last(slb).waiting).toBe(true);
    expect(last(slb).deadlineAt).toBeNull();
    expect((await slb.act({ type: 'endPhase', role: 'SLB' }))?.code).toBe('notStarted');
    // The note is kept with the room's settings.
    await until(() => fac.lobby !== null);
    expect((fac.lobby as { note: string | null }).note).toMatch(/^Between computer players/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fac.view.ended).toEqual([]);

    // Start: the first phase's deadline from the phase times, on every screen; moves are accepted.
    expect(await facilitate(fac, { command: 'start' })).toBeNull();
    await until(() => last(slb).waiting === false && typeof last(slb).deadlineAt === 'number');
    const left = last(slb).deadlineAt! - Date.now();
    expect(left).toBeGreaterThan(290_000);
    expect(left).toBeLessThanOrEqual(300_000);
    expect(last(fac).waiting).toBe(false);
    expect(await slb.act({ type: 'endPhase', role: 'SLB' })).toBeNull();
    // The computer plays its seat now.
    await until(() => fac.view.ended.includes('PNG') || fac.view.phase !== 'negotiation', 30_000);
    expect((await facilitate(fac, { command: 'start' }))?.code).toBe('started');

    // Started is stored too: after another restart the clock runs on to the same deadline.
    const deadlineAt = last(fac).deadlineAt;
    await restart();
    fac = await join(game.code, { host: game.hostToken, full: true });
    await until(() => fac.views.length > 0);
    expect(last(fac).waiting).toBe(false);
    expect(last(fac).deadlineAt).toBe(deadlineAt);
  }, 120_000);

  test('a game created without start=facilitator starts at once (the API’s default); an unknown start is refused', async () => {
    const game = await createGame(server.url, 'scenario=honiara&seed=start-2&lesson=lesson-50');
    const slb = await join(game.code);
    await slb.claim('SLB', 'Bo');
    await until(() => slb.views.length > 0);
    expect(last(slb).waiting).toBe(false);
    expect(typeof last(slb).deadlineAt).toBe('number');
    expect(await slb.act({ type: 'endPhase', role: 'SLB' })).toBeNull();
    const wrong = await fetch(new URL('/api/games?scenario=honiara&start=later', server.url), { method: 'POST' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/"now" or when the "facilitator" presses Start/);
  });
});
