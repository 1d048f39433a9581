/**
 * Debrief benchmarks: node --import tsx bench/debrief.ts
 *
 * - replaying a finished Shared Future game (13 seats) into its figures, in Node;
 * - opening that game's debrief in headless Chromium: from choosing the file in the menu to the
 *   score chart drawn;
 * - "against the odds": BENCH_ODDS Coral Sea games (default 200) with normal bots in every seat
 *   in two Web Workers, the time to the last game and the longest main-thread task meanwhile.
 *
 * Prints one line per measurement and a JSON summary line at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startServer } from '../src/cli/serve';
import { launchBrowser } from '../tests/e2e/chromium';
import { MatchHost } from '../src/host/match';
import { playRecord } from '../src/host/figures';
import { playToEnd } from '../src/ai/autoplay';
import { simplePolicy } from '../src/ai/simple';
import { loadScenarioFile, scenarioFiles } from '../src/scenario/files';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ODDS = Number(process.env.BENCH_ODDS ?? 200);
const results: Record<string, number> = {};
const report = (name: string, value: number, unit: string) => {
  results[name] = Number(value.toFixed(2));
  console.log(`${name.padEnd(40)} ${value.toFixed(2).padStart(12)} ${unit}`);
};

const load = (id: string) => {
  const r = loadScenarioFile(scenarioFiles()[id] ?? '');
  if (!r.ok) throw new Error(`scenario ${id} does not load`);
  return r;
};

// A finished Shared Future game (the built-in policies play it quickly; its size is what counts).
const shared = load('shared-future');
const host = new MatchHost(shared.scenario, shared.hash, '1');
playToEnd(host, () => simplePolicy, '1');
const record = JSON.parse(JSON.stringify(host.record)) as unknown;
const times: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = playRecord(record, shared.scenario, shared.hash);
  if (!r.ok) throw new Error(r.message);
  times.push(performance.now() - t);
}
report('debrief replay, Shared Future (Node)', Math.min(...times), 'ms');

const site = mkdtempSync(join(tmpdir(), 'landing-rights-debrief-bench-'));
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
const server = await startServer({ root: site, port: 0, host: '127.0.0.1' });
const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
try {
  const page = await browser.context.newPage();
  await page.goto(new URL('/?renderer=canvas&menu', server.url).href);
  await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 60_000 });
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await page.locator('#menu-debrief-file').setInputFiles({ name: 'shared-future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
    await page.locator('#chart-scores canvas').first().waitFor({ timeout: 60_000 });
    opens.push(performance.now() - t);
    await page.locator('#debrief-close').click();
  }
  report('debrief opens, Shared Future (browser)', Math.min(...opens), 'ms');

  // Against the odds: Coral Sea with normal bots in two workers.
  const coral = load('coral-sea');
  const game = new MatchHost(coral.scenario, coral.hash, '1');
  playToEnd(game, () => simplePolicy, '1');
  await page.locator('#menu-debrief-file').setInputFiles({ name: 'coral-sea.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(game.record)) });
  await page.getByRole('tab', { name: 'Against the odds' }).click();
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.locator('#odds-games').fill(String(ODDS));
  const t = performance.now();
  await page.locator('#odds-run').click();
  await page.waitForFunction(() => (document.getElementById('odds-status')?.textContent ?? '').includes('done'), undefined, { timeout: 30 * 60_000, polling: 500 });
  report(`odds: ${ODDS} Coral Sea games, 2 workers`, (performance.now() - t) / 1000, 's');
  report('odds: longest main-thread task', await page.evaluate(() => (window as unknown as { __longest: number }).__longest), 'ms');
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
console.log(JSON.stringify({ debrief: results }));
