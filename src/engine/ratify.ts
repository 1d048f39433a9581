import type { Deal, GameState, IslandId, Offer, PowerId, Ratification } from './types';
import { POWERS } from './types';
import { conflictOf, funderOf, islandsOfDeal, sign } from './deals';
import { roll } from './rng';
import { clamp, clampAlignment, clampMetric, own, pactName, possessive } from './util';
import type { Say } from './log';

/**
 * Ratification. Some deals take effect only once the islands' parliaments have voted for them:
 * the ones a scenario marks (`ratify:` on a tabled offer) and the kinds an island's parliament
 * ratifies (`parliament: { ratifies: [pact] }`). Signed at a round's resolution, such a deal waits,
 * with no effect at all, for a vote in the next round's domestic phase. The vote passes with a
 * chance set by the government's legitimacy, its islanders' feeling for the partner and the
 * opposition's leaning; a scenario may script it as history had it. A refused deal lapses, and the
 * government's standing with its partner suffers (Vanuatu: the security agreement Prime Minister
 * Kalsakau signed with Australia in December 2022 was listed in the no-confidence motion against
 * him, and his successor said in September 2023 that parliament would not ratify it; it never
 * came into force).
 */

/** Percentage points the opposition's leaning moves the chance of a vote: for the partner, or for a rival of it. */
export const OPPOSITION_PULL = { partner: 15, rival: -20 } as const;
/** A vote's chance never falls below or rises above these, in percent. */
export const VOTE_BOUNDS = { min: 10, max: 90 } as const;
/** What a refused deal costs the government's standing with the partner: its islanders' alignment, and the partner's influence. */
export const REFUSAL_COST = { alignment: -8, influence: -6 } as const;

type Islands = Pick<GameState, 'islands'>;

/** The islands whose parliaments must vote on an offer before its deal takes effect (none: it takes effect when signed). */
export function ratifiersOf(g: Islands & Pick<GameState, 'landings'>, offer: Pick<Offer, 'deal' | 'ratify'>): IslandId[] {
  const islands = islandsOfDeal(g, offer.deal);
  if (offer.ratify) return islands;
  return islands.filter((i) => own(g.islands, i)?.parliament?.ratifies.includes(offer.deal.kind));
}

/** The power the opposition leans to: the scenario's word, else the power the islanders favour most after the government's, if they favour it at all. */
export function oppositionOf(g: Pick<GameState, 'islands' | 'powers'>, island: IslandId): PowerId | null {
  const isl = own(g.islands, island);
  if (!isl) return null;
  if (isl.parliament) return isl.parliament.opposition;
  const others = POWERS.filter((p) => own(g.powers, p) && p !== isl.leaning).sort((a, b) => isl.alignment[b] - isl.alignment[a]);
  const best = others[0];
  return best !== undefined && isl.alignment[best] > 0 ? best : null;
}

/** The chance, in percent, that an island's parliament ratifies a deal with this partner. */
export function voteChance(g: Pick<GameState, 'islands' | 'powers'>, island: IslandId, partner: PowerId): number {
  const isl = own(g.islands, island);
  if (!isl) return 0;
  const opposition = oppositionOf(g, island);
  const pull = opposition === null ? 0 : opposition === partner ? OPPOSITION_PULL.partner : OPPOSITION_PULL.rival;
  return clamp(isl.legitimacy + pull + Math.trunc(isl.alignment[partner] / 5), VOTE_BOUNDS.min, VOTE_BOUNDS.max);
}

const publicDeal = (deal: Deal): Deal => (deal.kind === 'pact' ? { ...deal, clauses: deal.clauses.filter((c) => !c.secret) } : deal);

const dealWords = (g: GameState, deal: Deal): string =>
  deal.kind === 'pact' ? pactName(deal) : deal.kind === 'cable' ? 'a cable contract' : deal.kind === 'aid' ? 'an aid agreement' : deal.kind === 'telecom' ? 'a telecom contract' : deal.kind === 'package' ? 'a package' : deal.act === 'switchRecognition' ? 'the switch of recognition' : `joining ${possessive(own(g.powers, deal.power)?.name ?? deal.power)} programme`;

