import type { Deal, GameState, Offer, RoleId } from './types';
import type { GameView } from './view';
import { cloneState } from './state';
import { conflictOf, dealRefusal, partiesOf, sign } from './deals';
import { parseDeal } from './parse';
import { refreshNetworks } from './cables';
import { seedState } from './rng';
import { scoreOf } from './scoring';
import { completeNetworks } from './telecom';

export interface DealPreview {
  /** The role's score now, and as it would be once the deal is signed (a cable as if built). */
  before: number;
  after: number;
  /** Why the deal would be void if signed now, or null. */
  conflict: string | null;
}

/**
 * What signing a deal would do to a role's score, worked out by the engine's own rules on the
 * role's view (what it cannot see plays no part). A cable is counted as built, since that is what
 * it is signed for. The interface shows it beside an offer; the computer players weigh offers by it.
 */
export function previewDeal(v: GameView, role: RoleId, deal: Deal, from: RoleId): DealPreview {
  const { viewer: _viewer, ...rest } = v;
  const g: GameState = { ...cloneState(rest as GameState), rng: seedState('preview'), scripted: [], tabled: [], deck: { chancePerRound: 0, weights: {} }, seen: {}, idKey: 'preview' };
  const before = scoreOf(g, role).total;
  // A half-filled form or a hostile deal: say what is wrong rather than read through it.
  const parsed = parseDeal(deal);
  if (!parsed.ok) return { before, after: before, conflict: parsed.refusal.message };
  const unknown = dealRefusal(g, deal);
  if (unknown?.code === 'unknownTarget') return { before, after: before, conflict: unknown.message };
  const parties = partiesOf(g, deal);
  const offer: Offer = {
    id: 'preview',
    round: g.round,
    from,
    to: parties.filter((p) => p !== from),
    deal,
    status: 'accepted',
    acceptedBy: parties,
    acceptedSeq: null,
    counterDepth: 0,
    replaces: null,
    amends: null,
    reason: null,
    seenBy: parties,
  };
  const conflict = conflictOf(g, offer);
  if (conflict) return { before, after: before, conflict };
  const first = g.agreements.length;
  sign(g, offer, () => undefined);
  // A package makes one agreement per part and island: each counts as built.
  const made = new Set(g.agreements.slice(first).map((a) => a.id));
  for (const c of g.cables) if (c.agreement !== null && made.has(c.agreement)) c.status = 'active';
  // Likewise a network: counted as switched on.
  for (const island of Object.values(g.islands)) for (const a of island.assets) if (a.agreement !== null && made.has(a.agreement) && a.readyRound !== undefined) a.readyRound = g.round;
  completeNetworks(g, () => undefined);
  refreshNetworks(g);
  return { before, after: scoreOf(g, role).total, conflict: null };
}
