import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/cli/serve';
import { launchBrowser, type LaunchedBrowser } from './chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

type RGBA = [number, number, number, number];

let outDir = '';
let server: RunningServer | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'landing-rights-dist-'));
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await startServer({ root: outDir, port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  console.info(`e2e: Chromium ${browser.version} from ${browser.source} (${browser.executablePath})`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Open a page and wait until the map has drawn its first frame. */
async function openMap(path: string): Promise<{ page: Page; errors: string[] }> {
  if (!browser || !server) throw new Error('beforeAll did not finish');
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  return { page, errors };
}

/**
 * Read the canvas around [lon, lat] points: a (2r+1)² patch of pixels centred on each projected
 * point, after copying the WebGL canvas into a 2D canvas (it needs preserveDrawingBuffer).
 */
function patchesAt(page: Page, points: [number, number][], r = 3): Promise<{ x: number; y: number; pixels: RGBA[] }[]> {
  return page.evaluate(
    ([pts, radius]) => {
      const hook = window.__landingRights;
      const source = document.querySelector('#map canvas');
      if (!hook || !(source instanceof HTMLCanvasElement)) throw new Error('no map canvas');
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(source, 0, 0);
      // The canvas may be scaled by CSS: turn CSS pixels into canvas pixels.
      const sx = source.width / source.clientWidth;
      const sy = source.height / source.clientHeight;
      return pts.map(([lon, lat]) => {
        const { x, y } = hook.project(lon, lat);
        const d = ctx.getImageData(Math.round(x * sx) - radius, Math.round(y * sy) - radius, 2 * radius + 1, 2 * radius + 1).data;
        const pixels: RGBA[] = [];
        for (let i = 0; i < d.length; i += 4) pixels.push([d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0, d[i + 3] ?? 0]);
        return { x, y, pixels };
      });
    },
    [points, r] as const,
  );
}

/** The middle pixel of a patch. */
const centre = (p: { pixels: RGBA[] }): RGBA => p.pixels[(p.pixels.length - 1) / 2] ?? [0, 0, 0, 0];

const distance = (a: RGBA, b: RGBA) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('the map page', () => {
  it('draws the Coral Sea with WebGL, with markers at Honiara and Port Moresby', async () => {
    const { page, errors } = await openMap('/?scenario=coral-sea');
    const hook = await page.evaluate(() => ({ renderer: window.__landingRights?.renderer }));
    expect(hook.renderer).toBe('webgl');
    expect(await page.locator('#scenario-title').textContent()).toMatch(/Coral Sea/);

    const size = await page.evaluate(() => {
      const c = document.querySelector('#map canvas') as HTMLCanvasElement;
      return { w: c.clientWidth, h: c.clientHeight };
    });
    const [honiara, moresby, ocean, ocean2] = await patchesAt(page, [
      [159.95, -9.43], // Honiara
      [147.18, -9.45], // Port Moresby
      [155.5, -15.0], // the open Coral Sea
      [162.0, -26.0], // the open Tasman, west of New Caledonia
    ]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'map.png') });
    if (!honiara || !moresby || !ocean || !ocean2) throw new Error('missing pixels');
    for (const p of [honiara, moresby, ocean, ocean2]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(size.w);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(size.h);
    }
    // The open ocean is blue and calm: one colour across the patch, and about the same far away.
    const sea = centre(ocean);
    expect(sea[2]).toBeGreaterThan(sea[0] + 30);
    expect(Math.max(...ocean.pixels.map((px) => distance(px, sea)))).toBeLessThan(6);
    expect(distance(centre(ocean2), sea)).toBeLessThan(30);
    // A capital's marker (a white disc, ringed, with a dark dot) covers its position: most of the
    // 13×13 patch around it is far from the ocean's colour.
    const [honiaraWide, moresbyWide] = await patchesAt(page, [[159.95, -9.43], [147.18, -9.45]], 6);
    if (!honiaraWide || !moresbyWide) throw new Error('missing pixels');
    for (const capital of [honiaraWide, moresbyWide]) {
      const marked = capital.pixels.filter((px) => distance(px, sea) > 80).length;
      expect(marked / capital.pixels.length).toBeGreaterThan(0.5);
      expect(distance(centre(capital), sea)).toBeGreaterThan(40);
    }

    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the window when it is resized', async () => {
    const { page, errors } = await openMap('/?scenario=coral-sea');
    const before = await page.evaluate(() => window.__landingRights?.draws ?? 0);
    await page.setViewportSize({ width: 640, height: 900 });
    await page.waitForFunction((n) => (window.__landingRights?.draws ?? 0) > n, before, { timeout: 10_000 });
    // Let any second resize event settle, then check the canvas fills the map area.
    await page.waitForTimeout(200);
    const box = await page.evaluate(() => {
      const map = document.getElementById('map') as HTMLElement;
      const canvas = map.querySelector('canvas') as HTMLCanvasElement;
      return { mapW: map.clientWidth, mapH: map.clientHeight, w: canvas.clientWidth, h: canvas.clientHeight };
    });
    expect(box.w).toBe(box.mapW);
    expect(box.h).toBe(box.mapH);
    expect(box.mapW).toBe(640);
    const [sea] = await patchesAt(page, [[155.5, -15.0]]);
    const [honiara] = await patchesAt(page, [[159.95, -9.43]], 6);
    if (!sea || !honiara) throw new Error('missing pixels');
    expect(honiara.x).toBeLessThan(640);
    const marked = honiara.pixels.filter((px) => distance(px, centre(sea)) > 80).length;
    expect(marked / honiara.pixels.length).toBeGreaterThan(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws with the Canvas renderer too (?renderer=canvas)', async () => {
    const { page, errors } = await openMap('/?scenario=coral-sea&renderer=canvas');
    expect(await page.evaluate(() => window.__landingRights?.renderer)).toBe('canvas');
    const [sea] = await patchesAt(page, [[155.5, -15.0]]);
    const [honiara] = await patchesAt(page, [[159.95, -9.43]], 6);
    if (!sea || !honiara) throw new Error('missing pixels');
    const marked = honiara.pixels.filter((px) => distance(px, centre(sea)) > 80).length;
    expect(marked / honiara.pixels.length).toBeGreaterThan(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a scenario that does not exist as a message, not a stack trace', async () => {
    if (!browser || !server) throw new Error('beforeAll did not finish');
    const page = await browser.context.newPage();
    await page.goto(new URL('/?scenario=no-such-place', server.url).href);
    await page.waitForSelector('#problem:not([hidden])');
    const text = (await page.locator('#problem').textContent()) ?? '';
    expect(text).toContain('no scenario named "no-such-place"');
    expect(text).not.toMatch(/\bat \S+:\d+:\d+/);
    await page.close();
  });
});
