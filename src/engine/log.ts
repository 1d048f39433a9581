import type { Audience, GameState } from './types';

/** A function that writes to the game's log for the current round and phase. */
export type Say = (text: string, seenBy?: Audience, about?: string[]) => void;

export function sayer(g: GameState): Say {
  return (text, seenBy = 'all', about = []) => {
    g.log.push({ round: g.round, phase: g.phase, text, seenBy: seenBy === 'all' ? 'all' : [...seenBy].sort(), about });
  };
}
