import { loadScenarioFile } from '../scenario/files';
import { formatScenarioError } from '../scenario/load';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  process.stderr.write('Usage: npm run validate -- FILE [FILE...]\nChecks scenario files; exits 0 when all are valid, 1 otherwise.\n');
  process.exit(2);
}
let bad = 0;
for (const file of files) {
  const r = loadScenarioFile(file);
  if (r.ok) {
    console.log(`ok    ${file} — ${r.scenario.title}, ${r.scenario.rounds} rounds, ${r.scenario.islands.length + r.scenario.powers.length} seats`);
  } else {
    bad++;
    console.log(`error ${file} — ${r.errors.length} problem${r.errors.length > 1 ? 's' : ''}:`);
    for (const e of r.errors) console.log(`  ${formatScenarioError(e)}`);
  }
}
process.exit(bad ? 1 : 0);
