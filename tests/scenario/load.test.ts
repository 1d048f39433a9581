import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText, formatScenarioError } from '../../src/scenario/load';
import { scenarioFiles, loadScenarioFile, resolveScenario } from '../../src/scenario/files';

const coral = readFileSync(scenarioFiles()['coral-sea']!, 'utf8');

function errorsFor(text: string) {
  const r = parseScenarioText(text, 'scenarios/broken.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('scenario files', () => {
  it('every shipped scenario is valid', () => {
    for (const [id, path] of Object.entries(scenarioFiles())) {
      const r = loadScenarioFile(path);
      expect(r.ok ? [] : r.errors.map(formatScenarioError), id).toEqual([]);
    }
  });

  it('names the file, the field path, the line and column, what was expected and what was found', () => {
    const text = coral.replace(/ {4}treasury: 272600[^\n]*\n/, '    treasury: -5\n');
    const [e] = errorsFor(text);
    expect(e).toMatchObject({ file: 'scenarios/broken.yaml', path: 'islands[0].treasury', expected: 'a number of at least 0', found: 'number -5' });
    const line = text.split('\n').findIndex((l) => l.includes('treasury: -5')) + 1;
    expect(e!.line).toBe(line);
    expect(e!.column).toBe(15);
    expect(formatScenarioError(e!)).toBe(`scenarios/broken.yaml:${line}:15 at islands[0].treasury: expected a number of at least 0, found number -5`);
  });

  it("refuses Taipei's aid for an island that already recognises Beijing, naming the field", () => {
    // PNG, the second island of Coral Sea, recognises Beijing.
    const text = coral.replace(/( {4}recognises: PRC\n)/, '$1    taipeiAid: 500\n');
    expect(errorsFor(text)).toMatchObject([{ path: 'islands[1].taipeiAid', expected: 'no taipeiAid for an island that recognises Beijing (recognises: PRC)', found: '500' }]);
  });

  it('explains a missing field, a misspelt field, a wrong choice and a dangling reference', () => {
    const missing = errorsFor(coral.replace(/^monthsPerRound: 3\n/m, ''));
    expect(missing[0]).toMatchObject({ path: 'monthsPerRound', found: 'nothing (the field is missing)' });
    const misspelt = errorsFor(coral.replace('    legitimacy: 50\n    democracy: 60', '    legitimcy: 50\n    democracy: 60'));
    // One problem, at the misspelt field, naming the field it meant (not a second one for the field "missing").
    expect(misspelt.map((e) => e.path)).toEqual(['islands[0].legitimcy']);
    expect(misspelt[0]!.found).toBe('`legitimcy`: no such field in an island; did you mean `legitimacy`?');
    const choice = errorsFor(coral.replace('    origin: beijing\n', '    origin: tokyo\n'));
    expect(choice[0]).toMatchObject({ path: 'vendors[0].origin', found: '"tokyo"' });
    expect(choice[0]!.expected).toContain('"beijing"');
    const dangling = errorsFor(coral.replace('route: [sydney, madang, piti]', 'route: [sydney, madang, atlantis]'));
    expect(dangling[0]).toMatchObject({ path: 'cables[0].route[2]', found: '"atlantis"' });
    expect(dangling[0]!.expected).toMatch(/^a landing id of this scenario \(honiara, [a-z, -]+, …\)$/); // eight of them, then an ellipsis
    expect(dangling[0]!.line).toBeGreaterThan(1);
  });

  it('reports YAML syntax errors with their position, and never throws', () => {
    const [e] = errorsFor('id: x\ntitle: [unclosed\n');
    expect(e).toMatchObject({ expected: 'valid YAML' });
    expect(e!.line).toBeGreaterThanOrEqual(2);
    expect(() => parseScenarioText('\u0000\u0001', 'x.yaml')).not.toThrow();
    expect(parseScenarioText('', 'empty.yaml').ok).toBe(false);
    expect(loadScenarioFile('/no/such/file.yaml')).toMatchObject({ ok: false, errors: [{ found: 'no such file' }] });
  });

  it('hashes a scenario by its content, not its layout', () => {
    const a = parseScenarioText(coral, 'a.yaml');
    const b = parseScenarioText(`# a comment\n${coral}`, 'b.yaml');
    const c = parseScenarioText(coral.replace('treasury: 272600', 'treasury: 272601'), 'c.yaml');
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
    expect(a.ok && c.ok && a.hash !== c.hash).toBe(true);
  });
});

