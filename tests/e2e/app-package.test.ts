import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, myTurn, pageText, shot, siteForFile } from './app-helpers';

const need = siteForFile();

/** Take the device on the hand-off screen. */
async function takeSeat(page: Page, role: string): Promise<void> {
  await page.getByRole('heading', { name: `Pass to ${role}` }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: `I am ${role}: show my screen` }).click();
  await expect.poll(() => page.locator('.panel-head .who').textContent(), { timeout: 30_000 }).toBe(role);
  await expect.poll(() => page.locator('#end-phase').isEnabled(), { timeout: 60_000 }).toBe(true);
}

const packageCard = (page: Page) => page.locator('section[aria-labelledby="offers-in"] .card', { hasText: 'Package of 4 parts from Beijing' });

describe('a package in the browser', () => {
  it('Shared Future: Samoa refuses Beijing’s May 2022 package and Fiji accepts it, each for itself, seeing every part; the news names it in words', async () => {
    const { page, errors } = await freshPage(need());
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('radio', { name: 'Shared Future', exact: true }).check();
    await page.getByRole('radio', { name: 'Hot-seat', exact: true }).check();
    for (const r of ['Samoa', 'Fiji']) await page.getByRole('checkbox', { name: r, exact: true }).check();
    await page.getByRole('radio', { name: 'Easy', exact: true }).check();
    await page.getByLabel('Seed').fill('5');
    await page.getByRole('button', { name: 'Start' }).click();

    // Samoa comes first in seat order: the package is in its offers, each part listed as for Samoa.
    await takeSeat(page, 'Samoa');
    await page.getByRole('tab', { name: /Offers/ }).click();
    const card = packageCard(page);
    await card.waitFor({ timeout: 30_000 });
    const parts = card.locator('.package-parts li');
    await expect(parts.count()).resolves.toBe(4);
    const texts = await parts.allTextContents();
    expect(texts[0]).toMatch(/Policing pact between Samoa and Beijing/);
    expect(texts.join(' ')).toMatch(/E-government software in Samoa by Huawei, \$2m, grant from Beijing/);
    expect(texts.join(' ')).not.toMatch(/Aid of/);
    await expect(card.textContent()).resolves.toMatch(/it stands for the islands that sign/);
    // A package to several islands is answered, never countered here.
    await expect(card.getByRole('button', { name: 'Counter…' }).count()).resolves.toBe(0);
    await card.getByLabel('Reason for rejecting').fill('The region has not met to discuss it.');
    await card.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Refused by .*Samoa \(“The region has not met to discuss it\.”\)/);
    await expect(card.getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
    await shot(page, 'package-refused-by-samoa');
    await page.getByRole('button', { name: 'End phase' }).click();

    // Fiji sees the same package, its parts for Fiji, and Samoa's refusal; it accepts for itself.
    await takeSeat(page, 'Fiji');
    await page.getByRole('tab', { name: /Offers/ }).click();
    await packageCard(page).waitFor({ timeout: 30_000 });
    await expect(packageCard(page).locator('.package-parts li').first().textContent()).resolves.toMatch(/Policing pact between Fiji and Beijing/);
    await shot(page, 'package-fiji');
    await packageCard(page).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => packageCard(page).textContent(), { timeout: 15_000 }).toMatch(/Accepted (so far )?by .*Fiji/);
    await shot(page, 'package-accepted-by-fiji');
    await page.getByRole('button', { name: 'End phase' }).click();

    // Decisions: each seat ends the phase as the device comes to it; resolution signs Fiji's share only.
    for (let i = 0; i < 10; i++) {
      const handoff = page.getByRole('heading', { name: /^Pass to / });
      await expect.poll(async () => (await handoff.isVisible()) || (await page.locator('#end-phase').isEnabled()), { timeout: 60_000 }).toBe(true);
      if (await handoff.isVisible()) await takeSeat(page, ((await handoff.textContent()) ?? '').replace('Pass to ', ''));
      if ((await myTurn(page)).round === 'Round 2') break;
      await page.getByRole('button', { name: 'End phase' }).click();
    }
    expect(await myTurn(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });
    await page.getByRole('button', { name: 'Larger news' }).click();
    const news = await page.locator('.feed-list li .text').allTextContents();
    const signed = news.find((t) => t.startsWith('Package signed by'));
    expect(signed).toMatch(/^Package signed by [A-Za-z ,]*Fiji[A-Za-z ,]*: Beijing's package for 10 islands: a policing pact; a cyber pact \(incident-access clause\); membership of Beijing's data-security initiative; e-government and customs software by Huawei \(\$2m grant\)\.$/);
    expect(signed).not.toMatch(/Samoa/);
    // Samoa saw the offer, so it reads who did not sign; no id of an offer or agreement shows.
    expect(news.join('\n')).toMatch(/not signed by .*Samoa/);
    expect(news.join('\n')).not.toMatch(/\b[oa]\d+\b/);
    // The May 2022 leak published the draft itself, for every seat to read (rules version 14).
    expect(news.join('\n')).toMatch(/The draft China-Pacific Common Development Vision leaks, with FSM's letter against it \(May 2022\): the draft is public — Beijing's package for 10 islands: a policing pact;/);
    expect(news.join('\n')).not.toMatch(/reveal nothing/);
    await shot(page, 'package-news');
    await page.locator('.feed-list li', { hasText: "the draft is public — Beijing's package" }).scrollIntoViewIfNeeded();
    await shot(page, 'package-leak-news');
    expect(await pageText(page)).toContain('Fiji and Beijing agree a policing pact');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
