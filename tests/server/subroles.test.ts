import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGame, freshDataDir, Player, startServerProcess, until, type Created, type ServerProcess } from './helpers';

/** What the room sends a team's members about the moves waiting for a signature. */
interface Signatures {
  note: string | null;
  subRole: string | null;
  pending: { id: number; by: string; person: string; text: string; needs: { id: string; title: string }[] }[];
}

let server: ServerProcess;
let game: Created;
let facilitator: Player;
let beijing: Player;
let ana: Player;
let ben: Player;
const signatures = new Map<Player, Signatures[]>();
const held = new Map<Player, { id: number; message: string }[]>();

const follow = (p: Player): Player => {
  signatures.set(p, []);
  held.set(p, []);
  p.room.onMessage('signatures', (m: Signatures) => signatures.get(p)!.push(m));
  p.room.onMessage('held', (m: { id: number; message: string }) => held.get(p)!.push(m));
  return p;
};
const last = (p: Player): Signatures | undefined => signatures.get(p)!.at(-1);
const loan = { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 10, graceYears: 2 } };

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: await freshDataDir() });
  // The set-up: the Solomons are a team with sub-roles, Papua New Guinea an easy computer player.
  game = await createGame(server.url, 'scenario=honiara&seed=cosign-1&seats=SLB:team,PNG:bot-easy');
  facilitator = await Player.join(server.url, game.code, { host: game.hostToken, full: true });
  beijing = await Player.join(server.url, game.code);
  await beijing.claim('beijing', 'wei');
  ana = follow(await Player.join(server.url, game.code));
  ben = follow(await Player.join(server.url, game.code));
});

afterAll(async () => {
  for (const p of [facilitator, beijing, ana, ben]) await p?.leave();
  await server?.stop();
});

