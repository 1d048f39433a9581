import type { Action, ForumMeeting } from '../../engine';
import * as E from './engine-api';
import type { BotContext } from './context';
import { scoreValue, whatIfCopy } from './model';
import { clip, nameOf } from './explain';

const noop = (): void => {};

/**
 * An island's answers to the Forum initiatives before it this round. Each answer is weighed with
 * the engine's own rule: the meeting is decided on a copy of the bot's model, once with this
 * island endorsing and once rejecting (the others' answers as they stand), and the answer that
 * leaves the island's score higher is given; on a tie the island endorses, as the Forum seeks consensus.
 */
export function forumVotes(c: BotContext): Action[] {
  const { v, role } = c;
  if (!v.islands[role]) return [];
  const open = (v.forums ?? []).filter((m) => m.round === v.round && m.status === 'open' && !m.endorsed.includes(role) && !m.rejected.includes(role));
  return open.map((m) => {
    const endorse = scoreIf(c, m, 'endorse');
    const oppose = scoreIf(c, m, 'oppose');
    const type = endorse >= oppose ? 'endorse' : 'oppose';
    const what = E.initiativeText(v, m);
    const why =
      endorse === oppose
        ? `${nameOf(v, role)} endorses ${what}: it costs us nothing, and the islands speak louder together.`
        : `${nameOf(v, role)} ${type === 'endorse' ? 'endorses' : 'rejects'} ${what}: it serves our objectives better (${Math.abs(endorse - oppose).toFixed(1)} points).`;
    return { type, role, initiative: m.id, why: clip(why) };
  });
}

function scoreIf(c: BotContext, m: ForumMeeting, vote: 'endorse' | 'oppose'): number {
  const g = whatIfCopy(c.model.base);
  g.forums = (g.forums ?? []).map((x) =>
    x.id !== m.id ? x : vote === 'endorse' ? { ...x, endorsed: [...x.endorsed, c.role] } : { ...x, rejected: [...x.rejected, c.role] },
  );
  E.closeForums(g, noop);
  return scoreValue(g, c.role);
}
