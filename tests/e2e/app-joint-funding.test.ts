import { describe, expect, it } from 'vitest';
import { freshPage, myTurn, shot, siteForFile } from './app-helpers';

const need = siteForFile();

describe('a jointly funded offer in the browser', () => {
  it('Kiribati sees the East Micronesia tender with every funder and its share, and the news names them when it is signed', async () => {
    const { page, errors } = await freshPage(need());
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('radio', { name: 'Micronesia', exact: true }).check();
    await page.getByRole('radio', { name: 'Solo', exact: true }).check();
    await page.getByRole('radio', { name: 'Kiribati', exact: true }).check();
    await page.getByRole('radio', { name: 'Easy', exact: true }).check();
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Start' }).click();
    expect((await myTurn(page)).round).toBe('Round 1');
    // Round 2 tables HMN Tech's bid on the World Bank's and the ADB's grants.
    for (let i = 0; i < 2; i++) {
      await page.locator('#end-phase').click();
      await myTurn(page);
    }
    expect(await myTurn(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });
    await page.getByRole('tab', { name: /Offers/ }).click();
    const tender = page.locator('.card', { hasText: 'HMN Tech' }).first();
    await expect.poll(() => tender.textContent(), { timeout: 15_000 }).toMatch(/Funded jointly: Beijing 30% \(grant\), the World Bank 50% \(grant\), the Asian Development Bank 20% \(grant\)/);
    await expect(tender.textContent()).resolves.not.toMatch(/worldBank|adb\b/);
    await shot(page, 'match-offers-joint-funding');
    // Kiribati accepts; whether or not the others do, any signing names every funder in the news.
    await tender.getByRole('button', { name: /Accept/ }).click();
    for (let i = 0; i < 2; i++) {
      await page.locator('#end-phase').click();
      await myTurn(page);
    }
    const news = (await page.locator('.feed-list').textContent()) ?? '';
    if (/Signed: a \$[\d.]+m cable by HMN Tech/.test(news)) expect(news).toMatch(/funded jointly: Beijing 30% \(grant\), the World Bank 50% \(grant\), the Asian Development Bank 20% \(grant\)/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
