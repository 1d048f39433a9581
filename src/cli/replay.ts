import { readFileSync } from 'node:fs';
import { replay } from '../host/match';
import { scenarioFiles } from '../scenario/files';
import { fail, scenarioOrExit, options } from './args';

const USAGE = `Usage: npm run replay -- RECORD.json [--scenario FILE]

Plays a game record again and reports, round by round, whether the state hash matches.
The scenario is found among the shipped ones by the record's scenario id unless --scenario names a file.`;

const { values, positionals } = options({ scenario: { type: 'string' }, help: { type: 'boolean' } }, USAGE);
if (values.help || positionals.length !== 1) fail(USAGE, values.help ? 0 : 2);
const file = positionals[0] as string;
let data: unknown;
try {
  data = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(`${file}: not a readable JSON game record (${(e as Error).message.split('\n')[0]}).`);
}
const id = (data as { scenario?: { id?: unknown } })?.scenario?.id;
const scenarioName = values.scenario ?? (typeof id === 'string' && scenarioFiles()[id] ? id : undefined);
if (!scenarioName) fail(`${file}: the record's scenario "${String(id)}" is not a shipped scenario; name its file with --scenario.`);
const { scenario, hash } = scenarioOrExit(scenarioName);
const result = replay(data, scenario, hash);
if (!result.ok) fail(`${file}: ${result.message}`);
for (const r of result.rounds) console.log(`round ${String(r.round).padStart(2)}  ${r.match ? 'match   ' : 'MISMATCH'}  ${r.expected.slice(0, 16)}${r.match ? '' : ` != ${(r.actual ?? 'missing').slice(0, 16)}`}`);
console.log(result.allMatch ? `All ${result.rounds.length} round hashes match.` : 'The replay does not match the record.');
process.exit(result.allMatch ? 0 : 1);
