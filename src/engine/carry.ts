import type { GameState } from './types';
import { idKeyOf } from './ids';
import { updateSeenScores } from './known';
import { RULES_VERSION } from './game';

/**
 * A state saved under older rules, made ready to carry on under these (docs/records.md): parts
 * the older rules did not keep are filled in. An id key is drawn from the seed, apart from the
 * game's own, and each viewer's picture of the scores is worked out now, measured from the
 * baseline the older game kept (it had no other).
 */
export function carryOn(old: GameState, seed: string): GameState {
  const g: GameState = { ...old, rules: RULES_VERSION };
  if (typeof g.idKey !== 'string' || !g.idKey) g.idKey = idKeyOf(`${seed}|carried on from rules ${old.rules}`);
  if (typeof g.seen !== 'object' || g.seen === null) {
    g.seen = {};
    updateSeenScores(g);
  }
  return g;
}
