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
export interface GameView extends Omit<GameState, 'rng' | 'scripted' | 'deck' | 'tabled' | 'votes' | 'injects'> {
  viewer: ViewerId;
}

const sees = (viewer: ViewerId, audience: Audience): boolean => viewer === 'facilitator' || canSee(audience, viewer);

/**
 * A view shares what it shows with the state (states are never changed once made, so this is
 * safe and cheap): treat it as read-only. Send it through structuredClone or postMessage to get a
 * copy of one's own.
 */
export function view(g: GameState, viewer: ViewerId): GameView {
  const { rng: _rng, scripted: _scripted, deck: _deck, tabled: _tabled, votes: _votes, injects: _injects, ...rest } = g;
  if (viewer === 'facilitator') return { ...rest, viewer };
  const only: RoleId[] = [viewer];
  /** A private audience the viewer belongs to, as the viewer may know it: itself. */
  const narrowed = <T extends { seenBy: Audience }>(x: T): T => (x.seenBy === 'all' || (x.seenBy.length === 1 && x.seenBy[0] === viewer) ? x : { ...x, seenBy: only });
  const powers: GameState['powers'] = {};
  for (const [id, p] of Object.entries(g.powers) as [keyof GameState['powers'], NonNullable<GameState['powers'][keyof GameState['powers']]>][])
    powers[id] = id === viewer || p.intrusions.length === 0 ? p : { ...p, intrusions: [] };
  return {
    ...rest,
    viewer,
    powers,
    offers: g.offers.filter((o) => sees(viewer, o.seenBy)).map((o) => (o.seenBy.length === 1 ? o : { ...o, seenBy: [...only] })),
    agreements: g.agreements.map((a) =>
      a.clauses.every((c) => c.seenBy === 'all') ? a : { ...a, clauses: a.clauses.filter((c) => sees(viewer, c.seenBy)).map(narrowed) },
    ),
    orders: g.orders.filter((o) => o.role === viewer),
    ledger: g.ledger.filter((e) => sees(viewer, e.seenBy)).map(narrowed),
    log: g.log.filter((e) => sees(viewer, e.seenBy)).map(narrowed),
  };
}
