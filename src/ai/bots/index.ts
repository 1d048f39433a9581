import type { Action } from '../../engine';
import type { Policy } from '../simple';
import { BotContext, type BotOptions, type Level } from './context';
import { searchTurn } from './search';
import { playTurn } from './turn';

export { LEVELS, LEVEL_PARAMS, type BotOptions, type Level } from './context';

/** Rollouts per decision for the hard bot unless told otherwise. */
export const HARD_ROLLOUTS = 16;

/**
 * A computer player for any seat (island government, Beijing, Canberra, Washington) at a level:
 * easy, normal or hard. It decides from the view it is given and nothing else; the same view,
 * seed and pass always give the same actions. Every action carries its one-line reason.
 */
export function makeBot(options: BotOptions | Level): Policy {
  const opts: BotOptions = typeof options === 'string' ? { level: options } : options;
  const deck = opts.scenario?.deck;
  const inner = opts.level === 'hard' ? makeBot({ level: 'normal', scenario: opts.scenario }) : null;
  return (v, role, ctx): Action[] => {
    if ((v.phase !== 'negotiation' && v.phase !== 'decisions') || !v.seats.includes(role) || v.ended.includes(role)) return [];
    if (inner) return searchTurn(v, role, ctx.seed, ctx.pass, { deck, rollouts: opts.rollouts ?? HARD_ROLLOUTS, inner });
    return playTurn(new BotContext(v, role, opts.level, ctx.seed, ctx.pass, deck)).actions;
  };
}

export const easyBot: Policy = makeBot('easy');
export const normalBot: Policy = makeBot('normal');
