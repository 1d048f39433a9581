import type { Action, ForumMeeting, GameState, InitiativeKind, IslandId, PowerId, Refusal, RoleId } from './types';
import { bump } from './influence';
import { clampAlignment, clampMetric, ordinal, own, possessive } from './util';
import type { Say } from './log';

/**
 * The Pacific Islands Forum. A meeting, scripted by a scenario or called by an island (the
 * `callForum` order, for the next round), puts one regional initiative to every island seat in
 * the negotiation phase; each endorses or rejects it, as it would an offer, and an island that
 * does not answer abstains. When the negotiation closes the initiative is adopted if at least half
 * the island seats endorse it and more endorse than reject it (the Forum seeks consensus; the game
 * counts heads). The outcome moves the powers' reputation and the islands' alignment:
 * - policing: a regional policing initiative a power backs (the Pacific Policing Initiative,
 *   endorsed at the Forum Leaders Meeting in Nuku'alofa, August 2024, with A$400m from Australia
 *   over five years; Solomon Islands and Vanuatu voiced concern at "geostrategic denial");
 * - conduct: a statement on a power's conduct (in May 2022 Pacific governments declined Beijing's
 *   Common Development Vision and said regional matters belong to the Forum);
 * - sovereignty: the islands' common word on sovereignty over their networks and seas (the 2018
 *   Boe Declaration's "expanded concept of security"); each such meeting brings less than the last.
 */

export const INITIATIVE_NAMES: Record<InitiativeKind, string> = {
  policing: 'a regional policing initiative',
  conduct: 'a statement on a power’s conduct',
  sovereignty: 'a common word on sovereignty over the islands’ networks and seas',
};

/** What an outcome does, in points. */
export const FORUM_EFFECTS = {
  /** An adopted policing initiative: its backer's reputation, alignment and influence with each island that endorsed it, and for those islands police capacity (legitimacy up, unrest down). */
  policing: { reputation: 4, alignment: 3, influence: 4, rejectedBy: -2, failed: -3, legitimacy: 2, unrest: -3 },
  /** An adopted statement on a power's conduct: its reputation, and alignment and sovereignty (a stand taken together) for each island that endorsed it. */
  conduct: { reputation: -6, alignment: -4, failedEndorser: -2, sovereignty: 1 },
  /** The calling island's legitimacy when its initiative is adopted (divided by the meetings held so far) or fails. */
  caller: { adopted: 3, failed: -1 },
  /** Every island's sovereignty when the common word is adopted (divided by the meetings held so far). */
  sovereignty: 2,
} as const;

export interface Convening {
  round: number;
  title?: string | undefined;
  initiative: InitiativeKind;
  power: PowerId | null;
  calledBy: IslandId | null;
}


/** What the meeting is asked to endorse, in words. */
export function initiativeText(g: Pick<GameState, 'powers'>, m: Pick<ForumMeeting, 'initiative' | 'power'>): string {
  const who = m.power ? (own(g.powers, m.power)?.name ?? m.power) : '';
  if (m.initiative === 'policing') return `a regional policing initiative${who ? ` backed by ${who}` : ''}`;
  if (m.initiative === 'conduct') return `a statement on ${who ? possessive(who) : 'a power’s'} conduct in the region`;
  return INITIATIVE_NAMES.sovereignty;
}

/** A meeting of the Forum: it sits in `round`'s negotiation. Returns it. */
export function convene(g: GameState, c: Convening, say: Say): ForumMeeting {
  const list = (g.forums = [...(g.forums ?? [])]);
  const held = ++g.counters.forum;
  const caller = c.calledBy ? own(g.islands, c.calledBy) : undefined;
  const title = c.title ?? `${caller ? `${caller.name} calls` : 'The islands hold'} the ${ordinal(held)} Pacific Islands Forum meeting of this game`;
  const m: ForumMeeting = { id: `f${list.length + 1}`, round: c.round, title, initiative: c.initiative, power: c.power, calledBy: c.calledBy, endorsed: c.calledBy ? [c.calledBy] : [], rejected: [], status: 'open' };
  list.push(m);
  say(`${title}: ${c.round === g.round ? 'it puts' : `in round ${c.round} it will put`} ${initiativeText(g, m)} to the islands.`, 'all', [m.id]);
  return m;
}

/** Why a seat may not answer a Forum initiative now, or null. */
export function forumRefusal(g: GameState, role: RoleId, id: unknown): Refusal | null {
  const m = g.forums?.find((x) => x.id === id);
  if (!m || m.round !== g.round) return { code: 'unknownTarget', field: 'initiative', message: `There is no Forum initiative "${String(id)}" before the islands this round.` };
  if (!own(g.islands, role)) return { code: 'notParty', field: 'initiative', message: 'Only the island governments sit in the Forum.' };
  if (m.status !== 'open') return { code: 'offerClosed', field: 'initiative', message: `That initiative was ${m.status}.` };
  if (m.endorsed.includes(role) || m.rejected.includes(role)) return { code: 'offerClosed', field: 'initiative', message: 'You have already answered that initiative.' };
  return null;
}

