import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fail, printable, usageHint } from './args';
import { parseScenarioText, problemLines } from '../scenario/load';
import { checkTemplateOptions, scenarioTemplate, type FactPack } from '../scenario/template';
import type { PowerId } from '../engine/types';

const USAGE = `Usage: npm run new-scenario -- --islands VUT[,SLB...] --powers beijing,canberra[,washington] --start YYYY-MM --rounds N [--months 3] [--out FILE]
Writes a commented, valid starting scenario with the fact pack's capitals, population, sourced
government revenue, recognition, cables and landings, for you to edit (docs/scenario-format.md). It goes to
standard output, or to FILE with --out (an existing FILE is not overwritten).`;

const FACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/data/pacific-facts.json');

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      islands: { type: 'string' },
      powers: { type: 'string' },
      start: { type: 'string' },
      rounds: { type: 'string' },
      months: { type: 'string', default: '3' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (e) {
  fail(`${(e as Error).message.split('\n')[0] ?? ''} ${usageHint}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const required of ['islands', 'powers', 'start', 'rounds'] as const) if (values[required] === undefined) fail(`Give --${required} ${usageHint}`, 2);
const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
const options = {
  islands: list(values.islands).map((i) => i.toUpperCase()),
  powers: list(values.powers).map((p) => p.toLowerCase()) as PowerId[],
  start: values.start ?? '',
  rounds: Number(values.rounds),
  monthsPerRound: Number(values.months),
};
const facts = JSON.parse(readFileSync(FACTS, 'utf8')) as FactPack;
const wrong = checkTemplateOptions(facts, options);
if (wrong) fail(`${wrong} ${usageHint}`, 2);
const text = scenarioTemplate(facts, options);
// The file written must load as it is: a template that does not is a defect, never the teacher's problem to find.
const checked = parseScenarioText(text, values.out ?? 'new scenario');
if (!checked.ok) fail(`The template is not valid (a defect of new-scenario):\n${problemLines(checked).join('\n')}`, 1);
if (values.out) {
  try {
    writeFileSync(values.out, text, { flag: 'wx' });
  } catch (e) {
    fail(`Could not write ${values.out}: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists (choose another name, or remove it first)' : (e as Error).message}`, 1);
  }
  console.log(printable(`Wrote ${values.out}: ${checked.scenario.title}, ${checked.scenario.rounds} rounds; edit it, then npm run validate -- ${values.out}`));
} else process.stdout.write(text);
