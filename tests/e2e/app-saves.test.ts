import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RULES_VERSION } from '../../src/engine';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { loadScenario } from '../helpers';
import { barState, endPhase, freshPage, myTurn, newGame, openSite, shot, type Site } from './app-helpers';

let site: Site | undefined;

beforeAll(async () => {
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

/** A real Coral Sea record, played by the built-in policies through `rounds` rounds. */
function recordOf(seed: string, rounds: number): Record<string, unknown> {
  const { scenario, hash } = loadScenario('coral-sea');
  const host = new MatchHost(scenario, hash, seed);
  playToEnd(host, () => simplePolicy, seed, rounds);
  return JSON.parse(JSON.stringify(host.record)) as Record<string, unknown>;
}

/** Import a file in the saves dialog: "closed" when it opened, "ask" when it asks before replacing the game in progress, else the message shown. */
async function importFile(page: Page, name: string, text: string): Promise<string> {
  if (!(await page.locator('#saves-dialog').evaluate((d) => (d as HTMLDialogElement).open))) await page.getByRole('button', { name: 'Load game' }).click();
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => {
    const d = document.getElementById('saves-dialog') as HTMLDialogElement;
    return !d.open || (document.getElementById('saves-message')?.textContent ?? '') !== '' || document.getElementById('replace-confirm') !== null;
  });
  return (
    (await page.locator('#saves-dialog').evaluate((d) =>
      (d as HTMLDialogElement).open ? (document.getElementById('replace-confirm') ? 'ask' : (document.getElementById('saves-message')?.textContent ?? '')) : 'closed',
    )) ?? ''
  );
}

describe('saved games', () => {
  it('refuses a bad record file with a message and carries on with the game in play', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const { page, errors } = await freshPage(site);
    await newGame(page, { mode: 'solo', role: 'Canberra', seed: '21' });
    await myTurn(page);
    await page.locator('#end-phase').click();
    await myTurn(page);
    const before = await barState(page);
    const news = await page.locator('.feed-list').textContent();

    // Export this game; the file is its record.
    await page.getByRole('button', { name: 'Load game' }).click();
    await page.getByRole('heading', { name: 'Saved games' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this game' }).click()]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 2, rules: RULES_VERSION, scenario: { id: 'coral-sea' }, seed: '21', landingRights: { seating: { mode: 'solo', humans: ['canberra'] } } });
    await shot(page, 'saves-dialog');

    const good = recordOf('5', 2);
    const bad: [string, string, RegExp][] = [
      ['garbage.json', '{ this is not json', /not valid JSON/],
      ['list.json', '[1, 2, 3]', /not a Landing Rights game record/],
      ['rules.json', JSON.stringify({ ...good, rules: RULES_VERSION + 1 }), new RegExp(`rules version ${RULES_VERSION + 1}.*rules version ${RULES_VERSION}`)],
      ['format.json', JSON.stringify({ ...good, format: 7 }), /newer/],
      ['atlantis.json', JSON.stringify({ ...good, scenario: { id: 'atlantis', version: 1, hash: 'x' } }), /scenario "atlantis", which this version of the game does not include/],
      ['edited-scenario.json', JSON.stringify({ ...good, scenario: { ...(good.scenario as object), hash: '0'.repeat(64), text: undefined } }), /different version of scenario "coral-sea"/],
      ['null.json', 'null', /not a Landing Rights game record \(expected a JSON object, found null\)/],
      ['string.json', '"hello"', /not a Landing Rights game record \(expected a JSON object, found a string\)/],
      ['robot.json', JSON.stringify({ ...good, landingRights: { seating: { mode: 'solo', humans: ['canberra'], policy: 'skynet' } } }), /computer player "skynet" that this game does not have/],
      ['swapped-hash.json', JSON.stringify({ ...good, hashes: [(good.hashes as unknown[])[0], (good.hashes as unknown[])[0]] }), /out of order or repeated/],
    ];
    for (const [name, text, message] of bad) {
      const shown = await importFile(page, name, text);
      expect(shown, name).toMatch(message);
      // Plain words only: no JavaScript error text.
      expect(shown, name).not.toMatch(/TypeError|SyntaxError|undefined|Cannot read|at position/);
      await expect(page.getByRole('alert').filter({ hasText: message }).count()).resolves.toBe(1);
    }
    await shot(page, 'saves-refused');
    await page.getByRole('button', { name: 'Close' }).click();
    // The game in play is as it was, and goes on.
    expect(await barState(page)).toEqual(before);
    await expect(page.locator('.feed-list').textContent()).resolves.toBe(news);
    expect((await endPhase(page)).round).toBe('Round 2');

    // A good record would replace this game, which no named save holds: the dialog asks, and "Keep my game" changes nothing.
    const beforeGood = await barState(page);
    const autosave = () => page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('landing-rights');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('games').objectStore('games').get('autosave');
            get.onsuccess = () => {
              resolve(JSON.stringify((get.result as { record: unknown }).record));
              open.result.close();
            };
          };
        }),
    );
    await page.waitForFunction(() => document.body.dataset.autosave === 'idle');
    const saved = await autosave();
    expect(await importFile(page, 'good.json', JSON.stringify(good))).toBe('ask');
    await expect(page.getByRole('alertdialog').textContent()).resolves.toMatch(/not saved under a name.*replaces it, and its autosave with it/);
    await shot(page, 'saves-ask-replace');
    await page.getByRole('button', { name: 'Keep my game' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await barState(page)).toEqual(beforeGood);
    expect(await autosave()).toBe(saved);
    // Said yes to, it opens: another seed, two rounds in, Canberra still at the screen.
    expect(await importFile(page, 'good.json', JSON.stringify(good))).toBe('ask');
    await page.getByRole('button', { name: 'Replace it' }).click();
    await expect.poll(() => page.locator('#saves-dialog').evaluate((d) => (d as HTMLDialogElement).open), { timeout: 15_000 }).toBe(false);
    expect(await myTurn(page)).toEqual({ round: 'Round 3', phase: 'Negotiation' });
    await expect(page.locator('.panel-head .who').textContent()).resolves.toBe('Canberra');
    // And the exported file brings back the first game where it was exported.
    expect(await importFile(page, 'exported.json', exported)).toBe('ask');
    await page.getByRole('button', { name: 'Replace it' }).click();
    await expect.poll(() => page.locator('#saves-dialog').evaluate((d) => (d as HTMLDialogElement).open), { timeout: 15_000 }).toBe(false);
    expect(await myTurn(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a game in the browser and loads it again', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const { page, errors } = await freshPage(site);
    await newGame(page, { mode: 'solo', role: 'Papua New Guinea', seed: '33' });
    await myTurn(page);
    await page.getByRole('button', { name: 'Save game' }).click();
    await expect.poll(() => page.locator('.status-line').textContent(), { timeout: 15_000 }).toMatch(/Saved: Coral Sea: round 1, negotiation \(Papua New Guinea\)/);
    const saved = await barState(page);
    for (let i = 0; i < 2; i++) {
      await page.locator('#end-phase').click();
      await myTurn(page);
    }
    expect(await barState(page)).not.toEqual(saved);
    await page.getByRole('button', { name: 'Load game' }).click();
    await page.getByRole('button', { name: /^Load Coral Sea: round 1, negotiation/ }).click();
    // Two phases were played since the save: loading it asks first.
    await page.getByRole('button', { name: 'Replace it' }).click();
    await expect.poll(() => page.locator('#saves-dialog').evaluate((d) => (d as HTMLDialogElement).open), { timeout: 15_000 }).toBe(false);
    expect(await myTurn(page)).toEqual(saved);
    expect(errors).toEqual([]);
    await page.close();
  });
});
