import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGame, freshDataDir, Player, startServerProcess, until, type Created, type ServerProcess } from './helpers';

interface VoteMsg {
  open: boolean;
  id?: number;
  seat?: string;
  options?: { n: number; label: string; votes: number }[];
  ballots?: number;
}

let server: ServerProcess;
let game: Created;
let facilitator: Player;
let projector: Player;
let canberra: Player;
const voters: Player[] = [];
const votes = new Map<Player, VoteMsg[]>();

const follow = (p: Player): Player => {
  votes.set(p, []);
  p.room.onMessage('vote', (m: VoteMsg) => votes.get(p)!.push(m));
  return p;
};
const lastVote = (p: Player): VoteMsg | undefined => votes.get(p)!.at(-1);

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: await freshDataDir() });
  game = await createGame(server.url, 'scenario=honiara&seed=vote-1');
  facilitator = follow(await Player.join(server.url, game.code, { host: game.hostToken, full: true }));
  projector = follow(await Player.join(server.url, game.code, { watch: true }));
  for (let i = 0; i < 2; i++) voters.push(follow(await Player.join(server.url, game.code, { watch: true, voter: true })));
  canberra = follow(await Player.join(server.url, game.code));
  await canberra.claim('canberra', 'team-canberra');
  await until(() => facilitator.views.length > 0 && projector.views.length > 0);
});

afterAll(async () => {
  for (const p of [facilitator, projector, canberra, ...voters]) await p?.leave();
  await server?.stop();
});

