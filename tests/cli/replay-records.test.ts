import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, sha256Hex } from '../../src/engine';
import { MatchHost, withoutHistory } from '../../src/host/match';
import { MAX_RECORD_BYTES } from '../../src/host/record';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { loadScenario } from '../helpers';

const replay = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', file], { encoding: 'utf8', cwd: process.cwd() });
const dir = mkdtempSync(join(tmpdir(), 'lr-replay-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run replay on records of every kind', () => {
  it('says a null, a list or a string is not a game record, never naming scenario "undefined"', () => {
    for (const [name, text] of [
      ['null.json', 'null'],
      ['list.json', '[]'],
      ['string.json', '"hello"'],
    ]) {
      const r = replay(write(name ?? '', text ?? ''));
      expect(r.status, name).toBe(1);
      expect(r.stderr).toMatch(/This is not a Landing Rights game record \(expected a JSON object, found (null|a list|a string)\)/);
      expect(r.stderr).not.toContain('undefined');
    }
  });

  it('refuses a file over 20 MB without reading it', () => {
    const r = replay(write('huge.json', ' '.repeat(MAX_RECORD_BYTES + 1)));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is more than a game record can be \(at most 20 MB\); the file is not read/);
  });

  it('replays a record of a scenario the game does not ship, from the scenario the record carries', () => {
    const { scenario } = loadScenario('coral-sea');
    const own = { ...structuredClone(scenario), id: 'coral-sea-classroom', title: 'Coral Sea (our class)' };
    // The hash of the scenario as played: its history (for the debrief) stays outside it.
    const host = new MatchHost(own, sha256Hex(canonicalJson(withoutHistory(own))), '6');
    playToEnd(host, () => simplePolicy, '6', 2);
    const r = replay(write('own.json', JSON.stringify(host.record)));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('All 2 round hashes match.');
    // A round hash replaced by another round's is caught.
    const swapped = { ...host.record, hashes: [host.record.hashes[0], { round: 2, hash: host.record.hashes[0]?.hash }] };
    const bad = replay(write('swapped.json', JSON.stringify(swapped)));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('MISMATCH');
  });
});
