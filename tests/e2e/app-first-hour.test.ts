import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endPhase, freshPage, myTurn, newGame, shot, siteForFile } from './app-helpers';

const need = siteForFile();

async function endPhases(page: Page, n: number): Promise<void> {
  await myTurn(page);
  for (let i = 0; i < n; i++) await endPhase(page);
}

/** Is anything on the page wider than the window (a sideways scroll)? */
const sideways = (page: Page) =>
  page.evaluate(() => {
    window.scrollTo(400, 0);
    const visible = (e: Element) => getComputedStyle(e).visibility !== 'hidden' && e.getBoundingClientRect().width > 0;
    return window.scrollX !== 0 || [...document.querySelectorAll('#topbar, #stage, #panel, .tabs, .tabpanel, #feed')].some((e) => visible(e) && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden');
  });

describe('the first hour in the browser', () => {
  it('names debts and offers by what they are, and makes the news readable: filters, whole entries, a larger feed', async () => {
    const { page, errors } = await freshPage(need());
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await newGame(page, { mode: 'solo', role: 'Papua New Guinea', seed: '4', level: 'Easy' });
    await endPhases(page, 1);
    // Decisions: repaying a debt names the loan, not its id.
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.getByRole('radio', { name: 'Repay a debt early' }).check();
    const debts = await page.getByLabel('Debt', { exact: true }).textContent();
    expect(debts).toMatch(/Kumul domestic cable loan from Beijing/);
    expect(debts).not.toMatch(/exim/);
    // Each sealed order says what it does, what it costs and how likely it is to come out.
    await expect(page.locator('#order-help').textContent()).resolves.toMatch(/Pays off part of a debt.*Exposure: Nothing to expose/);
    await endPhases(page, 4);

    const feed = page.locator('#feed');
    const visibleEntries = () =>
      feed.evaluate((box) => {
        const r = box.getBoundingClientRect();
        return [...box.querySelectorAll('.feed-list li')].filter((li) => {
          const b = li.getBoundingClientRect();
          return b.top >= r.top && b.bottom <= r.bottom + 1;
        }).length;
      });
    expect(await page.locator('.feed-list li').count()).toBeGreaterThanOrEqual(8);
    const small = await visibleEntries();
    await page.getByRole('button', { name: 'Larger news' }).click();
    expect(await visibleEntries()).toBeGreaterThanOrEqual(8);
    expect(await visibleEntries()).toBeGreaterThan(small);
    // A long entry opens to its whole text, and closes again.
    const first = page.locator('.feed-list li .text').first();
    const oneLine = await first.evaluate((el) => el.getBoundingClientRect().height);
    const longest = await page.locator('.feed-list li .text').evaluateAll((els) => {
      let best = 0;
      els.forEach((el, i) => {
        if (el.scrollWidth > el.clientWidth + 1 && best === 0) best = i + 1;
      });
      return best - 1;
    });
    expect(longest).toBeGreaterThanOrEqual(0);
    {
      const entry = page.locator('.feed-list li .text').nth(longest);
      const more = page.locator('.feed-list li .feed-more').nth(longest);
      await more.click();
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
      expect(await entry.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(oneLine * 1.5);
      expect(await entry.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
    await shot(page, 'feed-larger');
    // Filters: private entries only, then deals only.
    await page.getByRole('button', { name: 'Private', exact: true }).click();
    const tags = await page.locator('.feed-list li').evaluateAll((lis) => lis.map((li) => li.querySelector('.secret-tag') !== null));
    expect(tags.every(Boolean)).toBe(true);
    await page.getByRole('button', { name: 'Deals', exact: true }).click();
    await expect(page.locator('.feed-count').textContent()).resolves.toMatch(/^\d+ of \d+$/);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    const text = await page.locator('#feed').textContent();
    expect(text).not.toMatch(/\b(offer|agreement) (?:[oa]\d+|o[2-9b-df-hj-np-tv-z]{4})\b|\bdebt [a-z]+-|exim-|\$\d+k\b/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('projector: map labels of 24 px and panel text of 22 px at 1920 × 1080', async () => {
    const { page, errors } = await freshPage(need());
    await page.setViewportSize({ width: 1920, height: 1080 });
    await newGame(page, { mode: 'solo', role: 'Canberra', seed: '2' });
    await myTurn(page);
    const labels = () => page.evaluate(() => window.__landingRights?.labelPx() ?? { capital: 0, landing: 0 });
    const mapWidth = () => page.locator('#map').evaluate((el) => el.clientWidth);
    const before = await labels();
    const widthBefore = await mapWidth();
    await page.getByRole('button', { name: 'Projector' }).click();
    await expect.poll(async () => (await labels()).landing).toBeGreaterThanOrEqual(24);
    expect((await labels()).capital).toBeGreaterThan(before.capital);
    const px = (selector: string) => page.locator(selector).first().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(await px('#panel .sub')).toBeGreaterThanOrEqual(22);
    expect(await px('#panel .tab')).toBeGreaterThanOrEqual(22);
    // The map keeps most of the screen.
    expect(await mapWidth()).toBeGreaterThanOrEqual(Math.min(widthBefore, 1920 * 0.62));
    await shot(page, 'projector-1920');
    await page.getByRole('button', { name: 'Projector' }).click();
    await expect.poll(async () => (await labels()).landing).toBe(before.landing);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a phone (390 × 844) and a tablet (820 × 1180): map and panel both reachable, tabs that fit, no sideways scroll', async () => {
    const { page, errors } = await freshPage(need());
    await page.setViewportSize({ width: 390, height: 844 });
    await newGame(page, { mode: 'solo', role: 'Solomon Islands', seed: '2' });
    await myTurn(page);
    expect(await sideways(page)).toBe(false);
    await expect.poll(() => page.locator('#map').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(300);
    await shot(page, 'phone-map');
    await page.getByRole('button', { name: 'Panels' }).click();
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    const tabs = page.locator('#panel .tabs');
    // Every tab is inside the panel: none cut off, no scrolling sideways to reach one.
    expect(await tabs.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // (Once the drawer has slid in.)
    for (const t of await page.locator('#panel .tab').all())
      await expect.poll(async () => {
        const box = await t.boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= 390;
      }).toBe(true);
    await page.getByRole('tab', { name: 'New offer' }).click();
    expect(await sideways(page)).toBe(false);
    await shot(page, 'phone-panel');
    // Back to the map.
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(false);

    await page.setViewportSize({ width: 820, height: 1180 });
    // A tablet shows the map above the panel, both at once.
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    const map = await page.locator('#map').boundingBox();
    const panel = await page.locator('#panel').boundingBox();
    expect(map && panel && map.y + map.height <= panel.y + 1).toBe(true);
    expect(map && map.height).toBeGreaterThan(300);
    expect(panel && panel.width).toBeGreaterThan(700);
    expect(await sideways(page)).toBe(false);
    expect(await tabs.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await shot(page, 'tablet');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard and clicks: no scenario named before one is chosen, dialogs keep focus, focus in the panel after Start, cables open their detail, an island click keeps the offer', async () => {
    const { page, errors } = await freshPage(need());
    page.setDefaultTimeout(15_000);
    await expect(page.locator('#scenario-title').textContent()).resolves.toBe('');
    // Tab round the menu: the map behind it never takes focus.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#map, #panel, #feed, #map-tools') === null)).toBe(true);
    }
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#map, #panel, #feed, #map-tools') === null)).toBe(true);
    }
    await page.getByRole('button', { name: 'Back' }).click();
    await newGame(page, { mode: 'solo', role: 'Canberra', seed: '6', level: 'Easy' });
    await myTurn(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#panel') !== null)).toBe(true);
    await expect(page.locator('#scenario-title').textContent()).resolves.toBe('Coral Sea');

    // A click on a cable shows its detail.
    const leg = await page.evaluate(() => {
      const legs = window.__landingRights?.cablePath('ppc-1') ?? [];
      return legs.reduce((a, b) => (b.length > a.length ? b : a), [] as { x: number; y: number }[]);
    });
    const mid = leg[Math.floor(leg.length / 2)];
    if (!mid) throw new Error('PIPE Pacific Cable-1 is not on the map');
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    await expect.poll(() => page.locator('#cable-title').textContent()).toBe('PIPE Pacific Cable-1');
    await expect(page.locator('.cable-detail').textContent()).resolves.toMatch(/In service/);
    await shot(page, 'cable-detail');

    // An island clicked while an offer is written: the offer stays, and takes the island.
    await page.getByRole('tab', { name: 'New offer' }).click();
    await page.getByRole('radio', { name: 'Aid' }).check();
    await page.getByLabel('Amount').fill('7');
    const honiara = await page.evaluate(() => window.__landingRights?.project(159.95, -9.43));
    if (!honiara) throw new Error('no projection');
    await page.mouse.click(box.x + honiara.x, box.y + honiara.y);
    await expect.poll(() => page.getByRole('group', { name: 'Island', exact: true }).getByRole('radio', { name: 'Solomon Islands' }).isChecked()).toBe(true);
    await expect(page.getByRole('tab', { name: 'New offer' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByLabel('Amount').inputValue()).resolves.toBe('7');
    await expect(page.getByRole('checkbox', { name: 'Solomon Islands' }).isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the tutorial asks before ending a game in progress, counts the offers open in round 1, explains the starting score and leaves the bids uncovered', async () => {
    const { page, errors } = await freshPage(need());
    page.setDefaultTimeout(15_000);
    await newGame(page, { mode: 'solo', role: 'Canberra', seed: '8', level: 'Easy' });
    await myTurn(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Tutorial' }).click();
    await expect(page.locator('#tutorial-confirm').textContent()).resolves.toMatch(/A game is in progress/);
    await page.getByRole('button', { name: 'Keep my game' }).click();
    await page.getByRole('button', { name: 'Continue game' }).waitFor();
    await page.getByRole('button', { name: 'Tutorial' }).click();
    await page.getByRole('button', { name: 'Start the tutorial' }).click();
    await myTurn(page);
    await expect(page.locator('.panel-head .who').textContent()).resolves.toMatch(/Vaitupa/);
    await expect(page.locator('#score-hint').textContent()).resolves.toMatch(/starts at \d+/);
    await page.locator('#coach-ack').click();
    await expect.poll(() => page.locator('#coach').getAttribute('data-step')).toBe('end-phase');
    const open = await page.locator('.tab .count').count();
    const body = await page.locator('#coach').textContent();
    expect(body).not.toMatch(/Nothing needs an answer/);
    if (open) expect(body).toMatch(/open in the Offers tab/);
    // On to round 2's bids: the card sits above them in the panel, covering none.
    const atBids = async () => (await page.locator('#coach').getAttribute('data-step')) === 'offers' && (await page.locator('#coach').getAttribute('data-state')) === 'ready';
    for (let i = 0; i < 8 && !(await atBids()); i++) {
      await myTurn(page);
      await page.locator('#end-phase').click();
      await myTurn(page);
    }
    await expect.poll(() => page.locator('#coach').getAttribute('data-step')).toBe('offers');
    await page.getByRole('tab', { name: /Offers/ }).click();
    await expect.poll(() => page.locator('#coach').evaluate((el) => el.closest('#tabpanel') !== null)).toBe(true);
    const overlaps = await page.evaluate(() => {
      const coach = document.getElementById('coach')?.getBoundingClientRect();
      if (!coach) return -1;
      return [...document.querySelectorAll('#tabpanel .card')].filter((card) => {
        const r = card.getBoundingClientRect();
        return !(r.bottom <= coach.top || r.top >= coach.bottom || r.right <= coach.left || r.left >= coach.right);
      }).length;
    });
    expect(overlaps).toBe(0);
    await shot(page, 'tutorial-bids');
    expect(errors).toEqual([]);
    await page.close();
  });
});