describe('class as one actor', () => {
  test('the class votes on the Solomons’ options; the projector shows the tally without the private terms; the facilitator confirms the winner as the seat’s move', async () => {
    // A private offer to the Solomons: its terms are the seat's, and so the class's, never the projector's.
    expect(await canberra.act({ type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 7770, financing: { kind: 'grant', by: 'canberra' } } })).toBeNull();
    await until(() => facilitator.view.offers.length === 1);
    const offer = facilitator.view.offers[0]!;

    facilitator.room.send('facilitate', { command: 'vote', seat: 'SLB' });
    await until(() => lastVote(voters[1]!)?.open === true && lastVote(projector)?.open === true);
    const v = lastVote(voters[0]!)!;
    expect(v.seat).toBe('SLB');
    expect(v.options!.map((o) => o.label)).toEqual([
      expect.stringMatching(/^Accept Canberra’s offer: .*\$7\.77m/),
      expect.stringMatching(/^Reject Canberra’s offer: .*\$7\.77m/),
      'End negotiation for Solomon Islands: no more moves this phase',
    ]);
    expect(lastVote(projector)!.options!.map((o) => o.label)).toEqual(['Option 1', 'Option 2', 'Option 3']);

    // Two voters: one for rejecting, then both for accepting (a voter may change their mind).
    voters[0]!.room.send('ballot', { vote: v.id, option: 2 });
    voters[1]!.room.send('ballot', { vote: v.id, option: 1 });
    await until(() => lastVote(projector)?.ballots === 2);
    expect(lastVote(projector)!.options!.map((o) => o.votes)).toEqual([1, 1, 0]);
    voters[0]!.room.send('ballot', { vote: v.id, option: 1 });
    await until(() => lastVote(projector)?.options?.[0]?.votes === 2);
    expect(lastVote(facilitator)!.options!.map((o) => o.votes)).toEqual([2, 0, 0]);
    expect(lastVote(projector)!.ballots).toBe(2);

    // Only voters vote, only on the open vote and its options.
    projector.room.send('ballot', { vote: v.id, option: 2 });
    await until(() => projector.refusals.some((r) => r.code === 'notVoter'));
    canberra.room.send('ballot', { vote: v.id, option: 2 });
    await until(() => canberra.refusals.some((r) => r.code === 'notVoter'));
    voters[1]!.room.send('ballot', { vote: (v.id ?? 0) + 1, option: 1 });
    await until(() => voters[1]!.refusals.some((r) => r.code === 'voteClosed'));
    voters[1]!.room.send('ballot', { vote: v.id, option: 9 });
    await until(() => voters[1]!.refusals.some((r) => r.code === 'noOption'));
    // A seat cannot open or confirm a vote.
    canberra.room.send('facilitate', { command: 'confirmVote', option: 1 });
    await until(() => canberra.refusals.some((r) => r.code === 'notFacilitator'));
    expect(lastVote(projector)!.options!.map((o) => o.votes)).toEqual([2, 0, 0]);

    // The facilitator confirms the winner: the Solomons accept, and the vote closes everywhere.
    facilitator.room.send('facilitate', { command: 'confirmVote', option: 1 });
    await until(() => facilitator.view.offers.find((o) => o.id === offer.id)?.status !== 'open');
    expect(facilitator.view.offers.find((o) => o.id === offer.id)?.status).toBe('accepted');
    await until(() => lastVote(projector)?.open === false && lastVote(voters[0]!)?.open === false);
    const history = JSON.stringify(votes.get(projector)) + JSON.stringify(projector.views);
    expect(history).not.toMatch(/7\.77|7,770|7770/);
  });

  test('a vote needs a seat with a choice; the facilitator may add offers of their own, and cancel a vote', async () => {
    facilitator.room.send('facilitate', { command: 'vote', seat: 'nowhere' });
    await until(() => facilitator.refusals.some((r) => r.code === 'unknownSeat'));
    // Papua New Guinea has no offer to answer: ending the phase alone is no choice.
    facilitator.room.send('facilitate', { command: 'vote', seat: 'PNG' });
    await until(() => facilitator.refusals.some((r) => r.code === 'noOptions'));
    // An offer the engine would refuse is refused before the class votes on it.
    facilitator.room.send('facilitate', { command: 'vote', seat: 'PNG', options: [{ type: 'offer', role: 'PNG', to: ['canberra'], deal: { kind: 'aid', island: 'PNG', amount: -5, financing: { kind: 'grant', by: 'canberra' } } }] });
    await until(() => facilitator.refusals.some((r) => r.message.startsWith('Option 1: ')));
    // With an offer the facilitator composes (an aid request to Canberra), it is.
    const ask = { type: 'offer', role: 'PNG', to: ['canberra'], deal: { kind: 'aid', island: 'PNG', amount: 5000, financing: { kind: 'grant', by: 'canberra' } } };
    facilitator.room.send('facilitate', { command: 'vote', seat: 'PNG', options: [ask] });
    await until(() => lastVote(voters[0]!)?.open === true && lastVote(voters[0]!)?.seat === 'PNG');
    expect(lastVote(voters[0]!)!.options!.map((o) => o.label)).toEqual([expect.stringMatching(/^Offer to Canberra: .*\$5(\.00)?m/), 'End negotiation for Papua New Guinea: no more moves this phase']);
    facilitator.room.send('facilitate', { command: 'cancelVote' });
    await until(() => lastVote(voters[0]!)?.open === false);
    facilitator.room.send('facilitate', { command: 'confirmVote', option: 1 });
    await until(() => facilitator.refusals.some((r) => r.code === 'noVote'));
  });

  test('in decisions the facilitator may put a sealed order to the class; the confirmed order is the seat’s, secret as any order', async () => {
    facilitator.room.send('facilitate', { command: 'endPhase' });
    await until(() => facilitator.view.phase === 'decisions');
    const order = { type: 'order', role: 'canberra', order: { kind: 'campaign', island: 'SLB', amount: 1000 } };
    facilitator.room.send('facilitate', { command: 'vote', seat: 'canberra', options: [order] });
    await until(() => lastVote(voters[0]!)?.open === true && lastVote(voters[0]!)?.seat === 'canberra');
    const labels = lastVote(voters[0]!)!.options!.map((o) => o.label);
    expect(labels[0]).toMatch(/^Order: .*campaign.*Solomon Islands/i);
    expect(labels.at(-1)).toBe('End decisions for Canberra: no more moves this phase');
    facilitator.room.send('facilitate', { command: 'confirmVote', option: 1 });
    await until(() => canberra.view.orders.some((o) => o.role === 'canberra' && o.order.kind === 'campaign'));
    // Sealed: the projector's view holds no order of Canberra's.
    expect(projector.view.orders.filter((o) => o.role === 'canberra')).toHaveLength(0);
  });
});
