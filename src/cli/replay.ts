import { readFileSync, statSync } from 'node:fs';
import { embeddedScenarioMatches, replay } from '../host/match';
import { parseRecordText } from '../host/open';
import { checkRecord, clip, MAX_RECORD_BYTES } from '../host/record';
import { scenarioFiles } from '../scenario/files';
import { parseScenarioText, formatScenarioError } from '../scenario/load';
import { fail, scenarioOrExit, options } from './args';

const USAGE = `Usage: npm run replay -- RECORD.json [--scenario FILE]

Plays a game record again and reports, round by round, whether the state hash matches.
The scenario is the one the record carries (format 2), else the shipped one of the record's
scenario id, unless --scenario names a file.`;

const { values, positionals } = options({ scenario: { type: 'string' }, help: { type: 'boolean' } }, USAGE);
if (values.help || positionals.length !== 1) fail(USAGE, values.help ? 0 : 2);
const file = positionals[0] as string;
let text: string;
try {
  if (statSync(file).size > MAX_RECORD_BYTES) fail(`${file}: too large to be a game record (over ${MAX_RECORD_BYTES / 1_000_000} MB).`);
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
}
const parsed = parseRecordText(text);
if (!parsed.ok) fail(`${file}: ${parsed.message}`);
const checked = checkRecord(parsed.data);
if (!checked.ok) fail(`${file}: ${checked.message}`);
const record = checked.record;
const id = record.scenario.id;
let loaded: { scenario: Parameters<typeof replay>[1]; hash: string };
if (values.scenario) loaded = scenarioOrExit(values.scenario);
else if (embeddedScenarioMatches(record)) {
  const r = parseScenarioText(record.scenario.text ?? '', `${file} (its scenario)`);
  if (!r.ok) fail(r.errors.slice(0, 50).map(formatScenarioError).join('\n'));
  loaded = { scenario: r.scenario, hash: record.scenario.hash };
} else if (Object.hasOwn(scenarioFiles(), id)) loaded = scenarioOrExit(id);
else fail(`${file}: the record's scenario "${clip(id)}" is not a shipped scenario and the record does not carry it; name its file with --scenario.`);
const result = replay(record, loaded.scenario, loaded.hash);
if (!result.ok) fail(`${file}: ${result.message}`);
for (const r of result.rounds) console.log(`round ${String(r.round).padStart(2)}  ${r.match ? 'match   ' : 'MISMATCH'}  ${r.expected.slice(0, 16)}${r.match ? '' : ` != ${(r.actual ?? 'missing').slice(0, 16)}`}`);
console.log(result.allMatch ? `All ${result.rounds.length} round hashes match.` : 'The replay does not match the record.');
process.exit(result.allMatch ? 0 : 1);
