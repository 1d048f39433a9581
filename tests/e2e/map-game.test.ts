import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import type { Polygon } from 'geojson';
import { landOf } from '../../src/ui/land';
import { greatCircleKm } from '../../src/ui/map/geometry';
import { loadScenario } from '../helpers';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/cli/serve';
import { DANGER, POWER_COLOURS } from '../../src/ui/palette';
import { launchBrowser, type LaunchedBrowser } from './chromium';
import { buildHarness } from './harness/build';

/**
 * The map drawing a game: tests/e2e/harness/map.html shows views made by the engine (a Coral Sea
 * game with a scripted cable, pacts, riots, an anchor drag and an eruption), and these tests read
 * the canvas's pixels back to check what it drew.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

type RGB = [number, number, number];

let outDir = '';
let server: RunningServer | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'landing-rights-harness-'));
  await buildHarness(outDir);
  server = await startServer({ root: outDir, port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openHarness(query = ''): Promise<{ page: Page; errors: string[] }> {
  if (!browser || !server) throw new Error('beforeAll did not finish');
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(new URL(`/map.html${query}`, server.url).href);
  await page.waitForFunction(() => window.__mapHarness?.ready === true, undefined, { timeout: 30_000 });
  return { page, errors };
}

/** Show a state and wait until the map rests (animations over, no redraw pending) and one more frame is on the canvas. */
async function show(page: Page, state: string): Promise<void> {
  await page.evaluate((s) => window.__mapHarness?.show(s), state);
  await settle(page);
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__mapHarness?.busy() === false, undefined, { timeout: 15_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

type Css = { x: number; y: number };

/** The pixels of a (2r+1)² patch round each point (CSS pixels), read from the WebGL canvas (preserveDrawingBuffer). */
function patchesAt(page: Page, points: Css[], r = 3): Promise<RGB[][]> {
  return page.evaluate(
    ([pts, radius]) => {
      const source = document.querySelector('#map canvas');
      if (!(source instanceof HTMLCanvasElement)) throw new Error('no map canvas');
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(source, 0, 0);
      const sx = source.width / source.clientWidth;
      return pts.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x * sx) - radius, Math.round(y * sx) - radius, 2 * radius + 1, 2 * radius + 1).data;
        const out: [number, number, number][] = [];
        for (let i = 0; i < d.length; i += 4) out.push([d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0]);
        return out;
      });
    },
    [points, r] as const,
  );
}

/** The same round [lon, lat] points. */
async function patches(page: Page, points: [number, number][], r = 3): Promise<RGB[][]> {
  const css = await page.evaluate((pts) => pts.map(([lon, lat]) => window.__mapHarness!.project(lon, lat)), points);
  return patchesAt(page, css, r);
}

/** Points at these fractions of the length of a cable's leg, as the map draws it now. */
async function alongLeg(page: Page, cable: string, leg: number, fractions: number[]): Promise<Css[]> {
  const path = (await page.evaluate(([id, n]) => window.__mapHarness!.cablePath(id)[n] ?? [], [cable, leg] as const)) as Css[];
  expect(path.length).toBeGreaterThan(1);
  const cum = [0];
  for (let i = 1; i < path.length; i++) cum.push((cum[i - 1] ?? 0) + Math.hypot(path[i]!.x - path[i - 1]!.x, path[i]!.y - path[i - 1]!.y));
  const total = cum[cum.length - 1] ?? 0;
  return fractions.map((f) => {
    const d = f * total;
    const i = Math.max(1, cum.findIndex((c) => c >= d));
    const a = path[i - 1]!;
    const b = path[i]!;
    const t = ((d - (cum[i - 1] ?? 0)) / Math.max(1e-9, (cum[i] ?? 0) - (cum[i - 1] ?? 0))) || 0;
    return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
  });
}

const rgb = (hex: string): RGB => [Number.parseInt(hex.slice(1, 3), 16), Number.parseInt(hex.slice(3, 5), 16), Number.parseInt(hex.slice(5, 7), 16)];
const distance = (a: RGB, b: RGB) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const nearest = (patch: RGB[], colour: RGB) => Math.min(...patch.map((p) => distance(p, colour)));

/** Along the new cable's first leg, Sydney to Port Moresby, clear of its ends and its badge. */
const FIRST_LEG = [0.12, 0.25, 0.38, 0.62, 0.75, 0.88];
const CABLE = 'cable-a1';

