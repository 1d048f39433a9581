import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { legalActions, type GameView } from '../../src/engine';
import { Player, until, type ServerProcess } from '../server/helpers';
import { SCREENSHOTS } from './app-helpers';
import { openOnlineSite, type OnlineSite } from './online-site';

let server: ServerProcess;
let browser: Browser;
let site: OnlineSite | undefined;

beforeAll(async () => {
  site = await openOnlineSite('online');
  ({ server, browser } = site);
}, 240_000);

afterAll(async () => {
  await site?.close();
});

async function page(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error('page error:', e.message));
  p.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  return p;
}

const text = (p: Page) => p.evaluate(() => document.body.innerText);
const hookView = (p: Page) => p.evaluate(() => window.__landingRightsOnline?.view ?? null) as Promise<GameView | null>;

/** The usual match screen, for a seat: the map canvas, the dashboard, the composer's tab and End phase. */
async function onMatchScreen(p: Page, seat: RegExp): Promise<void> {
  await p.locator('#panel .who').filter({ hasText: seat }).waitFor({ timeout: 20_000 });
  await p.locator('#map canvas').waitFor();
  await p.locator('#tab-dashboard[aria-selected="true"]').waitFor();
  await p.locator('#tab-compose').waitFor();
  await p.locator('#end-phase').waitFor();
  expect(await p.locator('#online').isVisible()).toBe(false);
}

const phaseOf = (p: Page) => p.evaluate(() => window.__landingRightsOnline?.phase ?? null);

