/**
 * A lesson in real time, in browsers, on this machine only (127.0.0.1): too long for `npm test`, so a script.
 *
 *   node --import tsx bench/lesson-browser.ts [--phase-seconds 60] [--pause-seconds 5]
 *        [--shots tests/e2e/screenshots/lesson-browser-bench] [--json]
 *
 * Builds the site and starts it with its rooms server (tests/e2e/online-site.ts), then plays the
 * Honiara 50-minute cut in Chromium as a class would (tests/e2e/lesson-run.ts): the teacher hosts it
 * from the menu, opens the console, makes every seat a team, sets the clocks and starts; the
 * projector shows the room's screen at 1920×1080; five teams of two, each person on a device of
 * their own, send aid offers, accept them, give sealed orders and approve a teammate's loan, all
 * through the pages. The facilitator pauses and resumes in round 2 and injects a cyclone on the
 * Solomons. Nobody ends a phase: the deadline does. At the end the host's record is replayed:
 * every round hash must match; no page may ever have shown another seat's secret. Prints the wall
 * time, rounds, moves made through the pages, co-signed moves, the pause and whether the replay
 * matched; exits non-zero on any failure.
 */
import { join } from 'node:path';
import { fail, intOption, options } from '../src/cli/args';
import { ROOT } from '../tests/server/helpers';
import { runLesson } from '../tests/e2e/lesson-run';
import { openOnlineSite } from '../tests/e2e/online-site';

const USAGE = 'Usage: node --import tsx bench/lesson-browser.ts [--phase-seconds 60 (5-600)] [--pause-seconds 5 (1-60)] [--shots FOLDER] [--json]';
const { values } = options({ 'phase-seconds': { type: 'string' }, 'pause-seconds': { type: 'string' }, shots: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
const phaseSeconds = intOption(values['phase-seconds'], 'phase-seconds', 60);
const pauseSeconds = intOption(values['pause-seconds'], 'pause-seconds', 5);
if (phaseSeconds < 5 || phaseSeconds > 600) fail(`--phase-seconds must be from 5 to 600.\n${USAGE}`, 2);
if (pauseSeconds < 1 || pauseSeconds > 60) fail(`--pause-seconds must be from 1 to 60.\n${USAGE}`, 2);
const shots = values.shots ?? join(ROOT, 'tests/e2e/screenshots/lesson-browser-bench');
const log = (s: string) => values.json || process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  const began = Date.now();
  log('building the site and starting its server…');
  const site = await openOnlineSite('lesson-browser');
  try {
    const r = await runLesson({ url: site.server.url, browser: site.browser, phaseSeconds, pauseSeconds, shots, log });
    const failures = [
      ...r.problems,
      ...r.secretLeaks.map((l) => `secret shown: ${l}`),
      ...(r.replayMatches ? [] : ['the record does not replay to the same round hashes']),
      ...(r.finalHashMatches ? [] : ['the final state hash differs on replay']),
      ...(r.pauseSeenEverywhere ? [] : ['not every page said "Paused by the facilitator"']),
      ...(r.injectSeen ? [] : ['the injected cyclone did not reach the Solomons’ news']),
      ...(r.coSignedInRecord > 0 ? [] : ['no co-signed move in the record']),
      ...(Object.keys(r.movesBySeat).length < r.teams ? ['a team made no move through its pages'] : []),
      ...Object.entries(r.movesBySeat).flatMap(([seat, n]) => (n.length < r.rounds || n.some((x) => x === 0) ? [`${seat} made no move in some round (${n.join(', ')})`] : [])),
      ...r.pageErrors.map((e) => `page error: ${e}`),
    ];
    const result = { ...r, totalSec: Math.round((Date.now() - began) / 100) / 10, ok: failures.length === 0, failures };
    if (values.json) console.log(JSON.stringify(result));
    else {
      const { movesBySeat, finalScores, screenshots, ...rest } = result;
      console.log(Object.entries(rest).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('; ') || 'none' : v}`).join('\n'));
      console.log(`movesBySeat: ${Object.entries(movesBySeat).map(([s, n]) => `${s} ${n.join('/')}`).join(', ')}`);
      console.log(`finalScores: ${Object.entries(finalScores).map(([s, n]) => `${s} ${n}`).join(', ')}`);
      console.log(`screenshots: ${screenshots.length} in ${shots}`);
    }
    if (failures.length) process.exitCode = 1;
  } finally {
    await site.close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