describe('sub-roles and co-signing online', () => {
  test('a team member picks a sub-role when joining; a computer seat cannot be claimed', async () => {
    const before = ana.refusals.length;
    ana.room.send('claim', { seat: 'SLB', name: 'ana' });
    await until(() => ana.refusals.length > before);
    expect(ana.refusals.at(-1)).toMatchObject({ code: 'subRole', message: 'Solomon Islands plays as a team: choose your part (prime minister, minister of finance, minister of foreign affairs).' });
    ana.room.send('claim', { seat: 'PNG', name: 'ana' });
    await until(() => ana.refusals.length > before + 1);
    expect(ana.refusals.at(-1)!.code).toBe('botSeat');
    ana.room.send('claim', { seat: 'SLB', name: 'ana', subRole: 'foreign-affairs' });
    await until(() => ana.seated?.seat === 'SLB');
    ben.room.send('claim', { seat: 'SLB', name: 'ben', subRole: 'finance' });
    await until(() => ben.seated?.seat === 'SLB');
    const lobby = () => (facilitator.lobby as { seats: { seat: string; members: { name: string; title: string | null }[]; assignment: { mode: string }; bot: boolean }[] }).seats;
    await until(() => lobby().find((s) => s.seat === 'SLB')!.members.length === 2);
    expect(lobby().find((s) => s.seat === 'SLB')!.members).toEqual([
      { name: 'ana', subRole: 'foreign-affairs', title: 'Minister of foreign affairs' },
      { name: 'ben', subRole: 'finance', title: 'Minister of finance' },
    ]);
    expect(lobby().find((s) => s.seat === 'PNG')).toMatchObject({ assignment: { mode: 'bot', level: 'easy' }, bot: true });
  });

  test('a foreign-affairs member cannot sign a loan alone: it waits for the minister of finance, who approves it', async () => {
    expect(await beijing.act({ type: 'offer', role: 'beijing', to: ['SLB'], deal: loan })).toBeNull();
    await until(() => ana.views.at(-1)!.view.offers.length === 1);
    const offer = ana.view.offers[0]!.id;
    const views = facilitator.views.length;
    // The client's own claim of a co-signature is ignored: the server says who signed.
    ana.room.send('act', { action: { type: 'accept', role: 'SLB', offer, cosigned: ['finance'] } });
    await until(() => held.get(ana)!.length === 1);
    expect(held.get(ana)![0]!.message).toBe('Awaiting the minister of finance\'s signature.');
    await until(() => last(ben)?.pending.length === 1);
    expect(last(ben)!.pending[0]).toMatchObject({ by: 'foreign-affairs', person: 'ana', text: 'Awaiting the minister of finance\'s signature', needs: [{ id: 'finance', title: 'minister of finance' }] });
    expect(last(ben)!.subRole).toBe('finance');
    // Not made: the offer is still open on the server.
    await new Promise((r) => setTimeout(r, 300));
    expect(facilitator.views.length).toBe(views);
    expect(facilitator.view.offers[0]!.status).toBe('open');

    // The foreign minister cannot sign for finance.
    const id = last(ana)!.pending[0]!.id;
    const refused = ana.refusals.length;
    ana.room.send('sign', { id, approve: true });
    await until(() => ana.refusals.length > refused);
    expect(ana.refusals.at(-1)).toMatchObject({ code: 'notSigner', message: 'Only the minister of finance can sign this.' });

    ben.room.send('sign', { id, approve: true });
    await until(() => facilitator.view.offers[0]?.status === 'accepted');
    await until(() => last(ana)?.pending.length === 0);

    const res = await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url));
    const body = (await res.json()) as { record: { actions: Record<string, unknown>[] }; meta: { person: string }[] };
    const i = body.record.actions.findIndex((a) => a.type === 'accept');
    expect(body.record.actions[i]).toEqual({ type: 'accept', role: 'SLB', offer, by: 'foreign-affairs', cosigned: ['finance'] });
    expect(body.meta[i]!.person).toBe('ana (minister of foreign affairs), co-signed by ben (minister of finance)');
  });

  test('the minister of finance signs a loan alone; a declined move is dropped; the computer plays its seat', async () => {
    expect(await beijing.act({ type: 'offer', role: 'beijing', to: ['SLB'], deal: { ...loan, amount: 6000 } })).toBeNull();
    await until(() => ben.view.offers.some((o) => o.status === 'open'));
    const offer = ben.view.offers.find((o) => o.status === 'open')!.id;
    ana.room.send('act', { action: { type: 'accept', role: 'SLB', offer } });
    await until(() => last(ben)?.pending.length === 1);
    ben.room.send('sign', { id: last(ben)!.pending[0]!.id, approve: false });
    await until(() => last(ana)?.pending.length === 0);
    expect(last(ana)!.note).toBe('ben (minister of finance) declined to sign: the move was not made.');
    expect(await ben.act({ type: 'accept', role: 'SLB', offer })).toBeNull();
    await until(() => facilitator.view.offers.find((o) => o.id === offer)?.status === 'accepted');
    // A pact needs the prime minister, whom nobody has joined as: the team is told; its sender withdraws it.
    ben.room.send('act', { action: { type: 'offer', role: 'SLB', to: ['canberra'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'cyber', clauses: [] } } });
    await until(() => last(ana)?.pending.length === 1);
    expect(last(ana)!.pending[0]!.text).toBe('Awaiting the prime minister\'s signature (nobody has joined as the prime minister yet)');
    ben.room.send('sign', { id: last(ana)!.pending[0]!.id, approve: false });
    await until(() => last(ana)?.pending.length === 0);
    // Papua New Guinea is the computer's from the start: it ends its negotiation unprompted.
    await until(() => facilitator.view.ended.includes('PNG'), 20_000);
  });

  test('the facilitator sets the team’s parts: not while a member plays a part it would lose; a part the team lacks signs nothing', async () => {
    const team = (subRoles: string[]) => ({ command: 'override', override: { kind: 'team', seat: 'SLB', subRoles, reason: 'a team of two' } });
    const before = facilitator.refusals.length;
    facilitator.room.send('facilitate', team(['prime-minister', 'foreign-affairs']));
    await until(() => facilitator.refusals.length > before);
    expect(facilitator.refusals.at(-1)).toMatchObject({ code: 'subRoleHeld', message: expect.stringMatching(/^ben \(minister of finance\) plays a part the team would lose/) });
    // A pact waiting for the prime minister's signature: the part cannot go while it waits. (Not a
    // policing pact: the 2017 treaty is one, in force, and a second would be refused as a duplicate.)
    ana.room.send('act', { action: { type: 'offer', role: 'SLB', to: ['canberra'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'naval', clauses: [] } } });
    await until(() => last(ana)?.pending.length === 1);
    const n = facilitator.refusals.length;
    facilitator.room.send('facilitate', team(['finance', 'foreign-affairs']));
    await until(() => facilitator.refusals.length > n);
    expect(facilitator.refusals.at(-1)!.message).toBe("A move of Solomon Islands waits for the prime minister's signature: it is signed, declined or withdrawn first.");
    ana.room.send('sign', { id: last(ana)!.pending[0]!.id, approve: false });
    await until(() => last(ana)?.pending.length === 0);
    // Nobody plays the prime minister: the team of two is the minister of finance and of foreign affairs.
    facilitator.room.send('facilitate', team(['finance', 'foreign-affairs']));
    type LobbySeat = { seat: string; subRoles: { id: string }[]; allSubRoles: { id: string }[] };
    const slb = () => (facilitator.lobby as { seats: LobbySeat[] }).seats.find((x) => x.seat === 'SLB')!;
    await until(() => slb().subRoles.length === 2);
    expect(slb().subRoles.map((r) => r.id)).toEqual(['finance', 'foreign-affairs']);
    expect(slb().allSubRoles.map((r) => r.id)).toEqual(['prime-minister', 'finance', 'foreign-affairs']);
    // The pact that waited for a prime minister is made on the minister of finance's word.
    expect(await ben.act({ type: 'offer', role: 'SLB', to: ['canberra'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'cyber', clauses: [] } })).toBeNull();
    await until(() => facilitator.view.offers.some((o) => o.from === 'SLB' && o.deal.kind === 'pact' && o.status === 'open'));
    expect(facilitator.view.log.some((e) => e.text === "The facilitator sets Solomon Islands' team: minister of finance, minister of foreign affairs: a team of two")).toBe(true);
  });
});
