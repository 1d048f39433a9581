import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { startServer, type RunningServer } from '../../src/cli/serve';
import { launchBrowser, type LaunchedBrowser, type LaunchOptions } from './chromium';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

export interface Site {
  server: RunningServer;
  browser: LaunchedBrowser;
  close(): Promise<void>;
}

/** Build the game into a temporary folder, serve it and launch Chromium. */
export async function openSite(options: LaunchOptions = {}): Promise<Site> {
  const outDir = mkdtempSync(join(tmpdir(), 'landing-rights-app-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await startServer({ root: outDir, port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser(options);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface OpenPage {
  page: Page;
  errors: string[];
}

/**
 * The page these tests open. The map draws with the Canvas renderer: under SwiftShader (no GPU)
 * each WebGL frame holds the main thread for tens of milliseconds, which makes whole games slow
 * to test; tests/e2e/map.test.ts covers WebGL.
 */
export const APP_PATH = '/?renderer=canvas';

/** A page with no saved games: the menu, once the map and the game behind it have loaded. */
export async function freshPage(site: Site): Promise<OpenPage> {
  // Pages left open by an earlier test hold the database open.
  for (const p of site.browser.context.pages()) await p.close();
  const page = await site.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // "?menu" does not open the autosave, so the database can be deleted.
  await page.goto(new URL(`${APP_PATH}&menu`, site.server.url).href);
  // The saves and the scenario files opened in the browser.
  for (const name of ['landing-rights', 'landing-rights-scenarios'])
    await page.evaluate(
      (db) =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.deleteDatabase(db);
          r.onsuccess = () => resolve();
          r.onerror = () => reject(r.error);
          r.onblocked = () => reject(new Error('blocked'));
        }),
      name,
    );
  await page.goto(new URL(APP_PATH, site.server.url).href);
  await page.getByRole('button', { name: 'New game' }).waitFor();
  await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  return { page, errors };
}

/** From the menu: a new game of Coral Sea, solo as one role or hot-seat with several. */
export async function newGame(page: Page, opts: ({ mode: 'solo'; role: string; seed: string } | { mode: 'hotseat'; roles: string[]; seed: string }) & { level?: 'Easy' | 'Normal' | 'Hard' }): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByRole('radio', { name: 'Coral Sea', exact: true }).check();
  if (opts.mode === 'solo') {
    await page.getByRole('radio', { name: 'Solo', exact: true }).check();
    await page.getByRole('radio', { name: opts.role, exact: true }).check();
  } else {
    await page.getByRole('radio', { name: 'Hot-seat', exact: true }).check();
    for (const r of opts.roles) await page.getByRole('checkbox', { name: r, exact: true }).check();
  }
  if (opts.level) await page.getByRole('radio', { name: opts.level, exact: true }).check();
  await page.getByLabel('Seed').fill(opts.seed);
  await page.getByRole('button', { name: 'Start' }).click();
}

/** Wait until the seat at the screen may act (computer seats done) and return the top bar's round and phase. */
export async function myTurn(page: Page): Promise<{ round: string; phase: string }> {
  await expect.poll(() => page.locator('#end-phase').isEnabled(), { timeout: 20_000 }).toBe(true);
  return barState(page);
}

/**
 * End the seat's phase and wait for its next turn. A click can land on a button being redrawn and
 * do nothing: while the bar has not moved, the click is tried again (a seat that has ended its
 * phase has no enabled button to click twice).
 */
export async function endPhase(page: Page): Promise<{ round: string; phase: string }> {
  const before = JSON.stringify(await barState(page));
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await page.locator('#end-phase').isEnabled()) await page.locator('#end-phase').click({ timeout: 5_000 }).catch(() => undefined);
    const moved = await expect
      .poll(async () => JSON.stringify(await barState(page)), { timeout: 10_000 })
      .not.toBe(before)
      .then(
        () => true,
        () => false,
      );
    if (moved) return myTurn(page);
  }
  throw new Error(`End phase did not move the game on from ${before}`);
}

export async function barState(page: Page): Promise<{ round: string; phase: string }> {
  return {
    round: (await page.locator('.round strong').textContent()) ?? '',
    phase: (await page.locator('.phases [aria-current="step"]').textContent()) ?? '',
  };
}

/** Everything the page holds as text, visible or not (hidden panels, dialogs and screen-reader text included). */
export const pageText = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.textContent ?? '');

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** One built site for a test file: started before its tests, closed after them; `need()` hands it to a test. */
export function siteForFile(options: LaunchOptions = {}): () => Site {
  let site: Site | undefined;
  beforeAll(async () => {
    site = await openSite(options);
  });
  afterAll(async () => {
    await site?.close();
  });
  return () => {
    if (!site) throw new Error('beforeAll did not finish');
    return site;
  };
}
