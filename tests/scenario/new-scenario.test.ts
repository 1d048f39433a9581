import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/files';
import { parseScenarioText } from '../../src/scenario/load';
import { checkTemplateOptions, scenarioTemplate, type FactPack } from '../../src/scenario/template';

/** `npm run new-scenario`: a teacher's starting file, commented, valid as written, with the fact pack's facts. */
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/new-scenario.ts', ...args], { encoding: 'utf8' });
const facts = JSON.parse(readFileSync('assets/data/pacific-facts.json', 'utf8')) as { countries: { iso3: string; population: number; capital: string }[] };
const BRIEF = ['--islands', 'VUT', '--powers', 'beijing,canberra,washington', '--start', '2022-07', '--rounds', '8'];

describe('npm run new-scenario', () => {
  it('writes a commented scenario that the loader accepts, with Vanuatu as the fact pack has it', () => {
    const out = run('--', ...BRIEF);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const r = parseScenarioText(out.stdout, 'vut.yaml');
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const s = r.scenario;
    const vut = facts.countries.find((c) => c.iso3 === 'VUT')!;
    expect(s).toMatchObject({ start: '2022-07', rounds: 8, monthsPerRound: 3 });
    expect(s.islands).toMatchObject([{ id: 'VUT', name: 'Vanuatu', population: vut.population, capital: { name: vut.capital } }]);
    expect(s.islands[0]!.revenuePerRound).toBeGreaterThan(0);
    expect(s.powers.map((p) => p.id)).toEqual(['beijing', 'canberra', 'washington']);
    // Vanuatu's cable to Suva (ICN1, 2014) is in service at the start; the landings are TeleGeography's.
    expect(s.cables.map((c) => [c.name, c.route])).toEqual([['Interchange Cable Network 1 (ICN1)', ['port-vila', 'suva']]]);
    expect(s.sources.some((x) => x.includes('assets/data/pacific-facts.json'))).toBe(true);
    expect(s.sources.some((x) => x.includes('TeleGeography'))).toBe(true);
    // The placeholders are marked for the teacher, and the file points to the format's documentation.
    expect(out.stdout).toMatch(/# set from your sources/);
    expect(out.stdout).toMatch(/docs\/scenario-format\.md/);
  });

  it('writes to --out, never over an existing file, and refuses an island the fact pack lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-scenario-'));
    try {
      const file = join(dir, 'solomons.yaml');
      const ok = run('--islands', 'SLB,PNG', '--powers', 'beijing,canberra', '--start', '2017-01', '--rounds', '12', '--out', file);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain(`Wrote ${file}`);
      const loaded = loadScenarioFile(file);
      expect(loaded).toMatchObject({ ok: true, scenario: { islands: [{ id: 'SLB' }, { id: 'PNG' }] } });
      writeFileSync(file, 'mine');
      const again = run('--islands', 'SLB', '--powers', 'beijing', '--start', '2017-01', '--rounds', '12', '--out', file);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('the file exists');
      expect(readFileSync(file, 'utf8')).toBe('mine');
      const unknown = run('--islands', 'XYZ', '--powers', 'beijing', '--start', '2017-01', '--rounds', '4');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('--islands: "XYZ" is not an island of the fact pack');
      expect(unknown.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a valid file for every island of the fact pack, alone', () => {
    const pack = facts as unknown as FactPack;
    for (const iso of ['SLB', 'PNG', 'FJI', 'VUT', 'WSM', 'TON', 'KIR', 'TUV', 'NRU', 'PLW', 'MHL', 'FSM', 'COK']) {
      const options = { islands: [iso], powers: ['beijing', 'canberra', 'washington'] as const, start: '2020-01', rounds: 4, monthsPerRound: 6 };
      expect(checkTemplateOptions(pack, { ...options, powers: [...options.powers] })).toBeUndefined();
      const r = parseScenarioText(scenarioTemplate(pack, { ...options, powers: [...options.powers] }), `${iso}.yaml`);
      expect(r.ok ? [] : r.errors, iso).toEqual([]);
    }
  });
});
