/**
 * Browser benchmarks: node --import tsx bench/browser.ts
 *
 * - the initial JavaScript of the real site (index.html built with Vite): the entry chunk and its
 *   static imports, raw and gzip;
 * - time from navigation to `window.__landingRights.ready` on localhost in headless Chromium;
 * - the median frame time over ~3 s while cables animate, in the map harness (tests/e2e/harness);
 * - End phase in a solo game: the click's handler, the next frame, the wait for the next turn.
 *
 * Headless Chromium here draws WebGL with SwiftShader (on the CPU), so frame times are far above
 * what a laptop's GPU gives; compare runs on the same machine. Prints one line per measurement
 * and a JSON summary line at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startServer } from '../src/cli/serve';
import { launchBrowser } from '../tests/e2e/chromium';
import { buildHarness } from '../tests/e2e/harness/build';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const FRAME_MS = Number(process.env.BENCH_FRAME_MS ?? 3000);

const results: Record<string, number | string> = {};
const report = (name: string, value: number, unit: string) => {
  results[name] = Number(value.toFixed(2));
  console.log(`${name.padEnd(40)} ${value.toFixed(unit === 'B' ? 0 : 2).padStart(12)} ${unit}`);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The entry chunk and every chunk it imports statically, transitively: what the page must load before it runs. */
function initialChunks(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key.endsWith('.html'));
  if (!entry) throw new Error('no HTML entry in the Vite manifest');
  const files = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || files.has(c.file)) return;
    files.add(c.file);
    for (const i of c.imports ?? []) visit(i);
  };
  visit(entry[0]);
  return [...files].filter((f) => f.endsWith('.js'));
}

const site = mkdtempSync(join(tmpdir(), 'landing-rights-bench-site-'));
const harness = mkdtempSync(join(tmpdir(), 'landing-rights-bench-harness-'));
const t0 = performance.now();
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: site, emptyOutDir: true, manifest: true } });
report('vite build of the site', performance.now() - t0, 'ms');
const manifest = JSON.parse(readFileSync(join(site, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
let raw = 0;
let gzip = 0;
const chunks = initialChunks(manifest);
for (const f of chunks) {
  const bytes = readFileSync(join(site, f));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
report('initial JS, raw', raw, 'B');
report('initial JS, gzip -9', gzip, 'B');
report('initial JS chunks', chunks.length, 'files');
await buildHarness(harness);

const siteServer = await startServer({ root: site, port: 0, host: '127.0.0.1' });
const harnessServer = await startServer({ root: harness, port: 0, host: '127.0.0.1' });
const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
results.chromium = `${browser.version} (${browser.source})`;
try {
  // Navigation to ready: the first load with an empty cache, then warm loads.
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.context.newPage();
    await page.goto(siteServer.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window.__landingRights?.ready ? performance.now() : false), undefined, { timeout: 60_000, polling: 'raf' });
    times.push(Number(await handle.jsonValue()));
    await page.close();
  }
  report('navigation to ready, first load', times[0] ?? 0, 'ms');
  report('navigation to ready, median', median(times), 'ms');

  // Frame times while cables animate: the building cables' dashes march every frame.
  const frames = async (query: string) => {
    const page = await browser.context.newPage();
    await page.goto(new URL(`/map.html${query}`, harnessServer.url).href);
    await page.waitForFunction(() => window.__mapHarness?.ready === true, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.__mapHarness?.show('building'));
    await page.waitForTimeout(500);
    // In-page code as text: tsx would wrap named functions in a helper the page does not have.
    const stamps = (await page.evaluate(`new Promise((done) => {
      const ts = [];
      const tick = (t) => { ts.push(t); if (t - ts[0] < ${FRAME_MS}) requestAnimationFrame(tick); else done(ts); };
      requestAnimationFrame(tick);
    })`)) as number[];
    return { page, deltas: stamps.slice(1).map((t, i) => t - (stamps[i] ?? t)) };
  };
  const plain = await frames('?motion=on&legend=0&aa=0');
  report('frame time, cables animate, no antialias', median(plain.deltas), 'ms');
  await plain.page.close();
  const { page, deltas } = await frames('?motion=on&legend=0');
  report('frame time while cables animate, median', median(deltas), 'ms');
  report('frame time while cables animate, p95', percentile(deltas, 95), 'ms');
  report('frames measured', deltas.length, 'frames');
  // And while a new cable draws itself and influence shifts (a round's changes arrive).
  await page.evaluate(() => window.__mapHarness?.show('start'));
  await page.waitForFunction(() => window.__mapHarness?.busy() === false);
  const busy = (await page.evaluate(`new Promise((done) => {
    const ts = [];
    window.__mapHarness.show('building');
    const tick = (t) => { ts.push(t); if (window.__mapHarness.busy()) requestAnimationFrame(tick); else done(ts); };
    requestAnimationFrame(tick);
  })`)) as number[];
  const busyDeltas = busy.slice(1).map((t, i) => t - (busy[i] ?? t));
  report('frame time as a round arrives, median', median(busyDeltas), 'ms');
  await page.close();

  // End phase in a solo game (Coral Sea as Canberra, normal bots): the click's handler, the next
  // frame after it, and the wait until the player's next turn (the computer seats think in the
  // worker meanwhile, so the page keeps drawing).
  const game = await browser.context.newPage();
  await game.goto(new URL('/?menu', siteServer.url).href);
  await game.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 60_000 });
  await game.getByRole('button', { name: 'New game' }).click();
  await game.getByRole('radio', { name: 'Coral Sea', exact: true }).check();
  await game.getByRole('radio', { name: 'Canberra', exact: true }).check();
  await game.getByRole('radio', { name: 'Normal', exact: true }).check();
  await game.getByLabel('Seed').fill('3');
  await game.getByRole('button', { name: 'Start' }).click();
  const myTurn = () => game.waitForFunction(() => (document.getElementById('end-phase') as HTMLButtonElement | null)?.disabled === false, undefined, { timeout: 60_000, polling: 50 });
  const handler: number[] = [];
  const frame: number[] = [];
  const wait: number[] = [];
  for (let i = 0; i < Number(process.env.BENCH_END_PHASES ?? 8); i++) {
    await myTurn();
    const t = (await game.evaluate(`new Promise((done) => {
      const b = document.getElementById('end-phase');
      const t0 = performance.now();
      b.click();
      const h = performance.now() - t0;
      requestAnimationFrame(() => done({ h, f: performance.now() - t0, t0 }));
    })`)) as { h: number; f: number; t0: number };
    handler.push(t.h);
    frame.push(t.f);
    await myTurn();
    wait.push((await game.evaluate('performance.now()')) as number - t.t0);
  }
  report('End phase: click handled, median', median(handler), 'ms');
  report('End phase: next frame drawn, median', median(frame), 'ms');
  report('End phase: until the next turn, median', median(wait), 'ms');
  await game.close();
} finally {
  await browser.close();
  await siteServer.close();
  await harnessServer.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(harness, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'browser', results }));
