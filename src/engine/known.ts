import type { GameState, RoleId, Score, ViewerId } from './types';
import { scoreOnPicture } from './scoring';
import { agreementsSeenBy, hidesClauses } from './view';

/**
 * The scores each viewer can work out (issue 9): a secret clause counts in its funder's access
 * and in every power's denial, a no-third-party clause in its island's balance, so the true
 * scores of any role would tell a seat of a clause it was not shown. A seat sees, for every role
 * (its own included), the score worked out on its picture of the game: the agreements with only
 * the clauses it sees, measured from the baseline it could work out at the start. The facilitator
 * sees the true scores, and so does everyone once the game is over (the final count).
 */
export const scoreViewers = (g: Pick<GameState, 'seats'>): ViewerId[] => [...g.seats, 'spectator'];

/** Every seat's score on a viewer's picture of the game, with the given baseline. */
function scoresSeenBy(g: GameState, viewer: ViewerId, baseline: GameState['baseline']): Record<RoleId, Score> {
  const { rng: _rng, scripted: _scripted, deck: _deck, tabled: _tabled, idKey: _idKey, ...rest } = g;
  const picture = { ...rest, agreements: agreementsSeenBy(g, viewer), baseline };
  const out: Record<RoleId, Score> = {};
  for (const role of g.seats) out[role] = scoreOnPicture(picture, role);
  return out;
}

/** The baselines of viewers from whom the start hides a clause (a scenario's secret standing clause). */
export function seenBaselines(g: GameState, expected: GameState): void {
  for (const viewer of scoreViewers(g)) {
    if (!hidesClauses(g, viewer)) continue;
    const { rng: _rng, scripted: _scripted, deck: _deck, tabled: _tabled, idKey: _idKey, ...rest } = expected;
    const picture = { ...rest, agreements: agreementsSeenBy(expected, viewer) };
    const baseline: GameState['baseline'] = {};
    for (const role of g.seats) baseline[role] = scoreOnPicture(picture, role).levels;
    g.seen[viewer] = { baseline, scores: {} };
  }
}

/** After updateScores: each viewer's picture of the scores, for the viewers whose picture is not the truth. */
export function updateSeenScores(g: GameState): void {
  g.seen = { ...g.seen };
  // Viewers shown the same clauses, measured from the same baseline, share one picture: worked out once.
  const done = new Map<string, Record<RoleId, Score>>();
  const baselines: GameState['baseline'][] = [];
  for (const viewer of scoreViewers(g)) {
    const prior = g.seen[viewer];
    if (!prior && !hidesClauses(g, viewer)) continue;
    const baseline = prior?.baseline ?? g.baseline;
    if (!baselines.includes(baseline)) baselines.push(baseline);
    const hidden = g.agreements.flatMap((a) => a.clauses.filter((c) => c.seenBy !== 'all' && !c.seenBy.includes(viewer)).map((c) => c.id));
    const key = `${baselines.indexOf(baseline)}|${hidden.join(',')}`;
    const scores = done.get(key) ?? scoresSeenBy(g, viewer, baseline);
    done.set(key, scores);
    g.seen[viewer] = { baseline, scores };
  }
}

/** The round's entry of the score history: the true totals, and each viewer's where they differ. */
export function historyEntry(g: GameState): GameState['history'][number] {
  const totals = (s: Record<RoleId, Score>) => Object.fromEntries(Object.entries(s).map(([r, x]) => [r, x.total]));
  const scores = totals(g.scores);
  const seen: Partial<Record<ViewerId, Record<RoleId, number>>> = {};
  for (const [viewer, f] of Object.entries(g.seen) as [ViewerId, NonNullable<GameState['seen'][ViewerId]>][]) seen[viewer] = totals(f.scores);
  return Object.keys(seen).length ? { round: g.round, scores, seen } : { round: g.round, scores };
}
