import { describe, expect, it } from 'vitest';
import { freshPage, myTurn, shot, siteForFile } from './app-helpers';

const need = siteForFile();

/** "Washington 60% (grant), the Asian Development Bank 20% (grant), Canberra 20% (grant)": names and shares, no ids. */
const FUNDERS = /Funded jointly: (?:(?:the )?[A-Z][A-Za-z ]+ \d+% \((?:grant|loan at \d+%)\)(?:, )?)+\./;

describe('jointly funded deals in the browser', () => {
  it('Micronesia as Kiribati: the offers panel and the news name every funder of a jointly funded deal and its share', { timeout: 180_000 }, async () => {
    const { page, errors } = await freshPage(need());
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('radio', { name: 'Micronesia', exact: true }).check();
    await page.getByRole('radio', { name: 'Solo', exact: true }).check();
    await page.getByRole('radio', { name: 'Kiribati', exact: true }).check();
    await page.getByRole('radio', { name: 'Easy', exact: true }).check();
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Start' }).click();
    expect((await myTurn(page)).round).toBe('Round 1');
    for (let i = 0; i < 2; i++) {
      await page.locator('#end-phase').click();
      await myTurn(page);
    }
    expect(await myTurn(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });
    await page.getByRole('tab', { name: /Offers/ }).click();
    // In this game Washington signed a cable to Nauru in round 1 with Canberra and the ADB as co-funders.
    const joint = page.locator('.card', { hasText: 'Funded jointly' }).first();
    await expect.poll(() => joint.textContent(), { timeout: 15_000 }).toMatch(FUNDERS);
    const panel = (await page.locator('.card', { hasText: 'Funded jointly' }).allTextContents()).join('\n');
    expect(panel).not.toMatch(/worldBank|\badb\b|\btokyo\b|\bwashington\b|\bcanberra\b/);
    await joint.scrollIntoViewIfNeeded();
    await shot(page, 'match-offers-joint-funding');
    const news = (await page.locator('.feed-list').textContent()) ?? '';
    expect(news).toMatch(/funded jointly: (?:(?:the )?[A-Z][A-Za-z ]+ \d+% \((?:grant|loan at \d+%)\)(?:, )?)+/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
