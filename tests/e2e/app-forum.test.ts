import { describe, expect, it } from 'vitest';
import { endPhase, freshPage, myTurn, shot, siteForFile } from './app-helpers';

const need = siteForFile();

describe('ratification and the Forum in the browser (Quad, as Vanuatu)', () => {
  it('accepts the pact that needs ratification, sees it pending on the island, then endorses the Forum\'s policing initiative', async () => {
    const { page, errors } = await freshPage(need());
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('radio', { name: 'Quad', exact: true }).check();
    await page.getByRole('radio', { name: 'Solo', exact: true }).check();
    await page.getByRole('radio', { name: 'Vanuatu', exact: true }).check();
    await page.getByRole('radio', { name: 'Easy', exact: true }).check();
    await page.getByLabel('Seed').fill('1');
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await myTurn(page)).toEqual({ round: 'Round 1', phase: 'Negotiation' });

    // Round 1: Canberra's tabled pact says it needs Vanuatu's parliament; Vanuatu accepts it.
    await page.getByRole('tab', { name: /Offers/ }).click();
    const pact = page.locator('section[aria-labelledby="offers-in"] .card', { hasText: 'Canberra →' }).filter({ hasText: 'Needs ratification' });
    await expect(pact.count()).resolves.toBe(1);
    await expect(pact.textContent()).resolves.toMatch(/Needs ratification by the parliament of Vanuatu/);
    await pact.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => pact.locator('.status').textContent()).toMatch(/Accepted/);
    await endPhase(page);
    expect(await endPhase(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });

    // Round 2: signed, subject to ratification, with no effect yet: on the offers panel and on the island.
    await page.getByRole('tab', { name: /Offers/ }).click();
    const pending = page.locator('section[aria-labelledby="ratifications"] .card');
    const canberraPending = pending.filter({ hasText: 'Canberra ·' });
    await expect(canberraPending.textContent()).resolves.toMatch(/Awaiting ratification.*Until then it has no effect/);
    await page.getByRole('tab', { name: 'Islands' }).click();
    await page.getByRole('button', { name: 'Vanuatu' }).click();
    const parliament = page.locator('section[aria-labelledby="island-parliament"]');
    await expect(parliament.textContent()).resolves.toMatch(/Ratifies pact deals.*opposition leans to Beijing.*Awaiting ratification: .*with Canberra/);
    await parliament.scrollIntoViewIfNeeded();
    await shot(page, 'ratification-pending');

    // The vote at the end of round 2 refuses it, as Vanuatu's parliament did.
    await endPhase(page);
    expect(await endPhase(page)).toEqual({ round: 'Round 3', phase: 'Negotiation' });
    await page.getByRole('tab', { name: /Offers/ }).click();
    await expect(canberraPending.locator('.status').textContent()).resolves.toBe('Refused by parliament');

    // Round 4: the Forum Leaders Meeting puts the Pacific Policing Initiative to every island.
    await endPhase(page);
    expect(await endPhase(page)).toEqual({ round: 'Round 4', phase: 'Negotiation' });
    await page.getByRole('tab', { name: /Offers/ }).click();
    // An island may have called a meeting of its own for this round too: the scripted one is found by its title.
    const forum = page.locator('section[aria-labelledby="forum"] .card').filter({ hasText: "Nuku'alofa" });
    await expect(forum.locator('.forum-title').textContent()).resolves.toBe("Pacific Islands Forum Leaders Meeting, Nuku'alofa: the Pacific Policing Initiative (Aug 2024)");
    await expect(forum.textContent()).resolves.toMatch(/asked to endorse a regional policing initiative backed by Canberra/);
    await shot(page, 'forum-initiative');
    await forum.getByRole('button', { name: 'Endorse', exact: true }).click();
    await expect.poll(() => forum.textContent()).toMatch(/You endorsed it\./);
    await expect(forum.getByRole('button', { name: 'Endorse', exact: true }).count()).resolves.toBe(0);
    await shot(page, 'forum-endorsed');

    // The negotiation closes and the meeting decides, in the news.
    await endPhase(page);
    await page.getByRole('tab', { name: /Offers/ }).click();
    await expect(forum.locator('.status').textContent()).resolves.toMatch(/^(Adopted|Not adopted)$/);
    await expect(forum.textContent()).resolves.toMatch(/Endorsed by .*Vanuatu/);
    expect(errors).toEqual([]);
  }, 240_000);
});
