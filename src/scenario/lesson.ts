import type { Scenario } from './schema';

export type LessonCut = NonNullable<Scenario['lessons']>[number];

/**
 * A scenario cut for a lesson: fewer rounds of the same length, the cable makers' fewest build
 * months scaled so that a cable signed in the first round still comes into service, and only the
 * scripted events, tabled offers and elections that fall within the cut, and the cut's own
 * objective weights for the roles it names. The cut is a scenario of
 * its own (its own content hash), so its games replay like any other; it has no cuts itself.
 */
export function applyLesson(s: Scenario, id: string): { ok: true; scenario: Scenario; cut: LessonCut } | { ok: false; message: string } {
  const cut = s.lessons?.find((l) => l.id === id);
  if (!cut) {
    const known = (s.lessons ?? []).map((l) => l.id);
    return { ok: false, message: `Scenario "${s.id}" has no lesson cut "${id.slice(0, 40)}"${known.length ? `; its cuts: ${known.join(', ')}` : '; it declares none'}.` };
  }
  const c: Scenario = structuredClone(s);
  delete c.lessons;
  c.title = `${s.title} (${cut.title})`;
  c.rounds = cut.rounds;
  const pct = cut.buildPct ?? 100;
  for (const v of c.vendors) if (v.minBuildMonths !== undefined) v.minBuildMonths = Math.max(1, Math.round((v.minBuildMonths * pct) / 100));
  c.scripted = c.scripted.filter((e) => e.round <= cut.rounds);
  if (c.tabled) c.tabled = c.tabled.filter((t) => t.round <= cut.rounds);
  for (const i of c.islands) if (i.nextElection !== undefined && i.nextElection > cut.rounds) delete i.nextElection;
  // A cut may weigh the objectives its own way: what four rounds decide is not what six do.
  c.objectives = { ...c.objectives, ...cut.objectives };
  return { ok: true, scenario: c, cut };
}
