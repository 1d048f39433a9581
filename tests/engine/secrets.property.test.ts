import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { canonicalJson, view, type Audience, type GameState, type GameView, type RoleId, type ViewerId } from '../../src/engine';
import { seedState } from '../../src/engine/rng';
import { updateScores } from '../../src/engine/scoring';
import { canSee } from '../../src/engine/util';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { randomPolicy } from '../../src/ai/random';
import { act, endPhase, loadScenario, newGame, offerNo } from '../helpers';

/**
 * The property: a viewer's view (offers, agreements, orders, ledger, log, scores, and what a bot
 * decides and says from it) is the same for any two states that differ only in what that viewer
 * may not know. `twin` makes the second state by changing every kind of secret there is: the
 * generator and the deck, others' private offers and orders, secret clauses and hidden log and
 * ledger entries, other powers' intrusions, and who else was shown what the viewer was shown; the
 * id key and the counts of offers, orders and acceptances; and the true scores, baselines and
 * score history (which move with clauses the viewer was not shown), and other viewers' pictures
 * of them, keeping only the viewer's own picture of the scores (until the game is over).
 */
function twin(g: GameState, viewer: ViewerId, seed: string): { state: GameState; changed: number } {
  const r = seedrandom(seed);
  const h = structuredClone(g);
  let changed = 1;
  h.rng = seedState(`twin|${seed}`);
  if (viewer === 'facilitator') return { state: h, changed };
  // The id key and the counts of offers, orders and acceptances, which only ids and counters could tell.
  h.idKey = `twin|${seed}`;
  h.counters = { ...h.counters, offer: h.counters.offer + 7, order: h.counters.order + 3, accept: h.counters.accept + 5 };
  for (const o of h.offers) if (o.acceptedSeq !== null) o.acceptedSeq = o.acceptedSeq * 3 + 2;
  changed++;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  /** Another role shown something the viewer was shown: a watcher the viewer cannot know of. */
  const widen = (a: Audience): Audience => {
    if (a === 'all' || r() < 0.5) return a;
    const others = h.seats.filter((s) => !a.includes(s));
    if (!others.length) return a;
    changed++;
    return [...a, pick(others)].sort();
  };
  h.deck = { chancePerRound: 100, weights: { pandemic: 1, eruption: 3 } };
  h.scripted = [{ round: h.round + 1, kind: 'eruption', island: pick(Object.keys(h.islands)) }];
  h.tabled = [];
  for (const o of h.offers) {
    if (!canSee(o.seenBy, viewer)) {
      // A signed offer's terms are public in its agreement; the rest stay between those who saw it.
      if (o.status === 'signed') continue;
      const d = o.deal;
      if (d.kind === 'aid' || d.kind === 'telecom') o.deal = { ...d, amount: d.amount + 1000 };
      else if (d.kind === 'cable') o.deal = { ...d, dataAccess: !d.dataAccess };
      o.reason = 'changed';
      changed++;
    } else o.seenBy = widen(o.seenBy) as RoleId[];
  }
  for (const a of h.agreements) {
    for (const c of a.clauses) {
      if (canSee(c.seenBy, viewer)) c.seenBy = widen(c.seenBy);
      else {
        c.kind = c.kind === 'noThirdParty' ? 'shipVisits' : 'noThirdParty';
        changed++;
      }
    }
    if (a.deal.kind === 'pact' && !a.parties.includes(viewer as RoleId)) {
      a.clauses.push({ id: `${a.id}.hidden`, kind: 'incidentAccess', secret: true, seenBy: [...a.parties].sort() });
      changed++;
    }
  }
  for (const o of h.orders) {
    if (o.role === viewer) continue;
    o.order = { ...o.order, amount: o.order.amount + 1 };
    changed++;
  }
  const other = h.seats.find((s) => s !== viewer);
  if (other) {
    h.orders.push({ id: 'r-hidden', role: other, round: h.round, order: { kind: 'crackdown', amount: 0 } });
    changed++;
  }
  for (const e of h.log) {
    if (canSee(e.seenBy, viewer)) e.seenBy = widen(e.seenBy);
    else {
      e.text = `${e.text} (changed)`;
      changed++;
    }
  }
  for (const e of h.ledger) {
    if (canSee(e.seenBy, viewer)) e.seenBy = widen(e.seenBy);
    else {
      e.amount += 1;
      changed++;
    }
  }
  for (const p of Object.values(h.powers)) {
    if (!p || p.id === viewer) continue;
    p.intrusions = p.intrusions.length ? [] : [{ island: pick(Object.keys(h.islands)), until: h.round + 1 }];
    changed++;
  }
  // Scores: the clauses changed above move the true scores, and every role's, the viewer's own
  // included, may move with a clause the viewer was not shown; so do other viewers' pictures.
  // What the viewer could work out stays: its own picture of the scores (its baseline, scores and
  // history as the view showed them). Once the game is over the true scores are the final count,
  // public like the rest of the result.
  const over = g.phase === 'over';
  const shown = view(g, viewer);
  if (!over) {
    h.seen = { ...h.seen, [viewer]: { baseline: shown.baseline, scores: shown.scores } };
    updateScores(h);
    const nudge = (s: Record<RoleId, number>) => Object.fromEntries(Object.entries(s).map(([role, x]) => [role, x + 1 + Math.floor(r() * 3)]));
    h.baseline = Object.fromEntries(Object.entries(h.baseline).map(([role, levels]) => [role, Object.fromEntries(Object.entries(levels).map(([k, x]) => [k, x + 1]))]));
    h.history = h.history.map((e, i) => ({ round: e.round, scores: nudge(e.scores), seen: { ...e.seen, [viewer]: shown.history[i]!.scores } }));
    for (const role of h.seats) {
      const s = h.scores[role];
      if (s) h.scores[role] = { ...s, total: s.total + 1 };
    }
    changed++;
  }
  for (const other of [...h.seats, 'spectator' as const]) {
    if (other === viewer) continue;
    const f = h.seen[other] ?? { baseline: h.baseline, scores: h.scores };
    h.seen = { ...h.seen, [other]: { baseline: f.baseline, scores: Object.fromEntries(Object.entries(f.scores).map(([role, x]) => [role, { ...x, total: x.total + 2 }])) } };
    h.history = h.history.map((e) => ({ ...e, seen: { ...e.seen, [other]: Object.fromEntries(Object.entries(e.scores).map(([role, x]) => [role, x + 2])) } }));
  }
  return { state: h, changed };
}

