import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { replay } from '../../src/host/match';
import { loadScenarioFile, resolveScenario } from '../../src/scenario/files';
import { FIXTURE } from '../../bench/record';

// `npm run bench` times the replay of this recorded game and stops with an error when it no longer
// replays, before the browser, bot and debrief benchmarks run: a scenario or rules change must be
// followed by `npm run bench:record`.
describe("the bench's fixture game", () => {
  it('replays to the same round hashes with the shipped Coral Sea scenario', () => {
    const r = loadScenarioFile(resolveScenario('coral-sea'));
    if (!r.ok) throw new Error('coral-sea does not load');
    const replayed = replay(JSON.parse(readFileSync(FIXTURE, 'utf8')), r.scenario, r.hash);
    expect(replayed.ok ? '' : replayed.message, 'run npm run bench:record').toBe('');
    expect(replayed.ok && replayed.allMatch).toBe(true);
  });
});
