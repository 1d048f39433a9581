import type { GameState, IslandId, Offer, PowerId } from './types';
import { POWERS } from './types';
import { addAudience, canSee, CLAUSE_NAMES, own } from './util';
import type { Say } from './log';

/**
 * Where a power can see into an island's affairs: its vendors' footprint (a cable with a
 * data-access clause, a landing station its vendor operates, untrusted telecom kit from its
 * vendors), a cyber pact whose incident-access clause gives it the island's incident reports,
 * a creditor's hold on a seized cable, and a cyber intrusion that has not been found out.
 */
export function watchedIslands(g: GameState, p: PowerId): IslandId[] {
  const out = new Set<IslandId>();
  for (const c of g.cables) {
    if (c.status !== 'active') continue;
    const patron = own(g.vendors, c.vendor)?.origin === p;
    if (!((patron && (c.dataAccess || c.operator === 'vendor')) || c.owner === p)) continue;
    for (const l of c.route) {
      const island = own(g.landings, l)?.island;
      if (island) out.add(island);
    }
  }
  for (const [id, island] of Object.entries(g.islands))
    if (island.assets.some((a) => a.kind !== 'port' && a.kind !== 'carrier' && a.vendor && !own(g.vendors, a.vendor)?.trusted && own(g.vendors, a.vendor)?.origin === p)) out.add(id);
  for (const a of g.agreements) {
    if (a.status === 'active' && a.deal.kind === 'pact' && a.deal.power === p && a.clauses.some((c) => c.kind === 'incidentAccess')) out.add(a.deal.island);
  }
  for (const x of own(g.powers, p)?.intrusions ?? []) if (x.until >= g.round) out.add(x.island);
  return [...out].sort();
}

/** Powers watching any island party to an offer see it as well. */
export function exposeOffer(g: GameState, offer: Offer): void {
  const islands = [offer.from, ...offer.to].filter((r) => own(g.islands, r));
  for (const p of POWERS) {
    if (!own(g.powers, p) || offer.seenBy.includes(p)) continue;
    const watched = watchedIslands(g, p);
    if (islands.some((i) => watched.includes(i))) offer.seenBy = addAudience(offer.seenBy, [p]) as string[];
  }
}

/** The briefing's intelligence report: each watching power learns the secret clauses of the islands it watches. */
export function briefIntel(g: GameState, say: Say): void {
  for (const p of POWERS) {
    if (!own(g.powers, p)) continue;
    const watched = watchedIslands(g, p);
    if (watched.length === 0) continue;
    const learned: string[] = [];
    for (const a of g.agreements) {
      if (a.status !== 'active' || !a.parties.some((r) => watched.includes(r))) continue;
      for (const c of a.clauses) {
        if (canSee(c.seenBy, p)) continue;
        c.seenBy = addAudience(c.seenBy, [p]);
        learned.push(c.id);
        say(`Intelligence: agreement ${a.id} has a secret ${CLAUSE_NAMES[c.kind]} clause.`, [p], [c.id]);
      }
    }
    if (learned.length === 0) say(`Intelligence: nothing new from ${watched.map((i) => own(g.islands, i)?.name).join(', ')}.`, [p]);
  }
}
