import { describe, expect, test } from 'vitest';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { applyLesson } from '../../src/scenario/lesson';
import { parseScenarioText } from '../../src/scenario/load';
import { loadScenario } from '../helpers';

// Every shipped scenario but the tutorial has a 50-minute cut (docs/facilitator.md).
// Coral Sea's covers the full game's three years in six rounds of six months (buildPct 100).
const CUTS: { id: string; rounds: number; buildPct: number }[] = [
  { id: 'coral-sea', rounds: 6, buildPct: 100 },
  { id: 'honiara', rounds: 4, buildPct: 50 },
  { id: 'hunga-tonga', rounds: 5, buildPct: 15 },
  { id: 'micronesia', rounds: 4, buildPct: 50 },
  { id: 'quad', rounds: 4, buildPct: 50 },
  { id: 'shared-future', rounds: 5, buildPct: 50 },
];

describe('the 50-minute cut of every shipped scenario', () => {
  test.each(CUTS)('$id: a valid scenario of $rounds rounds that plays to the end, where a round-1 cable comes into service', ({ id, rounds, buildPct }) => {
    const { scenario } = loadScenario(id);
    const r = applyLesson(scenario, 'lesson-50');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.cut).toMatchObject({ minutes: 50, rounds });
    expect(r.cut.buildPct ?? 100).toBe(buildPct);
    expect(r.cut.negotiationMinutes + r.cut.decisionsMinutes).toBeLessThanOrEqual(9);
    expect(rounds * (r.cut.negotiationMinutes + r.cut.decisionsMinutes)).toBeLessThanOrEqual(50);
    expect(r.scenario.rounds).toBe(rounds);
    expect(rounds).toBeLessThan(scenario.rounds);
    for (const v of r.scenario.vendors) {
      const full = scenario.vendors.find((x) => x.id === v.id)!;
      if (full.minBuildMonths !== undefined) expect(v.minBuildMonths).toBe(Math.max(1, Math.round((full.minBuildMonths * buildPct) / 100)));
    }
    expect(r.scenario.scripted.every((e) => e.round <= rounds)).toBe(true);
    expect((r.scenario.tabled ?? []).every((t) => t.round <= rounds)).toBe(true);
    expect(r.scenario.islands.every((i) => i.nextElection === undefined || i.nextElection <= rounds)).toBe(true);
    // The slowest cable maker's cable, signed in round 1, is in service before the last round ends.
    const slowest = Math.max(...r.scenario.vendors.map((v) => v.minBuildMonths ?? 0));
    expect(1 + Math.ceil(slowest / r.scenario.monthsPerRound)).toBeLessThanOrEqual(rounds);
    // The cut is a scenario of its own: its text loads, and the built-in policies play it to the end.
    const parsed = parseScenarioText(JSON.stringify(r.scenario), 'cut.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const host = new MatchHost(parsed.scenario, parsed.hash, 'lesson-1');
    playToEnd(host, () => simplePolicy, 'lesson-1');
    expect(host.over).toBe(true);
    expect(host.record.hashes.map((h) => h.round)).toEqual(Array.from({ length: rounds }, (_, i) => i + 1));
  });
});

