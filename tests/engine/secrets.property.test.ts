import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { view, type GameState, type GameView, type RoleId, type ViewerId } from '../../src/engine';
import { canSee } from '../../src/engine/util';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { randomPolicy } from '../../src/ai/random';
import { loadScenario } from '../helpers';

/** Every secret in a full state, with who may know it so far. */
interface Secret {
  id: string;
  kind: 'offer' | 'clause' | 'order';
  audience: 'all' | RoleId[];
}

function secretsOf(g: GameState): Secret[] {
  const out: Secret[] = [];
  for (const o of g.offers) out.push({ id: o.id, kind: 'offer', audience: o.seenBy });
  for (const a of g.agreements) for (const c of a.clauses) if (c.seenBy !== 'all') out.push({ id: c.id, kind: 'clause', audience: c.seenBy });
  for (const o of g.orders) out.push({ id: o.id, kind: 'order', audience: [o.role] });
  return out;
}

/** Ids of everything a view hands out as an object of its own, and every id its log entries are about. */
function idsIn(v: GameView): Set<string> {
  const ids = new Set<string>();
  for (const o of v.offers) ids.add(o.id);
  for (const a of v.agreements) for (const c of a.clauses) ids.add(c.id);
  for (const o of v.orders) ids.add(o.id);
  for (const e of v.log) for (const id of e.about) ids.add(id);
  return ids;
}

function leaks(g: GameState, viewer: ViewerId, viewOf: (g: GameState, viewer: ViewerId) => GameView): string[] {
  const v = viewOf(g, viewer);
  const shown = idsIn(v);
  const out: string[] = [];
  for (const s of secretsOf(g)) if (shown.has(s.id) && viewer !== 'facilitator' && !canSee(s.audience, viewer)) out.push(s.id);
  for (const e of v.log) if (viewer !== 'facilitator' && !canSee(e.seenBy, viewer)) out.push(`log:${e.text}`);
  for (const e of v.ledger) if (viewer !== 'facilitator' && !canSee(e.seenBy, viewer)) out.push(`ledger:${e.kind}`);
  if ('rng' in v) out.push('rng');
  return out;
}

const { scenario, hash } = loadScenario();

/** Play a game with a mix of policies, checking every view after every phase. */
function checkGame(seed: string, randomSeats: RoleId[], viewOf: typeof view, rounds: number) {
  const host = new MatchHost(scenario, hash, seed);
  const viewers: ViewerId[] = [...host.state.seats, 'spectator', 'facilitator'];
  const found: string[] = [];
  let secretsSeen = 0;
  let ownerHeldSecret = true;
  let lastPhase = '';
  host.onChange((g) => {
    const key = `${g.round}/${g.phase}`;
    if (key === lastPhase) return;
    lastPhase = key;
    for (const viewer of viewers) found.push(...leaks(g, viewer, viewOf));
    for (const s of secretsOf(g)) {
      if (s.audience === 'all') continue;
      secretsSeen++;
      // Control: the secret's owner does see it.
      const owner = s.audience[0]!;
      if (!idsIn(viewOf(g, owner)).has(s.id) && s.kind !== 'offer') ownerHeldSecret = false;
      if (s.kind === 'offer' && !viewOf(g, owner).offers.some((o) => o.id === s.id)) ownerHeldSecret = false;
    }
  });
  playToEnd(host, (role) => (randomSeats.includes(role) ? randomPolicy : simplePolicy), seed, rounds);
  return { found, secretsSeen, ownerHeldSecret, secretClauses: host.state.agreements.flatMap((a) => a.clauses).filter((c) => c.secret).length };
}

const gameArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }).map(String),
  randomSeats: fc.subarray(['SLB', 'PNG', 'beijing', 'canberra', 'washington']),
});

describe('views keep secrets', () => {
  it('no view holds a secret not yet revealed to its viewer, over random games', () => {
    let games = 0;
    let withSecrets = 0;
    let withSecretClauses = 0;
    fc.assert(
      fc.property(gameArb, ({ seed, randomSeats }) => {
        const r = checkGame(seed, randomSeats, view, 12);
        games++;
        if (r.secretsSeen > 0) withSecrets++;
        if (r.secretClauses > 0) withSecretClauses++;
        expect(r.found).toEqual([]);
        expect(r.ownerHeldSecret).toBe(true);
      }),
      { numRuns: 25, seed: 20261124 },
    );
    // Secrets must actually occur: private offers and sealed orders in every game, signed secret clauses in many.
    expect(withSecrets).toBe(games);
    expect(withSecretClauses / games).toBeGreaterThanOrEqual(0.4);
  });

  it('catches a planted leak (control)', () => {
    // A view that forgets to filter secret clauses.
    const leaky: typeof view = (g, viewer) => ({ ...view(g, viewer), agreements: structuredClone(g.agreements) });
    // Islands played at random accept secret clauses often, so secrets are there to leak.
    const results = [1, 2, 3, 4, 5, 6].map((s) => checkGame(String(s), ['SLB', 'PNG'], leaky, 12));
    expect(results.some((r) => r.secretClauses > 0)).toBe(true);
    expect(results.filter((r) => r.secretClauses > 0).every((r) => r.found.length > 0)).toBe(true);
  });

  it('never shows the RNG state, even to the facilitator', () => {
    const host = new MatchHost(scenario, hash, '9');
    for (const viewer of ['facilitator', 'spectator', 'SLB'] as const) expect(JSON.stringify(host.view(viewer))).not.toContain('"rng"');
  });
});