test('a host and two players on their own browsers: join by code, play on the usual match screen, send an offer the other seat sees, one reloads mid-phase and carries on, and no seat’s page shows another seat’s secret', async () => {
  // The host: menu, Play online, Honiara, Host a game: a code, a link and a QR code.
  const host = await page();
  await host.goto(new URL('/?renderer=canvas&menu', server.url).href);
  await host.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  // Solo and hot-seat never fetch the network client: it loads with "Play online".
  const loaded = () => host.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\/online-[^/]*\.js$/.test(n)).length);
  expect(await loaded()).toBe(0);
  await host.locator('#menu-online').click();
  await host.locator('#online-scenario').selectOption('honiara');
  await host.locator('#online-deadline').selectOption('600');
  await host.locator('#online-host').click();
  const codeEl = host.locator('#online-join-code');
  await codeEl.waitFor();
  expect(await loaded()).toBe(1);
  const code = (await codeEl.innerText()).trim();
  expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
  await host.locator('#online-qr').waitFor();
  expect(await host.locator('#online-link').innerText()).toContain(`/?join=${code}`);

  // One player opens the link; the other types the code. Each plays on the usual match screen.
  const slb = await page();
  await slb.goto(new URL(`/?renderer=canvas&join=${code}`, server.url).href);
  await slb
    .locator('button[data-seat="SLB"]')
    .click({ timeout: 20_000 })
    .catch(async (e: unknown) => {
      await slb.screenshot({ path: join(SCREENSHOTS, 'online-debug.png') });
      throw new Error(`${String(e)}\n${await text(slb)}`);
    });
  await onMatchScreen(slb, /Solomon Islands/);
  // The top bar names the game; hosted with a deadline, the game waits for the host's Start (on the
  // host's screen or the console), and from then on the top bar counts down the phase's deadline.
  await expect.poll(() => slb.locator('#online-game').textContent()).toContain(code);
  await slb.locator('#online-waiting').waitFor({ timeout: 15_000 });
  expect(await slb.locator('#online-time-left').count()).toBe(0);
  await host.locator('#online-start').click();
  await expect.poll(() => slb.locator('#online-waiting').count(), { timeout: 15_000 }).toBe(0);
  expect(await host.locator('#online-start').count()).toBe(0);
  await expect.poll(() => slb.locator('#online-time-left').innerText()).toMatch(/^(10:00|9:\d\d) left$/);
  expect(await slb.locator('#online-time-left').isVisible()).toBe(true);
  // Saves belong to games kept in this browser: an online seat has none to offer.
  expect(await slb.locator('#save-game').count()).toBe(0);
  expect(await slb.locator('#load-game').count()).toBe(0);
  const png = await page();
  await png.goto(new URL('/?renderer=canvas&menu', server.url).href);
  await png.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  await png.locator('#menu-online').click();
  await png.locator('#online-code').fill(code.toLowerCase());
  await png.locator('#online-join').click();
  await png.locator('button[data-seat="PNG"]').click();
  await onMatchScreen(png, /Papua New Guinea/);

  // The other three seats are teams on other devices.
  const others: Player[] = [];
  for (const seat of ['beijing', 'canberra', 'washington']) {
    const p = await Player.join(server.url, code);
    await p.claim(seat);
    others.push(p);
  }
  const canberra = others[1]!;
  // Canberra offers the Solomons aid, privately: Papua New Guinea must never see it.
  expect(await canberra.act({ type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 7770, financing: { kind: 'grant', by: 'canberra' } } })).toBeNull();

  // The Solomons write a cable to Port Moresby in the composer and send it; Papua New Guinea's page shows it.
  await slb.locator('#tab-compose').click();
  await slb.getByRole('radio', { name: 'Cable' }).check();
  await slb.getByLabel('Stop 1', { exact: true }).selectOption('honiara');
  await slb.getByLabel('Stop 2', { exact: true }).selectOption('madang');
  await slb.getByRole('button', { name: 'Send offer' }).click();
  await expect
    .poll(() => slb.locator('.composer .alert.ok').textContent(), { timeout: 15_000 })
    .toMatch(/Sent: Cable Honiara – Madang/)
    .catch(async (e: unknown) => {
      await slb.screenshot({ path: join(SCREENSHOTS, 'online-debug.png') });
      throw new Error(`${String(e)}\n${await slb.locator('#panel').innerText()}`);
    });
  await png.locator('#tab-offers').click();
  await expect.poll(() => png.locator('#tabpanel').innerText(), { timeout: 15_000 }).toMatch(/Honiara – Madang/);
  await slb.locator('#tab-offers').click();
  await expect.poll(() => slb.locator('#tabpanel').innerText(), { timeout: 15_000 }).toMatch(/\$7\.77m/);
  await png.screenshot({ path: join(SCREENSHOTS, 'online-player-offer.png') });
  await slb.screenshot({ path: join(SCREENSHOTS, 'online-player-offers.png') });

  // Negotiation: everyone ends it, the two browsers with the match screen's End phase.
  await slb.locator('#end-phase').click();
  await png.locator('#end-phase').click();
  for (const p of others) expect(await p.act({ type: 'endPhase', role: p.seated!.seat })).toBeNull();
  await expect.poll(() => phaseOf(slb), { timeout: 20_000 }).toBe('decisions');

  // Decisions: the Solomons place a sealed order with a note only they may read.
  const secret = 'SOLOMONS-SEALED-NOTE-42';
  const v = (await hookView(slb))!;
  const template = legalActions(v, 'SLB').find((t) => t.type === 'order')!;
  const order: Record<string, unknown> = { kind: template.orderKind };
  for (const [path, d] of Object.entries(template.params)) order[path.replace(/^order\./, '')] = d.kind === 'oneOf' ? d.values[0] : d.kind === 'int' ? d.min : undefined;
  await slb.evaluate(([o, why]) => window.__landingRightsOnline!.send({ type: 'order', role: 'SLB', order: o as never, why: why as string }), [order, secret] as const);
  await slb.waitForFunction((s) => JSON.stringify(window.__landingRightsOnline?.view ?? {}).includes(s), secret);
  await slb.locator('#end-phase').click();
  // The Solomons have ended their part: the button waits, greyed, for the others.
  // (While the server is asked, the button is greyed too, titled "Ending the phase…": wait past that.)
  await expect.poll(() => slb.locator('#end-phase').getAttribute('title'), { timeout: 15_000 }).toBe('Waiting for the others to end the phase');
  await expect(slb.locator('#end-phase').isDisabled()).resolves.toBe(true);
  await slb.screenshot({ path: join(SCREENSHOTS, 'online-waiting.png') });

  // Papua New Guinea reloads mid-phase and carries on in the same seat, on the same screen.
  await png.reload();
  await onMatchScreen(png, /Papua New Guinea/);
  await expect.poll(() => png.locator('.phases [aria-current="step"]').innerText()).toMatch(/Decisions/);
  await png.locator('#end-phase').click();
  for (const p of others) expect(await p.act({ type: 'endPhase', role: p.seated!.seat })).toBeNull();
  for (const p of [slb, png, host]) await p.waitForFunction(() => window.__landingRightsOnline?.round === 2, undefined, { timeout: 20_000 });
  await until(() => others[0]!.view.round === 2);
  await expect.poll(() => png.locator('.round').innerText()).toMatch(/Round 2/);

  // What each screen shows: the Solomons' note and Canberra's private aid on no other seat's page, nor on the room's screen.
  for (const p of [png, host]) {
    for (const tab of p === png ? ['#tab-dashboard', '#tab-offers', '#tab-islands', '#tab-compose'] : []) {
      await p.locator(tab).click();
      const t = await text(p);
      expect(t).not.toContain(secret);
      expect(t).not.toMatch(/7\.77/);
    }
    expect(await text(p)).not.toContain(secret);
    expect(JSON.stringify(await hookView(p))).not.toContain(secret);
    expect(JSON.stringify(await hookView(p))).not.toContain('7770');
  }
  await host.screenshot({ path: join(SCREENSHOTS, 'online-host.png') });
  await png.locator('#tab-dashboard').click();
  await png.screenshot({ path: join(SCREENSHOTS, 'online-player.png') });
  for (const p of others) await p.leave();
}, 240_000);
