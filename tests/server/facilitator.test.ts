import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stateHash, type Action, type GameState } from '../../src/engine';
import { MatchHost, replay } from '../../src/host/match';
import { loadScenario } from '../helpers';
import { createGame, facilitate, freshDataDir, Player, startServerProcess, until, type Created, type ServerProcess } from './helpers';

let server: ServerProcess;
let game: Created;
let facilitator: Player;
let projector: Player;
let slb: Player;
let png: Player;

type Last = { paused?: boolean; pausedLeftMs?: number | null; deadlineAt?: number | null };
const last = (p: Player) => p.views.at(-1) as unknown as Last & Player['views'][number];


beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: await freshDataDir() });
  game = await createGame(server.url, 'scenario=honiara&seed=facilitator-1');
  facilitator = await Player.join(server.url, game.code, { host: game.hostToken, full: true });
  projector = await Player.join(server.url, game.code, { host: game.hostToken });
  slb = await Player.join(server.url, game.code);
  png = await Player.join(server.url, game.code);
  await slb.claim('SLB', 'Ana');
  await png.claim('PNG', 'Bo');
  await until(() => facilitator.views.length > 0 && projector.views.length > 0);
});

afterAll(async () => {
  for (const p of [facilitator, projector, slb, png]) await p?.leave();
  await server?.stop();
});

