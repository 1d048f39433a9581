import type { Scenario } from './schema';

export type LessonCut = NonNullable<Scenario['lessons']>[number];

/**
 * A scenario cut for a lesson, of one of two kinds.
 *
 * - **The opening** (no `monthsPerRound`): the first rounds of the full game, of the same length;
 *   only the scripted events, tabled offers and elections that fall within them.
 * - **The whole span in fewer, longer rounds** (`monthsPerRound` longer than the scenario's): every
 *   dated thing (scripted events, tabled offers, elections, cables being built, funders' pledges)
 *   moves to the cut's round that holds its month, and what the scenario gives per round (island
 *   revenue, power budgets, the deck's chance of an event) is scaled to the longer round, so the
 *   cut covers the same history and the same money as the full game.
 *
 * Either way the cable makers' fewest build months may be scaled (`buildPct`) so that a cable
 * signed in the first round still comes into service, and the cut may weigh the objectives its
 * own way for the roles it names. The cut is a scenario of its own (its own content hash), so its
 * games replay like any other; it has no cuts itself.
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
  if (cut.monthsPerRound !== undefined && cut.monthsPerRound !== s.monthsPerRound) compress(c, s.monthsPerRound, cut.monthsPerRound, cut.rounds);
  c.scripted = c.scripted.filter((e) => e.round <= cut.rounds);
  if (c.tabled) c.tabled = c.tabled.filter((t) => t.round <= cut.rounds);
  for (const i of c.islands) if (i.nextElection !== undefined && i.nextElection > cut.rounds) delete i.nextElection;
  // A cut may weigh the objectives its own way: what four rounds decide is not what six do.
  c.objectives = { ...c.objectives, ...cut.objectives };
  return { ok: true, scenario: c, cut };
}

/** The full game's rounds of `from` months put into the cut's rounds of `to` months, in place. */
function compress(c: Scenario, from: number, to: number, rounds: number): void {
  // The cut's round that holds the first month of the full game's round r (the last round takes the rest).
  const at = (r: number): number => Math.min(rounds, Math.floor(((r - 1) * from) / to) + 1);
  const scale = (perRound: number): number => Math.round((perRound * to) / from);
  c.monthsPerRound = to;
  for (const e of c.scripted) e.round = at(e.round);
  for (const t of c.tabled ?? []) t.round = at(t.round);
  for (const i of c.islands) {
    i.revenuePerRound = scale(i.revenuePerRound);
    if (i.nextElection !== undefined) i.nextElection = at(i.nextElection);
  }
  for (const p of c.powers) p.budgetPerRound = scale(p.budgetPerRound);
  for (const cable of c.cables) if (cable.readyRound !== undefined) cable.readyRound = at(cable.readyRound);
  for (const f of c.funders ?? [])
    for (const pledge of f.pledges) {
      if (pledge.fromRound !== undefined) pledge.fromRound = at(pledge.fromRound);
      if (pledge.untilRound !== undefined) pledge.untilRound = at(pledge.untilRound);
    }
  // The same chance of an event a month: one minus the chance of none in the longer round.
  const none = 1 - c.deck.chancePerRound / 100;
  c.deck.chancePerRound = Math.min(100, Math.round(100 * (1 - none ** (to / from))));
}
