import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, myTurn, newGame, pageText, shot, siteForFile } from './app-helpers';

const need = siteForFile();

/** A solo game as this power (seed 3, easy bots), at its first turn, on the New offer tab. */
async function composerAs(role: 'Beijing' | 'Canberra'): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await freshPage(need());
  page.setDefaultTimeout(10_000);
  await newGame(page, { mode: 'solo', role, seed: '3', level: 'Easy' });
  await myTurn(page);
  await page.getByRole('tab', { name: 'New offer' }).click();
  return { page, errors };
}

const sentText = (page: Page) => page.locator('.composer .alert.ok').textContent();

describe('the offer composer, first hour', () => {
  it('Beijing: a telecom loan takes China Exim Bank\'s credit on offer (85%), not a grant, and the offer names every funder', async () => {
    const { page, errors } = await composerAs('Beijing');
    const composer = page.locator('.composer');
    await composer.getByRole('radio', { name: 'Telecom', exact: true }).check();
    await composer.getByRole('group', { name: 'Island', exact: true }).getByRole('radio', { name: 'Papua New Guinea' }).check();
    await composer.getByRole('radio', { name: 'Huawei', exact: true }).check();
    await composer.getByLabel('Amount', { exact: true }).fill('40');
    // A grant: Exim lends only beside Beijing's own loan, so nothing is on offer.
    await composer.getByRole('radio', { name: 'Grant', exact: true }).check();
    await expect.poll(() => composer.locator('.cofund').count()).toBe(0);
    await composer.getByRole('radio', { name: 'Loan', exact: true }).check();
    const cofund = composer.locator('.cofund');
    await expect.poll(() => cofund.textContent()).toMatch(/Take the co-funding on offer: Beijing 15% \(loan at \d+%\), China Exim Bank 85% \(loan at 2%\)/);
    await expect(cofund.locator('input').isChecked()).resolves.toBe(true);
    await cofund.scrollIntoViewIfNeeded();
    await shot(page, 'composer-exim-credit');
    await composer.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => sentText(page), { timeout: 15_000 }).toMatch(/Sent: .*Funded jointly: Beijing 15% \(loan at \d+%\), China Exim Bank 85% \(loan at 2%\)/);
    // The offers panel names every funder and its share.
    await page.getByRole('tab', { name: /Offers/ }).click();
    await expect.poll(() => page.locator('.card', { hasText: 'China Exim Bank' }).first().textContent(), { timeout: 15_000 }).toMatch(/Funded jointly: Beijing 15% \(loan at \d+%\), China Exim Bank 85% \(loan at 2%\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Beijing: the Solomons recognise Taipei in 2017, so aid and pacts go to Papua New Guinea only, and the switch of recognition is on offer', async () => {
    const { page, errors } = await composerAs('Beijing');
    const composer = page.locator('.composer');
    const islands = () => composer.getByRole('group', { name: 'Island', exact: true }).locator('label').allTextContents();
    await composer.getByRole('radio', { name: 'Aid', exact: true }).check();
    await expect.poll(islands).toEqual(['Papua New Guinea']);
    await shot(page, 'composer-beijing-aid-taipei-ally');
    await composer.getByRole('radio', { name: 'Security pact', exact: true }).check();
    await expect.poll(islands).toEqual(['Papua New Guinea']);
    // Telecom contracts are not barred (Huawei Marine held the Solomons' cable contract in 2017).
    await composer.getByRole('radio', { name: 'Telecom', exact: true }).check();
    await expect.poll(islands).toEqual(['Papua New Guinea', 'Solomon Islands']);
    await composer.getByRole('radio', { name: 'Diplomatic', exact: true }).check();
    await expect.poll(islands).toContain('Solomon Islands');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Canberra: legal defaults, linked parties, money promised and free, only what Canberra may offer, money as entered', async () => {
    const { page, errors } = await composerAs('Canberra');

    // 1. A cable sent on the form's defaults is legal; the build-time hint follows the vendor.
    await page.getByRole('radio', { name: 'Cable' }).check();
    await page.getByLabel('Stop 1', { exact: true }).selectOption('sydney');
    await page.getByLabel('Stop 2', { exact: true }).selectOption('honiara');
    await expect(page.getByRole('radio', { name: 'Alcatel Submarine Networks' }).isChecked()).resolves.toBe(true);
    await expect.poll(() => page.getByLabel('Build time (months)').inputValue()).toBe('18');
    await expect(page.locator('.composer .field:has(#compose-offer-dealKind-cable-deal-buildMonths) .hint').textContent()).resolves.toMatch(/From 18 to 60/);
    // The Solomon Islands are ticked because the route lands there.
    await expect(page.getByRole('checkbox', { name: 'Solomon Islands' }).isChecked()).resolves.toBe(true);
    // Money: what Canberra has, what is promised, what is free.
    await expect(page.locator('.money-box').textContent()).resolves.toMatch(/In your treasury\$(\d+)mPromised in 0 open offers\$0mFree to promise\$\1m/);
    await shot(page, 'composer-cable-defaults');
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => sentText(page), { timeout: 15_000 }).toMatch(/Sent: Cable Sydney – Honiara by Alcatel Submarine Networks/);

    // 2. An error the engine raised clears as soon as the form is put right.
    await page.getByRole('radio', { name: 'Cable' }).check();
    await page.getByLabel('Stop 1', { exact: true }).selectOption('sydney');
    await page.getByLabel('Stop 2', { exact: true }).selectOption('piti');
    await page.getByRole('button', { name: 'Send offer' }).click();
    const routeError = page.locator('.composer .field-error');
    await expect.poll(() => routeError.count(), { timeout: 15_000 }).toBe(1);
    await page.getByLabel('Stop 2', { exact: true }).selectOption('port-moresby');
    await expect.poll(() => routeError.count()).toBe(0);
    await expect(page.getByRole('checkbox', { name: 'Papua New Guinea' }).isChecked()).resolves.toBe(true);

    // 2. Aid: Send to and Island follow each other.
    await page.getByRole('radio', { name: 'Aid' }).check();
    await page.getByRole('checkbox', { name: 'Solomon Islands' }).check();
    const island = page.getByRole('group', { name: 'Island', exact: true });
    await expect.poll(() => island.getByRole('radio', { name: 'Solomon Islands' }).isChecked()).toBe(true);
    await island.getByRole('radio', { name: 'Papua New Guinea' }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Papua New Guinea' }).isChecked()).toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Solomon Islands' }).isChecked()).resolves.toBe(false);

    // 5. Money is kept as entered, or refused with a reason; never silently rounded.
    await page.getByLabel('Amount').fill('13.3745');
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => page.locator('.composer .field-error').textContent()).toMatch(/at most three decimals/);
    await page.getByLabel('Amount').fill('13.37');
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => sentText(page), { timeout: 15_000 }).toMatch(/Aid of \$13\.37m to Papua New Guinea/);

    // 3. Promising more than is free: a warning first, then "Send anyway".
    await page.getByRole('radio', { name: 'Aid' }).check();
    // (The computer may already have turned an offer down: only offers that may still be signed count.)
    const box = (await page.locator('.money-box').textContent()) ?? '';
    const [, treasury, count, promised, free] = /In your treasury\$([\d.]+)mPromised in (\d+) open offers?\$([\d.]+)mFree to promise\$([\d.]+)m/.exec(box)?.map(Number) ?? [];
    expect(count).toBeGreaterThanOrEqual(1);
    expect(promised).toBeGreaterThanOrEqual(13.37);
    expect(free).toBeCloseTo((treasury ?? 0) - (promised ?? 0), 3);
    expect(free).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Solomon Islands' }).check();
    await page.getByLabel('Amount').fill(String(Math.ceil(free ?? 0) + 5));
    await page.getByRole('button', { name: 'Send offer' }).click();
    await expect.poll(() => page.locator('.composer .form-error').textContent()).toMatch(/only \$[\d.]+m is free/);
    await shot(page, 'composer-overcommit');
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => sentText(page), { timeout: 15_000 }).toMatch(/Sent: Aid/);

    // 4. Canberra is never offered what only Beijing may do.
    await page.getByRole('radio', { name: 'Diplomatic' }).check();
    const composer = await page.locator('.composer').textContent();
    expect(composer).not.toMatch(/Switch recognition/);
    expect(composer).toMatch(/Join the partner/);

    const text = await pageText(page);
    expect(text).not.toMatch(/\$\d+k\b/);
    expect(text).not.toMatch(/\b1 (cables|offers|island governments|entries)\b/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
