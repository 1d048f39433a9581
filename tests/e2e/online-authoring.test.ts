import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ServerProcess } from '../server/helpers';
import { openOnlineSite, type OnlineSite } from './online-site';

let server: ServerProcess;
let browser: Browser;
let site: OnlineSite | undefined;

beforeAll(async () => {
  site = await openOnlineSite('online-authoring');
  ({ server, browser } = site);
}, 240_000);

afterAll(async () => {
  await site?.close();
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