describe('the facilitator’s console on the server', () => {
  test('the host’s own device is the facilitator: the full view with the scenario’s injects; its projector gets the public view', () => {
    expect(facilitator.views.at(-1)!.viewer).toBe('facilitator');
    const console = (facilitator.views.at(-1) as unknown as { console: { injects: { id: string }[]; deck: string[] } }).console;
    expect(console.injects.map((i) => i.id)).toContain('png-election');
    expect(console.deck).toContain('riots');
    expect(projector.views.at(-1)!.viewer).toBe('spectator');
    expect(JSON.stringify(projector.views)).not.toContain('png-election');
    expect(JSON.stringify(slb.views)).not.toContain('png-election');
  });

  test('a seat’s facilitator commands and injects are refused: by the server (sender) and by the engine (role)', async () => {
    slb.room.send('facilitate', { command: 'pause' });
    await until(() => slb.refusals.some((r) => r.code === 'notFacilitator'));
    expect(last(slb).paused).toBe(false);
    expect((await slb.act({ type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'eruption', island: 'PNG' } }))?.code).toBe('notYourSeat');
    expect((await slb.act({ type: 'inject', role: 'SLB', inject: { kind: 'event', event: 'eruption', island: 'PNG' } }))?.code).toBe('notFacilitator');
    expect(png.view.events.some((e) => e.kind === 'eruption')).toBe(false);
    // The projector is the host's too, but a screen meant for the room never shows a seat's view.
    expect((await facilitate(projector, { command: 'viewAs', seat: 'SLB' }))?.code).toBe('notFacilitator');
  });

  test('pause stops the clock and refuses every seat’s moves with the reason; a question still reaches the facilitator; resume restarts the clock', async () => {
    expect(await facilitate(facilitator, { command: 'timer', seconds: 600 })).toBeNull();
    await until(() => typeof last(slb).deadlineAt === 'number');
    expect(last(slb).deadlineAt! - Date.now()).toBeGreaterThan(590_000);
    expect(await facilitate(facilitator, { command: 'pause' })).toBeNull();
    await until(() => last(slb).paused === true && last(png).paused === true && last(projector).paused === true);
    expect(last(slb).deadlineAt).toBeNull();
    expect(last(slb).pausedLeftMs).toBeGreaterThan(590_000);
    const refused = await slb.act({ type: 'endPhase', role: 'SLB' });
    expect(refused?.code).toBe('paused');
    expect(refused?.message).toMatch(/^Paused by the facilitator/);
    expect(slb.view.ended).not.toContain('SLB');
    expect(await slb.act({ type: 'message', role: 'SLB', to: 'facilitator', text: 'How long is the break?' })).toBeNull();
    await until(() => facilitator.view.log.some((e) => e.text === 'Solomon Islands asks the facilitator: How long is the break?'));
    expect(png.view.log.some((e) => e.text.includes('How long is the break'))).toBe(false);
    // Two minutes more while paused, then resume: the clock carries on from where it stood.
    expect(await facilitate(facilitator, { command: 'extend', seconds: 120 })).toBeNull();
    await until(() => (last(slb).pausedLeftMs ?? 0) > 710_000);
    expect(await facilitate(facilitator, { command: 'resume' })).toBeNull();
    await until(() => last(slb).paused === false);
    expect(last(slb).deadlineAt! - Date.now()).toBeGreaterThan(700_000);
    expect(last(slb).deadlineAt! - Date.now()).toBeLessThanOrEqual(720_000);
    expect(await png.act({ type: 'endPhase', role: 'PNG' })).toBeNull();
  });

  test('an injected eruption shows in every seat’s news at once; news for one seat reaches that seat only; a view-as is exactly the seat’s view', async () => {
    expect(await facilitate(facilitator, { command: 'inject', inject: { kind: 'event', event: 'eruption', island: 'SLB' } })).toBeNull();
    await until(() => slb.view.events.some((e) => e.kind === 'eruption' && e.island === 'SLB') && png.view.log.some((e) => /eruption/i.test(e.text)));
    expect(projector.view.events.some((e) => e.kind === 'eruption' && e.injected === true)).toBe(true);
    const frames = slb.frames.length;
    expect(await facilitate(facilitator, { command: 'inject', inject: { kind: 'news', text: 'Intelligence: a survey vessel loiters off Port Moresby.', to: ['PNG'] } })).toBeNull();
    await until(() => png.view.log.some((e) => e.text.includes('survey vessel')));
    await new Promise((r) => setTimeout(r, 200));
    expect(slb.frames.slice(frames).join('')).not.toContain('survey vessel');
    expect(projector.frames.join('')).not.toContain('survey vessel');
    expect(await facilitate(facilitator, { command: 'inject', inject: { kind: 'scripted', id: 'png-election' } })).toBeNull();
    expect((await facilitate(facilitator, { command: 'inject', inject: { kind: 'scripted', id: 'png-election' } }))?.message).toMatch(/fired in round 1/);
    expect((await facilitate(facilitator, { command: 'inject', inject: { kind: 'event', event: 'volcano' } }))?.code).toBe('illegalTerms');
    const asked = new Promise<{ seat: string; view: unknown }>((ok) => facilitator.room.onMessage('viewAs', ok));
    facilitator.room.send('facilitate', { command: 'viewAs', seat: 'SLB' });
    const seen = await asked;
    await until(() => slb.views.at(-1)!.seq === facilitator.views.at(-1)!.seq);
    expect(seen.seat).toBe('SLB');
    expect(JSON.stringify(seen.view)).toBe(JSON.stringify(slb.view));
  });

  test('end the phase for everyone, twice: the round ends; the record, injects and all, replays to the same hashes', async () => {
    expect(await facilitate(facilitator, { command: 'endPhase' })).toBeNull();
    await until(() => facilitator.view.phase === 'decisions');
    expect(await facilitate(facilitator, { command: 'endPhase' })).toBeNull();
    await until(() => facilitator.view.round === 2);
    const res = await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url));
    const body = (await res.json()) as { record: { actions: { type: string }[]; hashes: unknown[] }; hash: string; meta: { source: string }[] };
    expect(body.record.actions.filter((a) => a.type === 'inject')).toHaveLength(3);
    expect(body.meta.some((m) => m.source === 'facilitator')).toBe(true);
    expect(body.record.hashes.length).toBe(1);
    const { scenario, hash } = loadScenario('honiara');
    const again = replay(body.record, scenario, hash);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.allMatch).toBe(true);
    expect(stateHash(again.host.state as GameState)).toBe(body.hash);
  });

  test('undo to the start of round 1: everyone is back there and told why; the abandoned branch is kept and replays to the state it left', async () => {
    const before = (facilitator.views.at(-1) as unknown as { hash: string }).hash;
    expect(facilitator.view.round).toBe(2);
    expect((await facilitate(facilitator, { command: 'undo', round: 3, reason: 'x' }))?.code).toBe('malformed');
    expect((await facilitate(slb, { command: 'undo', round: 1, reason: 'x' }))?.code).toBe('notFacilitator');
    expect(await facilitate(facilitator, { command: 'undo', round: 1, reason: 'the eruption was a test' })).toBeNull();
    await until(() => slb.view.round === 1 && slb.view.phase === 'negotiation' && png.view.round === 1);
    expect(slb.view.log.at(-1)!.text).toBe('From the facilitator: The game goes back to the start of round 1: the eruption was a test');
    expect(slb.view.events.some((e) => e.injected)).toBe(false);
    expect(slb.view.ended).toEqual([]);
    const res = await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url));
    const body = (await res.json()) as { record: { actions: { type: string }[] }; branches: { branch: number; round: number; actions: unknown[] }[] };
    expect(body.record.actions).toHaveLength(1);
    expect(body.branches).toHaveLength(1);
    expect(body.branches[0]!.round).toBe(1);
    const { scenario, hash } = loadScenario('honiara');
    const abandoned = new MatchHost(scenario, hash, 'facilitator-1');
    for (const a of body.branches[0]!.actions) expect(abandoned.submit(a as Action)).toBeNull();
    expect(stateHash(abandoned.state)).toBe(before);
    // The game goes on from there, and its record replays.
    expect(await facilitate(facilitator, { command: 'endPhase' })).toBeNull();
    await until(() => facilitator.view.phase === 'decisions');
    const again = await (await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url))).json() as { record: unknown; hash: string };
    const replayed = replay(again.record, scenario, hash);
    expect(replayed.ok && stateHash(replayed.host.state)).toBe(again.hash);
    // Into round 2, an inject, and back to the start of round 2: round 1 stays as it was played.
    expect(await facilitate(facilitator, { command: 'endPhase' })).toBeNull();
    await until(() => facilitator.view.round === 2);
    const round2 = (await (await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url))).json()) as { record: { actions: unknown[]; hashes: { round: number; hash: string }[] } };
    expect(await facilitate(facilitator, { command: 'inject', inject: { kind: 'event', event: 'cyclone', island: 'PNG' } })).toBeNull();
    expect(await facilitate(facilitator, { command: 'undo', round: 2, reason: 'wrong island' })).toBeNull();
    await until(() => png.view.log.at(-1)?.text.endsWith('wrong island') === true);
    expect(png.view.events.some((e) => e.injected)).toBe(false);
    const after = (await (await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url))).json()) as { record: { actions: unknown[]; hashes: unknown[] }; branches: { round: number; actions: { type: string }[] }[] };
    expect(after.record.actions).toEqual([...round2.record.actions, { type: 'message', role: 'facilitator', to: 'all', text: 'The game goes back to the start of round 2: wrong island' }]);
    expect(after.record.hashes).toEqual(round2.record.hashes);
    expect(after.branches.map((b) => [b.round, b.actions.map((a) => a.type)])).toEqual([[1, expect.any(Array)], [2, ['inject']]]);
  });

  test('a ruling sets a figure with a reason the seat concerned reads; a seat cannot rule', async () => {
    expect(await facilitate(facilitator, { command: 'override', override: { kind: 'set', target: 'SLB', figure: 'legitimacy', value: 20, reason: 'a vote of no confidence looms' } })).toBeNull();
    await until(() => slb.view.islands.SLB!.legitimacy === 20);
    expect(slb.view.log.at(-1)!.text).toMatch(/legitimacy to 20 .*no confidence/);
    await until(() => png.view.islands.SLB!.legitimacy === 20);
    expect(png.view.log.some((e) => e.text.includes('no confidence'))).toBe(false);
    expect((await slb.act({ type: 'override', role: 'SLB', override: { kind: 'set', target: 'SLB', figure: 'treasury', value: 9_000_000, reason: 'mine' } }))?.code).toBe('notFacilitator');
    expect((await facilitate(facilitator, { command: 'override', override: { kind: 'void', agreement: 'nothing', reason: 'x' } }))?.code).toBe('unknownTarget');
  });

  test('a game on Honiara’s 50-minute lesson cut: four rounds, six minutes of negotiation; an unknown cut is refused', async () => {
    const lesson = await createGame(server.url, 'scenario=honiara&seed=lesson-1&lesson=lesson-50');
    const f = await Player.join(server.url, lesson.code, { host: lesson.hostToken, full: true });
    await until(() => f.views.length > 0);
    expect(f.view.scenario.rounds).toBe(4);
    expect(f.view.scenario.title).toBe('Honiara (50-minute lesson)');
    const left = (last(f).deadlineAt ?? 0) - Date.now();
    expect(left).toBeGreaterThan(5 * 60_000);
    expect(left).toBeLessThanOrEqual(6 * 60_000);
    await f.leave();
    const wrong = await fetch(new URL('/api/games?scenario=honiara&lesson=lesson-5', server.url), { method: 'POST' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/its cuts: lesson-50/);
  });
});
