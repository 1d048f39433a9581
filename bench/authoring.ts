/**
 * Authoring report benchmark: node --import tsx bench/authoring.ts [SCENARIO...]
 *
 * For each scenario (default: Coral Sea and Honiara, five seats each), opens its file from the
 * New game screen of the built game in headless Chromium and times its authoring report (30 games
 * with the built-in policies and 12 with normal bots, in two Web Workers) from the click to the
 * report drawn. Target: under a minute for a five-seat scenario. The same report on the command
 * line (`npm run validate -- FILE --report`, one thread) is timed beside it.
 *
 * Prints one line per measurement and a JSON summary line at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startServer } from '../src/cli/serve';
import { launchBrowser } from '../tests/e2e/chromium';
import { reportGame, reportPlan } from '../src/ai/report';
import { loadScenarioFile, scenarioFiles } from '../src/scenario/files';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ids = process.argv.slice(2).filter((a) => a !== '--');
const scenarios = ids.length ? ids : ['coral-sea', 'honiara'];
const results: Record<string, number> = {};
const report = (name: string, value: number, unit: string) => {
  results[name] = Number(value.toFixed(2));
  console.log(`${name.padEnd(48)} ${value.toFixed(2).padStart(10)} ${unit}`);
};

const site = mkdtempSync(join(tmpdir(), 'landing-rights-authoring-bench-'));
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
const server = await startServer({ root: site, port: 0, host: '127.0.0.1' });
const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
try {
  for (const id of scenarios) {
    const path = scenarioFiles()[id];
    if (!path) throw new Error(`no scenario ${id}`);
    const text = readFileSync(path, 'utf8');
    const page = await browser.context.newPage();
    await page.goto(new URL('/?renderer=canvas&menu', server.url).href);
    await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'New game' }).click();
    await page.locator('#setup-open-file').setInputFiles({ name: `${id}.yaml`, mimeType: 'application/yaml', buffer: Buffer.from(text) });
    const button = page.locator(`#setup-report-file-${id}`);
    await button.waitFor();
    const t = performance.now();
    await button.click();
    await page.locator('#report-roles').waitFor({ timeout: 600_000 });
    report(`report in the browser, ${id} (s)`, (performance.now() - t) / 1000, 's');
    await page.close();

    const r = loadScenarioFile(path);
    if (!r.ok) throw new Error(`${id} does not load`);
    const c = performance.now();
    for (const g of reportPlan()) reportGame(r.scenario as never, r.hash, g.policy, g.seed);
    report(`report on the command line, ${id} (s)`, (performance.now() - c) / 1000, 's');
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
