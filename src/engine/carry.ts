import type { GameState } from './types';
import { idKeyOf } from './ids';
import { updateSeenScores } from './known';
import { RULES_VERSION } from './game';

/**
 * A state saved under older rules, made ready to carry on under these (docs/records.md): parts
 * the older rules did not keep are filled in. An id key is drawn from the seed, apart from the
 * game's own, vendors of rules 9 (all cable makers then) are given their kind, and each viewer's picture of the scores is worked out now, measured from the
 * baseline the older game kept (it had no other).
 */
export function carryOn(old: GameState, seed: string): GameState {
  const g: GameState = { ...old, rules: RULES_VERSION };
  if (typeof g.idKey !== 'string' || !g.idKey) g.idKey = idKeyOf(`${seed}|carried on from rules ${old.rules}`);
  // An island's usual democracy (what it drifts back to) came with rules 10: until then, where it stood.
  if (Object.values(g.islands).some((i) => typeof i.norm.democracy !== 'number'))
    g.islands = Object.fromEntries(Object.entries(g.islands).map(([id, i]) => [id, typeof i.norm.democracy === 'number' ? i : { ...i, norm: { ...i.norm, democracy: i.democracy } }]));
  // Vendors before they had kinds (rules 9) were all cable makers.
  if (Object.values(g.vendors).some((v) => !v.kind)) g.vendors = Object.fromEntries(Object.entries(g.vendors).map(([id, v]) => [id, v.kind ? v : { ...v, kind: 'cable' as const }]));
  if (typeof g.seen !== 'object' || g.seen === null) {
    g.seen = {};
    updateSeenScores(g);
  }
  return g;
}
