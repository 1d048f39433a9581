import { simplePolicy, type Policy } from './simple';
import { randomPolicy } from './random';
import { makeBot } from './bots';

export type { Policy, PolicyContext } from './simple';
export { makeBot, LEVELS, type Level, type BotOptions } from './bots';

/** The computer players by name, as the seat worker, the batch runs and the tournament choose them. */
export const POLICY_NAMES = ['simple', 'random', 'easy', 'normal', 'hard'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

const cache = new Map<string, Policy>();

/** A computer player by name: 'simple', 'random', 'easy', 'normal' or 'hard'; undefined for any other name. */
export function policyByName(name: string): Policy | undefined {
  if (!(POLICY_NAMES as readonly string[]).includes(name)) return undefined;
  let p = cache.get(name);
  if (!p) {
    p = name === 'simple' ? simplePolicy : name === 'random' ? randomPolicy : makeBot({ level: name as 'easy' | 'normal' | 'hard' });
    cache.set(name, p);
  }
  return p;
}
