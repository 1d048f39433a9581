import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDataDir, startServerProcess, type ServerProcess } from '../server/helpers';
import { ROOT } from './app-helpers';
import { findChromium } from './chromium';

let server: ServerProcess;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'landing-rights-online-authoring-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await startServerProcess({ DATA_DIR: await freshDataDir(), DIST_DIR: outDir }, []);
  const found = await findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, args: found.args.filter((a) => a !== '--single-process' && a !== '--no-zygote'), headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

test('a room host plays a scenario file opened in the browser: the server receives and checks it, and the room runs it', async () => {
  const text = readFileSync('scenarios/tutorial.yaml', 'utf8').replace('id: tutorial', 'id: lagoon').replace('title: First landing', 'title: Lagoon crossing');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const host = await context.newPage();
  const errors: string[] = [];
  host.on('pageerror', (e) => errors.push(e.message));
  await host.goto(new URL('/?renderer=canvas&menu', server.url).href);
  await host.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  await host.getByRole('button', { name: 'New game' }).click();
  await host.locator('#setup-open-file').setInputFiles({ name: 'lagoon.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await host.getByRole('radio', { name: 'Lagoon crossing' }).waitFor();
  await host.locator('#setup-back').click();
  await host.locator('#menu-online').click();
  const option = host.locator('#online-scenario option[value="file:lagoon"]');
  await option.waitFor({ state: 'attached' });
  expect(await option.textContent()).toBe('Lagoon crossing (opened from lagoon.yaml)');
  await host.locator('#online-scenario').selectOption('file:lagoon');
  await host.locator('#online-host').click();
  await host.locator('#online-join-code').waitFor();
  const code = (await host.locator('#online-join-code').innerText()).trim();
  // The server knows the game by the scenario it was sent: its id, title and seats.
  const res = await fetch(new URL(`/api/games/${code}`, server.url));
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ scenario: 'lagoon' });
  await expect.poll(() => host.evaluate(() => document.body.innerText)).toContain('Lagoon crossing');
  expect(errors).toEqual([]);
}, 120_000);
