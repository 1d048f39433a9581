import { loadScenarioFile } from '../scenario/files';
import { problemLines } from '../scenario/load';
import { fail, printable, usageHint } from './args';

const USAGE = `Usage: npm run validate -- FILE [FILE...]
Checks scenario files (each at most 2 MB; at most 50 problems are listed per file).
Exits 0 when all are valid, 1 when any is refused, 2 for a mistake in the arguments.`;

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const files = args;
if (files.length === 0) fail(`Give one scenario file or more to check ${usageHint}`, 2);
let bad = 0;
for (const file of files) {
  const r = loadScenarioFile(file);
  const shown = r.ok ? file : (r.errors[0]?.file ?? file);
  if (r.ok) {
    console.log(printable(`ok    ${shown} — ${r.scenario.title}, ${r.scenario.rounds} rounds, ${r.scenario.islands.length + r.scenario.powers.length} seats`));
  } else {
    bad++;
    const count = r.errors.length + (r.more ?? 0);
    console.log(printable(`error ${shown} — ${count} problem${count > 1 ? 's' : ''}:`));
    for (const line of problemLines(r)) console.log(printable(`  ${line}`));
  }
}
process.exit(bad ? 1 : 0);