/** An island's answer, recorded; the meeting decides when the negotiation closes. */
export function answerForum(g: GameState, action: Extract<Action, { type: 'endorse' | 'oppose' }>): void {
  g.forums = (g.forums ?? []).map((m) =>
    m.id !== action.initiative
      ? m
      : action.type === 'endorse'
        ? { ...m, endorsed: [...m.endorsed, action.role] }
        : { ...m, rejected: [...m.rejected, action.role] },
  );
}

/** Is the initiative carried, as the votes stand? */
export function carried(g: Pick<GameState, 'islands'>, m: Pick<ForumMeeting, 'endorsed' | 'rejected'>): boolean {
  const seats = Object.keys(g.islands).length;
  return m.endorsed.length * 2 >= seats && m.endorsed.length > m.rejected.length;
}

/** The negotiation closes: each meeting of this round decides, and its outcome takes effect. */
export function closeForums(g: GameState, say: Say): void {
  if (!g.forums?.some((m) => m.round === g.round && m.status === 'open')) return;
  g.forums = g.forums.map((m) => (m.round === g.round && m.status === 'open' ? decide(g, { ...m }, say) : m));
}

function decide(g: GameState, m: ForumMeeting, say: Say): ForumMeeting {
  const adopted = carried(g, m);
  m.status = adopted ? 'adopted' : 'failed';
  const held = Math.max(1, g.counters.forum);
  const power = m.power ? own(g.powers, m.power) : undefined;
  const count = `${m.endorsed.length} endorsed, ${m.rejected.length} rejected, ${Object.keys(g.islands).length - m.endorsed.length - m.rejected.length} did not answer`;
  const caller = m.calledBy ? own(g.islands, m.calledBy) : undefined;
  if (caller) caller.legitimacy = clampMetric(caller.legitimacy + (adopted ? Math.floor(FORUM_EFFECTS.caller.adopted / held) : FORUM_EFFECTS.caller.failed));
  let effect = '';
  if (m.initiative === 'policing' && power) {
    const e = FORUM_EFFECTS.policing;
    if (adopted) {
      power.reputation = clampMetric(power.reputation + e.reputation);
      for (const i of m.endorsed) {
        bump(g, i, power.id, e.alignment, e.influence);
        const isl = own(g.islands, i);
        if (isl) [isl.legitimacy, isl.unrest] = [clampMetric(isl.legitimacy + e.legitimacy), clampMetric(isl.unrest + e.unrest)];
      }
      for (const i of m.rejected) shift(g, i, power.id, e.rejectedBy);
      effect = `${power.name} gains standing (reputation +${e.reputation}) with the islands that endorsed it`;
    } else {
      power.reputation = clampMetric(power.reputation + e.failed);
      for (const i of m.rejected) shift(g, i, power.id, e.rejectedBy);
      effect = `${power.name} is rebuffed (reputation ${e.failed})`;
    }
  } else if (m.initiative === 'conduct' && power) {
    const e = FORUM_EFFECTS.conduct;
    if (adopted) {
      power.reputation = clampMetric(power.reputation + e.reputation);
      for (const i of m.endorsed) {
        shift(g, i, power.id, e.alignment);
        const isl = own(g.islands, i);
        if (isl) isl.sovereignty = clampMetric(isl.sovereignty + e.sovereignty);
      }
      effect = `${power.name} loses standing in the region (reputation ${e.reputation})`;
    } else {
      for (const i of m.endorsed) shift(g, i, power.id, e.failedEndorser);
      effect = `${power.name} is spared a regional rebuke`;
    }
  } else if (adopted) {
    const gain = Math.floor(FORUM_EFFECTS.sovereignty / held);
    for (const i of Object.values(g.islands)) i.sovereignty = clampMetric(i.sovereignty + gain);
    effect = gain ? `the islands speak together (sovereignty +${gain} for each)` : `the islands have said it all before (the ${ordinal(held)} meeting of this game), and little changes`;
  } else effect = 'the islands do not speak together';
  say(`${m.title}: ${initiativeText(g, m)} is ${adopted ? 'adopted' : 'not adopted'} (${count}); ${effect}.`, 'all', [m.id]);
  return m;
}

function shift(g: GameState, island: IslandId, power: PowerId, by: number): void {
  const isl = own(g.islands, island);
  if (isl) isl.alignment[power] = clampAlignment(isl.alignment[power] + by);
}
