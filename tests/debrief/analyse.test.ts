import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oddsGame } from '../../src/ai/odds';
import { loadScenario } from '../helpers';

const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyse.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('npm run analyse', () => {
  it('plays the scenario with normal bots in every seat and prints each role\'s score distribution, the same games oddsGame plays', () => {
    const out = run(['--scenario', 'tutorial', '--games', '3', '--seed', '5', '--workers', '2', '--json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const doc = JSON.parse(out.stdout) as { scenario: string; games: number; bots: string; roles: Record<string, { mean: number; min: number; max: number; histogram: number[] }>; scores: Record<string, number[]> };
    expect(doc).toMatchObject({ scenario: 'tutorial', games: 3, bots: 'normal' });
    const { scenario, hash } = loadScenario('tutorial');
    const direct = [5, 6, 7].map((s) => oddsGame(scenario, hash, s));
    for (const role of Object.keys(direct[0]?.scores ?? {})) {
      expect(doc.scores[role]).toEqual(direct.map((d) => d.scores[role]));
      const row = doc.roles[role];
      expect(row?.histogram.reduce((a, b) => a + b, 0)).toBe(3);
      expect(row?.mean).toBeCloseTo(direct.reduce((s, d) => s + (d.scores[role] ?? 0), 0) / 3, 6);
    }
  });

  it('--inject adds a YAML list of events and compares the distributions on the same seeds; a wrong event is named by its entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-analyse-'));
    const file = join(dir, 'inject.yaml');
    writeFileSync(file, '- { round: 2, kind: cyclone, island: VTP, title: "A cyclone" }\n- { round: 3, kind: riots, island: VTP }\n');
    const out = run(['--scenario', 'tutorial', '--games', '2', '--workers', '2', '--json', '--inject', file]);
    expect(out.status).toBe(0);
    const doc = JSON.parse(out.stdout) as { inject: { events: number; roles: Record<string, unknown>; difference: Record<string, { n: number }> } };
    expect(doc.inject.events).toBe(2);
    expect(doc.inject.difference.VTP?.n).toBe(2);
    const text = run(['--scenario', 'tutorial', '--games', '1', '--workers', '1', '--inject', file]);
    expect(text.stdout).toContain('Difference the injected events make');

    writeFileSync(file, '- { round: 2, kind: cyclone, island: ATLANTIS }\n');
    const bad = run(['--scenario', 'tutorial', '--games', '1', '--inject', file]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${file} at [0].island`);
    expect(bad.stderr).toContain('VTP');
    writeFileSync(file, 'round: 2\n');
    const notList = run(['--scenario', 'tutorial', '--games', '1', '--inject', file]);
    expect(notList.status).toBe(1);
    expect(notList.stderr).toContain('a YAML list of at least one event');
  });
});
