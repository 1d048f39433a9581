import type { GameState, Offer, PactDeal, PowerId } from './types';
import { funderOf, islandsOfDeal } from './deals';
import { applyEvent } from './events';
import { LEAK_EFFECTS } from './security';
import { CLAUSE_NAMES, clampAlignment, clampMetric, own, possessive } from './util';
import type { Say } from './log';
import { packageText } from './packages';


/** A draft everyone has read has no secrets left: its clauses are public once signed. */
export const draftLeaked = (g: Pick<GameState, 'seats'>, offer: Offer): boolean => g.seats.every((s) => offer.seenBy.includes(s));

/** Washington's naval pacts are its shiprider and coast-guard agreements. */
export const pactName = (deal: PactDeal): string => (deal.power === 'washington' && deal.pact === 'naval' ? 'a shiprider and coast-guard agreement' : `a ${deal.pact} pact`);

/** Scripted leaks that name an island wait for the negotiation, when the round's drafts are on the table. */
export const isDraftLeak = (e: { kind: string; island?: string | undefined }): boolean => e.kind === 'leak' && e.island !== undefined;

/**
 * The scenario's leaks for this round that name an island, run once the round's tabled offers
 * are on the table: each reveals the island's open drafts, every clause, to everyone (the
 * Honiara draft of March 2022). With no draft open, it falls back to the island's own secrets.
 */
export function leakScriptedDrafts(g: GameState, say: Say): void {
  for (const s of g.scripted.filter((e) => e.round === g.round && isDraftLeak(e))) {
    const id = s.island ?? '';
    const island = own(g.islands, id);
    if (!island) continue;
    const drafts = g.offers.filter((o) => o.round === g.round && (o.status === 'open' || o.status === 'accepted') && islandsOfDeal(g, o.deal).includes(id));
    if (!drafts.length) {
      applyEvent(g, say, 'leak', s, true);
      continue;
    }
    // The most sensitive draft first: a security pact, then the rest.
    drafts.sort((a, b) => Number(b.deal.kind === 'pact') - Number(a.deal.kind === 'pact'));
    const title = s.title ?? `A draft agreement with ${island.name} leaks`;
    const hit = new Set<PowerId>();
    for (const o of drafts) {
      o.seenBy = [...g.seats].sort();
      g.log = g.log.map((entry) => (entry.about.includes(o.id) ? { ...entry, seenBy: 'all' } : entry));
      const funder = funderOf(o.deal);
      if (!hit.has(funder)) {
        hit.add(funder);
        const power = own(g.powers, funder);
        island.alignment[funder] = clampAlignment(island.alignment[funder] + LEAK_EFFECTS.alignment);
        if (power) power.reputation = clampMetric(power.reputation + LEAK_EFFECTS.reputation);
      }
      say(`${title}: the draft is public — ${draftText(g, o)}.`, 'all', [o.id]);
    }
    island.legitimacy = clampMetric(island.legitimacy + LEAK_EFFECTS.legitimacy);
    g.events.push({ id: `e${++g.counters.event}`, round: g.round, kind: 'leak', title, island: id, cable: null, power: [...hit][0] ?? null, scripted: true });
  }
}

function draftText(g: GameState, o: Offer): string {
  const d = o.deal;
  const power = own(g.powers, funderOf(d))?.name ?? funderOf(d);
  if (d.kind === 'pact')
    return `${pactName(d)} with ${power}${d.clauses.length ? `, with ${d.clauses.map((c) => `the ${CLAUSE_NAMES[c.kind]} clause${c.secret ? ' (meant to be secret)' : ''}`).join(', ')}` : ''}`;
  if (d.kind === 'cable') return `a cable by ${own(g.vendors, d.vendor)?.name ?? d.vendor} financed by ${power}`;
  if (d.kind === 'diplomatic') return d.act === 'switchRecognition' ? `a switch of recognition to ${power}` : `joining ${possessive(power)} programme`;
  if (d.kind === 'package') return packageText(g, d);
  return `${d.kind === 'aid' ? 'aid' : d.project} from ${power}, US$ ${d.amount} thousand`;
}
