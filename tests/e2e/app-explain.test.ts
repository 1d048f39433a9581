import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, myTurn, newGame, shot, siteForFile } from './app-helpers';

const need = siteForFile();

async function takeSeat(page: Page, role: string): Promise<void> {
  await page.getByRole('heading', { name: `Pass to ${role}` }).waitFor();
  await page.getByRole('button', { name: `I am ${role}: show my screen` }).click();
  await expect.poll(() => page.locator('.panel-head .who').textContent(), { timeout: 15_000 }).toBe(role);
  await myTurn(page);
}

it('after a round in which its offer was signed, the dashboard says why each objective moved, naming the pact', async () => {
  const { page, errors } = await freshPage(need());
  // Papua New Guinea: the Solomons recognise Taipei as Coral Sea opens, and Beijing makes no pact with them.
  await newGame(page, { mode: 'hotseat', roles: ['Beijing', 'Papua New Guinea'], seed: '4' });
  const first = page.getByRole('heading', { name: /^Pass to / });
  await first.waitFor();
  if ((await first.textContent())?.includes('Papua New Guinea')) {
    await takeSeat(page, 'Papua New Guinea');
    await page.getByRole('button', { name: 'Pass to Beijing' }).click();
  }
  await takeSeat(page, 'Beijing');
  // Round 1: nothing moved yet, and the dashboard says where each part stands.
  await expect.poll(() => page.locator('#score-why').textContent(), { timeout: 15_000 }).toMatch(/where you started|since the game began/);
  await page.getByRole('tab', { name: 'New offer' }).click();
  await page.getByRole('radio', { name: 'Security pact' }).check();
  await page.getByRole('radio', { name: 'Papua New Guinea' }).check();
  await page.getByLabel('Kind of pact').selectOption('policing');
  await page.getByRole('button', { name: 'Send offer' }).click();
  await expect.poll(() => page.locator('.composer .alert.ok').textContent(), { timeout: 15_000 }).toMatch(/Sent/);
  await page.getByRole('button', { name: 'Pass to Papua New Guinea' }).click();
  await takeSeat(page, 'Papua New Guinea');
  await page.getByRole('tab', { name: /Offers/ }).click();
  const card = page.locator('.card', { hasText: /Beijing → Papua New Guinea/ }).filter({ hasText: /olicing/ });
  await card.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect.poll(() => card.getByRole('button', { name: 'Accept', exact: true }).count(), { timeout: 15_000 }).toBe(0);
  // Every seat ends each phase until Beijing sits at round 2's negotiation.
  for (let i = 0; i < 12; i++) {
    const handoff = page.getByRole('heading', { name: /^Pass to / });
    if (await handoff.isVisible()) {
      const who = ((await handoff.textContent()) ?? '').replace('Pass to ', '');
      await takeSeat(page, who);
    }
    const turn = await myTurn(page);
    const who = await page.locator('.panel-head .who').textContent();
    if (turn.round === 'Round 2' && who === 'Beijing') break;
    await page.locator('#end-phase').click();
    await page.waitForFunction(() => document.querySelector('h2')?.textContent?.startsWith('Pass to') || !(document.getElementById('end-phase') as HTMLButtonElement | null)?.disabled);
  }
  expect(await myTurn(page)).toMatchObject({ round: 'Round 2' });
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  const why = page.locator('#score-why');
  await expect.poll(() => why.textContent(), { timeout: 15_000 }).toMatch(/policing pact between (Papua New Guinea and Beijing|Beijing and Papua New Guinea), round 1 \+\d+/);
  await expect(page.getByText('Why it moved this round').count()).resolves.toBe(1);
  await why.scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-why');
  expect(errors).toEqual([]);
}, 240_000);
