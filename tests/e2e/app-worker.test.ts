import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { APP_PATH, freshPage, myTurn, newGame, openSite, pageText, shot, type Site } from './app-helpers';

let site: Site | undefined;

beforeAll(async () => {
  site = await openSite();
  // Every message any worker sends the page, as the page receives it, before the game's code runs.
  await site.browser.context.addInitScript(() => {
    const Native = window.Worker;
    const log: string[] = [];
    Object.assign(window, { __workerMessages: log });
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => log.push(JSON.stringify(e.data)));
      }
    };
  });
});

afterAll(async () => {
  await site?.close();
});

interface Message {
  type: string;
  update?: { shown: string | null; view: { viewer: string; offers: { id: string; from: string }[] } | null; spectator: { viewer: string; phase: string; offers: { id: string }[] } | null };
  answer?: unknown;
}

const messages = async (page: Page): Promise<{ raw: string; m: Message }[]> =>
  ((await page.evaluate(() => (window as unknown as { __workerMessages: string[] }).__workerMessages)) ?? []).map((raw) => ({ raw, m: JSON.parse(raw) as Message }));

/** Every key at any depth of a JSON value. */
function keys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keys(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keys(v, out);
    }
  return out;
}

async function takeSeat(page: Page, role: string): Promise<void> {
  await page.getByRole('button', { name: `I am ${role}: show my screen` }).click();
  await expect.poll(() => page.locator('.panel-head .who').textContent(), { timeout: 15_000 }).toBe(role);
  await myTurn(page);
}

describe('the game’s worker', () => {
  it('sends the page only the playing seat’s view in a hot-seat game: no random state, no other seat’s secret', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const { page, errors } = await freshPage(site);
    await newGame(page, { mode: 'hotseat', roles: ['Beijing', 'Canberra'], seed: '4' });
    await page.getByRole('heading', { name: 'Pass to Beijing' }).waitFor();
    await takeSeat(page, 'Beijing');
    // Beijing's private offer: a policing pact with Papua New Guinea, its unrest clause secret.
    await page.getByRole('tab', { name: 'New offer' }).click();
    await page.getByRole('radio', { name: 'Security pact' }).check();
    await page.getByRole('radio', { name: 'Papua New Guinea' }).check();
    await page.getByLabel('Kind of pact').selectOption('policing');
    await page.getByRole('checkbox', { name: /^Unrest/ }).check();
    await page.getByRole('checkbox', { name: 'Secret' }).check();
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => page.locator('.composer .alert.ok').textContent(), { timeout: 15_000 }).toContain('Policing pact');
    await page.getByRole('button', { name: 'Pass to Canberra' }).click();
    await takeSeat(page, 'Canberra');
    // Canberra's private offer: aid to Solomon Islands.
    await page.getByRole('tab', { name: 'New offer' }).click();
    await page.getByRole('radio', { name: 'Aid' }).check();
    await page.getByRole('radio', { name: 'Solomon Islands' }).check();
    await page.getByLabel('Amount', { exact: true }).fill('1.234');
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => page.locator('.composer .alert.ok').textContent(), { timeout: 15_000 }).toContain('Aid of $1.234m');
    await page.getByRole('button', { name: 'End phase' }).click();
    await takeSeat(page, 'Beijing');
    await page.getByRole('button', { name: 'End phase' }).click();
    await expect.poll(async () => (await myTurn(page)).phase, { timeout: 20_000 }).toBe('Decisions');

    const all = await messages(page);
    const updates = all.filter((x) => x.m.type === 'update').map((x) => ({ raw: x.raw, u: x.m.update! }));
    expect(updates.length).toBeGreaterThan(5);
    // The offers each seat made, as its own view showed them.
    const own = (seat: string) => new Set(updates.flatMap(({ u }) => (u.shown === seat && u.view ? u.view.offers.filter((o) => o.from === seat).map((o) => o.id) : [])));
    const beijing = own('beijing');
    const canberra = own('canberra');
    expect(beijing.size).toBeGreaterThan(0);
    expect(canberra.size).toBeGreaterThan(0);
    for (const { raw, m } of all) {
      // Never the state's random generator, the state or the record.
      const k = keys(m);
      for (const key of ['rng', 'hashes', 'record', 'meta', 'last']) expect(k.has(key), `${key} in ${raw.slice(0, 200)}`).toBe(false);
      const u = m.update;
      if (!u) continue;
      // A view only of the seat at the screen, and the spectator's.
      if (u.view) expect(u.view.viewer).toBe(u.shown);
      if (u.spectator) expect(u.spectator.viewer).toBe('spectator');
      // Another seat's private offers never cross while it is not playing (the hand-off screen included),
      // as long as they are private: the negotiation phase they were made in.
      if (u.spectator?.phase !== 'negotiation') continue;
      const secrets = u.shown === 'beijing' ? canberra : u.shown === 'canberra' ? beijing : new Set([...beijing, ...canberra]);
      const offers = [...(u.view?.offers ?? []), ...(u.spectator?.offers ?? [])].map((o) => o.id);
      for (const id of secrets) expect(offers, `${id} sent while ${u.shown ?? 'nobody'} plays`).not.toContain(id);
    }
    expect(await pageText(page)).not.toContain('Policing pact between Papua New Guinea and Beijing');

    // Where a hot-seat game is exported, the file is called what it is and the dialog says it holds every seat's secrets.
    await page.getByRole('button', { name: 'Load game' }).click();
    const exportButton = page.getByRole('button', { name: 'Export the game’s full record (for the teacher)' });
    await exportButton.waitFor();
    await expect(page.locator('#export-warning').textContent()).resolves.toMatch(/holds every seat’s secrets/);
    await shot(page, 'saves-hotseat-full-record');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/full-record\.json$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the page’s objects to itself in the production build, ?debug or not', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const page = await site.browser.context.newPage();
    await page.goto(new URL(`${APP_PATH}&menu&debug`, site.server.url).href);
    await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'New game' }).waitFor();
    expect(await page.evaluate(() => '__landingRightsDebug' in window)).toBe(false);
    await page.close();
  });
});