describe('the map drawing a game', () => {
  it("draws the cable by status, in its financier's colour, along its route from Sydney to Port Moresby", async () => {
    const { page, errors } = await openHarness('?motion=off');
    expect(await page.evaluate(() => window.__mapHarness?.animated())).toBe(false);
    const green = rgb(POWER_COLOURS.canberra);
    await show(page, 'start');
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-start.png') });
    expect(await page.evaluate((id) => window.__mapHarness!.cablePath(id), CABLE)).toEqual([]);

    await show(page, 'proposed');
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-proposed.png') });
    // The offer, still open, is drawn as a proposed cable by the same route; before it, nothing green was there.
    const first = await page.evaluate(() => window.__mapHarness!.offers('proposed')[0]);
    const offered = await alongLeg(page, `offer:${first}`, 0, FIRST_LEG);
    await show(page, 'start');
    const before = await patchesAt(page, offered);
    expect(before.filter((p) => nearest(p, green) < 40)).toHaveLength(0);
    await show(page, 'proposed');
    await show(page, 'building');
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-building.png') });
    await show(page, 'active');
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-active.png') });
    // It runs from Sydney to Port Moresby, by sea.
    const leg = (await page.evaluate((id) => window.__mapHarness!.cablePath(id)[0], CABLE)) as Css[];
    const ends = await page.evaluate(() => [window.__mapHarness!.project(151.207047, -33.869697), window.__mapHarness!.project(147.18852, -9.479606)]);
    expect(Math.hypot(leg[0]!.x - ends[0]!.x, leg[0]!.y - ends[0]!.y)).toBeLessThan(2);
    expect(Math.hypot(leg[leg.length - 1]!.x - ends[1]!.x, leg[leg.length - 1]!.y - ends[1]!.y)).toBeLessThan(2);
    const after = await patchesAt(page, await alongLeg(page, CABLE, 0, FIRST_LEG));
    // Solid: Canberra's green at every point along the leg.
    for (const p of after) expect(nearest(p, green)).toBeLessThan(40);

    // The legend beside it is text: a heading, each line style and each power named; pictures hidden from screen readers.
    const legend = page.locator('.lr-legend');
    expect(await legend.getByRole('heading', { name: 'Map key' }).count()).toBe(1);
    const text = (await legend.textContent()) ?? '';
    for (const words of ['proposed', 'being built', 'in service', 'cut', 'comes ashore', 'Beijing', 'Canberra', 'Washington', 'Huawei Marine (Beijing)', 'Shield', 'Signal bars'])
      expect(text).toContain(words);
    expect(await legend.locator('svg:not([aria-hidden="true"])').count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await legend.screenshot({ path: join(SCREENSHOTS, 'map-game-legend.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws every cable by sea: no drawn point farther inland than its own width, away from its landings (Kikori by an onshore link)', async () => {
    const { page, errors } = await openHarness('?motion=off');
    await show(page, 'active');
    const land = landOf(JSON.parse(readFileSync(join(ROOT, 'assets/map/land.json'), 'utf8')));
    const polygons = land.coordinates.map((rings) => ({ type: 'Polygon', coordinates: rings }) as Polygon);
    const onLand = (p: { lon: number; lat: number }) => polygons.some((poly) => geoContains(poly, [p.lon, p.lat]));
    const { scenario } = loadScenario('coral-sea');
    const landings = scenario.landings.map((l) => ({ lon: l.lon, lat: l.lat }));
    // Cables sharing a stretch are drawn side by side and rounded at their turns, a few pixels off
    // the route the sea router found (tests/ui/sea-routes.test.ts checks those routes to the km):
    // here a point counts only if it lies on land farther than 3 CSS pixels from the sea (a cable is drawn 3.5 wide, cased).
    const [p0, p1] = await page.evaluate(() => [window.__mapHarness!.project(150, -10), window.__mapHarness!.project(151, -10)]);
    const kmPerPx = greatCircleKm({ lon: 150, lat: -10 }, { lon: 151, lat: -10 }) / Math.hypot(p1!.x - p0!.x, p1!.y - p0!.y);
    const reach = 3 * kmPerPx;
    const seaWithin = (p: { lon: number; lat: number }) =>
      [reach / 3, (2 * reach) / 3, reach].some((km) =>
        Array.from({ length: 16 }, (_, i) => (i * Math.PI) / 8).some((b) => !onLand({ lon: p.lon + (km / 111.32) * Math.sin(b) / Math.cos((p.lat * Math.PI) / 180), lat: p.lat + (km / 111.32) * Math.cos(b) })),
      );
    const ids = await page.evaluate(() => window.__mapHarness!.cables('active'));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const bad: string[] = [];
    for (const id of ids) {
      const line = await page.evaluate((x) => window.__mapHarness!.cableLonLat(x), id);
      expect(line.length).toBeGreaterThan(1);
      for (const p of line) if (onLand(p) && !landings.some((l) => greatCircleKm(l, p) <= 10) && !seaWithin(p)) bad.push(`${id} at ${p.lon.toFixed(2)}, ${p.lat.toFixed(2)}`);
    }
    expect(bad).toEqual([]);
    expect(reach).toBeLessThan(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a cut cable in vermillion, with a flash when it is cut', async () => {
    const { page, errors } = await openHarness('?motion=on&legend=0');
    const red = rgb(DANGER);
    await show(page, 'active');
    await page.evaluate(() => window.__mapHarness?.show('cut'));
    // Mid-flash (its second blink): the map is animating.
    await page.waitForTimeout(550);
    expect(await page.evaluate(() => window.__mapHarness?.busy())).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-cut-flash.png') });
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-cut.png') });
    const cut = await patchesAt(page, await alongLeg(page, CABLE, 0, FIRST_LEG));
    for (const p of cut) expect(nearest(p, red)).toBeLessThan(40);
    // Nothing vermillion on the cables that are not cut (the Kumul cable, orange, along PNG's north coast).
    const kumul = await patchesAt(page, await alongLeg(page, 'kumul', 4, [0.5]), 6);
    expect(nearest(kumul[0] ?? [], red)).toBeGreaterThan(40);
    expect(nearest(kumul[0] ?? [], rgb(POWER_COLOURS.beijing))).toBeLessThan(40);

    // An eruption ripples out from Honiara and cuts the cable again.
    await show(page, 'repaired');
    await page.evaluate(() => window.__mapHarness?.show('eruption'));
    await page.waitForTimeout(700);
    expect(await page.evaluate(() => window.__mapHarness?.busy())).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-eruption.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pans and zooms from the keyboard, with a visible focus ring, and by wheel and drag', async () => {
    const { page, errors } = await openHarness('?motion=off');
    await show(page, 'active');
    const honiara: [number, number] = [159.95, -9.43];
    const moresby: [number, number] = [147.18, -9.45];
    const gap = async () =>
      page.evaluate(
        ([a, b]) => {
          const h = window.__mapHarness!;
          const p = h.project(a[0], a[1]);
          const q = h.project(b[0], b[1]);
          return { d: Math.hypot(p.x - q.x, p.y - q.y), honiara: p };
        },
        [honiara, moresby] as const,
      );
    const at1 = await gap();
    const pixels1 = await patches(page, [[153.5, -9.5]], 12);
    // Tab onto the canvas: a keyboard focus shows the ring.
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const c = document.querySelector('#map canvas') as HTMLCanvasElement;
      const s = getComputedStyle(c);
      return { focused: document.activeElement === c, outline: s.outlineStyle, width: s.outlineWidth, tabIndex: c.tabIndex };
    });
    expect(focus).toMatchObject({ focused: true, outline: 'solid', width: '3px', tabIndex: 0 });
    const draws = await page.evaluate(() => window.__mapHarness!.draws);
    await page.keyboard.press('+');
    await page.waitForFunction((n) => window.__mapHarness!.draws > n, draws);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-zoomed.png') });
    expect(await page.evaluate(() => window.__mapHarness!.zoom())).toBeCloseTo(1.5, 5);
    const at2 = await gap();
    expect(at2.d / at1.d).toBeCloseTo(1.5, 1);
    const pixels2 = await patches(page, [[153.5, -9.5]], 12);
    expect(pixels2).not.toEqual(pixels1);
    // The arrow keys pan: the map moves right when you press the left arrow.
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    const at3 = await gap();
    expect(at3.honiara.x).toBeGreaterThan(at2.honiara.x + 20);
    // Minus zooms back out; 0 shows the whole region again.
    await page.keyboard.press('-');
    await settle(page);
    expect(await page.evaluate(() => window.__mapHarness!.zoom())).toBeCloseTo(1, 5);

    // The mouse wheel zooms about the pointer, and a drag pans.
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no canvas box');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -400);
    await settle(page);
    const zoomed = await page.evaluate(() => window.__mapHarness!.zoom());
    expect(zoomed).toBeGreaterThan(1.5);
    const beforeDrag = (await gap()).honiara;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 80, cy - 40, { steps: 5 });
    await page.mouse.up();
    await settle(page);
    const afterDrag = (await gap()).honiara;
    expect(afterDrag.x - beforeDrag.x).toBeCloseTo(-80, -1);
    expect(afterDrag.y - beforeDrag.y).toBeCloseTo(-40, -1);
    // Zoom is bounded: the wheel cannot zoom out past the whole region.
    await page.mouse.wheel(0, 4000);
    await settle(page);
    expect(await page.evaluate(() => window.__mapHarness!.zoom())).toBe(1);

    // Two fingers spread apart zoom in (pointer events as a touch screen sends them).
    await page.evaluate(
      ([x, y]) => {
        const c = document.querySelector('#map canvas') as HTMLCanvasElement;
        const send = (type: string, id: number, dx: number) =>
          c.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x + dx, clientY: y, bubbles: true, button: 0, buttons: type === 'pointerup' ? 0 : 1 }));
        send('pointerdown', 1, -40);
        send('pointerdown', 2, 40);
        for (let i = 1; i <= 5; i++) {
          send('pointermove', 1, -40 - i * 16);
          send('pointermove', 2, 40 + i * 16);
        }
        send('pointerup', 1, -120);
        send('pointerup', 2, 120);
      },
      [cx, cy] as const,
    );
    await settle(page);
    expect(await page.evaluate(() => window.__mapHarness!.zoom())).toBeCloseTo(3, 5);
    // A pinch is no click.
    expect(await page.evaluate(() => window.__mapHarness!.domClicks)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("emits 'island-click' with SLB when Honiara is clicked, as a scene event and a DOM event", async () => {
    const { page, errors } = await openHarness('?motion=off');
    await show(page, 'active');
    const click = async (lon: number, lat: number) => {
      const p = await page.evaluate(([x, y]) => window.__mapHarness!.project(x, y), [lon, lat] as const);
      const box = await page.locator('#map canvas').boundingBox();
      if (!box) throw new Error('no canvas box');
      await page.mouse.click(box.x + p.x, box.y + p.y);
    };
    await click(159.95, -9.43); // Honiara's marker
    await click(155.5, -15.0); // open sea: nothing
    await click(160.55, -9.75); // Guadalcanal's land, east of Honiara
    await click(144.5, -6.0); // PNG's highlands
    const clicks = await page.evaluate(() => ({ scene: window.__mapHarness!.sceneClicks, dom: window.__mapHarness!.domClicks }));
    expect(clicks.dom).toEqual(['SLB', 'SLB', 'PNG']);
    expect(clicks.scene).toEqual(['SLB', 'SLB', 'PNG']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen, the legend being the app’s to place, and keeps still for reduced motion', async () => {
    if (!browser) throw new Error('beforeAll did not finish');
    const { page, errors } = await openHarness('?legend=0');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // The scene hears of the change through a media-query listener: wait for it rather than race it.
    await page.waitForFunction(() => window.__mapHarness!.animated() === false, undefined, { timeout: 10_000 });
    await page.setViewportSize({ width: 390, height: 760 });
    await page.waitForTimeout(300);
    await settle(page);
    await show(page, 'active');
    await page.screenshot({ path: join(SCREENSHOTS, 'map-game-phone.png') });
    // No animation: a cut cable is simply red at once.
    await page.evaluate(() => window.__mapHarness!.show('cut'));
    expect(await page.evaluate(() => window.__mapHarness!.busy())).toBe(false);
    await show(page, 'active');
    const green = rgb(POWER_COLOURS.canberra);
    const leg = await patchesAt(page, await alongLeg(page, CABLE, 0, FIRST_LEG.slice(1, 5)));
    for (const p of leg) expect(nearest(p, green)).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});
