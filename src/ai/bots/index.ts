import type { Action, Deal, GameView } from '../../engine';
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
    if (inner) return notAgain(v, searchTurn(v, role, ctx.seed, ctx.pass, { deck, rollouts: opts.rollouts ?? HARD_ROLLOUTS, inner }));
    return notAgain(v, playTurn(new BotContext(v, role, opts.level, ctx.seed, ctx.pass, deck)).actions);
  };
}

/** What a deal settles for as long as it stands: a cable's route, a pact's partners and type, a diplomatic act. */
function standing(deal: Deal): string | null {
  if (deal.kind === 'cable') return `cable|${[...deal.route].sort().join(',')}`;
  if (deal.kind === 'pact') return `pact|${deal.island}|${deal.power}|${deal.pact}`;
  if (deal.kind === 'diplomatic') return `diplomatic|${deal.island}|${deal.power}|${deal.act}`;
  return null;
}

/** A bot never offers again what an agreement in force already settles (the same cable, pact or act). */
export function notAgain(v: GameView, actions: Action[]): Action[] {
  const settled = new Set(v.agreements.filter((a) => a.status === 'active').map((a) => standing(a.deal)));
  // Aid and telecom projects settle nothing: another grant or network can always follow.
  return actions.filter((a) => {
    if (a.type !== 'offer' || a.amends !== undefined) return true;
    const s = standing(a.deal);
    return s === null || !settled.has(s);
  });
}

export const easyBot: Policy = makeBot('easy');
export const normalBot: Policy = makeBot('normal');