describe('a cut of fewer, longer rounds', () => {
  test("Coral Sea's cut covers the full game's three years: the same elections, the cable in service on time, twice the money a round", () => {
    const { scenario } = loadScenario('coral-sea');
    const r = applyLesson(scenario, 'lesson-50');
    if (!r.ok) throw new Error(r.message);
    const cut = r.scenario;
    expect(cut.rounds * cut.monthsPerRound).toBe(scenario.rounds * scenario.monthsPerRound);
    // The Solomons' April 2019 election (round 10 of quarterly rounds, month 27) falls in the
    // six-month round that holds month 27, the fifth; the opening cut of five rounds had none.
    const slb = (s: typeof scenario) => s.islands.find((i) => i.id === 'SLB')!;
    expect(slb(scenario).nextElection).toBe(10);
    expect(slb(cut).nextElection).toBe(5);
    // The Kumul cable being built (ready in round 9, month 24) is ready in round 5.
    const kumul = (s: typeof scenario) => s.cables.find((c) => c.readyRound !== undefined)!;
    expect(kumul(cut).readyRound).toBe(5);
    // Each tabled offer is kept, in the round that holds its month.
    expect(cut.tabled?.length).toBe(scenario.tabled?.length);
    // A round of six months brings twice a quarter's revenue and budget, and the deck's chance of an
    // event is the chance of at least one in two quarters (35% a quarter: 58%).
    expect(slb(cut).revenuePerRound).toBe(2 * slb(scenario).revenuePerRound);
    for (const p of cut.powers) expect(p.budgetPerRound).toBe(2 * scenario.powers.find((x) => x.id === p.id)!.budgetPerRound);
    expect(scenario.deck.chancePerRound).toBe(35);
    expect(cut.deck.chancePerRound).toBe(58);
  });

  test("a funder's pledge keeps its month (Japan's Kiribati grant: round 3 of half-years is round 2 of years), and a cut of rounds over six months is refused", () => {
    const { scenario } = loadScenario('micronesia');
    const yearly = { ...scenario, lessons: [{ id: 'yearly', title: 'Yearly', minutes: 50, rounds: 4, monthsPerRound: 12, negotiationMinutes: 8, decisionsMinutes: 4 }] };
    const pledge = (s: typeof scenario) => s.funders!.flatMap((f) => f.pledges).find((p) => p.fromRound !== undefined)!;
    expect(pledge(scenario).fromRound).toBe(3);
    const y = applyLesson(yearly, 'yearly');
    if (!y.ok) throw new Error(y.message);
    expect(pledge(y.scenario).fromRound).toBe(2);
    expect(y.scenario.islands.every((i) => i.revenuePerRound === 2 * scenario.islands.find((x) => x.id === i.id)!.revenuePerRound)).toBe(true);
    // A round is at most six months, in a cut as in a scenario: the file is refused with the field.
    const parsed = parseScenarioText(JSON.stringify(yearly), 'cut.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(JSON.stringify(parsed)).toContain('lessons[0].monthsPerRound');
  });

  test('a cut with shorter rounds than its scenario is refused, with the path to the field', () => {
    const { scenario } = loadScenario('coral-sea');
    const bad = { ...scenario, lessons: [{ id: 'short', title: 'Short', minutes: 30, rounds: 4, monthsPerRound: 2, negotiationMinutes: 5, decisionsMinutes: 2 }] };
    const parsed = parseScenarioText(JSON.stringify(bad), 'cut.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(JSON.stringify(parsed)).toContain('lessons[0].monthsPerRound');
    expect(JSON.stringify(parsed)).toContain("at least the scenario's 3 months a round");
  });
});

describe("a cut's own objective weights", () => {
  test("Honiara's cut weighs Beijing and Canberra its own way and keeps the scenario's weights for Washington and the islands", () => {
    const { scenario } = loadScenario('honiara');
    const r = applyLesson(scenario, 'lesson-50');
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.objectives.island).toEqual(scenario.objectives.island);
    expect(r.cut.objectives?.washington).toBeUndefined();
    expect(r.scenario.objectives.washington).toEqual(scenario.objectives.washington);
    for (const p of ['beijing', 'canberra'] as const) {
      expect(r.scenario.objectives[p]).toEqual(r.cut.objectives?.[p]);
      expect(r.scenario.objectives[p]).not.toEqual(scenario.objectives[p]);
    }
    // The played cut scores by them: Beijing's final score is its weighted parts under the cut's weights.
    const parsed = parseScenarioText(JSON.stringify(r.scenario), 'cut.json');
    if (!parsed.ok) throw new Error('the cut does not load');
    const host = new MatchHost(parsed.scenario, parsed.hash, 'lesson-2');
    playToEnd(host, () => simplePolicy, 'lesson-2');
    const w = r.cut.objectives!.beijing!;
    const parts = host.state.scores.beijing!.parts;
    const total = Object.values(w).reduce((s, x) => s + (x ?? 0), 0);
    const weighed = Object.entries(w).reduce((s, [k, x]) => s + (x ?? 0) * (parts[k] ?? 0), 0) / total;
    expect(host.state.scores.beijing!.total).toBeCloseTo(weighed, 0);
  });

  test('a cut that weighs a power the scenario does not seat is refused, with the path to the field', () => {
    const { scenario } = loadScenario('tutorial');
    const seated = new Set(scenario.powers.map((p) => p.id));
    const absent = (['beijing', 'canberra', 'washington'] as const).find((p) => !seated.has(p))!;
    const bad = { ...scenario, lessons: [{ id: 'short', title: 'Short', minutes: 30, rounds: 2, negotiationMinutes: 5, decisionsMinutes: 2, objectives: { [absent]: { influence: 50, reputation: 50 } } }] };
    const parsed = parseScenarioText(JSON.stringify(bad), 'cut.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(JSON.stringify(parsed)).toContain(`lessons[0].objectives.${absent}`);
  });
});
