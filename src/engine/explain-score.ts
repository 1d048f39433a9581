import type { GameState, RoleId, Score } from './types';
import { levelsOf, partOf } from './scoring';
import { own } from './util';

/**
 * Why each objective of a role's score moved between two pictures of the game (issue 11): the
 * engine's own formula, re-run with one change of the round undone at a time. Each change is
 * undone on top of the ones before it, so the parts telescope: the causes listed for an
 * objective add up exactly to its move. Worked out on what a viewer's view holds, so it names
 * only what the viewer may know; what the shown score counts beyond that (a secret clause, in
 * the final count) is one cause of its own, "an agreement you cannot see".
 */

/** What the explanation reads of a picture of the game: a state or any viewer's view of it. */
export type ExplainedPicture = Pick<GameState, 'islands' | 'powers' | 'agreements' | 'debts' | 'cables' | 'landings' | 'vendors' | 'scenario' | 'objectives' | 'baseline' | 'scores' | 'round' | 'phase'>;

export type MoveCause =
  /** An agreement that came into force (or ended) in the round. */
  | { kind: 'agreement'; id: string; round: number; ended: boolean; points: number }
  /** A figure of the islands or powers that changed (connectivity, influence, debts, cables...). */
  | { kind: 'figure'; figure: ExplainedFigure; points: number }
  /** What the shown score counts that the viewer's picture does not hold. */
  | { kind: 'unseen'; points: number }
  /** Whatever else changed. */
  | { kind: 'other'; points: number };

export interface ObjectiveMove {
  objective: string;
  /** The part shown at the start of the span and now, 0-100. */
  before: number;
  after: number;
  /** after - before; the causes' points add up to it. */
  move: number;
  causes: MoveCause[];
}

const ISLAND_FIGURES = ['connectivity', 'routes', 'economy', 'coverage', 'sovereignty', 'cyber', 'legitimacy', 'unrest', 'falls', 'alignment', 'blocs', 'assets', 'recognises', 'revenuePerRound'] as const;
const POWER_FIGURES = ['influence', 'reputation'] as const;
export type ExplainedFigure = (typeof ISLAND_FIGURES)[number] | (typeof POWER_FIGURES)[number] | 'debts' | 'cables';

type Unscored<C> = C extends unknown ? Omit<C, 'points'> : never;
type Step = { cause: Unscored<MoveCause>; undo: (p: ExplainedPicture) => ExplainedPicture };

/** The changes between two pictures, each with how to undo it on the later one. */
function stepsBetween(before: ExplainedPicture, after: ExplainedPicture): Step[] {
  const steps: Step[] = [];
  const was = new Map(before.agreements.map((a) => [a.id, a]));
  for (const a of after.agreements) {
    const prior = was.get(a.id);
    const nowActive = a.status === 'active';
    const wasActive = prior?.status === 'active';
    if (nowActive === wasActive) continue;
    steps.push({
      cause: { kind: 'agreement', id: a.id, round: a.round, ended: !nowActive },
      undo: (p) => ({ ...p, agreements: prior ? p.agreements.map((x) => (x.id === a.id ? prior : x)) : p.agreements.filter((x) => x.id !== a.id) }),
    });
  }
  for (const f of ISLAND_FIGURES) {
    const changed = Object.keys(after.islands).filter((i) => {
      const b = own(before.islands, i);
      return b && JSON.stringify(b[f]) !== JSON.stringify(own(after.islands, i)?.[f]);
    });
    if (!changed.length) continue;
    steps.push({
      cause: { kind: 'figure', figure: f },
      undo: (p) => {
        const islands = { ...p.islands };
        for (const i of changed) {
          const cur = own(islands, i);
          const b = own(before.islands, i);
          if (cur && b) islands[i] = { ...cur, [f]: b[f] };
        }
        return { ...p, islands };
      },
    });
  }
  for (const f of POWER_FIGURES) {
    const ids = Object.keys(after.powers) as (keyof GameState['powers'])[];
    const changed = ids.filter((x) => {
      const b = own(before.powers, x);
      return b && JSON.stringify(b[f]) !== JSON.stringify(own(after.powers, x)?.[f]);
    });
    if (!changed.length) continue;
    steps.push({
      cause: { kind: 'figure', figure: f },
      undo: (p) => {
        const powers = { ...p.powers };
        for (const x of changed) {
          const cur = own(powers, x);
          const b = own(before.powers, x);
          if (cur && b) powers[x] = { ...cur, [f]: b[f] };
        }
        return { ...p, powers };
      },
    });
  }
  if (JSON.stringify(before.debts) !== JSON.stringify(after.debts)) steps.push({ cause: { kind: 'figure', figure: 'debts' }, undo: (p) => ({ ...p, debts: before.debts }) });
  if (JSON.stringify(before.cables) !== JSON.stringify(after.cables)) steps.push({ cause: { kind: 'figure', figure: 'cables' }, undo: (p) => ({ ...p, cables: before.cables }) });
  return steps;
}

