import type { Audience, GameState, RoleId, ViewerId } from './types';
import { canSee } from './util';

/**
 * What one viewer may see of the game. The RNG state is never in a view; offers, secret
 * clauses, sealed orders, ledger and log entries appear only for the viewers a rule revealed
 * them to. The facilitator sees every secret except the RNG; a spectator sees only what is public.
 *
 * Who else was shown something is a secret too: a power that reads an island's affairs (through
 * its vendor's landing station, an incident-access clause or an undetected intrusion) is added to
 * the audience of what it reads. So in a view a private audience names the viewer alone, and each
 * power's intrusions are shown to that power only.
 */
export interface GameView extends Omit<GameState, 'rng' | 'scripted' | 'deck' | 'tabled' | 'votes' | 'injects' | 'idKey' | 'seen'> {
  viewer: ViewerId;
}

const sees = (viewer: ViewerId, audience: Audience): boolean => viewer === 'facilitator' || canSee(audience, viewer);

/** Some agreement has a clause the viewer may not see. */
export const hidesClauses = (g: Pick<GameState, 'agreements'>, viewer: ViewerId): boolean => g.agreements.some((a) => a.clauses.some((c) => !sees(viewer, c.seenBy)));

/** The agreements as a viewer sees them: only the clauses shown to it, each audience as the viewer may know it. */
export function agreementsSeenBy(g: Pick<GameState, 'agreements'>, viewer: ViewerId): GameState['agreements'] {
  if (viewer === 'facilitator') return g.agreements;
  const narrowed = <T extends { seenBy: Audience }>(x: T): T => (x.seenBy === 'all' || (x.seenBy.length === 1 && x.seenBy[0] === viewer) ? x : { ...x, seenBy: [viewer] });
  return g.agreements.map((a) => (a.clauses.every((c) => c.seenBy === 'all') ? a : { ...a, clauses: a.clauses.filter((c) => sees(viewer, c.seenBy)).map(narrowed) }));
}

/** Counters of what only some seats see, which would count it for a viewer: read 0 in a view. */
const HIDDEN_COUNTERS = { offer: 0, order: 0, accept: 0 } as const;

/**
 * A view shares what it shows with the state (states are never changed once made, so this is
 * safe and cheap): treat it as read-only. Send it through structuredClone or postMessage to get a
 * copy of one's own.
 */
export function view(g: GameState, viewer: ViewerId): GameView {
  const { rng: _rng, scripted: _scripted, deck: _deck, tabled: _tabled, votes: _votes, injects: _injects, idKey: _idKey, seen: _seen, ...rest } = g;
  if (viewer === 'facilitator') return { ...rest, viewer };
  // The facilitator's scheduled injects are a surprise: no seat or screen sees them coming.
  const { schedule: _schedule, ...open } = rest;
  const only: RoleId[] = [viewer];
  // The scores as this viewer can work them out (known.ts); everyone's true scores once the game is over.
  const over = g.phase === 'over';
  const seen = over ? undefined : g.seen[viewer];
  const history = g.history.map((h) => ({ round: h.round, scores: (over ? undefined : h.seen?.[viewer]) ?? h.scores }));
  // The order offers were accepted in, among those the viewer sees: a count of all acceptances would count the hidden ones.
  const accepted = g.offers.filter((o) => o.acceptedSeq !== null && sees(viewer, o.seenBy)).sort((a, b) => (a.acceptedSeq ?? 0) - (b.acceptedSeq ?? 0));
  const rank = new Map(accepted.map((o, i) => [o.id, i + 1]));
  const shown = (o: GameState['offers'][number]) => {
    const seq = o.acceptedSeq === null ? null : (rank.get(o.id) ?? null);
    if (o.seenBy.length === 1 && seq === o.acceptedSeq) return o;
    return { ...o, seenBy: o.seenBy.length === 1 ? o.seenBy : [...only], acceptedSeq: seq };
  };
  /** A private audience the viewer belongs to, as the viewer may know it: itself. */
  const narrowed = <T extends { seenBy: Audience }>(x: T): T => (x.seenBy === 'all' || (x.seenBy.length === 1 && x.seenBy[0] === viewer) ? x : { ...x, seenBy: only });
  const powers: GameState['powers'] = {};
  for (const [id, p] of Object.entries(g.powers) as [keyof GameState['powers'], NonNullable<GameState['powers'][keyof GameState['powers']]>][])
    powers[id] = id === viewer || p.intrusions.length === 0 ? p : { ...p, intrusions: [] };
  return {
    ...open,
    viewer,
    powers,
    offers: g.offers.filter((o) => sees(viewer, o.seenBy)).map(shown),
    agreements: agreementsSeenBy(g, viewer),
    scores: seen?.scores ?? g.scores,
    baseline: seen?.baseline ?? g.baseline,
    history,
    counters: { ...g.counters, ...HIDDEN_COUNTERS },
    orders: g.orders.filter((o) => o.role === viewer),
    ledger: g.ledger.filter((e) => sees(viewer, e.seenBy)).map(narrowed),
    log: g.log.filter((e) => sees(viewer, e.seenBy)).map(narrowed),
  };
}
