import { loadScenarioFile } from '../scenario/files';
import { problemLines } from '../scenario/load';
import { REPORT_SEEDS, reportGame, reportPlan, reportText, summariseReport, type GameDigest, type ReportPolicy } from '../ai/report';
import type { ScenarioData } from '../engine';
import { fail, printable, usageHint } from './args';

const USAGE = `Usage: npm run validate -- FILE [FILE...] [--report [--seeds S,N] [--json]]
Checks scenario files (each at most 2 MB; at most 50 problems are listed per file).
--report  also plays each valid file with the built-in policies (S seeds, default ${REPORT_SEEDS.simple})
          and with normal computer players (N seeds, default ${REPORT_SEEDS.normal}) and says, in plain
          words, which tabled offers and scripted events fired, which were dropped and why, each
          role's win rate and score spread, and what a teacher may want to change.
--json    prints the report as one JSON document per file.
Exits 0 when all are valid, 1 when any is refused, 2 for a mistake in the arguments.`;

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
let report = false;
let json = false;
let seeds: Record<ReportPolicy, number> = { ...REPORT_SEEDS };
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? '';
  if (a === '--report') report = true;
  else if (a === '--json') json = true;
  else if (a === '--seeds') {
    const v = args[++i] ?? '';
    const m = /^(\d{1,3}),(\d{1,3})$/.exec(v);
    const s = Number(m?.[1]);
    const n = Number(m?.[2]);
    if (!m || s < 0 || s > 200 || n < 0 || n > 200 || s + n === 0) fail(`--seeds takes two whole numbers from 0 to 200, games with the built-in policies and with normal computer players, such as 30,12 ${usageHint}`, 2);
    seeds = { simple: s, normal: n };
  } else if (a.startsWith('--')) fail(`"${a.slice(0, 40)}": an option this command does not take ${usageHint}`, 2);
  else files.push(a);
}
if (files.length === 0) fail(`Give one scenario file or more to check ${usageHint}`, 2);
if (!report && (json || args.includes('--seeds'))) fail(`--json and --seeds go with --report ${usageHint}`, 2);

let bad = 0;
for (const file of files) {
  const r = loadScenarioFile(file);
  const shown = r.ok ? file : (r.errors[0]?.file ?? file);
  if (r.ok) {
    if (!json) console.log(printable(`ok    ${shown} — ${r.scenario.title}, ${r.scenario.rounds} rounds, ${r.scenario.islands.length + r.scenario.powers.length} seats`));
    if (report) {
      const scenario = r.scenario as unknown as ScenarioData;
      const plan = reportPlan(seeds);
      const digests: GameDigest[] = [];
      const started = Date.now();
      for (const [i, game] of plan.entries()) {
        digests.push(reportGame(scenario, r.hash, game.policy, game.seed));
        if (process.stderr.isTTY) process.stderr.write(`\rPlaying ${i + 1} of ${plan.length} games…`);
      }
      if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
      const summary = summariseReport(scenario, digests);
      if (json) console.log(JSON.stringify({ file: shown, seconds: (Date.now() - started) / 1000, ...summary }));
      else console.log(printable(`\n${reportText(summary)}\n(${plan.length} games in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`));
    }
  } else {
    bad++;
    const count = r.errors.length + (r.more ?? 0);
    if (json) console.log(JSON.stringify({ file: shown, problems: problemLines(r) }));
    else {
      console.log(printable(`error ${shown} — ${count} problem${count > 1 ? 's' : ''}:`));
      for (const line of problemLines(r)) console.log(printable(`  ${line}`));
    }
  }
}
process.exit(bad ? 1 : 0);
