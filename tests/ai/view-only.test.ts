import { describe, expect, it } from 'vitest';
import { CLAUSE_KINDS, view, type GameState, type RoleId } from '../../src/engine';
import { seedState } from '../../src/engine/rng';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { makeBot, policyByName, type Policy } from '../../src/ai';
import { loadScenario } from '../helpers';

/**
 * Change what a role's view cannot show: the random generator, the event deck and scripted events,
 * the terms of private offers between others, secret clauses it is not party to (changed, and one
 * more added), others' sealed orders, and log and ledger entries hidden from it. Returns the new
 * state and how many hidden things were changed.
 */
function perturb(g: GameState, role: RoleId): { state: GameState; changed: number } {
  const h = structuredClone(g);
  let changed = 0;
  h.rng = seedState(`perturbed|${role}`);
  h.deck = { chancePerRound: 100, weights: { pandemic: 1, eruption: 3 } };
  h.scripted = [{ round: h.round + 1, kind: 'eruption', island: Object.keys(h.islands)[0] }];
  for (const o of h.offers) {
    // A signed offer's terms are public in its agreement; the rest stay between the parties.
    if (o.seenBy.includes(role) || o.status === 'signed') continue;
    const d = o.deal;
    if (d.kind === 'aid' || d.kind === 'telecom') o.deal = { ...d, amount: d.amount + 1000 };
    else if (d.kind === 'cable') o.deal = { ...d, dataAccess: !d.dataAccess };
    else if (d.kind === 'pact') o.deal = { ...d, clauses: d.clauses.length ? d.clauses.map((c) => ({ ...c, secret: !c.secret })) : [{ kind: 'noThirdParty', secret: true }] };
    else continue;
    changed++;
  }
  for (const a of h.agreements) {
    if (a.parties.includes(role)) continue;
    for (const c of a.clauses) {
      if (c.seenBy === 'all' || c.seenBy.includes(role)) continue;
      const other = CLAUSE_KINDS.find((k) => !a.clauses.some((x) => x.kind === k));
      if (other) {
        c.kind = other;
        changed++;
      }
    }
    if (a.deal.kind === 'pact' && a.clauses.length < CLAUSE_KINDS.length) {
      const kind = CLAUSE_KINDS.find((k) => !a.clauses.some((x) => x.kind === k))!;
      a.clauses.push({ id: `${a.id}.hidden`, kind, secret: true, seenBy: [...a.parties].sort() });
      changed++;
    }
  }
  for (const o of h.orders)
    if (o.role !== role) {
      o.order = { ...o.order, amount: o.order.amount + 1 };
      changed++;
    }
  for (const e of h.log)
    if (e.seenBy !== 'all' && !e.seenBy.includes(role)) {
      e.text = `${e.text} (changed)`;
      changed++;
    }
  return { state: h, changed };
}

const LEVELS: [string, Policy][] = [
  ['easy', policyByName('easy')!],
  ['normal', policyByName('normal')!],
];
const random = policyByName('random')!;
const simple = policyByName('simple')!;

/** A game part played: random and simple seats make private offers, secret clauses and sealed orders for the bots to not see. */
function stateAt(id: string, seed: string, rounds: number, phase: 'negotiation' | 'decisions', turnOf?: RoleId): GameState {
  const { scenario, hash } = loadScenario(id);
  const host = new MatchHost(scenario, hash, seed, { hashes: false });
  const mixed = (role: RoleId) => (host.state.seats.indexOf(role) % 2 ? random : simple);
  playToEnd(host, mixed, seed, rounds);
  // Into the phase, with the first pass played: private offers or sealed orders exist.
  if (phase === 'decisions') {
    for (const role of host.state.seats) host.submit({ type: 'endPhase', role });
  }
  for (const role of host.state.seats) {
    // Stopped at `turnOf`'s turn if given: the seats before it have played the first pass.
    if (role === turnOf) break;
    for (const a of mixed(role)(host.view(role), role, { seed, pass: 0 })) host.submit(a);
  }
  return host.state;
}

/** Where each check looks: round 2 of these seeds, in these phases. */
const SAMPLES = [
  ['5', 'negotiation'],
  ['8', 'decisions'],
] as const;

describe('bots decide from their own view only', () => {
  for (const id of ['coral-sea', 'honiara', 'quad']) {
    it(`${id}: the same view gives the same actions when hidden parts of the state change`, () => {
      let hidden = 0;
      let acted = 0;
      for (const [seed, phase] of SAMPLES) {
        const g = stateAt(id, seed, 2, phase);
        for (const role of g.seats) {
          const { state: h, changed } = perturb(g, role);
          hidden += changed;
          expect(JSON.stringify(view(h, role)), `${role}'s view`).toBe(JSON.stringify(view(g, role)));
          for (const [, bot] of LEVELS) {
            for (const pass of [0, 1]) {
              const a = bot(view(g, role), role, { seed, pass });
              const b = bot(view(h, role), role, { seed, pass });
              expect(b).toEqual(a);
              acted += a.length;
            }
          }
        }
      }
      // The check had something to bite on: hidden things were changed, and the bots acted.
      expect(hidden).toBeGreaterThan(5);
      expect(acted).toBeGreaterThan(3);
    });
  }

  it('coral-sea: the hard bot too, in the Western seats, for all it samples of what it cannot see', () => {
    const { scenario } = loadScenario('coral-sea');
    const hard = makeBot({ level: 'hard', scenario });
    let hidden = 0;
    let acted = 0;
    for (const [seed, phase] of SAMPLES) {
      for (const role of ['canberra', 'washington']) {
        const g = stateAt('coral-sea', seed, 2, phase, role);
        const { state: h, changed } = perturb(g, role);
        hidden += changed;
        const a = hard(view(g, role), role, { seed, pass: 0 });
        expect(hard(view(h, role), role, { seed, pass: 0 })).toEqual(a);
        acted += a.length;
      }
    }
    expect(hidden).toBeGreaterThan(3);
    expect(acted).toBeGreaterThan(0);
  });

  it('a change the view does show can change the decision (control)', () => {
    const g = stateAt('coral-sea', '5', 2, 'negotiation');
    const bot = policyByName('normal')!;
    let differs = 0;
    for (const role of g.seats) {
      const h = structuredClone(g);
      for (const i of Object.values(h.islands)) i.treasury += 50_000;
      for (const p of Object.values(h.powers)) if (p) p.treasury = Math.floor(p.treasury / 10);
      const a = JSON.stringify(bot(view(g, role), role, { seed: '5', pass: 0 }));
      if (a !== JSON.stringify(bot(view(h, role), role, { seed: '5', pass: 0 }))) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });
});
