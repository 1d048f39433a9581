import type { Action, ForumMeeting, GameState, Order } from '../../engine';
import { mainPart, moneyValue, partDeltas } from './appraise';
import * as E from './engine-api';
import type { BotContext } from './context';
import { scoreValue, whatIfCopy } from './model';
import { clip, goalText, nameOf } from './explain';
import { LEANING_PULL } from './negotiate';

const noop = (): void => {};

/**
 * An island's answers to the Forum initiatives before it this round. Each answer is weighed with
 * the engine's own rule: the meeting is decided on a copy of the bot's model, once with this
 * island endorsing and once rejecting — the islands that have not answered yet taken to follow it,
 * as the Forum seeks consensus — and the answer that leaves the island's score higher is given.
 * A government's leaning pulls it towards its partner's initiative and away from a rebuke of its
 * partner, as it lowers the bar for its partner's offers; on a tie the island endorses.
 */
export function forumVotes(c: BotContext): Action[] {
  const { v, role } = c;
  if (!v.islands[role]) return [];
  const open = (v.forums ?? []).filter((m) => m.round === v.round && m.status === 'open' && !m.endorsed.includes(role) && !m.rejected.includes(role));
  return open.map((m) => {
    const leaning = v.islands[role]?.leaning;
    const pull = m.power !== null && m.power === leaning ? (m.initiative === 'policing' ? LEANING_PULL : -LEANING_PULL) : 0;
    const yes = outcomeIf(c, m, 'endorse');
    const no = outcomeIf(c, m, 'oppose');
    const endorse = scoreValue(yes, role) + pull;
    const oppose = scoreValue(no, role);
    const type = endorse >= oppose ? 'endorse' : 'oppose';
    const what = E.initiativeText(v, m);
    // The objective the chosen answer serves most, against the other answer.
    const part = type === 'endorse' ? mainPart(partDeltas(no, yes, role)) : mainPart(partDeltas(yes, no, role));
    const why =
      endorse === oppose
        ? `${nameOf(v, role)} endorses ${what} for the islands to speak together: it costs nothing.`
        : `${nameOf(v, role)} ${type === 'endorse' ? 'endorses' : 'rejects'} ${what} ${part ? goalText(v, role, part) : `for ${m.power !== null && m.power === v.islands[role]?.leaning ? 'the partner it leans to' : 'the country'}`}.`;
    return { type, role, initiative: m.id, why: clip(why) };
  });
}

function outcomeIf(c: BotContext, m: ForumMeeting, vote: 'endorse' | 'oppose'): GameState {
  const g = whatIfCopy(c.model.base);
  const followers = Object.keys(g.islands).filter((i) => i !== c.role && !m.endorsed.includes(i) && !m.rejected.includes(i));
  const alike = [c.role, ...followers];
  g.forums = (g.forums ?? []).map((x) => (x.id !== m.id ? x : vote === 'endorse' ? { ...x, endorsed: [...x.endorsed, ...alike] } : { ...x, rejected: [...x.rejected, ...alike] }));
  E.closeForums(g, noop);
  return g;
}

/**
 * What calling a Forum meeting is worth to an island: the meeting it would call, decided at once
 * on the bot's model with every island endorsing (the consensus it calls for), against the model
 * without it, less the money. The meeting itself sits next round; the model has no later rounds'
 * answers to go on.
 */
export function forumCallValue(c: BotContext, order: Extract<Order, { kind: 'callForum' }>): { value: number; parts: Record<string, number> } {
  const { role, model: m } = c;
  const before = m.outcome().state;
  const initiative = order.initiative ?? 'sovereignty';
  const after = m.outcome([], [], (g) => {
    g.counters.forum++;
    const meeting: ForumMeeting = { id: 'whatif', round: g.round, title: '', initiative, power: initiative === 'sovereignty' ? null : (order.power ?? null), calledBy: role, endorsed: Object.keys(g.islands), rejected: [], status: 'open' };
    g.forums = [...(g.forums ?? []).filter((x) => x.round !== g.round || x.status !== 'open'), meeting];
    E.closeForums(g, noop);
  }).state;
  return { value: scoreValue(after, role) - scoreValue(before, role) - moneyValue(m, role) * order.amount, parts: partDeltas(before, after, role) };
}