describe('docs/scenario-format.md', () => {
  it('documents every field of the schema', async () => {
    const doc = readFileSync('docs/scenario-format.md', 'utf8');
    const schema = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'));
    const missing: string[] = [];
    const walk = (node: { properties?: Record<string, unknown>; items?: unknown }, path: string) => {
      for (const [k, v] of Object.entries(node.properties ?? {})) {
        if (!doc.includes(`\`${k}\``)) missing.push(`${path}${k}`);
        walk(v as never, `${path}${k}.`);
      }
      if (node.items) walk(node.items as never, path);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('the committed JSON Schema is up to date with the zod schema', async () => {
    const { scenarioJsonSchema } = await import('../../src/scenario/json-schema');
    const fresh = scenarioJsonSchema();
    expect(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });
});

describe('scenario ids', () => {
  it('a built-in JavaScript name is no shipped scenario: it is taken as a path, which does not exist', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(resolveScenario(id)).toBe(id);
      const r = loadScenarioFile(resolveScenario(id));
      expect(r.ok === false && r.errors[0]).toMatchObject({ found: 'no such file' });
    }
    expect(resolveScenario('coral-sea')).toMatch(/coral-sea\.yaml$/);
  });
});

describe('tabled offers', () => {
  it('puts the tutorial\'s two cable bids on the table when round 2 opens', async () => {
    const { newGame, endPhase } = await import('../helpers');
    let g = newGame('1', 'tutorial', undefined, { opening: true });
    g = endPhase(endPhase(g));
    const bids = g.offers.filter((o) => o.round === 2 && o.deal.kind === 'cable');
    expect(bids.map((o) => o.from).sort()).toEqual(['beijing', 'canberra']);
    expect(bids.every((o) => o.to.join() === 'VTP' && o.status === 'open')).toBe(true);
  });

  const tutorial = readFileSync(scenarioFiles().tutorial!, 'utf8');
  const tabledErrors = (text: string) => {
    const r = parseScenarioText(text, 'tutorial.yaml');
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it('names a tabled deal the rules refuse, with its field and line', () => {
    const [e] = tabledErrors(tutorial.replace('      buildMonths: 6\n', '      buildMonths: 2\n'));
    expect(e).toMatchObject({ path: 'tabled[0].deal.buildMonths', found: 'a deal the rules refuse' });
    expect(e!.expected).toContain('months to build a cable');
    expect(e!.line).toBeGreaterThan(100);
  });

  /** The 1-based line at which a text first stands in the file. */
  const lineOf = (text: string, part: string): number => text.slice(0, text.indexOf(part)).split('\n').length;

  it('names an id the scenario does not have, with its field and line, before any rule reads through it', () => {
    const vendor = tabledErrors(tutorial.replace('      vendor: hmn-tech\n', '      vendor: huawei-2\n'));
    expect(vendor[0]).toMatchObject({ path: 'tabled[0].deal.vendor', line: lineOf(tutorial, '      vendor: hmn-tech\n') });
    expect(vendor[0]!.expected).toContain('a vendor id of this scenario');
    // JavaScript's built-in names are no vendor, landing, island or power of a scenario.
    const builtIn = tabledErrors(tutorial.replace('      vendor: hmn-tech\n', '      vendor: constructor\n').replace('route: [port-vila, loto-bay, anuvai]', 'route: [port-vila, __proto__, anuvai]'));
    expect(builtIn.map((e) => e.path)).toEqual(['tabled[0].deal.vendor', 'tabled[1].deal.route[1]']);
    const island = tabledErrors(tutorial.replace('      route: [port-vila, cape-hina, anuvai]\n', '').replace('      kind: cable\n      vendor: hmn-tech', '      kind: telecom\n      island: toString\n      project: towers\n      amount: 100\n      vendor: hmn-tech').replace(/ {6}buildMonths: 6\n {6}stationOperator: vendor\n {6}dataAccess: true\n {6}exclusivity: false\n/, ''));
    expect(island.map((e) => e.path)).toEqual(['tabled[0].deal.island']);
  });

  it('reports a tabled deal with missing or null financing, or the wrong shape, as problems rather than crashing', () => {
    const nullFinancing = tabledErrors(tutorial.replace('      financing: { kind: grant, by: canberra }\n', '      financing: null\n'));
    expect(nullFinancing[0]).toMatchObject({ path: 'tabled[1].deal.financing', found: 'null', line: lineOf(tutorial, '      financing: { kind: grant, by: canberra }\n') });
    const missing = tabledErrors(tutorial.replace('      financing: { kind: grant, by: canberra }\n', ''));
    expect(missing[0]).toMatchObject({ path: 'tabled[1].deal.financing', found: 'nothing (the field is missing)' });
    const loanTermsOnAGrant = tabledErrors(tutorial.replace('{ kind: grant, by: canberra }', '{ kind: grant, by: canberra, ratePct: 2 }'));
    expect(loanTermsOnAGrant[0]).toMatchObject({ path: 'tabled[1].deal.financing.ratePct', found: '`ratePct`: no such field in a grant; loan terms go with `kind: loan`' });
    const nan = tabledErrors(tutorial.replace('      buildMonths: 6\n', '      buildMonths: .nan\n'));
    expect(nan[0]).toMatchObject({ path: 'tabled[0].deal.buildMonths' });
  });
});