const names = (g: GameState, islands: IslandId[]): string => islands.map((i) => own(g.islands, i)?.name ?? i).join(' and ');

/**
 * Resolution meets an accepted offer that needs ratification: it is signed, but nothing of it
 * takes effect (no money, no clause, no metric) until the vote. Returns false when the offer
 * needs no vote and should be signed at once.
 */
export function signPending(g: GameState, offer: Offer, say: Say): boolean {
  const islands = ratifiersOf(g, offer);
  if (islands.length === 0) return false;
  const partner = funderOf(offer.deal);
  const list = (g.ratifications = [...(g.ratifications ?? [])]);
  const r: Ratification = { id: `p${list.length + 1}`, offer: offer.id, round: g.round, islands, partner, deal: publicDeal(offer.deal), status: 'pending', result: [] };
  list.push(r);
  const who = own(g.powers, partner)?.name ?? partner;
  say(
    `Signed, subject to ratification: ${names(g, islands)} and ${who} sign ${dealWords(g, offer.deal)}. It takes effect only if ${islands.length > 1 ? 'their parliaments' : `${possessive(names(g, islands))} parliament`} ratif${islands.length > 1 ? 'y' : 'ies'} it next round.`,
    'all',
    [offer.id],
  );
  return true;
}

/** The domestic phase: each parliament votes on the deals signed in an earlier round. */
export function runRatifications(g: GameState, say: Say): void {
  if (!g.ratifications?.some((r) => r.status === 'pending' && r.round < g.round)) return;
  g.ratifications = g.ratifications.map((r) => (r.status === 'pending' && r.round < g.round ? vote(g, { ...r, result: [...r.result] }, say) : r));
}

function vote(g: GameState, r: Ratification, say: Say): Ratification {
  const scripted = g.votes?.[r.offer];
  const who = own(g.powers, r.partner)?.name ?? r.partner;
  for (const island of r.islands) {
    const isl = own(g.islands, island);
    if (!isl) continue;
    const chance = scripted ? null : voteChance(g, island, r.partner);
    const passed = scripted ? scripted === 'pass' : roll(g) * 100 < (chance ?? 0);
    r.result.push({ island, passed, chance });
    if (passed) continue;
    r.status = 'refused';
    isl.alignment[r.partner] = clampAlignment(isl.alignment[r.partner] + REFUSAL_COST.alignment);
    const power = own(g.powers, r.partner);
    if (power) power.influence[island] = clampMetric((power.influence[island] ?? 0) + REFUSAL_COST.influence);
    say(
      `${possessive(isl.name)} parliament refuses to ratify ${dealWords(g, r.deal)} with ${who}${chance === null ? '' : ` (it had a ${chance}% chance)`}: the deal lapses, and the government's standing with ${who} suffers.`,
      'all',
      [r.offer],
    );
    return r;
  }
  const offer = g.offers.find((o) => o.id === r.offer);
  // A bot's model may not hold the offer: the public deal stands in for it.
  const signed: Offer = offer ?? { id: r.offer, round: r.round, from: r.partner, to: r.islands, deal: r.deal, status: 'signed', acceptedBy: [], acceptedSeq: null, counterDepth: 0, replaces: null, amends: null, reason: null, seenBy: [...g.seats] };
  const conflict = conflictOf(g, signed);
  const votes = r.result.map((x) => `${own(g.islands, x.island)?.name}${x.chance === null ? '' : ` (${x.chance}% chance)`}`).join(', ');
  if (conflict) {
    r.status = 'lapsed';
    say(`${names(g, r.islands)} ratif${r.islands.length > 1 ? 'y' : 'ies'} ${dealWords(g, r.deal)} with ${who}, but it lapses: ${conflict}`, 'all', [r.offer]);
    return r;
  }
  r.status = 'ratified';
  say(`Ratified by the parliament of ${votes}: ${dealWords(g, r.deal)} with ${who} takes effect.`, 'all', [r.offer]);
  sign(g, signed, say);
  return r;
}
