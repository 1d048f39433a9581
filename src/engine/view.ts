import type { Agreement, GameState, LedgerEntry, LogEntry, Offer, RoleId, SealedOrder, ViewerId } from './types';
import { canSee } from './util';
import { cloneState } from './state';

/**
 * What one viewer may see of the game. The RNG state is never in a view; offers, secret
 * clauses, sealed orders, ledger and log entries appear only for the viewers a rule revealed
 * them to. The facilitator sees every secret except the RNG; a spectator sees only what is public.
 * A view shares unchangeable entries with the state: treat it as read-only.
 */
export interface GameView extends Omit<GameState, 'rng' | 'scripted' | 'deck'> {
  viewer: ViewerId;
}

const sees = (viewer: ViewerId, audience: 'all' | RoleId[]): boolean => viewer === 'facilitator' || canSee(audience, viewer);

export function view(g: GameState, viewer: ViewerId): GameView {
  const { rng: _rng, scripted: _scripted, deck: _deck, ...copy } = cloneState(g);
  const offers: Offer[] = copy.offers.filter((o) => sees(viewer, o.seenBy));
  const agreements: Agreement[] = copy.agreements.map((a) => ({ ...a, clauses: a.clauses.filter((c) => sees(viewer, c.seenBy)) }));
  const orders: SealedOrder[] = copy.orders.filter((o) => viewer === 'facilitator' || o.role === viewer);
  const ledger: LedgerEntry[] = copy.ledger.filter((e) => sees(viewer, e.seenBy));
  const log: LogEntry[] = copy.log.filter((e) => sees(viewer, e.seenBy));
  return { ...copy, viewer, offers, agreements, orders, ledger, log };
}
