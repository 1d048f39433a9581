import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { APP_PATH, freshPage, myTurn, shot, siteForFile } from './app-helpers';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { simplePolicy } from '../../src/ai/simple';
import { parseScenarioText } from '../../src/scenario/load';
import type { ScenarioData } from '../../src/engine';

const need = siteForFile();

/** A teacher's own scenario: the tutorial's world under another id and title. */
const GOOD = readFileSync('scenarios/tutorial.yaml', 'utf8').replace('id: tutorial', 'id: lagoon').replace('title: First landing', 'title: Lagoon crossing');
/** The same file with three mistakes: a negative treasury, a misspelt field, an unknown event kind. */
const BAD = GOOD.replace('    treasury: 6000\n', '    treasury: -6000\n').replace('    budgetPerRound: 30000\n', '    budgetPerRund: 30000\n').replace('kind: anchorDrag,', 'kind: anchorDrg,');
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
const MISTAKES = [
  { line: lineOf(BAD, 'treasury: -6000'), field: 'islands[0].treasury', says: 'expected a number of at least 0, found number -6000' },
  { line: lineOf(BAD, 'budgetPerRund'), field: 'powers[1].budgetPerRund', says: 'did you mean `budgetPerRound`?' },
  { line: lineOf(BAD, 'anchorDrg'), field: 'scripted[0].kind', says: 'found "anchorDrg"' },
];

