import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { startServer } from '../../src/cli/serve';
import { launchBrowser } from './chromium';
import { loadScenarioFile, scenarioFiles } from '../../src/scenario/files';
import { ROOT, SCREENSHOTS, freshPage, myTurn, newGame, shot, type Site } from './app-helpers';

/**
 * The game as built with two hostile files among its bundled scenarios (tests/e2e/broken-bundled:
 * an alias bomb and lists nested 10,000 deep). The build takes them in beside the shipped ones,
 * exactly as it would take a broken file dropped into scenarios/.
 */
const withBrokenScenarios: Plugin = {
  name: 'broken-bundled-scenarios',
  enforce: 'pre',
  transform(code, id) {
    if (!id.replace(/\\/g, '/').endsWith('/src/ui/scenarios.ts')) return null;
    const out = code.replace("'../../scenarios/*.yaml'", "['../../scenarios/*.yaml', '../../tests/e2e/broken-bundled/*.yaml']");
    if (out === code) throw new Error('src/ui/scenarios.ts no longer globs ../../scenarios/*.yaml: update this test');
    return out;
  },
};

let site: Site | undefined;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'landing-rights-broken-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', plugins: [withBrokenScenarios], build: { outDir, emptyOutDir: true } });
  const server = await startServer({ root: outDir, port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  site = {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
});

afterAll(async () => {
  await site?.close();
});

describe('a broken bundled scenario', () => {
  it('is listed with its error on the New game screen, and every other scenario still starts', async () => {
    if (!site) throw new Error('beforeAll did not finish');
    const { page, errors } = await freshPage(site);
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor({ timeout: 20_000 });
    const alert = page.locator('.sheet .alert[role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/left out: /);
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/scenarios\/zz-alias-bomb\.yaml:\d+:\d+: expected aliases .* "alias bomb"/);
    expect(text).toMatch(/scenarios\/zz-deep-nesting\.yaml:2:\d+: expected lists and mappings nested at most 32 deep/);
    // Neither is offered as a scenario; the shipped ones all are.
    const shipped = Object.values(scenarioFiles()).map((path) => {
      const r = loadScenarioFile(path);
      if (!r.ok) throw new Error(`${path} is broken`);
      return r.scenario.title;
    });
    expect(await page.locator('input[name="setup-scenario"]').count()).toBe(shipped.length);
    for (const name of shipped) await expect(page.getByRole('radio', { name, exact: true }).count()).resolves.toBe(1);
    await shot(page, 'setup-broken-scenario');
    await page.getByRole('button', { name: 'Back' }).click();
    await newGame(page, { mode: 'solo', role: 'Canberra', seed: '5', level: 'Easy' });
    expect(await myTurn(page)).toEqual({ round: 'Round 1', phase: 'Negotiation' });
    expect(errors).toEqual([]);
  });
});
