import { describe, expect, test } from 'vitest';
import { ledgerBalances, stateHash, step, view, type Action, type GameState } from '../../src/engine';
import { firedIn } from '../../src/engine/facilitator';
import { MatchHost, replay } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { loadScenario, newGame } from '../helpers';

const eruption: Action = { type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'eruption', island: 'SLB' } };

describe('the facilitator’s actions', () => {
  test('an injected eruption resolves at once on the island named, marked as an inject, in everyone’s news', () => {
    const g = newGame('1', 'honiara');
    const r = step(g, eruption);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.state.events.at(-1)!;
    expect(e).toMatchObject({ kind: 'eruption', island: 'SLB', injected: true, round: 1 });
    expect(r.state.islands.SLB!.economy).toBeLessThan(g.islands.SLB!.economy);
    for (const seat of g.seats) expect(view(r.state, seat).log.at(-1)!.text).toMatch(/eruption/i);
    // The game stays in negotiation: an inject is no seat's move.
    expect(r.state.phase).toBe('negotiation');
    expect(r.state.ended).toEqual(g.ended);
  });

  test('only the facilitator injects; the facilitator makes no seat’s moves', () => {
    const g = newGame('1', 'honiara');
    const fromSeat = step(g, { ...eruption, role: 'SLB' } as unknown as Action);
    expect(fromSeat.ok).toBe(false);
    if (!fromSeat.ok) expect(fromSeat.refusal.code).toBe('notFacilitator');
    const offer = step(g, { type: 'endPhase', role: 'facilitator' });
    expect(!offer.ok && offer.refusal.code).toBe('unknownRole');
    const unknownIsland = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'cyclone', island: 'XXX' } });
    expect(!unknownIsland.ok && unknownIsland.refusal.field).toBe('inject.island');
    const extraField = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'news', text: 'x', to: 'all', secret: true } } as unknown as Action);
    expect(!extraField.ok && extraField.refusal.code).toBe('malformed');
  });

  test('a news item to chosen seats is seen by them alone; a seat’s question reaches the facilitator only', () => {
    let g = newGame('1', 'honiara');
    const news = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'news', text: 'Intelligence: a survey ship is off Guadalcanal.', to: ['canberra'] } });
    expect(news.ok).toBe(true);
    if (!news.ok) return;
    g = news.state;
    expect(view(g, 'canberra').log.some((e) => e.text.includes('survey ship'))).toBe(true);
    expect(view(g, 'SLB').log.some((e) => e.text.includes('survey ship'))).toBe(false);
    expect(view(g, 'spectator').log.some((e) => e.text.includes('survey ship'))).toBe(false);
    const ask = step(g, { type: 'message', role: 'PNG', to: 'facilitator', text: 'May we table a second cable?' });
    expect(ask.ok).toBe(true);
    if (!ask.ok) return;
    g = ask.state;
    expect(view(g, 'facilitator').log.some((e) => e.text.includes('second cable'))).toBe(true);
    expect(view(g, 'SLB').log.some((e) => e.text.includes('second cable'))).toBe(false);
    // A seat writes to the facilitator only; other seats are reached by offers.
    const sideways = step(g, { type: 'message', role: 'PNG', to: ['SLB'], text: 'psst' });
    expect(!sideways.ok && sideways.refusal.code).toBe('badParty');
    const all = step(g, { type: 'message', role: 'facilitator', to: 'all', text: 'Five minutes left.' });
    expect(all.ok && view(all.state, 'SLB').log.at(-1)!.text).toBe('From the facilitator: Five minutes left.');
  });

  test('a scripted inject of the scenario fires once, with its source in the facilitator’s record only; seats never see the list', () => {
    let g = newGame('1', 'honiara');
    expect(g.injects?.map((i) => i.id)).toContain('png-election');
    for (const seat of g.seats) expect('injects' in view(g, seat)).toBe(false);
    expect('injects' in view(g, 'facilitator')).toBe(false);
    const r = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'scripted', id: 'police-cyber' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    g = r.state;
    expect(firedIn(g, 'police-cyber')).toBe(1);
    expect(view(g, 'facilitator').log.some((e) => e.text.includes('aljazeera'))).toBe(true);
    expect(view(g, 'beijing').log.some((e) => e.text.includes('police cooperation'))).toBe(true);
    expect(view(g, 'PNG').log.some((e) => e.text.includes('police cooperation') || e.text.includes('aljazeera'))).toBe(false);
    const again = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'scripted', id: 'police-cyber' } });
    expect(!again.ok && again.refusal.message).toMatch(/fired in round 1/);
    const unknown = step(g, { type: 'inject', role: 'facilitator', inject: { kind: 'scripted', id: 'nothing' } });
    expect(!unknown.ok && unknown.refusal.code).toBe('unknownTarget');
  });

  test('overrides: a figure set with a reason (the treasury through the ledger), shown to the seat it concerns; a signed deal voided with no party blamed', () => {
    let g: GameState = newGame('1', 'honiara', undefined, { opening: true });
    const ok = (a: Action) => {
      const r = step(g, a);
      if (!r.ok) throw new Error(r.refusal.message);
      g = r.state;
    };
    ok({ type: 'override', role: 'facilitator', override: { kind: 'set', target: 'SLB', figure: 'economy', value: 30, reason: 'the copper price fell' } });
    expect(g.islands.SLB!.economy).toBe(30);
    expect(view(g, 'SLB').log.at(-1)!.text).toMatch(/^The facilitator sets Solomon Islands' economy to 30 \(was \d+\): the copper price fell$/);
    expect(view(g, 'PNG').log.some((e) => e.text.includes('copper'))).toBe(false);
    const before = g.powers.canberra!.treasury;
    ok({ type: 'override', role: 'facilitator', override: { kind: 'set', target: 'canberra', figure: 'treasury', value: before + 5000, reason: 'a supplementary budget' } });
    ok({ type: 'override', role: 'facilitator', override: { kind: 'set', target: 'SLB', figure: 'treasury', value: 1000, reason: 'a typo in the budget' } });
    expect(g.powers.canberra!.treasury).toBe(before + 5000);
    expect(g.islands.SLB!.treasury).toBe(1000);
    const balances = ledgerBalances(g);
    expect(balances.canberra).toBe(g.powers.canberra!.treasury);
    expect(balances.SLB).toBe(g.islands.SLB!.treasury);
    const refused = (a: Action) => {
      const r = step(g, a);
      return r.ok ? null : r.refusal;
    };
    expect(refused({ type: 'override', role: 'facilitator', override: { kind: 'set', target: 'canberra', figure: 'economy', value: 3, reason: 'x' } })?.field).toBe('override.figure');
    expect(refused({ type: 'override', role: 'facilitator', override: { kind: 'set', target: 'SLB', figure: 'economy', value: 300, reason: 'x' } })?.field).toBe('override.value');
    expect(refused({ type: 'override', role: 'canberra', override: { kind: 'set', target: 'canberra', figure: 'treasury', value: 9_000_000, reason: 'mine' } } as unknown as Action)?.code).toBe('notFacilitator');
    const treaty = g.agreements.find((a) => a.status === 'active' && a.parties.includes('canberra') && a.parties.includes('SLB'))!;
    const reputation = g.powers.canberra!.reputation;
    ok({ type: 'override', role: 'facilitator', override: { kind: 'void', agreement: treaty.id, reason: 'signed by the wrong team member' } });
    const voided = g.agreements.find((a) => a.id === treaty.id)!;
    expect(voided.status).toBe('ended');
    expect(voided.reason).toBe('voided by the facilitator: signed by the wrong team member');
    expect(g.powers.canberra!.reputation).toBe(reputation);
    expect(view(g, 'PNG').log.at(-1)!.text).toContain('voids agreement');
    expect(refused({ type: 'override', role: 'facilitator', override: { kind: 'void', agreement: treaty.id, reason: 'again' } })?.code).toBe('unknownTarget');
  });

  test('a game with injects and messages replays to the same hashes', () => {
    const { scenario, hash } = loadScenario('honiara');
    const host = new MatchHost(scenario, hash, 'inject-replay');
    expect(host.submit(eruption)).toBeNull();
    expect(host.submit({ type: 'inject', role: 'facilitator', inject: { kind: 'scripted', id: 'png-election' } })).toBeNull();
    expect(host.submit({ type: 'message', role: 'SLB', to: 'facilitator', text: 'What does the eruption cost us?' })).toBeNull();
    expect(host.submit({ type: 'override', role: 'facilitator', override: { kind: 'set', target: 'PNG', figure: 'treasury', value: 12345, reason: 'a ruling' } })).toBeNull();
    playToEnd(host, () => simplePolicy, 'inject-replay', 2);
    expect(host.state.round).toBe(3);
    expect(host.submit({ type: 'inject', role: 'facilitator', inject: { kind: 'event', event: 'cyclone', island: 'PNG' } })).toBeNull();
    playToEnd(host, () => simplePolicy, 'inject-replay');
    expect(host.over).toBe(true);
    const again = replay(JSON.parse(JSON.stringify(host.record)), scenario, hash);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.allMatch).toBe(true);
    expect(stateHash(again.host.state)).toBe(stateHash(host.state));
    // Without the injects the same seed plays out differently.
    const plain = new MatchHost(scenario, hash, 'inject-replay');
    playToEnd(plain, () => simplePolicy, 'inject-replay');
    expect(stateHash(plain.state)).not.toBe(stateHash(host.state));
  });
});
