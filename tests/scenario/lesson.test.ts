import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { applyLesson } from '../../src/scenario/lesson';
import { parseScenarioText } from '../../src/scenario/load';
import { loadScenario } from '../helpers';

describe('a lesson cut', () => {
  test('Honiara’s 50-minute cut is a valid scenario of four rounds with halved build times, and plays to the end', () => {
    const { scenario } = loadScenario('honiara');
    const r = applyLesson(scenario, 'lesson-50');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.cut).toMatchObject({ minutes: 50, rounds: 4, negotiationMinutes: 6, decisionsMinutes: 3 });
    expect(r.scenario.rounds).toBe(4);
    expect(r.scenario.title).toBe('Honiara (50-minute lesson)');
    expect(r.scenario.lessons).toBeUndefined();
    for (const v of r.scenario.vendors) {
      const full = scenario.vendors.find((x) => x.id === v.id)!;
      if (full.minBuildMonths !== undefined) expect(v.minBuildMonths).toBe(Math.round(full.minBuildMonths / 2));
    }
    // Every round-bound entry falls within the cut; the file it makes loads like any scenario.
    expect(r.scenario.scripted.every((e) => e.round <= 4)).toBe(true);
    expect(r.scenario.islands.every((i) => i.nextElection === undefined || i.nextElection <= 4)).toBe(true);
    const text = JSON.stringify(r.scenario);
    const parsed = parseScenarioText(text, 'cut.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const host = new MatchHost(parsed.scenario, parsed.hash, 'lesson-1');
    playToEnd(host, () => simplePolicy, 'lesson-1');
    expect(host.over).toBe(true);
    expect(host.record.hashes.map((h) => h.round)).toEqual([1, 2, 3, 4]);
    // The slowest cable maker's cable, signed in round 1, is in service before the last round ends.
    const slowest = Math.max(...r.scenario.vendors.map((v) => v.minBuildMonths ?? 0));
    expect(Math.ceil(slowest / r.scenario.monthsPerRound)).toBeLessThan(4);
  });

  test('a cut may carry a note for the facilitator, of at most 400 characters; a longer one is refused with its path', () => {
    const text = readFileSync('scenarios/coral-sea.yaml', 'utf8');
    const ok = parseScenarioText(text, 'scenarios/coral-sea.yaml');
    expect(ok.ok && ok.scenario.lessons?.[0]?.note).toMatch(/^Between computer players Beijing wins about one game in eight/);
    const long = text.replace(/^ {4}note: >-\n( {6}.*\n)+/m, `    note: ${'x'.repeat(401)}\n`);
    expect(long).not.toBe(text);
    const bad = parseScenarioText(long, 'scenarios/coral-sea.yaml');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatchObject({ file: 'scenarios/coral-sea.yaml', path: 'lessons[0].note' });
    expect(bad.errors[0]?.expected).toMatch(/400/);
  });

  test('an unknown cut is refused with the cuts the scenario has', () => {
    const { scenario } = loadScenario('honiara');
    const r = applyLesson(scenario, 'lesson-5');
    expect(!r.ok && r.message).toBe('Scenario "honiara" has no lesson cut "lesson-5"; its cuts: lesson-50.');
  });
});
