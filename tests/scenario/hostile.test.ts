import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PROBLEMS, formatScenarioError, parseScenarioText, problemLines, type ScenarioError, type ScenarioResult } from '../../src/scenario/load';
import { loadScenarioFile } from '../../src/scenario/files';

/**
 * Hostile scenario files: the loader must answer each with a clear problem (with a line and column
 * where one place is at fault), never throw, and stay within a bounded time and memory.
 */
const VALID = 'tests/scenario/broken/_valid.yaml';
const valid = readFileSync(VALID, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'lr-hostile-'));

function refused(run: () => ScenarioResult, ms = 5_000): { errors: ScenarioError[]; more?: number } {
  const started = performance.now();
  let r: ScenarioResult | undefined;
  expect(() => (r = run())).not.toThrow();
  expect(performance.now() - started, 'seconds to answer').toBeLessThan(ms);
  expect(r?.ok).toBe(false);
  if (!r || r.ok) throw new Error('accepted');
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  for (const e of r.errors) expect(formatScenarioError(e)).toMatch(/: expected .+, found .+$/);
  return r;
}

const lineOf = (text: string, needle: string) => text.split(/\r\n?|\n/).findIndex((l) => l.includes(needle)) + 1;

describe('a hostile scenario file', () => {
  it('an alias bomb ("billion laughs") is refused at the alias that repeats aliases, in milliseconds', () => {
    const levels = 'abcdefghi'.split('');
    const text = `${valid}bomb:\n${levels.map((l, i) => `  ${l}: &${l} [${i === 0 ? 'lol, '.repeat(9).slice(0, -2) : `*${levels[i - 1]}, `.repeat(9).slice(0, -2)}]`).join('\n')}\n`;
    const heap = process.memoryUsage().heapUsed;
    const [e] = refused(() => parseScenarioText(text, 'bomb.yaml'), 2_000).errors;
    expect(process.memoryUsage().heapUsed - heap, 'bytes of heap held').toBeLessThan(50e6);
    expect(e).toMatchObject({ path: '', expected: 'aliases (*name) that repeat an anchored value at most 100 times in all', found: '*b repeated past that limit (the pattern of an "alias bomb")' });
    expect(e!.line).toBe(lineOf(text, '  c: &c'));
    expect(e!.column).toBeGreaterThan(1);
  });

  it.each([
    ['flow lists', `id: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 1],
    ['block lists', `title: x\nid:\n${'- '.repeat(10_000)}1\n`, 3],
    ['flow mappings', `id: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, 1],
  ])('lists and mappings nested 10,000 deep (%s) are refused where the nesting passes 32, without a stack overflow', (_, text, line) => {
    const [e] = refused(() => parseScenarioText(text, 'deep.yaml')).errors;
    expect(e).toMatchObject({ expected: 'lists and mappings nested at most 32 deep', found: 'nesting deeper than 32', line });
    expect(e!.column).toBeGreaterThan(32);
  });

  it('a file over 2 MB is refused before a byte of it is read', () => {
    const big = join(dir, 'big.yaml');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const buffers = process.memoryUsage().arrayBuffers;
    const [e] = refused(() => loadScenarioFile(big), 500).errors;
    expect(process.memoryUsage().arrayBuffers - buffers, 'bytes read into memory').toBeLessThan(1e6);
    expect(e).toMatchObject({ expected: 'a scenario file of at most 2 MB', found: '50.0 MB (the file is not read)' });
    // The same for text handed over directly (the bundled scenarios of the browser game).
    expect(refused(() => parseScenarioText(`${valid}#${'x'.repeat(2 * 1024 * 1024)}\n`, 'big.yaml')).errors[0]).toMatchObject({ expected: 'a scenario file of at most 2 MB' });
  });

  it('a file of junk (60,000 broken lines) gives at most 50 problems and the count of the rest', () => {
    const junk = Array.from({ length: 60_000 }, (_, i) => `k${i}: [${i}`).join('\n');
    const r = refused(() => parseScenarioText(junk, 'junk.yaml'), 20_000);
    expect(r.errors).toHaveLength(MAX_PROBLEMS);
    expect(r.more).toBeGreaterThan(1000);
    expect(problemLines(r).at(-1)).toBe(`and ${r.more} more problems`);
  });

  it('a Latin-1 file is refused naming the byte offset of the first byte that is not UTF-8', () => {
    const latin1 = join(dir, 'latin1.yaml');
    const text = valid.replace('name: Vaitupa (fictional)', 'name: Vaitupa Caf\u00e9 (fictional)');
    expect(text).not.toBe(valid);
    writeFileSync(latin1, Buffer.from(text, 'latin1'));
    const offset = Buffer.from(text.slice(0, text.indexOf('\u00e9')), 'latin1').length;
    const [e] = refused(() => loadScenarioFile(latin1)).errors;
    expect(e).toMatchObject({ path: '', expected: 'text in UTF-8 (save the file as UTF-8)', found: `byte 0xE9 at byte offset ${offset}, which is not UTF-8 (a Latin-1 or Windows-1252 file?)`, line: lineOf(text, 'Vaitupa Caf') });
    // The same file in UTF-8 is fine, and a replacement character written in the file itself is no error.
    writeFileSync(latin1, text.replace('Caf\u00e9', 'Caf\u00e9 \ufffd'), 'utf8');
    expect(loadScenarioFile(latin1)).toMatchObject({ ok: true });
  });

  it('a file with CR-only line endings (an old Mac file) reads as the same scenario, not as an empty or broken one', () => {
    const cr = join(dir, 'cr.yaml');
    writeFileSync(cr, valid.replace(/\n/g, '\r'));
    const a = loadScenarioFile(VALID);
    const b = loadScenarioFile(cr);
    expect(b).toMatchObject({ ok: true });
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
    // Its problems are on the right line.
    const text = valid.replace('rounds: 4', 'rounds: 400').replace(/\n/g, '\r');
    const [e] = refused(() => parseScenarioText(text, 'cr.yaml')).errors;
    expect(e).toMatchObject({ path: 'rounds', line: lineOf(text, 'rounds: 400') });
  });

  it('a cable routed through the same landing twice is refused, as the engine refuses it in an offer', () => {
    const text = valid.replace('route: [anuvai, suva]', 'route: [anuvai, suva, anuvai]');
    const [e] = refused(() => parseScenarioText(text, 'twice.yaml')).errors;
    expect(e).toMatchObject({ path: 'cables[0].route[2]', expected: 'a landing not already on the route (route[0] is "anuvai" too)', found: '"anuvai"', line: lineOf(text, 'anuvai, suva, anuvai') });
  });

  it('an ANSI escape code in a title is refused, and echoed only escaped', () => {
    const text = valid.replace('title: Corpus control', 'title: "\\e[2J\\e[31mCorpus\\u009b0m control"');
    const [e] = refused(() => parseScenarioText(text, 'ansi.yaml')).errors;
    expect(e).toMatchObject({ path: 'title', expected: 'a text without control characters (such as ANSI escape codes)', found: '"\\u001b[2J\\u001b[31mCorpus\\u009b0m control"', line: lineOf(text, 'title:') });
    // eslint-disable-next-line no-control-regex
    expect(formatScenarioError(e!)).not.toMatch(/[\u001b\u009b]/);
  });

  it('a huge value is echoed cut to about 80 characters', () => {
    const text = valid.replace('title: Corpus control', `title: ${'x'.repeat(100_000)}`).replace('rounds: 4', `rounds: 4\n? ${'y'.repeat(10_000)}\n: 1`);
    const r = refused(() => parseScenarioText(text, 'long.yaml'));
    for (const e of r.errors) expect(formatScenarioError(e).length).toBeLessThan(400);
    expect(r.errors.find((e) => e.path === 'title')).toMatchObject({ expected: 'a text of at most 120 characters', found: `"${'x'.repeat(77)}..."` });
    expect(r.errors.find((e) => e.found.includes('scenarios have no field'))).toMatchObject({ found: `\`${'y'.repeat(77)}...\`: scenarios have no field \`${'y'.repeat(77)}...\`` });
  });

  it('a tabled deal the rules cannot read (financing null) is a problem, not a crash', () => {
    const text = `${valid.replace(/^sources:/m, 'tabled:\n  - round: 1\n    from: beijing\n    deal: { kind: aid, to: VTP, amount: 100, financing: null }\nsources:')}`;
    expect(text).toContain('tabled:');
    const [e] = refused(() => parseScenarioText(text, 'tabled.yaml')).errors;
    expect(e!.path).toMatch(/^tabled\[0\]\.deal/);
    expect(e!.line).toBe(lineOf(text, 'deal: { kind: aid'));
  });
});