const file = (text: string) => ({ name: 'lagoon.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });

async function toSetup(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click();
  await page.locator('#setup-title').waitFor();
}

describe('a scenario file opened from the menu', () => {
  it('shows three mistakes beside their lines, opens once fixed, plays a round, stays listed, and its save reopens once it is removed', async () => {
    const site = need();
    const { page, errors } = await freshPage(site);
    await toSetup(page);

    // Three mistakes: each in the list with its line and field, and under its own line in the file.
    await page.locator('#setup-open-file').setInputFiles(file(BAD));
    const dialog = page.locator('#authoring-dialog');
    await dialog.getByRole('heading', { name: 'lagoon.yaml: 3 problems' }).waitFor();
    const items = dialog.locator('#authoring-problems li');
    expect(await items.count()).toBe(3);
    for (const [i, m] of MISTAKES.entries()) {
      const item = items.nth(i);
      expect(await item.getAttribute('data-line')).toBe(String(m.line));
      expect(await item.locator('.where').textContent()).toMatch(new RegExp(`^Line ${m.line}, column \\d+$`));
      expect(await item.locator('.field').textContent()).toBe(m.field);
      expect(await item.textContent()).toContain(m.says);
      const line = dialog.locator(`#authoring-line-${m.line}`);
      expect(await line.getAttribute('class')).toBe('line bad');
      expect(await line.locator('code').textContent()).toBe(BAD.split('\n')[m.line - 1]);
      const note = dialog.locator(`.authoring-source .note[data-line="${m.line}"]`);
      expect(await note.textContent()).toContain(m.says);
      // The note sits right under its line.
      expect(await line.evaluate((el) => (el.nextElementSibling as HTMLElement | null)?.dataset.line)).toBe(String(m.line));
    }
    expect(await dialog.locator('.authoring-source .line.bad').count()).toBe(3);
    expect(await page.getByRole('radio', { name: 'Lagoon crossing' }).count()).toBe(0);
    await shot(page, 'authoring-problems');
    await dialog.locator('#authoring-problems a').first().click();
    await shot(page, 'authoring-problems-line');

    // Fixed and opened again: listed, chosen, and played.
    await dialog.locator('#authoring-reopen').setInputFiles(file(GOOD));
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    const radio = page.getByRole('radio', { name: 'Lagoon crossing' });
    expect(await radio.isChecked()).toBe(true);
    expect(await page.locator('#setup-open-notice').textContent()).toContain('Opened lagoon.yaml: Lagoon crossing.');
    await page.locator('#setup-open-notice').scrollIntoViewIfNeeded();
    await shot(page, 'authoring-setup');
    await page.getByRole('radio', { name: 'Solo', exact: true }).check();
    await page.getByRole('radio', { name: 'Vaitupa (fictional)', exact: true }).check();
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Start' }).click();
    expect((await myTurn(page)).round).toBe('Round 1');
    expect(await page.locator('#scenario-title').textContent()).toBe('Lagoon crossing');
    await page.locator('#end-phase').click();
    await myTurn(page);
    await page.locator('#end-phase').click();
    expect(await myTurn(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });
    await page.locator('#save-game').click();
    await expect.poll(() => page.locator('.status-line').first().textContent()).toContain('Saved: Lagoon crossing');

    // A reload keeps the opened scenario listed.
    await page.goto(new URL(`${APP_PATH}&menu`, site.server.url).href);
    await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
    await toSetup(page);
    await page.getByRole('radio', { name: 'Lagoon crossing' }).waitFor();
    expect(await page.locator('.setup-opened').textContent()).toContain('Opened from lagoon.yaml');

    // Removed: gone from the list, and still gone after a reload.
    await page.locator('#setup-remove-file-lagoon').click();
    await expect.poll(() => page.getByRole('radio', { name: 'Lagoon crossing' }).count()).toBe(0);
    await page.goto(new URL(`${APP_PATH}&menu`, site.server.url).href);
    await page.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
    await toSetup(page);
    expect(await page.getByRole('radio', { name: 'Lagoon crossing' }).count()).toBe(0);

    // The save made from it reopens without the file: its record carries the scenario.
    await page.locator('#setup-back').click();
    await page.getByRole('button', { name: 'Load game' }).click();
    await page.getByRole('heading', { name: 'Saved games' }).waitFor();
    const load = page.getByRole('button', { name: /^Load Lagoon crossing: round 2/ });
    await load.click();
    expect(await myTurn(page)).toEqual({ round: 'Round 2', phase: 'Negotiation' });
    expect(await page.locator('#scenario-title').textContent()).toBe('Lagoon crossing');
    expect(errors).toEqual([]);
  }, 240_000);

  it('gives its authoring report in Web Workers, with a progress bar', async () => {
    const site = need();
    const { page, errors } = await freshPage(site);
    await toSetup(page);
    const unaffordable = GOOD.replace(
      '\nscripted:',
      `  - round: 3
    from: beijing
    deal: { kind: aid, island: VTP, amount: 500000, purpose: infrastructure, financing: { kind: grant, by: beijing } }

scripted:`,
    );
    await page.locator('#setup-open-file').setInputFiles(file(unaffordable));
    await page.getByRole('radio', { name: 'Lagoon crossing' }).waitFor();
    const started = Date.now();
    await page.locator('#setup-report-file-lagoon').click();
    const dialog = page.locator('#authoring-dialog');
    await dialog.locator('#report-progress').waitFor();
    await dialog.locator('#report-roles').waitFor({ timeout: 180_000 });
    console.log(`authoring report of a 3-seat, 4-round scenario in the browser: ${((Date.now() - started) / 1000).toFixed(1)} s (${await dialog.locator('#report-games').textContent()})`);
    const tabled = (await dialog.locator('#report-tabled').textContent()) ?? '';
    expect(tabled).toMatch(/round 3: Beijing's \$500m infrastructure grant to Vaitupa \(fictional\) \(tabled\[2\]\) — with the built-in policies, tabled in 0 of 30 games; not tabled in 30: Beijing has \$[\d.]+m(–\$[\d.]+m)?; this deal costs it \$500m \(30\)/);
    expect(await dialog.locator('#report-warnings').textContent()).toContain("Beijing's $500m infrastructure grant to Vaitupa (fictional) was never tabled");
    expect(await dialog.locator('#report-events').textContent()).toMatch(/round 3: anchor drag in Vaitupa \(fictional\) \(scripted\[0\]\) happened in 42 of 42 games/);
    expect(await dialog.locator('#report-roles tbody tr').count()).toBe(6);
    await shot(page, 'authoring-report');

    // A finished game of a scenario the build does not ship debriefs from the copy its record carries.
    await dialog.locator('#authoring-close').click();
    await page.locator('#setup-back').click();
    const parsed = parseScenarioText(GOOD, 'lagoon.yaml');
    if (!parsed.ok) throw new Error('the good file does not load');
    const host = new MatchHost(parsed.scenario as unknown as ScenarioData, parsed.hash, '3');
    playToEnd(host, () => simplePolicy, '3');
    await page.locator('#menu-debrief-file').setInputFiles({ name: 'lagoon-game.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(host.record)) });
    await page.locator('#debrief-title').waitFor();
    expect(await page.locator('#debrief-title').textContent()).toContain('Lagoon crossing');
    expect(errors).toEqual([]);
  }, 240_000);
});
