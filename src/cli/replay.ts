import { readFileSync, statSync } from 'node:fs';
import { embeddedScenarioMatches, replay } from '../host/match';
import { parseRecordText } from '../host/open';
import { checkRecord, MAX_RECORD_BYTES } from '../host/record';
import { scenarioFiles } from '../scenario/files';
import { clip, parseScenarioText, formatScenarioError } from '../scenario/load';
import { fail, scenarioOrExit, options, printable, quote, usageHint } from './args';

const USAGE = `Usage: npm run replay -- RECORD.json [--scenario FILE]

Plays a game record again and reports, round by round, whether the state hash matches.
The scenario is the one the record carries (format 2), else the shipped one of the record's
scenario id, unless --scenario names a file. Records over 20 MB are refused unread.
Exits 0 when every round hash matches, 1 when the replay differs or the record or scenario is refused,
2 for a mistake in the arguments.`;

const { values, positionals } = options({ scenario: { type: 'string' }, help: { type: 'boolean' } }, USAGE, { positionals: true });
if (positionals.length !== 1) fail(`Give one game record file, not ${positionals.length} ${usageHint}`, 2);
const file = positionals[0] as string;
let text: string;
try {
  const size = statSync(file).size;
  if (size > MAX_RECORD_BYTES) fail(`${quote(file)}: ${(size / 1e6).toFixed(1)} MB is more than a game record can be (at most ${MAX_RECORD_BYTES / 1e6} MB); the file is not read.`);
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`${quote(file)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? clip((e as Error).message.split('\n')[0] ?? '', 160)}).`);
}
const parsed = parseRecordText(text);
if (!parsed.ok) fail(`${quote(file)}: ${parsed.message}`);
const checked = checkRecord(parsed.data);
if (!checked.ok) fail(`${quote(file)}: ${checked.message}`);
const record = checked.record;
const id = record.scenario.id;
let loaded: { scenario: Parameters<typeof replay>[1]; hash: string };
if (values.scenario) loaded = scenarioOrExit(values.scenario);
else if (embeddedScenarioMatches(record)) {
  const r = parseScenarioText(record.scenario.text ?? '', `${file} (its scenario)`);
  if (!r.ok) fail(r.errors.slice(0, 50).map(formatScenarioError).join('\n'));
  loaded = { scenario: r.scenario, hash: record.scenario.hash };
} else if (Object.hasOwn(scenarioFiles(), id)) loaded = scenarioOrExit(id);
else fail(`${quote(file)}: the record's scenario ${quote(id)} is not a shipped scenario and the record does not carry it; name its file with --scenario.`);
const result = replay(record, loaded.scenario, loaded.hash);
if (!result.ok) fail(`${quote(file)}: ${result.message}`);
for (const r of result.rounds) console.log(printable(`round ${String(r.round).padStart(2)}  ${r.match ? 'match   ' : 'MISMATCH'}  ${r.expected.slice(0, 16)}${r.match ? '' : ` != ${(r.actual ?? 'missing').slice(0, 16)}`}`));
console.log(result.allMatch ? `All ${result.rounds.length} round hashes match.` : 'The replay does not match the record.');
process.exit(result.allMatch ? 0 : 1);