/** What differs between the viewer's views of a state and of its twin, and between a bot's choices on them. */
function differences(g: GameState, viewer: ViewerId, seed: string, viewOf: (g: GameState, v: ViewerId) => GameView): string[] {
  const { state: h } = twin(g, viewer, seed);
  const a = viewOf(g, viewer);
  const b = viewOf(h, viewer);
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof GameView>)
    if (canonicalJson(a[key] ?? null) !== canonicalJson(b[key] ?? null)) out.push(`view.${key}`);
  if ('rng' in a) out.push('view.rng');
  if (g.seats.includes(viewer) && (g.phase === 'negotiation' || g.phase === 'decisions')) {
    // A bot decides and explains itself from the view alone.
    const ctx = { seed, pass: 0 };
    if (canonicalJson(simplePolicy(a, viewer, ctx)) !== canonicalJson(simplePolicy(b, viewer, ctx))) out.push('bot');
  }
  return out;
}

const { scenario, hash } = loadScenario();

/** Play a game with a mix of policies, checking every viewer's view after every phase. */
function checkGame(seed: string, randomSeats: RoleId[], viewOf: typeof view, rounds: number) {
  const host = new MatchHost(scenario, hash, seed);
  const viewers: ViewerId[] = [...host.state.seats, 'spectator', 'facilitator'];
  const found = new Set<string>();
  let lastPhase = '';
  let intrusions = 0;
  host.onChange((g) => {
    const key = `${g.round}/${g.phase}`;
    if (key === lastPhase) return;
    lastPhase = key;
    intrusions += Object.values(g.powers).reduce((n, p) => n + (p?.intrusions.length ?? 0), 0);
    for (const viewer of viewers) for (const d of differences(g, viewer, `${seed}|${key}|${viewer}`, viewOf)) found.add(`${viewer}: ${d}`);
  });
  playToEnd(host, (role) => (randomSeats.includes(role) ? randomPolicy : simplePolicy), seed, rounds);
  return { found: [...found], intrusions };
}

/** The view as it was before issue 9: every power's intrusions, and full audiences, shown to all. */
const viewBefore9: typeof view = (g, viewer) => {
  const { rng: _rng, scripted: _scripted, deck: _deck, tabled: _tabled, ...rest } = g;
  const sees = (a: Audience) => viewer === 'facilitator' || canSee(a, viewer);
  return {
    ...rest,
    viewer,
    offers: g.offers.filter((o) => sees(o.seenBy)),
    agreements: g.agreements.map((a) => (a.clauses.every((c) => sees(c.seenBy)) ? a : { ...a, clauses: a.clauses.filter((c) => sees(c.seenBy)) })),
    orders: g.orders.filter((o) => viewer === 'facilitator' || o.role === viewer),
    ledger: g.ledger.filter((e) => sees(e.seenBy)),
    log: g.log.filter((e) => sees(e.seenBy)),
  };
};

