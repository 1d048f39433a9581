import type { GameState, Offer, PowerId } from './types';
import { funderOf, islandsOfDeal } from './deals';
import { applyEvent } from './events';
import { LEAK_EFFECTS } from './security';
import { CLAUSE_NAMES, clampAlignment, clampMetric, isDraftLeak, own, pactName, possessive } from './util';
import type { Say } from './log';
import { packageText } from './packages';

/** A draft everyone has read has no secrets left: its clauses are public once signed. */
export const draftLeaked = (g: Pick<GameState, 'seats'>, offer: Offer): boolean => g.seats.every((s) => offer.seenBy.includes(s));

/**
 * The scenario's leaks for this round that name an island or a power, run once the round's
 * tabled offers are on the table: each reveals the open drafts the island is party to (the
 * Honiara draft of March 2022) or the power funds (Beijing's regional package of May 2022, sent
 * to ten governments and published by the press before its foreign ministers' meeting), every
 * clause, to everyone. With no draft open, it falls back to a leak of the island's own secrets.
 */
export function leakScriptedDrafts(g: GameState, say: Say): void {
  for (const s of g.scripted.filter((e) => e.round === g.round && isDraftLeak(e))) {
    if (s.island === undefined) {
      leakPowerDrafts(g, say, s);
      continue;
    }
    const id = s.island;
    const island = own(g.islands, id);
    if (!island) continue;
    const drafts = openDrafts(g).filter((o) => islandsOfDeal(g, o.deal).includes(id) && (!s.power || funderOf(o.deal) === s.power));
    if (!drafts.length) {
      applyEvent(g, say, 'leak', s, true);
      continue;
    }
    // The most sensitive draft first: a security pact, then the rest.
    drafts.sort((a, b) => Number(b.deal.kind === 'pact') - Number(a.deal.kind === 'pact'));
    const title = s.title ?? `A draft agreement with ${island.name} leaks`;
    const hit = new Set<PowerId>();
    for (const o of drafts) {
      publish(g, say, title, o);
      const funder = funderOf(o.deal);
      if (!hit.has(funder)) {
        hit.add(funder);
        const power = own(g.powers, funder);
        island.alignment[funder] = clampAlignment(island.alignment[funder] + LEAK_EFFECTS.alignment);
        if (power) power.reputation = clampMetric(power.reputation + LEAK_EFFECTS.reputation);
      }
    }
    island.legitimacy = clampMetric(island.legitimacy + LEAK_EFFECTS.legitimacy);
    g.events.push({ id: `e${++g.counters.event}`, round: g.round, kind: 'leak', title, island: id, cable: null, power: [...hit][0] ?? null, scripted: true });
  }
}

/**
 * A leak of what a power has on the table this round: its drafts go public with every clause, and
 * the power loses a leak's reputation. No government is named, so none loses standing or goodwill:
 * the drafts were the power's to keep.
 */
function leakPowerDrafts(g: GameState, say: Say, s: GameState['scripted'][number]): void {
  const power = own(g.powers, s.power ?? '');
  if (!power) return;
  const drafts = openDrafts(g).filter((o) => funderOf(o.deal) === power.id);
  const title = s.title ?? `Drafts of ${possessive(power.name)} offers leak`;
  if (!drafts.length) {
    applyEvent(g, say, 'leak', s, true);
    return;
  }
  for (const o of drafts) publish(g, say, title, o);
  power.reputation = clampMetric(power.reputation + LEAK_EFFECTS.reputation);
  g.events.push({ id: `e${++g.counters.event}`, round: g.round, kind: 'leak', title, island: null, cable: null, power: power.id, scripted: true });
}

/** The round's drafts still on the table: open, or accepted by some and waiting for the rest. */
const openDrafts = (g: GameState): Offer[] => g.offers.filter((o) => o.round === g.round && (o.status === 'open' || o.status === 'accepted'));

/** A draft made public: every seat reads it, with the news about it, and the news says what it holds. */
function publish(g: GameState, say: Say, title: string, o: Offer): void {
  o.seenBy = [...g.seats].sort();
  g.log = g.log.map((entry) => (entry.about.includes(o.id) ? { ...entry, seenBy: 'all' } : entry));
  say(`${title}: the draft is public — ${draftText(g, o)}.`, 'all', [o.id]);
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
