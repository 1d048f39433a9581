import { describe, expect, test } from 'vitest';
import { MatchHost } from '../../src/host/match';
import { loadScenarioFile, resolveScenario } from '../../src/scenario/files';
import { stateHash, type Action, type ScenarioData } from '../../src/engine';
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

/** What the room sends a team's members about the moves waiting for a co-signature. */
interface Signatures {
  note: string | null;
  subRole: string | null;
  pending: { id: number; by: string; person: string; text: string; action: Record<string, unknown> }[];
}
const signaturesOf = new Map<Player, Signatures[]>();
/** A team member's client: it keeps every `signatures` message (the team strip's Approve / Decline / Withdraw). */
const member = (p: Player): Player => {
  signaturesOf.set(p, []);
  p.room.onMessage('signatures', (m: Signatures) => signaturesOf.get(p)!.push(m));
  p.room.onMessage('held', () => undefined);
  return p;
};
const strip = (p: Player): Signatures | undefined => signaturesOf.get(p)!.at(-1);
const loan = (amount: number) => ({ kind: 'aid', island: 'SLB', amount, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 10, graceYears: 2 } });

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

  test('a move held for a co-signature survives a restart: the finance member reconnects, sees it under the same id and signs it; a hold whose phase ended while the server was down is dropped and the team told why', async () => {
    const env = await store.env();
    let server = await startServerProcess(env);
    const game = await createGame(server.url, 'scenario=honiara&seed=cosign-restart&seats=SLB:team');
    const beijing = await Player.join(server.url, game.code);
    await beijing.claim('beijing', 'Wei');
    const ana = member(await Player.join(server.url, game.code));
    const ben = member(await Player.join(server.url, game.code));
    ana.room.send('claim', { seat: 'SLB', name: 'ana', subRole: 'foreign-affairs' });
    ben.room.send('claim', { seat: 'SLB', name: 'ben', subRole: 'finance' });
    await until(() => ana.seated?.seat === 'SLB' && ben.seated?.seat === 'SLB');

    // The minister of foreign affairs accepts Beijing's loan: it waits for the minister of finance.
    expect(await beijing.act({ type: 'offer', role: 'beijing', to: ['SLB'], deal: loan(5000) })).toBeNull();
    await until(() => ana.views.at(-1)!.view.offers.length === 1);
    const offer = ana.view.offers[0]!.id;
    ana.room.send('act', { action: { type: 'accept', role: 'SLB', offer } });
    await until(() => strip(ben)?.pending.length === 1);
    const held = strip(ben)!.pending[0]!;
    expect(held).toMatchObject({ by: 'foreign-affairs', person: 'ana', text: "Awaiting the minister of finance's signature" });
    const before = await recordOf(server.url, game.code, game.hostToken);
    const tokens = { ana: ana.seated!.token, ben: ben.seated!.token };
    for (const p of [beijing, ana, ben]) await p.leave();

    // The server stops and starts again on the same store.
    expect(await server.stop()).toBe(0);
    server = await startServerProcess(env);
    try {
      expect(server.output()).toContain(game.code);
      // The finance member's browser comes back with its seat token: the strip shows the same held move.
      const ben2 = member(await Player.join(server.url, game.code, { token: tokens.ben }));
      await until(() => strip(ben2)?.pending.length === 1);
      expect(strip(ben2)).toMatchObject({ subRole: 'finance', note: null, pending: [{ id: held.id, by: 'foreign-affairs', person: 'ana', text: "Awaiting the minister of finance's signature", action: { type: 'accept', role: 'SLB', offer, by: 'foreign-affairs' } }] });
      const ana2 = member(await Player.join(server.url, game.code, { token: tokens.ana }));
      await until(() => strip(ana2)?.pending.length === 1);
      expect(strip(ana2)!.pending[0]!.id).toBe(held.id);
      // Still not made: the offer is open, the record unchanged.
      expect(ben2.view.offers.find((o) => o.id === offer)!.status).toBe('open');
      expect((await recordOf(server.url, game.code, game.hostToken)).record.actions).toEqual(before.record.actions);

      // Approved with the id from before the restart: the loan is signed, co-signed in the record.
      ben2.room.send('sign', { id: held.id, approve: true });
      await until(() => ben2.view.offers.find((o) => o.id === offer)?.status === 'accepted');
      await until(() => strip(ana2)?.pending.length === 0);
      const signed = await recordOf(server.url, game.code, game.hostToken);
      const i = signed.record.actions.findIndex((a) => a.type === 'accept');
      expect(signed.record.actions[i]).toEqual({ type: 'accept', role: 'SLB', offer, by: 'foreign-affairs', cosigned: ['finance'] });
      expect(signed.meta[i]!.person).toBe('ana (minister of foreign affairs), co-signed by ben (minister of finance)');
      // The record replays to the same state.
      expect(stateHash(solo(signed.record.actions, 'cosign-restart').state)).toBe(signed.hash);

      // A second loan held; the team goes away; the facilitator times negotiation at 3 s, and the server crashes.
      const beijing2 = await Player.join(server.url, game.code);
      await beijing2.claim('beijing', 'Wei');
      expect(await beijing2.act({ type: 'offer', role: 'beijing', to: ['SLB'], deal: loan(6000) })).toBeNull();
      await until(() => ana2.view.offers.some((o) => o.status === 'open'));
      const second = ana2.view.offers.find((o) => o.status === 'open')!.id;
      ana2.room.send('act', { action: { type: 'accept', role: 'SLB', offer: second } });
      await until(() => strip(ben2)?.pending.length === 1);
      const stale = strip(ben2)!.pending[0]!.id;
      expect(stale).toBeGreaterThan(held.id);
      for (const p of [beijing2, ana2, ben2]) await p.leave();
      const host = await Player.join(server.url, game.code, { host: game.hostToken, full: true });
      await until(() => host.views.length > 0);
      host.room.send('facilitate', { command: 'phaseTimes', negotiation: 3, decisions: 0 });
      host.room.send('facilitate', { command: 'timer', seconds: 3 });
      await until(() => typeof (host.views.at(-1) as unknown as { deadlineAt: number | null }).deadlineAt === 'number');
      const deadlineAt = (host.views.at(-1) as unknown as { deadlineAt: number }).deadlineAt;
      await server.kill9();
      // The deadline falls while the server is down.
      await new Promise((r) => setTimeout(r, Math.max(0, deadlineAt - Date.now()) + 200));
      server = await startServerProcess(env);
      // The reopened room ends the phase at once, every seat recorded as ended by the deadline, with nobody of the team there.
      const restarted = server;
      for (let ended = 0; ended < SEATS.length; ) {
        await new Promise((r) => setTimeout(r, 100));
        ended = (await recordOf(restarted.url, game.code, game.hostToken)).meta.filter((m) => m.source === 'deadline').length;
      }
      // The finance member comes back later, and reads why the move it was to sign was not made.
      const ben3 = member(await Player.join(server.url, game.code, { token: tokens.ben }));
      await until(() => ben3.views.length > 0 && strip(ben3) !== undefined);
      expect(ben3.view.phase).toBe('decisions');
      expect(strip(ben3)).toMatchObject({ pending: [], note: 'The phase ended before every signature was in: the move was not made.' });
      expect(ben3.view.offers.find((o) => o.id === second)!.status).not.toBe('accepted');
      const refused = ben3.refusals.length;
      ben3.room.send('sign', { id: stale, approve: true });
      await until(() => ben3.refusals.length > refused);
      expect(ben3.refusals.at(-1)).toMatchObject({ code: 'noSignature', message: 'That move is no longer waiting for a signature.' });
      const last = await recordOf(server.url, game.code, game.hostToken);
      expect(last.record.actions.filter((a) => a.type === 'accept')).toHaveLength(1);
      expect(stateHash(solo(last.record.actions, 'cosign-restart').state)).toBe(last.hash);
      await ben3.leave();
    } finally {
      await server.stop();
    }
  }, 120_000);
});
