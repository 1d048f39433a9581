import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playedGame } from '../helpers';

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('npm run sim', () => {
  it('the built-in policies trade: across seeds 1-20 every deal kind is signed and a cable goes live', () => {
    const kinds = new Set<string>();
    let cablesLive = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const host = playedGame(String(seed));
      for (const a of host.state.agreements) kinds.add(a.deal.kind);
      cablesLive += host.state.cables.filter((c) => c.agreement && c.status === 'active').length;
    }
    expect([...kinds].sort()).toEqual(['aid', 'cable', 'diplomatic', 'pact', 'telecom']);
    expect(cablesLive).toBeGreaterThanOrEqual(1);
  });

  it('prints one JSON document with --json, and writes a record that npm run replay matches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-sim-'));
    const record = join(dir, 'game.json');
    const out = run('sim', ['--scenario', 'coral-sea', '--seed', '4', '--json', '--record', record]);
    expect(out.status).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc).toMatchObject({ scenario: 'coral-sea', seed: '4', rounds: 12 });
    expect(doc.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(doc.scores).sort()).toEqual(['PNG', 'SLB', 'beijing', 'canberra', 'washington']);
    const replayed = run('replay', [record]);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toContain('All 12 round hashes match.');
    const rec = JSON.parse(readFileSync(record, 'utf8'));
    rec.rules = 99;
    writeFileSync(record, JSON.stringify(rec));
    const refused = run('replay', [record]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/rules version 99; this engine plays rules version \d+/);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('prints a readable account and stops early with --rounds', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--scenario', 'coral-sea', '--seed', '2', '--rounds', '3'], { encoding: 'utf8' });
    expect(out).toContain('Round 3 (2017-07)');
    expect(out).not.toContain('Round 4 (');
    expect(out).toMatch(/offer o[2-9b-df-hj-np-tv-z]{4} .* -> /);
    expect(out).toContain('Final scores');
  });

  it('explains a bad option instead of crashing', () => {
    const out = run('sim', ['--scenario', 'coral-sea', '--seed', 'many']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--seed takes a whole number');
    const bots = run('sim', ['--scenario', 'coral-sea', '--seed', '1', '--bots', 'genius']);
    expect(bots.status).toBe(2);
    expect(bots.stderr).toContain('--bots genius: there is no such computer player (known: simple, random, easy, normal, hard)');
  });

  it('plays with a bot level in every seat, the bots giving their reasons, marked with who saw them', () => {
    const out = run('sim', ['--scenario', 'honiara', '--seed', '4', '--bots', 'normal', '--rounds', '1']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('normal bots in every seat');
    // A counter with its changed terms and its goal, seen only by the two parties.
    expect(out.stdout).toMatch(/\[[A-Z]+, (beijing|canberra|washington) only\] [A-Za-z ]+: [A-Za-z ]+ counters .+: the same .+, (to|for) /);
    const doc = JSON.parse(run('sim', ['--scenario', 'honiara', '--seed', '3', '--bots', 'easy', '--json']).stdout);
    expect(doc).toMatchObject({ scenario: 'honiara', bots: 'easy', over: true });
  });
});

describe('npm run validate', () => {
  it('exits 0 for valid files and 1 with the errors otherwise', () => {
    expect(run('validate', ['scenarios/coral-sea.yaml']).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'lr-val-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('scenarios/coral-sea.yaml', 'utf8').replace('monthsPerRound: 3', 'monthsPerRound: 9'));
    const out = run('validate', ['scenarios/coral-sea.yaml', bad]);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/bad\.yaml:\d+:\d+ at monthsPerRound: expected a number of at most 6, found number 9/);
  });
});

describe('npm run batch', () => {
  it('plays games on worker threads and reports each role\'s score distribution and win rate as a fraction', () => {
    const out = run('batch', ['--scenario', 'hunga-tonga', '--games', '6', '--seed', '3', '--workers', '2', '--json', '--paired']);
    expect(out.status, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc).toMatchObject({ scenario: 'hunga-tonga', games: 6, seed: 3, workers: 2 });
    expect(Object.keys(doc.roles).sort()).toEqual(['FJI', 'TON', 'beijing', 'canberra', 'washington']);
    for (const r of Object.values(doc.roles) as { winRate: number; mean: number; sd: number }[]) {
      expect(r.winRate).toBeGreaterThanOrEqual(0);
      expect(r.winRate).toBeLessThanOrEqual(1);
      expect(r.mean).toBeGreaterThan(0);
    }
    expect(doc.paired.TON).toMatchObject({ n: 6 });
  });

  it('gives the same numbers for the same seeds, however many workers', () => {
    const one = JSON.parse(run('batch', ['--scenario', 'tutorial', '--games', '4', '--seed', '9', '--workers', '1', '--json']).stdout);
    const two = JSON.parse(run('batch', ['--scenario', 'tutorial', '--games', '4', '--seed', '9', '--workers', '2', '--json']).stdout);
    expect(two.roles).toEqual(one.roles);
  });

  it('plays a lesson cut with --lesson, and refuses a cut the scenario does not have', () => {
    const out = run('batch', ['--scenario', 'quad', '--lesson', 'lesson-50', '--games', '2', '--workers', '1', '--json']);
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ scenario: 'quad', lesson: 'lesson-50', rounds: 4, games: 2 });
    const bad = run('batch', ['--scenario', 'quad', '--lesson', 'lesson-5', '--games', '2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Scenario "quad" has no lesson cut "lesson-5"; its cuts: lesson-50.');
  });
});
