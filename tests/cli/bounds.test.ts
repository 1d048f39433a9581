import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every command checks its arguments before any work, exits 2 with one line for a bad one, and never prints a stack trace. */
const run = (script: string, args: string[], env: Record<string, string> = {}) => {
  const started = performance.now();
  const out = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { encoding: 'utf8', cwd: process.cwd(), env: { ...process.env, DEBUG: '', ...env } });
  return { ...out, seconds: (performance.now() - started) / 1000 };
};
const STACK = /\n\s+at .+:\d+:\d+/;
const dir = mkdtempSync(join(tmpdir(), 'lr-bounds-'));

function refusedInOneLine(script: string, args: string[], message: RegExp | string): void {
  const out = run(script, args);
  expect(out.status, out.stderr).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr.trimEnd().split('\n'), out.stderr).toHaveLength(1);
  expect(out.stderr).toMatch(message);
  expect(out.stderr).not.toMatch(STACK);
}

describe('command-line bounds', () => {
  it('--games is a whole number from 1 to 1,000,000 in batch and tournament', () => {
    for (const games of ['1e9', '1e20', '-3'])
      refusedInOneLine('batch', ['--scenario', 'tutorial', `--games=${games}`], `--games takes a whole number from 1 to 1,000,000, not "${games}".`);
    refusedInOneLine('batch', ['--games', '5'], '--scenario is needed (npm run batch -- --help shows the usage)');
    refusedInOneLine('tournament', ['--scenario', 'tutorial', '--a', 'easy', '--b', 'normal', '--games', '1e9'], '--games takes a whole number from 1 to 1,000,000, not "1e9".');
  });

  it('an empty seed is refused rather than taken as 0, and every bad argument is refused before any game is played', () => {
    refusedInOneLine('sim', ['--scenario', 'coral-sea', '--seed', ''], '--seed takes a whole number, not "".');
    refusedInOneLine('sim', ['--scenario', 'coral-sea', '--seed', '1', '--rounds', '0'], '--rounds takes a whole number from 1 to 60, not "0".');
    // A million games would take hours: the bad worker count stops it first.
    refusedInOneLine('batch', ['--scenario', 'tutorial', '--games', '1000000', '--workers', '65'], '--workers takes a whole number from 1 to 64, not "65".');
    refusedInOneLine('sim', ['coral-sea'], /^"coral-sea": an argument this command does not take/);
    refusedInOneLine('sim', ['--scenario', 'constructor', '--seed', '1'], /^--scenario "constructor": there is no such file, and no shipped scenario has that id \(shipped: coral-sea, /);
    refusedInOneLine('tournament', ['--scenario', 'tutorial', '--a', 'easy', '--b', 'normal', '--seats', ''], /^--seats: "" has no seat in tutorial/);
  });

  it('sim --record into a folder that does not exist is refused before the game is played', () => {
    refusedInOneLine('sim', ['--scenario', 'coral-sea', '--seed', '1', '--record', '/no/such/dir/x.json'], '--record "/no/such/dir/x.json": there is no folder "/no/such/dir" to write it in.');
    refusedInOneLine('sim', ['--scenario', 'coral-sea', '--seed', '1', '--record', dir], /that is a folder; give a file name/);
  });

  it.skipIf(!existsSync('/dev/full'))('an error no check foresaw (the disk is full) prints one line and exits 1; DEBUG=1 shows the trace', () => {
    const full = run('sim', ['--scenario', 'tutorial', '--seed', '1', '--rounds', '1', '--record', '/dev/full']);
    expect(full.status).toBe(1);
    expect(full.stderr.trimEnd().split('\n')).toEqual(['sim: ENOSPC: no space left on device, write (an unexpected error; DEBUG=1 shows where it happened)']);
    const debug = run('sim', ['--scenario', 'tutorial', '--seed', '1', '--rounds', '1', '--record', '/dev/full'], { DEBUG: '1' });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  });

  it('replay refuses what is not a record, and a file over 20 MB unread', () => {
    const nul = join(dir, 'null.json');
    for (const text of ['null', '[]', '"coral-sea"']) {
      writeFileSync(nul, text);
      const out = run('replay', [nul]);
      expect(out.status).toBe(1);
      // One plain line naming the file, never 'scenario "undefined"' or a stack trace.
      expect(out.stderr.trim()).toMatch(new RegExp(`^"${nul.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": This is not a Landing Rights game record \\(expected a JSON object, found (null|a list|an array|a string)\\)\\.$`));
    }
    const big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1000 * 1000);
    closeSync(fd);
    const out = run('replay', [big]);
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toBe(`"${big}": 200.0 MB is more than a game record can be (at most 20 MB); the file is not read.`);
    expect(out.seconds).toBeLessThan(20);
  });
});

describe('npm run validate on hostile files', () => {
  it('lists at most 50 problems of a file, then how many more, and refuses a file over 2 MB unread', () => {
    const junk = join(dir, 'junk.yaml');
    writeFileSync(junk, Array.from({ length: 3000 }, (_, i) => `k${i}: [${i}`).join('\n'));
    const big = join(dir, 'big.yaml');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const out = run('validate', [junk, big]);
    expect(out.status).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error .*junk\.yaml — \d+ problems:$/);
    expect(lines.filter((l) => l.includes('junk.yaml:'))).toHaveLength(50);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}and \d+ more problems$/));
    expect(out.stdout).toContain('big.yaml: expected a scenario file of at most 2 MB, found 50.0 MB (the file is not read)');
    expect(out.stderr).toBe('');
  });

  it('never prints a control character from a file or an argument raw: ANSI escape codes come out escaped', () => {
    const ansi = join(dir, 'ansi.yaml');
    writeFileSync(ansi, readFileSync('tests/scenario/broken/_valid.yaml', 'utf8').replace('title: Corpus control', 'title: "\\e[2J\\e]0;pwned\\a Corpus"'));
    const named = join(dir, '\u001b[31mred.yaml');
    writeFileSync(named, 'id: [\n');
    const out = run('validate', [ansi, named]);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('expected a text without control characters (such as ANSI escape codes), found "\\u001b[2J\\u001b]0;pwned\\u0007 Corpus"');
    expect(out.stdout).toContain('\\u001b[31mred.yaml');
    const bots = run('sim', ['--scenario', 'coral-sea', '--seed', '1', '--bots', '\u001b[2J']);
    expect(bots.status).toBe(2);
    // eslint-disable-next-line no-control-regex
    for (const text of [out.stdout, out.stderr, bots.stderr]) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