/** Round 2 of Coral Sea after Beijing's undetected intrusion into SLB (it has read Canberra's secret clause with SLB), with Washington's offer to SLB on the table. */
function afterAnIntrusion(): GameState {
  for (let s = 1; s < 200; s++) {
    let g = newGame(String(s), 'coral-sea', (x) => {
      x.deck.chancePerRound = 0;
    });
    g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [{ kind: 'unrestDeployment', secret: true }] } });
    g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
    g = endPhase(g);
    g = act(g, { type: 'order', role: 'beijing', order: { kind: 'intrusion', island: 'SLB', amount: 2000 } });
    g = endPhase(g);
    if (!g.powers.beijing!.intrusions.length) continue;
    return act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 100, financing: { kind: 'grant', by: 'washington' } } });
  }
  throw new Error('no seed with an undetected intrusion');
}

describe('a view is the same for states that differ only in what its viewer may not know', () => {
  it('after an undetected intrusion, no other seat learns of it: not from the powers, nor from who sees an offer', () => {
    const g = afterAnIntrusion();
    expect(g.offers.at(-1)!.seenBy).toContain('beijing');
    for (const viewer of ['SLB', 'PNG', 'canberra', 'washington', 'spectator'] as const) {
      const v = view(g, viewer);
      expect(v.powers.beijing!.intrusions).toEqual([]);
      expect(JSON.stringify(v)).not.toMatch(/"seenBy":\[[^\]]*"beijing"/);
      expect(differences(g, viewer, 'x', view)).toEqual([]);
    }
    expect(view(g, 'beijing').powers.beijing!.intrusions).toHaveLength(1);
    expect(view(g, 'beijing').offers.at(-1)!.deal).toMatchObject({ kind: 'aid', amount: 100 });
  });

  it('fails on the view before issue 9, which showed the intrusion and the intruder to every seat (control)', () => {
    const g = afterAnIntrusion();
    expect(differences(g, 'SLB', 'x', viewBefore9)).toEqual(expect.arrayContaining(['view.powers', 'view.offers']));
    expect(differences(g, 'PNG', 'x', viewBefore9)).toContain('view.powers');
    const random = checkGame('3', ['SLB', 'PNG', 'beijing'], viewBefore9, 8);
    expect(random.found.length).toBeGreaterThan(0);
  });

  it('catches planted leaks of other kinds: secret clauses, sealed orders, hidden log entries (control)', () => {
    const g = afterAnIntrusion();
    expect(differences(g, 'PNG', 'x', (s, v) => ({ ...view(s, v), agreements: s.agreements }))).toContain('view.agreements');
    expect(differences(g, 'PNG', 'x', (s, v) => ({ ...view(s, v), orders: s.orders }))).toContain('view.orders');
    expect(differences(g, 'PNG', 'x', (s, v) => ({ ...view(s, v), log: s.log }))).toContain('view.log');
  });

  it('holds for every viewer after every phase of random games, and the twins do differ', () => {
    let intrusions = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }).map(String), fc.subarray(['SLB', 'PNG', 'beijing', 'canberra', 'washington']), (seed, randomSeats) => {
        const r = checkGame(seed, randomSeats, view, 12);
        intrusions += r.intrusions;
        expect(r.found).toEqual([]);
      }),
      { numRuns: 6, seed: 20261204 },
    );
    // The secrets under test occur: intrusions among them.
    expect(intrusions).toBeGreaterThan(0);
    const g = afterAnIntrusion();
    for (const viewer of ['SLB', 'beijing', 'spectator'] as const) expect(twin(g, viewer, 'y').changed).toBeGreaterThan(3);
  });

  it('fails on the view before the side channels were closed: true scores, numbered counters and acceptances (control)', () => {
    // As the view was: the true scores, baseline and history, every counter, each offer's place among all acceptances.
    const viewBefore: typeof view = (g, viewer) => ({
      ...view(g, viewer),
      scores: g.scores,
      baseline: g.baseline,
      history: g.history.map((h) => ({ round: h.round, scores: h.scores })),
      counters: g.counters,
      offers: view(g, viewer).offers.map((o) => ({ ...o, acceptedSeq: g.offers.find((x) => x.id === o.id)?.acceptedSeq ?? null })),
    });
    const g = afterAnIntrusion();
    expect(differences(g, 'PNG', 'x', viewBefore)).toEqual(expect.arrayContaining(['view.scores', 'view.baseline', 'view.history', 'view.counters']));
    const random = checkGame('4', ['SLB', 'beijing'], viewBefore, 6);
    expect(random.found.some((d) => d.endsWith('view.scores'))).toBe(true);
    expect(random.found.some((d) => d.endsWith('view.offers'))).toBe(true);
  });

  it('never shows the RNG state, even to the facilitator', () => {
    const host = new MatchHost(scenario, hash, '9');
    for (const viewer of ['facilitator', 'spectator', 'SLB'] as const) expect(JSON.stringify(host.view(viewer))).not.toContain('"rng"');
  });
});
