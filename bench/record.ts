import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { simplePolicy } from '../src/ai/simple';
import { loadScenarioFile, resolveScenario } from '../src/scenario/files';

/** Re-records the bench's fixture game. Run after any rules change (npm run bench:record); never edit the fixture by hand. */
export const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'coral-sea-seed-1.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = loadScenarioFile(resolveScenario('coral-sea'));
  if (!r.ok) throw new Error('coral-sea does not load');
  const host = new MatchHost(r.scenario, r.hash, '1');
  playToEnd(host, () => simplePolicy, '1');
  writeFileSync(FIXTURE, `${JSON.stringify(host.record)}\n`);
  console.log(`Recorded ${host.record.actions.length} actions, ${host.record.hashes.length} round hashes to ${FIXTURE}`);
}
