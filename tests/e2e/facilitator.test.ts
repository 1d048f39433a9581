import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Player, until, type ServerProcess } from '../server/helpers';
import { SCREENSHOTS } from './app-helpers';
import { openOnlineSite, type OnlineSite } from './online-site';

let server: ServerProcess;
let browser: Browser;
let site: OnlineSite | undefined;

beforeAll(async () => {
  site = await openOnlineSite('facilitator');
  ({ server, browser } = site);
}, 240_000);

afterAll(async () => {
  await site?.close();
});

async function device(width = 1280, height = 800): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height } });
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error('page error:', e.message));
  p.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await p.goto(new URL(path, server.url).href);
  return p;
}

const text = (p: Page) => p.evaluate(() => document.body.innerText);

test('a facilitator runs a room: pause and resume reach every screen, an injected eruption reaches the seats’ news, and the projector never shows a secret', async () => {
  // The host creates the game on its device; the console opens on the same device (it holds the host token).
  const hostDevice = await device(1920, 1080);
  const host = await open(hostDevice, '/?renderer=canvas&menu');
  await host.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  await host.locator('#menu-online').click();
  await host.locator('#online-scenario').selectOption('honiara');
  await host.locator('#online-deadline').selectOption('600');
  await host.locator('#online-host').click();
  await host.locator('#online-join-code').waitFor();
  const code = (await host.locator('#online-join-code').innerText()).trim();
  expect(await host.locator('#online-console').getAttribute('href')).toBe(`/?facilitate=${code}`);
  expect(await host.locator('#online-projector').getAttribute('href')).toBe(`/?scenario=honiara&project=${code}`);
  const [consolePage] = await Promise.all([hostDevice.waitForEvent('page'), host.locator('#online-console').click()]);
  const fac = consolePage;
  fac.on('pageerror', (e) => console.error('console page error:', e.message));
  await fac.locator('#fac-seats').waitFor({ timeout: 30_000 });

  // The projector: another device, the public map and the room's screen.
  const projector = await open(await device(1920, 1080), `/?renderer=canvas&scenario=honiara&project=${code}`);
  await projector.locator('#proj-news, .proj-timeline').first().waitFor({ timeout: 30_000 });

  // A seat in a browser, the others over the network.
  const slb = await open(await device(), `/?renderer=canvas&join=${code}`);
  await slb.locator('button[data-seat="SLB"]').click({ timeout: 30_000 });
  await slb.locator('#end-phase').waitFor({ timeout: 30_000 });
  const others: Player[] = [];
  for (const seat of ['PNG', 'beijing', 'canberra', 'washington']) {
    const p = await Player.join(server.url, code);
    await p.claim(seat, `team-${seat}`);
    others.push(p);
  }
  const [png, , canberra] = others as [Player, Player, Player, Player];

  // Hosted for a class (a deadline chosen), the game waits in the lobby for the console's Start: no
  // clock on any screen, the seat's moves refused; the console's clock boxes show the game's own times.
  await fac.locator('#fac-start').waitFor({ timeout: 15_000 });
  expect(await fac.locator('#fac-clock').innerText()).toBe('Not started');
  expect(await fac.locator('#fac-neg-min').inputValue()).toBe('10');
  expect(await fac.locator('#fac-dec-min').inputValue()).toBe('10');
  await slb.locator('#online-waiting').waitFor({ timeout: 15_000 });
  expect(await slb.locator('#online-time-left').count()).toBe(0);
  await projector.locator('#proj-waiting').waitFor({ timeout: 15_000 });
  expect(await projector.locator('#proj-clock').innerText()).toBe('');
  expect((await png.act({ type: 'endPhase', role: 'PNG' }))?.message).toBe('The facilitator has not started the game yet: wait for the clock to start.');
  // Nobody is writing before the Start: the seats table says so.
  expect(await fac.locator('tr[data-seat="SLB"] .fac-state').innerText()).toBe('—');
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-before-start.png') });
  // Start: the first phase's clock (10 minutes) runs on the seat's page, the projector and the console.
  await fac.locator('#fac-start').click();
  await slb.locator('#online-time-left').waitFor({ timeout: 15_000 });
  expect(await slb.locator('#online-time-left').innerText()).toMatch(/^(10:00|9:[45]\d) left$/);
  expect(await slb.locator('#online-waiting').count()).toBe(0);
  await expect.poll(() => projector.locator('#proj-clock').innerText(), { timeout: 15_000 }).toMatch(/^(10:00|9:[45]\d)$/);
  expect(await projector.locator('#proj-waiting').count()).toBe(0);
  await fac.locator('#fac-pause').waitFor();
  expect(await fac.locator('#fac-start').count()).toBe(0);
  expect(await fac.locator('#fac-clock').innerText()).toMatch(/^(10:00|9:[45]\d)$/);
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-after-start.png') });

  // Canberra's private aid offer to the Solomons: on the console, marked private; never on the projector.
  expect(await canberra.act({ type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 7770, financing: { kind: 'grant', by: 'canberra' } } })).toBeNull();
  await expect.poll(() => fac.locator('#fac-offers').innerText(), { timeout: 15_000 }).toMatch(/Canberra → Solomon Islands[\s\S]*private[\s\S]*\$7\.77m/);
  expect(await png.act({ type: 'endPhase', role: 'PNG' })).toBeNull();
  await expect.poll(() => fac.locator('tr[data-seat="PNG"] .fac-state').innerText()).toMatch(/Ended/);
  expect(await fac.locator('tr[data-seat="SLB"] .fac-state').innerText()).toMatch(/Still writing/);
  expect(await fac.locator('tr[data-seat="canberra"]').innerText()).toContain('team-canberra');

  // The lobby: the join code and a QR code large, and who has joined each seat.
  await fac.locator('#fac-lobby-toggle').click();
  await fac.locator('#fac-lobby').waitFor();
  expect(await fac.locator('#fac-lobby-code').innerText()).toBe(code);
  await fac.locator('#fac-lobby-qr').waitFor({ timeout: 15_000 });
  expect((await fac.locator('#fac-lobby-qr').boundingBox())!.width).toBeGreaterThanOrEqual(300);
  expect(await fac.locator('#fac-lobby-seats li[data-seat="canberra"]').innerText()).toMatch(/Canberra\s+team-canberra/);
  expect(await fac.locator('#fac-lobby-seats li').count()).toBe(5);
  expect(await fac.locator('#fac-seats').isVisible()).toBe(false);
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-lobby.png') });
  await fac.locator('#fac-lobby-toggle').click();
  await expect.poll(() => fac.locator('#fac-lobby').count()).toBe(0);
  expect(await fac.locator('#fac-seats').isVisible()).toBe(true);

  // Pause: every screen says so, and the seat's End phase is refused with the reason.
  await fac.locator('#fac-pause').click();
  await slb.locator('#online-paused').waitFor({ timeout: 15_000 });
  expect(await slb.locator('#online-paused').innerText()).toBe('Paused by the facilitator');
  await projector.locator('#proj-paused').waitFor({ timeout: 15_000 });
  await fac.locator('#fac-paused').waitFor();
  await slb.locator('#end-phase').click();
  await expect.poll(() => text(slb), { timeout: 15_000 }).toMatch(/Paused by the facilitator: wait for the game to resume/);
  expect(await slb.evaluate(() => window.__landingRightsOnline?.view?.ended ?? [])).not.toContain('SLB');

  // A private question from the seat reaches the console and no other screen.
  await slb.locator('#ask-facilitator').click();
  await slb.locator('#ask-text').fill('Can we borrow from Washington instead?');
  await slb.locator('#ask-send').click();
  await expect.poll(() => fac.locator('#fac-questions').innerText(), { timeout: 15_000 }).toContain('Can we borrow from Washington instead?');
  await projector.screenshot({ path: join(SCREENSHOTS, 'projector-paused.png') });
  await slb.screenshot({ path: join(SCREENSHOTS, 'seat-paused.png') });

  // Resume: the banners go and the seat can end the phase.
  await fac.locator('#fac-resume').click();
  await expect.poll(() => slb.locator('#online-paused').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => projector.locator('#proj-paused').count(), { timeout: 15_000 }).toBe(0);

  // New phase times for the next phases: the console's boxes show them, and "This phase" offers the
  // running negotiation's new time (it used to keep the old one).
  await fac.locator('#fac-neg-min').fill('12');
  await fac.locator('#fac-dec-min').fill('4');
  await fac.locator('#fac-phase-times').click();
  await expect.poll(() => fac.locator('#fac-minutes').inputValue(), { timeout: 15_000 }).toBe('12');

  // An eruption on the Solomons, injected now: it is in the seats' news and the record.
  await fac.locator('#fac-event-kind').selectOption('eruption');
  await fac.locator('#fac-event-island').selectOption('SLB');
  await fac.locator('#fac-fire-event').click();
  await expect.poll(() => slb.locator('#feed').innerText(), { timeout: 15_000 }).toMatch(/volcanic eruption and tsunami strike Solomon Islands/);
  await until(() => png.view.log.some((e) => /volcanic eruption/.test(e.text)));
  await expect.poll(() => projector.locator('#proj-news').innerText(), { timeout: 15_000 }).toMatch(/volcanic eruption/);
  // A news item for Canberra alone, and a scripted inject from the scenario.
  await fac.locator('#fac-news-text').fill('Intelligence: a survey vessel loiters off Honiara.');
  await fac.locator('#fac-news-to').selectOption('canberra');
  await fac.locator('#fac-send-news').click();
  await until(() => canberra.view.log.some((e) => e.text.includes('survey vessel')));
  await fac.locator('li[data-inject="us-embassy"] button').click();
  await expect.poll(() => fac.locator('li[data-inject="us-embassy"]').innerText(), { timeout: 15_000 }).toMatch(/fired in round 1/);
  await expect.poll(() => slb.locator('#feed').innerText(), { timeout: 15_000 }).toMatch(/reopen its embassy in Honiara/);

  // View as: exactly what the Solomons see, on the facilitator's device.
  await fac.locator('button[data-view-as="SLB"]').click();
  await expect.poll(() => fac.locator('#fac-view-as').innerText(), { timeout: 15_000 }).toMatch(/What Solomon Islands sees[\s\S]*\$7\.77m/);
  await fac.locator('button[data-view-as="PNG"]').click();
  await expect.poll(() => fac.locator('#fac-view-as').innerText(), { timeout: 15_000 }).toMatch(/What Papua New Guinea sees/);
  expect(await fac.locator('#fac-view-as').innerText()).not.toMatch(/7\.77|survey vessel|borrow from Washington/);
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-console.png') });
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-console-full.png'), fullPage: true });

  // No secret on the projector: not another seat's offer, question, or news meant for one seat.
  const shown = await text(projector);
  for (const secret of [/7\.77/, /survey vessel/, /borrow from Washington/, /Inject "/, /aljazeera|tbsnews/]) expect(shown).not.toMatch(secret);
  const projected = JSON.stringify(await projector.evaluate(() => window.__landingRightsProjector?.view ?? null));
  for (const secret of ['7770', 'survey vessel', 'borrow from Washington', 'inject:']) expect(projected).not.toContain(secret);
  // Nor on another seat's page.
  const seatText = await text(slb);
  expect(seatText).not.toMatch(/survey vessel/);
  expect(await projector.locator('#map canvas').count()).toBe(1);
  await projector.screenshot({ path: join(SCREENSHOTS, 'projector.png') });

  // A ruling: the 2017 treaty voided, with the reason everyone reads.
  await fac.locator('#fac-rule-reason').fill('the treaty is suspended for this exercise');
  await fac.locator('#fac-agreements li').filter({ hasText: 'Canberra' }).first().locator('button').click();
  await expect.poll(() => slb.locator('#feed').innerText(), { timeout: 15_000 }).toMatch(/voids agreement[\s\S]*suspended for this exercise/);

  // Back to the start of round 1, with a reason every seat reads: the eruption is undone.
  await fac.locator('#fac-undo-round').fill('1');
  await fac.locator('#fac-undo-reason').fill('the eruption was only a drill');
  await fac.locator('#fac-undo').click();
  await expect.poll(() => slb.locator('#feed').innerText(), { timeout: 15_000 }).toMatch(/goes back to the start of round 1: the eruption was only a drill/);
  expect(await slb.evaluate(() => (window.__landingRightsOnline?.view?.events ?? []).some((e) => e.kind === 'eruption'))).toBe(false);

  // The debrief of the room's game, on the host's device: the news sent since is on its timeline,
  // and the branch the undo took out is there too, with the eruption it held.
  await fac.locator('#fac-news-text').fill('Drill over: the talks resume.');
  await fac.locator('#fac-news-to').selectOption('all');
  await fac.locator('#fac-send-news').click();
  await expect.poll(() => slb.locator('#feed').innerText(), { timeout: 15_000 }).toMatch(/Drill over/);
  await fac.locator('#fac-debrief').click();
  await fac.locator('#debrief-title').waitFor({ timeout: 30_000 });
  await fac.getByRole('tab', { name: 'Timeline' }).click();
  await fac.locator('#debrief-filter-kind').selectOption('facilitator');
  await expect.poll(() => fac.locator('#debrief-timeline').innerText()).toMatch(/The facilitator’s news to everyone: Drill over: the talks resume\./);
  await fac.locator('#debrief-filter-kind').selectOption('undone');
  const undone = await fac.locator('#debrief-timeline').innerText();
  expect(undone).toMatch(/went back to the start of round 1/);
  expect(undone).toMatch(/injects an event: eruption \(Solomon Islands\)/);
  expect(undone).toMatch(/voids agreement/);
  await fac.locator('#debrief-filter-kind').selectOption('all');
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-debrief.png') });
  await fac.locator('#debrief-close').click();
  await expect.poll(() => fac.locator('#debrief').count()).toBe(0);

  // Every seat ends negotiation: "This phase" now holds the decisions phase's 4 minutes.
  await slb.locator('#end-phase').click();
  for (const [i, seat] of (['PNG', 'beijing', 'canberra', 'washington'] as const).entries()) expect(await others[i]!.act({ type: 'endPhase', role: seat })).toBeNull();
  await expect.poll(() => fac.locator('#fac-clock').innerText(), { timeout: 15_000 }).toMatch(/^(4:00|3:[45]\d)$/);
  expect(await fac.locator('#fac-minutes').inputValue()).toBe('4');
  for (const p of others) await p.leave();
}, 300_000);