/** Whole points for shares that add up to `total`, each as near its exact share as can be (largest remainder). */
function apportion(exact: number[], total: number): number[] {
  const out = exact.map((x) => Math.round(x));
  let gap = total - out.reduce((s, x) => s + x, 0);
  while (gap !== 0) {
    const dir = Math.sign(gap);
    let best = -1;
    for (let i = 0; i < exact.length; i++) if (best < 0 || ((exact[i] ?? 0) - (out[i] ?? 0)) * dir > ((exact[best] ?? 0) - (out[best] ?? 0)) * dir) best = i;
    if (best < 0) break;
    out[best] = (out[best] ?? 0) + dir;
    gap -= dir;
  }
  return out;
}

const levels = (p: ExplainedPicture, role: RoleId) => levelsOf(p as GameState, role);

/**
 * The picture as the shown scores counted it. Scores are counted after the briefing and after the
 * domestic phase; what a round's negotiation signs (and the loans and cables it brings) counts at
 * its end, so until then it is left out here too.
 */
function asCounted(p: ExplainedPicture): ExplainedPicture {
  if (p.phase !== 'negotiation' && p.phase !== 'decisions' && p.phase !== 'resolution') return p;
  const fresh = new Set(p.agreements.filter((a) => a.round === p.round).map((a) => a.id));
  if (!fresh.size) return p;
  return {
    ...p,
    agreements: p.agreements.filter((a) => !fresh.has(a.id)),
    debts: p.debts.filter((d) => !d.agreement || !fresh.has(d.agreement)),
    cables: p.cables.filter((c) => !c.agreement || !fresh.has(c.agreement)),
  };
}

/**
 * Why each of a role's objectives moved from `before` to `after` (two pictures of the game seen by
 * the same viewer, usually the start of the previous round and now). With no `before`, every part
 * is explained against the start of the game: 50 is "where you started".
 */
export function explainScore(beforeShown: ExplainedPicture | null, afterShown: ExplainedPicture, role: RoleId): ObjectiveMove[] {
  const before = beforeShown && asCounted(beforeShown);
  const after = asCounted(afterShown);
  const shown: Score | undefined = after.scores[role];
  if (!shown) return [];
  const baseAfter = after.baseline[role];
  const lvAfter = levels(after, role);
  const part = (lv: Record<string, number>, base: Record<string, number> | undefined, k: string) => partOf(k, lv[k] ?? 0, base?.[k] ?? lv[k] ?? 0);
  if (!before) return Object.entries(shown.parts).map(([k, x]) => ({ objective: k, before: 50, after: x, move: x - 50, causes: x === 50 ? [] : [{ kind: 'other', points: x - 50 }] }));
  const shownBefore = before.scores[role]?.parts ?? {};
  const lvBefore = levels(before, role);
  const baseBefore = before.baseline[role];
  const steps = stepsBetween(before, after);
  // The later picture with the first 1, 2, ... changes undone.
  const undone: Record<string, number>[] = [];
  let p = after;
  for (const s of steps) {
    p = s.undo(p);
    undone.push(levels(p, role));
  }
  return Object.entries(shown.parts).map(([k, x]) => {
    const from = shownBefore[k] ?? 50;
    const computedAfter = part(lvAfter, baseAfter, k);
    const computedBefore = part(lvBefore, baseBefore, k);
    // The shown parts are whole; any gap between a shown part and the picture's is what the picture lacks.
    const unseen = x - Math.round(computedAfter) - (from - Math.round(computedBefore));
    const exact: number[] = [];
    let prev = computedAfter;
    for (const lv of undone) {
      const cur = part(lv, baseAfter, k);
      exact.push(prev - cur);
      prev = cur;
    }
    exact.push(prev - computedBefore);
    const points = apportion(exact, Math.round(computedAfter) - Math.round(computedBefore));
    const causes: MoveCause[] = [];
    steps.forEach((s, i) => {
      const pts = points[i] ?? 0;
      if (pts) causes.push({ ...s.cause, points: pts } as MoveCause);
    });
    // Only the final count shows a viewer scores worked out with what it cannot see (known.ts); any
    // other gap is a change this picture does not take apart.
    const final = after.phase === 'over';
    const rest = (points[steps.length] ?? 0) + (final ? 0 : unseen);
    if (rest) causes.push({ kind: 'other', points: rest });
    if (final && unseen) causes.push({ kind: 'unseen', points: unseen });
    causes.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
    return { objective: k, before: from, after: x, move: x - from, causes };
  });
}
