import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, myTurn, shot, siteForFile } from './app-helpers';

const need = siteForFile();

const coach = (page: Page) => page.getByRole('dialog', { name: /./ }).and(page.locator('#coach'));
const step = (page: Page) => page.locator('#coach').getAttribute('data-step');
const coachState = (page: Page) => page.locator('#coach').getAttribute('data-state');
const outlined = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.classList.contains('coach-target'));

/** End phases until the coach shows `id` ready, or the final scores show. */
async function playUntil(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await step(page)) === id && (await coachState(page)) === 'ready') return;
    await myTurn(page);
    if ((await step(page)) === id && (await coachState(page)) === 'ready') return;
    await page.locator('#end-phase').click();
    await page.waitForFunction(() => {
      const b = document.getElementById('end-phase') as HTMLButtonElement | null;
      return document.getElementById('end-title') !== null || (b !== null && !b.disabled);
    });
  }
  throw new Error(`the coach never reached step ${id}`);
}

describe('the tutorial in the browser', () => {
  it('teaches the first game step by step, moving on only when the player has done each thing', async () => {
    const { page, errors } = await freshPage(need());
    await page.getByRole('button', { name: 'Tutorial' }).click();
    expect(await myTurn(page)).toEqual({ round: 'Round 1', phase: 'Negotiation' });
    await expect(page.locator('.panel-head .who').textContent()).resolves.toMatch(/Vaitupa/);

    // Step 1: the dashboard, outlined; a polite, non-modal card with text of 16 px or more.
    const card = coach(page);
    await card.waitFor();
    await expect(card.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(card.getAttribute('aria-modal')).resolves.toBe('false');
    expect(await step(page)).toBe('dashboard');
    await expect(card.locator('h2').textContent()).resolves.toMatch(/This is your dashboard/);
    await expect(card.textContent()).resolves.toMatch(/connectivity is \d+ out of 100, with \d+ active cable routes?\./);
    expect(await outlined(page, '#panel')).toBe(true);
    const px = await card.locator('p').last().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(16);
    // Keyboard: the card's button is reachable and works with Enter.
    await page.locator('#coach-ack').focus();
    await page.keyboard.press('Enter');

    // Step 2: end the phase; opening tabs does not move it on.
    await expect.poll(() => step(page)).toBe('end-phase');
    expect(await outlined(page, '#end-phase')).toBe(true);
    expect(await outlined(page, '#panel')).toBe(false);
    await page.getByRole('tab', { name: /Offers/ }).click();
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    expect(await step(page)).toBe('end-phase');
    await page.locator('#end-phase').click();

    // Step 3 waits for round 2's negotiation, then shows the two bids.
    await expect.poll(() => step(page)).toBe('offers');
    await playUntil(page, 'offers');
    expect(await myTurn(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });
    await expect(card.locator('h2').textContent()).resolves.toMatch(/Two bids for a second route/);
    expect(await outlined(page, '#tab-offers')).toBe(true);
    await page.getByRole('tab', { name: /Offers/ }).click();
    const bids = page.locator('.card', { hasText: /Cable .*Port Vila|Port Vila.*Cable/ });
    await expect.poll(() => bids.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    // Reading the offers is not answering them.
    await page.waitForTimeout(300);
    expect(await step(page)).toBe('offers');
    await shot(page, 'tutorial-offers');
    // Turn the cheaper bid down (with a reason), and take the grant.
    // The scripted bid by its route: the computer players may table cables of their own.
    const hmn = bids.filter({ hasText: 'Port Vila – Cape Hina – Anuvai by HMN Tech' }).last(); // the innermost card, if cards nest
    await hmn.getByLabel('Reason for rejecting').waitFor();
    await hmn.getByLabel('Reason for rejecting').fill('The data-access clause.');
    await hmn.getByRole('button', { name: 'Reject', exact: true }).click();
    const grant = bids.filter({ hasText: 'Port Vila – Loto Bay – Anuvai by Alcatel Submarine Networks' }).last();
    await grant.getByRole('button', { name: 'Accept', exact: true }).click();

    // Step 4 waits for round 3, then tells of the cut cable.
    await expect.poll(() => step(page)).toBe('cut');
    await playUntil(page, 'cut');
    expect(await myTurn(page)).toEqual({ round: 'Round 3', phase: 'Negotiation' });
    await expect(card.locator('h2').textContent()).resolves.toMatch(/A cable was cut/);
    await expect(card.textContent()).resolves.toMatch(/Vaitupa.*Suva|Suva.*Vaitupa/);
    expect(await outlined(page, '#feed')).toBe(true);
    await page.waitForTimeout(300);
    expect(await step(page)).toBe('cut');
    await page.locator('#end-phase').click();

    // Step 5: the end screen, with the score breakdown outlined.
    await expect.poll(() => step(page)).toBe('scores');
    await playUntil(page, 'scores');
    await expect(page.getByRole('heading', { name: 'Final scores' }).isVisible()).resolves.toBe(true);
    expect(await outlined(page, 'table.scores')).toBe(true);
    await expect(card.locator('h2').textContent()).resolves.toMatch(/Your final score and its breakdown/);
    // The grant-funded second route is in service for the last round: the lesson pays off.
    const final = Number((await card.textContent())?.match(/You finished with (\d+)/)?.[1]);
    expect(final).toBeGreaterThanOrEqual(50);
    await shot(page, 'tutorial-end');
    await page.getByRole('button', { name: 'Finish tutorial' }).click();
    await expect.poll(() => page.locator('#coach').count()).toBe(0);
    await expect(page.locator('.coach-target').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
