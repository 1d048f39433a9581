import { describe, expect, test } from 'vitest';
import { step, view, type Action, type Deal } from '../../src/engine';
import { DEFAULT_SUB_ROLES, missingSigners } from '../../src/engine/subroles';
import { facilitatorEntry } from '../../src/host/figures';
import { MatchHost, replay } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { act, loadScenario, newGame, offerNo } from '../helpers';

const loan: Deal = { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 10, graceYears: 2 } };
const grant: Deal = { kind: 'aid', island: 'SLB', amount: 5000, financing: { kind: 'grant', by: 'canberra' } };

/** Honiara with Beijing's loan to the Solomons on the table. */
function withLoanOffer() {
  const g = act(newGame('1', 'honiara'), { type: 'offer', role: 'beijing', to: ['SLB'], deal: loan });
  return { g, offer: offerNo(g, g.offers.length) };
}

describe('sub-roles and co-signing', () => {
  test('a foreign-affairs member cannot sign a loan alone: the minister of finance must co-sign', () => {
    const { g, offer } = withLoanOffer();
    const alone = step(g, { type: 'accept', role: 'SLB', offer, by: 'foreign-affairs' });
    expect(alone.ok).toBe(false);
    if (!alone.ok) {
      expect(alone.refusal.code).toBe('needsSignature');
      expect(alone.refusal.message).toBe('A loan by the minister of foreign affairs needs the minister of finance\'s signature.');
    }
    expect(missingSigners(g, { type: 'accept', role: 'SLB', offer, by: 'foreign-affairs' }).map((s) => s.id)).toEqual(['finance']);
    const signed = step(g, { type: 'accept', role: 'SLB', offer, by: 'foreign-affairs', cosigned: ['finance'] });
    expect(signed.ok).toBe(true);
    // The minister of finance signs a loan alone; a grant needs nobody's signature.
    expect(step(g, { type: 'accept', role: 'SLB', offer, by: 'finance' }).ok).toBe(true);
    const g2 = act(newGame('1', 'honiara'), { type: 'offer', role: 'canberra', to: ['SLB'], deal: grant });
    expect(step(g2, { type: 'accept', role: 'SLB', offer: offerNo(g2, g2.offers.length), by: 'foreign-affairs' }).ok).toBe(true);
  });

  test('the seat as a whole (no sub-role: a single player, a bot, an old record) needs no signature', () => {
    const { g, offer } = withLoanOffer();
    expect(step(g, { type: 'accept', role: 'SLB', offer }).ok).toBe(true);
  });

  test('a pact needs the prime minister; an ambassador gives no sealed order; unknown sub-roles are refused', () => {
    const g = newGame('1', 'honiara');
    const pact: Deal = { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [] };
    const fromFinance = step(g, { type: 'offer', role: 'SLB', to: ['canberra'], deal: pact, by: 'finance' });
    expect(!fromFinance.ok && fromFinance.refusal.message).toMatch(/prime minister's signature/);
    expect(step(g, { type: 'offer', role: 'SLB', to: ['canberra'], deal: pact, by: 'finance', cosigned: ['prime-minister'] }).ok).toBe(true);
    const ambassadorPact = step(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: pact, by: 'ambassador' });
    expect(!ambassadorPact.ok && ambassadorPact.refusal.message).toMatch(/the minister's signature/);
    const bad = step(g, { type: 'accept', role: 'SLB', offer: 'ox', by: 'treasurer' } as Action);
    expect(bad.ok).toBe(false);
    const selfSigned = step(g, { type: 'offer', role: 'SLB', to: ['canberra'], deal: pact, by: 'prime-minister', cosigned: ['prime-minister'] });
    expect(!selfSigned.ok && selfSigned.refusal.field).toBe('cosigned[0]');
    // Ending the phase, rejecting, withdrawing: anyone on the team.
    expect(step(g, { type: 'endPhase', role: 'SLB', by: 'foreign-affairs' }).ok).toBe(true);
  });

  test('a scenario declares its own sub-roles; the default set is used when it declares none', () => {
    const plain = newGame('1', 'honiara');
    expect(plain.subRoles).toBeUndefined();
    expect(DEFAULT_SUB_ROLES.island.map((s) => s.id)).toEqual(['prime-minister', 'finance', 'foreign-affairs']);
    const g = newGame('1', 'honiara', (s) => {
      s.subRoles = { island: [{ id: 'cabinet', title: 'cabinet', signs: ['loan'] }, { id: 'envoy', title: 'envoy' }], power: [{ id: 'minister', title: 'minister' }] };
    });
    const g1 = act(g, { type: 'offer', role: 'beijing', to: ['SLB'], deal: loan, by: 'minister' });
    const offer = offerNo(g1, g1.offers.length);
    const r = step(g1, { type: 'accept', role: 'SLB', offer, by: 'envoy' });
    expect(!r.ok && r.refusal.message).toBe('A loan by the envoy needs the cabinet\'s signature.');
    expect(step(g1, { type: 'accept', role: 'SLB', offer, by: 'foreign-affairs' }).ok).toBe(false);
    expect(view(g1, 'SLB').subRoles?.island[0]?.id).toBe('cabinet');
  });

  test('checked on replay: a record whose co-signed loan lost its co-signer is refused with the reason', () => {
    const { scenario, hash } = loadScenario('honiara');
    const host = new MatchHost(scenario, hash, 'cosign-replay');
    expect(host.submit({ type: 'offer', role: 'beijing', to: ['SLB'], deal: loan, by: 'minister' })).toBeNull();
    const offer = offerNo(host.state, host.state.offers.length);
    expect(host.submit({ type: 'accept', role: 'SLB', offer, by: 'foreign-affairs', cosigned: ['finance'] })).toBeNull();
    playToEnd(host, () => simplePolicy, 'cosign-replay');
    const record = JSON.parse(JSON.stringify(host.record)) as { actions: Action[] };
    const same = replay(record, scenario, hash);
    expect(same.ok && same.allMatch).toBe(true);
    const i = record.actions.findIndex((a) => a.type === 'accept' && a.cosigned !== undefined);
    delete record.actions[i]!.cosigned;
    const forged = replay(record, scenario, hash);
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.message).toBe(`Action ${i + 1} of the record is refused: A loan by the minister of foreign affairs needs the minister of finance's signature.`);
  });

  test('the facilitator sets a team of two without a minister of finance: its prime minister then takes a loan alone, a removed part is refused, and the record replays', () => {
    const { scenario, hash } = loadScenario('honiara');
    const host = new MatchHost(scenario, hash, 'team-parts');
    const team = (subRoles: string[]): Action => ({ type: 'override', role: 'facilitator', override: { kind: 'team', seat: 'SLB', subRoles, reason: 'a team of two' } });
    // Only the facilitator, only this seat's parts, each once.
    expect(host.submit({ ...team(['prime-minister']), role: 'SLB' } as unknown as Action)?.code).toBe('notFacilitator');
    expect(host.submit(team(['prime-minister', 'treasurer']))).toMatchObject({ code: 'unknownTarget', field: 'override.subRoles[1]' });
    expect(host.submit(team(['prime-minister', 'prime-minister']))).toMatchObject({ code: 'malformed', field: 'override.subRoles[1]' });
    expect(host.submit(team([]))?.code).toBe('malformed');
    expect(host.submit(team(['foreign-affairs', 'prime-minister']))).toBeNull();
    expect(host.state.teams?.SLB).toEqual(['prime-minister', 'foreign-affairs']);
    expect(host.state.log.at(-1)?.text).toBe("The facilitator sets Solomon Islands' team: prime minister, minister of foreign affairs: a team of two");
    // The debrief's timeline names the parts as the players know them, not by their ids.
    expect(facilitatorEntry(team(['foreign-affairs', 'prime-minister']), () => 'Solomon Islands', host.state)?.text).toBe(
      "The facilitator sets Solomon Islands' team (minister of foreign affairs, prime minister): a team of two",
    );
    // Beijing's loan: with no minister of finance on the team, the prime minister accepts it alone.
    expect(host.submit({ type: 'offer', role: 'beijing', to: ['SLB'], deal: loan, by: 'minister' })).toBeNull();
    const offer = offerNo(host.state, host.state.offers.length);
    expect(missingSigners(host.state, { type: 'accept', role: 'SLB', offer, by: 'foreign-affairs' })).toEqual([]);
    const asFinance = step(host.state, { type: 'accept', role: 'SLB', offer, by: 'finance' });
    expect(!asFinance.ok && asFinance.refusal.message).toMatch(/"finance" is not a sub-role of this team \(prime-minister, foreign-affairs\)/);
    expect(host.submit({ type: 'accept', role: 'SLB', offer, by: 'prime-minister' })).toBeNull();
    // Canberra's team keeps every part: its ambassador's loan still needs the minister.
    expect(missingSigners(host.state, { type: 'offer', role: 'canberra', to: ['PNG'], deal: { ...loan, island: 'PNG', financing: { ...loan.financing, by: 'canberra' } } as Deal, by: 'ambassador' }).map((x) => x.id)).toEqual(['minister']);
    playToEnd(host, () => simplePolicy, 'team-parts');
    const record = JSON.parse(JSON.stringify(host.record)) as { actions: Action[] };
    const same = replay(record, scenario, hash);
    expect(same.ok && same.allMatch).toBe(true);
    // With the minister of finance kept on the team in the record, the prime minister's lone loan is refused on replay.
    const i = record.actions.findIndex((a) => a.type === 'override');
    record.actions[i] = team(['prime-minister', 'finance', 'foreign-affairs']);
    const forged = replay(record, scenario, hash);
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.message).toMatch(/needs the minister of finance's signature/);
  });
});
