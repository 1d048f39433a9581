import type { GameState, RoleId, ViewerId } from './types';
import { canSee } from './util';

/**
 * What one viewer may see of the game. The RNG state is never in a view; offers, secret
 * clauses, sealed orders, ledger and log entries appear only for the viewers a rule revealed
 * them to. The facilitator sees every secret except the RNG; a spectator sees only what is public.
 */
export interface GameView extends Omit<GameState, 'rng' | 'scripted' | 'deck' | 'tabled'> {
  viewer: ViewerId;
}

const sees = (viewer: ViewerId, audience: 'all' | RoleId[]): boolean => viewer === 'facilitator' || canSee(audience, viewer);

/**
 * A view shares what it shows with the state (states are never changed once made, so this is
 * safe and cheap): treat it as read-only. Send it through structuredClone or postMessage to get a
 * copy of one's own.
 */
export function view(g: GameState, viewer: ViewerId): GameView {
  const { rng: _rng, scripted: _scripted, deck: _deck, tabled: _tabled, ...rest } = g;
  return {
    ...rest,
    viewer,
    offers: g.offers.filter((o) => sees(viewer, o.seenBy)),
    agreements: g.agreements.map((a) => (a.clauses.every((c) => sees(viewer, c.seenBy)) ? a : { ...a, clauses: a.clauses.filter((c) => sees(viewer, c.seenBy)) })),
    orders: g.orders.filter((o) => viewer === 'facilitator' || o.role === viewer),
    ledger: g.ledger.filter((e) => sees(viewer, e.seenBy)),
    log: g.log.filter((e) => sees(viewer, e.seenBy)),
  };
}
