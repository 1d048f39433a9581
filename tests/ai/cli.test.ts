import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { policyByName, POLICY_NAMES } from '../../src/ai';

const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('policyByName', () => {
  it('knows simple, random, easy, normal and hard, and nothing else', () => {
    for (const name of ['simple', 'random', 'easy', 'normal', 'hard']) expect(typeof policyByName(name)).toBe('function');
    expect(POLICY_NAMES).toEqual(['simple', 'random', 'easy', 'normal', 'hard']);
    expect(policyByName('expert')).toBeUndefined();
    expect(policyByName('')).toBeUndefined();
  });
});

describe('npm run tournament', () => {
  it('plays paired games on worker threads and prints the share A wins with its interval as JSON', () => {
    const out = run('tournament', ['--scenario', 'tutorial', '--games', '3', '--a', 'easy', '--b', 'random', '--json', '--workers', '2']);
    expect(out.status, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc).toMatchObject({ scenario: 'tutorial', a: 'easy', b: 'random', pairs: 3 });
    expect(doc.aWinRate).toBeGreaterThanOrEqual(0);
    expect(doc.aWinRate).toBeLessThanOrEqual(1);
    expect(doc.ciLow).toBeLessThanOrEqual(doc.aWinRate);
    expect(doc.ciHigh).toBeGreaterThanOrEqual(doc.aWinRate);
    expect(doc.wins + doc.ties + doc.losses).toBe(3);
    // Seats rotate through every role.
    expect(Object.values(doc.bySeat as Record<string, { pairs: number }>).map((s) => s.pairs)).toEqual([1, 1, 1]);
    // Each seat's games won (the final score at the tutorial's par of 50 or above), A's and B's.
    for (const s of Object.values(doc.bySeat as Record<string, { meanA: number; meanB: number; aReachedPar: number; bReachedPar: number }>)) {
      expect(s.aReachedPar).toBe(s.meanA >= 50 ? 1 : 0);
      expect(s.bReachedPar).toBe(s.meanB >= 50 ? 1 : 0);
    }
  });

  it('plays a lesson cut with --lesson, and refuses a cut the scenario does not have', () => {
    const out = run('tournament', ['--scenario', 'quad', '--lesson', 'lesson-50', '--games', '2', '--a', 'easy', '--b', 'random', '--seats', 'canberra', '--json', '--workers', '1']);
    expect(out.status, out.stderr).toBe(0);
    // The cut's four rounds, not the full game's six.
    expect(JSON.parse(out.stdout)).toMatchObject({ scenario: 'quad', lesson: 'lesson-50', rounds: 4, pairs: 2, bySeat: { canberra: { pairs: 2 } } });
    const bad = run('tournament', ['--scenario', 'quad', '--lesson', 'lesson-5', '--games', '2', '--a', 'easy', '--b', 'random']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Scenario "quad" has no lesson cut "lesson-5"; its cuts: lesson-50.');
  });

  it('refuses an unknown bot with the names it knows', () => {
    const out = run('tournament', ['--scenario', 'tutorial', '--games', '2', '--a', 'expert', '--b', 'easy']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('simple, random, easy, normal, hard');
  });
});

describe('npm run batch --bots', () => {
  it('plays every seat with the named bot level', () => {
    const out = run('batch', ['--scenario', 'tutorial', '--games', '2', '--seed', '1', '--bots', 'normal', '--json', '--workers', '1']);
    expect(out.status, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc).toMatchObject({ scenario: 'tutorial', games: 2, bots: 'normal' });
    expect(run('batch', ['--scenario', 'tutorial', '--games', '1', '--bots', 'expert']).status).toBe(2);
  });
});
