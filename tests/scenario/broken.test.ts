import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/files';
import { formatScenarioError } from '../../src/scenario/load';

/**
 * The corpus of broken scenario files (tests/scenario/broken/): each is the valid control
 * `_valid.yaml` with one thing broken. Each must be refused with the error a person editing it
 * needs: the file, the path to the field, the line it is on, what was expected and what was found.
 */
const DIR = 'tests/scenario/broken';

interface Case {
  path: string;
  expected: string;
  found: string;
  /** Text on the line the error must point at (its first occurrence in the file); omitted where the file as a whole is at fault. */
  at?: string;
}

const CASES: Record<string, Case> = {
  'bad-yaml': { path: '', expected: 'valid YAML', found: 'Flow sequence in block collection must be sufficiently indented and end with a ]', at: 'summary:' },
  empty: { path: '', expected: 'a scenario written as YAML text', found: 'an empty file (nothing but blanks or comments)' },
  binary: { path: '', expected: 'a scenario written as YAML text', found: 'a binary file (it holds NUL bytes)' },
  'list-not-map': { path: '', expected: 'a mapping of fields (name: value)', found: 'a list of 2', at: '- id: corpus' },
  'duplicate-key': { path: '', expected: 'valid YAML', found: 'Map keys must be unique', at: 'rounds: 5' },
  'missing-field': { path: 'monthsPerRound', expected: 'a number', found: 'nothing (the field is missing)', at: 'id: corpus' },
  'misspelt-field': { path: 'islands[0].legitimcy', expected: 'a field of an island (docs/scenario-format.md lists them)', found: '`legitimcy`: no such field in an island; did you mean `legitimacy`?', at: 'legitimcy:' },
  'wrong-type': { path: 'rounds', expected: 'a number', found: '"four"', at: 'rounds: four' },
  'wrong-choice': { path: 'vendors[1].origin', expected: 'one of "beijing", "canberra", "washington", "other"', found: '"tokyo"', at: 'origin: tokyo' },
  'unknown-power': { path: 'powers[1].id', expected: 'one of "beijing", "canberra", "washington"', found: '"tokyo"', at: 'id: tokyo' },
  'unknown-landing': { path: 'cables[0].route[1]', expected: 'a landing id of this scenario (anuvai, loto-bay, suva)', found: '"atlantis"', at: 'atlantis' },
  'cable-to-nowhere': { path: 'cables[0].route', expected: 'a list of at least 2', found: 'a list of 1', at: 'route: [anuvai]' },
  'landing-unknown-island': { path: 'landings[1].island', expected: 'an island of this scenario (VTP)', found: '"XYZ"', at: 'island: XYZ' },
  'duplicate-landing-id': { path: 'landings[1].id', expected: 'an id of its own (landings[0] already has "anuvai")', found: '"anuvai"', at: 'name: Loto Bay' },
  'duplicate-vendor-id': { path: 'vendors[1].id', expected: 'an id of its own (vendors[0] already has "hmn-tech")', found: '"hmn-tech"', at: 'name: Alcatel' },
  'negative-money': { path: 'islands[0].treasury', expected: 'a number of at least 0', found: 'number -6000', at: 'treasury: -6000' },
  'fractional-money': { path: 'islands[0].treasury', expected: 'a whole number', found: 'number 6000.5', at: 'treasury: 6000.5' },
  'past-bounds': { path: 'islands[0].legitimacy', expected: 'a number of at most 100', found: 'number 160', at: 'legitimacy: 160' },
  'months-per-round': { path: 'monthsPerRound', expected: 'a number of at most 6', found: 'number 7', at: 'monthsPerRound: 7' },
  'par-out-of-range': { path: 'par', expected: 'a number of at most 100', found: 'number 101', at: 'par: 101' },
  'negative-weight': { path: 'objectives.island.development', expected: 'a number of at least 0', found: 'number -30', at: 'development: -30' },
  'bad-date': { path: 'start', expected: 'a year and month written YYYY-MM, such as "2017-01"', found: '"2024-13"', at: 'start: 2024-13' },
  'unknown-creditor': { path: 'debts[0].creditor', expected: 'a power of this scenario (beijing, canberra)', found: '"washington"', at: 'creditor: washington' },
  'unknown-influence': { path: 'powers[1].influence.XYZ', expected: 'an island of this scenario (VTP)', found: '"XYZ"', at: 'XYZ: 35' },
  'unknown-event': { path: 'deck.weights', expected: 'no field named "volcano" (check the spelling)', found: '"volcano"', at: 'volcano: 2' },
  'scripted-after-end': { path: 'scripted[0].round', expected: 'a round from 1 to 4', found: 'number 9', at: 'round: 9' },
  // Deals and top-level fields, in the teacher's words (issue 16).
  'clause-as-string': { path: 'tabled[0].deal.clauses[0]', expected: 'a clause written as `{kind: incidentAccess, secret: false}`', found: '"incidentAccess" (a word alone)', at: 'clauses: [incidentAccess]' },
  'condition-as-string': { path: 'tabled[0].deal.conditions[0]', expected: 'a condition written as `{kind: noVendor, vendor: VENDOR}` or `{kind: noPact, power: POWER}`', found: '"noPact" (a word alone)', at: 'conditions: [noPact]' },
  'deal-unknown-field': { path: 'tabled[0].deal.price', expected: 'a field of a telecom deal (island, project, vendor, amount, financing, conditions, cofunders)', found: '`price`: no such field in a telecom deal; did you mean `amount`?', at: 'price: 20000' },
  'deal-misspelt-field': { path: 'tabled[0].deal.powr', expected: 'a field of a pact deal (island, power, pact, clauses)', found: '`powr`: no such field in a pact deal; did you mean `power`?', at: 'powr: canberra' },
  'deal-missing-kind': { path: 'tabled[0].deal.kind', expected: 'a deal with a `kind`: cable, aid, telecom, diplomatic, pact or package', found: 'no `kind`', at: 'amount: 5000' },
  'financing-without-kind': { path: 'tabled[0].deal.financing.kind', expected: 'financing with a `kind`: grant or loan', found: 'no `kind`', at: 'financing: { by: beijing }' },
  'financing-without-by': { path: 'tabled[0].deal.financing.by', expected: '`by`, the power that pays: "beijing", "canberra", "washington"', found: 'financing without `by`', at: 'financing: { kind: grant }' },
  'deal-duration': { path: 'tabled[0].deal.duration', expected: 'a field of a cable deal (docs/scenario-format.md lists them)', found: '`duration`: no such field in a cable deal; did you mean `buildMonths`?', at: 'duration: 120' },
  'top-level-unknown': { path: 'parliament', expected: 'only the top-level fields docs/scenario-format.md lists', found: '`parliament`: scenarios have no field `parliament`; a parliament belongs to an island (`islands[].parliament: {ratifies: [pact]}`), and a tabled offer can ask for ratification with `ratify: true`', at: 'parliament:' },
  'forum-without-power': { path: 'scripted[0].power', expected: 'the power that backs the policing initiative', found: 'nothing (the field is missing)', at: 'kind: forum' },
  'scripted-unknown-cable': { path: 'scripted[0].cable', expected: 'a cable of this scenario (vaitupa-suva)', found: '"ghost-cable"', at: 'ghost-cable' },
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== '_valid.yaml');
const lineOf = (file: string, text: string): number => readFileSync(file, 'latin1').split('\n').findIndex((l) => l.includes(text)) + 1;

