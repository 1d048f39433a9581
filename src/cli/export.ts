import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dealsCsv, eventsCsv, playRecord, roundsCsv } from '../host/figures';
import { scenarioFiles } from '../scenario/files';
import { fail, options, scenarioOrExit } from './args';
import { debriefHtml } from '../host/handout';

const USAGE = `Usage: npm run export -- RECORD.json --out DIR [--scenario FILE]

Plays a game record again and writes its figures into DIR:
  rounds.csv    one row per round and role: score, each objective, treasury, debt, connectivity,
                alignment and influence (round 0 is the start)
  deals.csv     one row per signed agreement, with the money paid under it from the ledger
  events.csv    one row per event
  debrief.html  a printable debrief: scores, charts, timeline, what really happened, the
                discussion prompts and one page per role
The scenario is found among the shipped ones by the record's scenario id unless --scenario names a file.`;

const { values, positionals } = options({ out: { type: 'string' }, scenario: { type: 'string' }, help: { type: 'boolean' } }, USAGE, { positionals: true });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1 || !values.out) fail(USAGE, 2);
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
const played = playRecord(data, scenario, hash);
if (!played.ok) fail(`${file}: ${played.message}`);
const f = played.played.figures;
const out = values.out;
try {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'rounds.csv'), roundsCsv(f));
  writeFileSync(join(out, 'deals.csv'), dealsCsv(f));
  writeFileSync(join(out, 'events.csv'), eventsCsv(f));
  writeFileSync(join(out, 'debrief.html'), debriefHtml(f, scenario.history));
} catch (e) {
  fail(`${out}: could not write the figures (${(e as Error).message}).`);
}
console.log(`${f.scenario.title}, seed ${f.seed}: ${f.rounds.length} round rows, ${f.deals.length} deals, ${f.events.length} events written to ${out}/ (rounds.csv, deals.csv, events.csv, debrief.html).`);
