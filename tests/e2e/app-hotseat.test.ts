import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, myTurn, newGame, openSite, pageText, shot, type Site } from './app-helpers';

let site: Site | undefined;

beforeAll(async () => {
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

/** Take the device on the hand-off screen. */
async function takeSeat(page: Page, role: string): Promise<void> {
  await page.getByRole('heading', { name: `Pass to ${role}` }).waitFor();
  await page.getByRole('button', { name: `I am ${role}: show my screen` }).click();
  await expect.poll(() => page.locator('.panel-head .who').textContent(), { timeout: 15_000 }).toBe(role);
  await myTurn(page);
}

const BEIJING_SECRET = 'Policing pact between Papua New Guinea and Beijing';
const CANBERRA_SECRET = 'Aid of $1.234m to Solomon Islands';

describe('hot-seat play', () => {
  it('shows a role’s private offers only while its own seat is at the screen, never on the hand-off screen', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const { page, errors } = await freshPage(site);
    await newGame(page, { mode: 'hotseat', roles: ['Beijing', 'Canberra'], seed: '4' });

    // Beijing first (seat order): a policing pact with Papua New Guinea, its unrest clause secret.
    await page.getByRole('heading', { name: 'Pass to Beijing' }).waitFor();
    await shot(page, 'handoff');
    await takeSeat(page, 'Beijing');
    await page.getByRole('tab', { name: 'New offer' }).click();
    await page.getByRole('radio', { name: 'Security pact' }).check();
    await page.getByRole('radio', { name: 'Papua New Guinea' }).check();
    await page.getByLabel('Kind of pact').selectOption('policing');
    await page.getByRole('checkbox', { name: /^Unrest/ }).check();
    await page.getByRole('checkbox', { name: 'Secret' }).check();
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => page.locator('.composer .alert.ok').textContent(), { timeout: 15_000 }).toContain(BEIJING_SECRET);
    await page.getByRole('tab', { name: /Offers/ }).click();
    await expect.poll(() => pageText(page), { timeout: 15_000 }).toContain(BEIJING_SECRET);
    await expect(pageText(page)).resolves.toContain('Unrest (secret)');

    // Beijing hands over without ending the phase.
    await page.getByRole('button', { name: 'Pass to Canberra' }).click();
    await page.getByRole('heading', { name: 'Pass to Canberra' }).waitFor();
    expect(await pageText(page)).not.toContain(BEIJING_SECRET);

    await takeSeat(page, 'Canberra');
    expect(await pageText(page)).not.toContain(BEIJING_SECRET);
    await page.getByRole('tab', { name: 'New offer' }).click();
    // Nothing Beijing typed is left in the form.
    await page.getByRole('radio', { name: 'Aid' }).check();
    await page.getByRole('radio', { name: 'Solomon Islands' }).check();
    await page.getByLabel('Amount', { exact: true }).fill('1.234');
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => page.locator('.composer .alert.ok').textContent(), { timeout: 15_000 }).toContain(CANBERRA_SECRET);
    await page.getByRole('tab', { name: /Offers/ }).click();
    await expect.poll(() => pageText(page), { timeout: 15_000 }).toContain(CANBERRA_SECRET);
    await shot(page, 'match-hotseat');
    expect(await pageText(page)).not.toContain(BEIJING_SECRET);

    // Canberra ends the phase: the device goes back to Beijing, through the hand-off screen.
    await page.getByRole('button', { name: 'End phase' }).click();
    await page.getByRole('heading', { name: 'Pass to Beijing' }).waitFor();
    let text = await pageText(page);
    expect(text).not.toContain(CANBERRA_SECRET);
    expect(text).not.toContain(BEIJING_SECRET);
    await takeSeat(page, 'Beijing');
    await page.getByRole('tab', { name: /Offers/ }).click();
    text = await pageText(page);
    expect(text).toContain(BEIJING_SECRET);
    expect(text).not.toContain(CANBERRA_SECRET);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('comes back to the hand-off screen after a reload, not to the last player’s screen', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const { page, errors } = await freshPage(site);
    await newGame(page, { mode: 'hotseat', roles: ['Solomon Islands', 'Washington'], seed: '8' });
    await takeSeat(page, 'Solomon Islands');
    await page.getByRole('button', { name: 'Pass to Washington' }).click();
    await takeSeat(page, 'Washington');
    await page.waitForFunction(() => document.body.dataset.autosave === 'idle');
    await page.reload();
    await page.getByRole('heading', { name: 'Pass to Washington' }).waitFor();
    await expect(page.locator('#panel').isVisible()).resolves.toBe(false);
    await takeSeat(page, 'Washington');
    expect(errors).toEqual([]);
    await page.close();
  });
});