describe('the broken-scenario corpus', () => {
  it('has a control that is valid, and at least 15 broken files, each with its expected error', () => {
    expect(loadScenarioFile(join(DIR, '_valid.yaml'))).toMatchObject({ ok: true });
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s: names the file, the field, the line, what was expected and what was found', (name, c) => {
    const file = join(DIR, `${name}.yaml`);
    const r = loadScenarioFile(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [e] = r.errors;
    expect(e).toMatchObject({ file, path: c.path, expected: c.expected, found: c.found });
    if (c.at) {
      const line = lineOf(file, c.at);
      expect(line, `"${c.at}" is in ${file}`).toBeGreaterThan(0);
      expect(e!.line).toBe(line);
    } else expect(e!.line).toBeUndefined();
    // One line a person can read, without a stack trace.
    expect(formatScenarioError(e!)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)?( at \\S+)?: expected .+, found .+$`));
  });

  it('npm run validate refuses every broken file with its error and exit code 1, and accepts the control', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', ...files.map((f) => join(DIR, f))], { encoding: 'utf8' });
    expect(out.status).toBe(1);
    const text = `${out.stdout}${out.stderr}`;
    for (const f of files) expect(text).toContain(`error ${join(DIR, f)}`);
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', join(DIR, '_valid.yaml')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
  });
});
