import { readFileSync, statSync } from 'node:fs';
import { replay } from '../host/match';
import { scenarioFiles } from '../scenario/files';
import { clip } from '../scenario/load';
import { fail, scenarioOrExit, options, printable, quote, usageHint } from './args';

/** The largest record read at all (as for a record imported in the browser): room for an embedded scenario. */
const MAX_RECORD_BYTES = 20_000_000;

const USAGE = `Usage: npm run replay -- RECORD.json [--scenario FILE]

Plays a game record again and reports, round by round, whether the state hash matches.
The scenario is found among the shipped ones by the record's scenario id unless --scenario names a file.
Records over 20 MB are refused unread.
Exits 0 when every round hash matches, 1 when the replay differs or the record or scenario is refused,
2 for a mistake in the arguments.`;

const { values, positionals } = options({ scenario: { type: 'string' }, help: { type: 'boolean' } }, USAGE, { positionals: true });
if (positionals.length !== 1) fail(`Give one game record file, not ${positionals.length} ${usageHint}`, 2);
const file = positionals[0] as string;
let data: unknown;
try {
  const size = statSync(file).size;
  if (size > MAX_RECORD_BYTES) fail(`${quote(file)}: ${(size / 1e6).toFixed(1)} MB is more than a game record can be (at most ${MAX_RECORD_BYTES / 1e6} MB); the file is not read.`);
  data = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(`${quote(file)}: not a readable JSON game record (${clip((e as Error).message.split('\n')[0] ?? '', 160)}).`);
}
const scenarioField = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { scenario?: unknown }).scenario : undefined;
if (scenarioField === undefined || scenarioField === null || typeof scenarioField !== 'object') fail(`${quote(file)}: not a game record (a record is a JSON object naming its scenario, seed and actions).`);
const id = (scenarioField as { id?: unknown }).id;
const shipped = scenarioFiles();
const scenarioName = values.scenario ?? (typeof id === 'string' && Object.hasOwn(shipped, id) ? id : undefined);
if (!scenarioName) fail(`${quote(file)}: the record's scenario ${typeof id === 'string' ? quote(id) : '(none named)'} is not a shipped scenario; name its file with --scenario.`);
const { scenario, hash } = scenarioOrExit(scenarioName);
const result = replay(data, scenario, hash);
if (!result.ok) fail(`${quote(file)}: ${result.message}`);
for (const r of result.rounds) console.log(printable(`round ${String(r.round).padStart(2)}  ${r.match ? 'match   ' : 'MISMATCH'}  ${r.expected.slice(0, 16)}${r.match ? '' : ` != ${(r.actual ?? 'missing').slice(0, 16)}`}`));
console.log(result.allMatch ? `All ${result.rounds.length} round hashes match.` : 'The replay does not match the record.');
process.exit(result.allMatch ? 0 : 1);
