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
  site = await openOnlineSite('vote');
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

/** A Honiara game hosted from the menu, and its facilitator's console opened from the host's screen. */
async function hostHoniara(): Promise<{ code: string; fac: Page }> {
  const hostDevice = await device(1920, 1080);
  const host = await open(hostDevice, '/?renderer=canvas&menu');
  await host.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 30_000 });
  await host.locator('#menu-online').click();
  await host.locator('#online-scenario').selectOption('honiara');
  await host.locator('#online-host').click();
  await host.locator('#online-join-code').waitFor();
  const code = (await host.locator('#online-join-code').innerText()).trim();
  const [fac] = await Promise.all([hostDevice.waitForEvent('page'), host.locator('#online-console').click()]);
  fac.on('pageerror', (e) => console.error('console page error:', e.message));
  await fac.locator('#fac-seats').waitFor({ timeout: 30_000 });
  return { code, fac };
}

test('class as one actor: the facilitator puts the Solomons’ options to a vote, two phones vote, the projector shows the tally live, and the confirmed winner is the seat’s move', async () => {
  const { code, fac } = await hostHoniara();
  const projector = await open(await device(1920, 1080), `/?renderer=canvas&scenario=honiara&project=${code}`);
  await projector.locator('.proj-timeline').waitFor({ timeout: 30_000 });
  // Two students' phones, joined as voters with the room's code.
  const phones: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const phone = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), `/?vote=${code}`);
    await phone.locator('#voter-wait').waitFor({ timeout: 30_000 });
    phones.push(phone);
  }
  const [one, two] = phones as [Page, Page];

  // Canberra's private offer to the Solomons, whose seat the class plays.
  const canberra = await Player.join(server.url, code);
  await canberra.claim('canberra', 'team-canberra');
  expect(await canberra.act({ type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 7770, financing: { kind: 'grant', by: 'canberra' } } })).toBeNull();
  // The answer can come before the view that holds the offer.
  await until(() => canberra.view.offers.length > 0, 15_000);
  const offer = canberra.view.offers.at(-1)!;

  await fac.locator('#fac-vote-seat').selectOption('SLB');
  await fac.locator('#fac-vote-open').click();
  await one.locator('#voter-options').waitFor({ timeout: 15_000 });
  expect(await one.locator('#voter-title').innerText()).toBe('What should Solomon Islands do?');
  expect(await one.locator('#voter-options').innerText()).toMatch(/Accept Canberra’s offer[\s\S]*\$7\.77m[\s\S]*Reject Canberra’s offer[\s\S]*End negotiation for Solomon Islands/);
  await projector.locator('#proj-vote').waitFor({ timeout: 15_000 });

  // Phone one votes to reject, then changes to accept; phone two accepts. The tally follows live.
  await one.locator('button[data-option="2"]').click();
  await expect.poll(() => projector.locator('#proj-vote li[data-option="2"] .proj-num').innerText(), { timeout: 15_000 }).toBe('1');
  await one.locator('button[data-option="1"]').click();
  await two.locator('button[data-option="1"]').click();
  await expect.poll(() => projector.locator('#proj-vote li[data-option="1"] .proj-num').innerText(), { timeout: 15_000 }).toBe('2');
  expect(await projector.locator('#proj-vote li[data-option="2"] .proj-num').innerText()).toBe('0');
  expect(await projector.locator('#proj-vote h2').innerText()).toBe('Class vote: Solomon Islands · 2 votes');
  await expect.poll(() => fac.locator('#fac-vote-options li[data-option="1"]').innerText(), { timeout: 15_000 }).toMatch(/^2 Accept Canberra’s offer/);
  expect(await one.locator('#voter-mine').innerText()).toMatch(/Your vote: option 1/);
  // The private offer's terms are on the class's phones, never on the room's screen.
  expect(await text(projector)).not.toMatch(/7\.77|Accept Canberra/);
  await projector.screenshot({ path: join(SCREENSHOTS, 'projector-vote.png') });
  await one.screenshot({ path: join(SCREENSHOTS, 'voter-phone.png') });
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-vote.png') });

  // The facilitator confirms the winner: the Solomons accept Canberra's offer, and the vote closes everywhere.
  await fac.locator('#fac-vote-options button[data-confirm="1"]').click();
  await until(() => canberra.view.offers.find((o) => o.id === offer.id)?.status === 'accepted', 15_000);
  await expect.poll(() => projector.locator('#proj-vote').count(), { timeout: 15_000 }).toBe(0);
  await one.locator('#voter-wait').waitFor({ timeout: 15_000 });
  await fac.locator('#fac-vote-open').waitFor({ timeout: 15_000 });
  await canberra.leave();
}, 180_000);

test('the facilitator writes an offer for Canberra in the seat’s own form, the class votes for it, and it is sent as Canberra’s', async () => {
  const { code, fac } = await hostHoniara();
  const phone = await open(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }), `/?vote=${code}`);
  await phone.locator('#voter-wait').waitFor({ timeout: 30_000 });
  // The Solomons' government, to see what reaches it.
  const solomons = await Player.join(server.url, code);
  await solomons.claim('SLB', 'team-slb');

  // Canberra's own form, on Canberra's view: the options it can write are Canberra's.
  await fac.locator('#fac-vote-seat').selectOption('canberra');
  await fac.locator('#fac-vote-write').click();
  const form = fac.locator('#fac-vote-compose .composer');
  await form.waitFor({ timeout: 15_000 });
  expect(await fac.locator('#fac-vote-compose-title').innerText()).toBe('Write an option for Canberra');
  const aid = async (amount: string) => {
    await form.getByRole('radio', { name: 'Aid', exact: true }).check();
    await form.getByRole('group', { name: 'Island', exact: true }).getByRole('radio', { name: 'Solomon Islands' }).check();
    await form.getByLabel('Amount', { exact: true }).fill(amount);
    await form.getByRole('radio', { name: 'Budget support' }).check();
    await form.getByRole('radio', { name: 'Grant', exact: true }).check();
    if (amount === '4.44') await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-vote-form.png') });
    await form.getByRole('button', { name: 'Add to the vote' }).click();
  };
  await aid('4.44');
  await expect.poll(() => fac.locator('#fac-vote-drafts').innerText(), { timeout: 15_000 }).toMatch(/Offer to Solomon Islands: .*\$4\.44m/);
  // A second option, then removed: the list is the facilitator's to edit before the vote opens.
  await fac.locator('#fac-vote-write').click();
  await form.waitFor({ timeout: 15_000 });
  await aid('2.22');
  await expect.poll(() => fac.locator('#fac-vote-drafts li').count(), { timeout: 15_000 }).toBe(2);
  await fac.locator('#fac-vote-drafts button[data-remove-draft="1"]').click();
  await expect.poll(() => fac.locator('#fac-vote-drafts li').count()).toBe(1);
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-vote-compose.png') });
  // Nothing is sent until the class has voted.
  expect(solomons.view.offers.filter((o) => o.from === 'canberra')).toHaveLength(0);

  await fac.locator('#fac-vote-open').click();
  await phone.locator('#voter-options').waitFor({ timeout: 15_000 });
  expect(await phone.locator('#voter-title').innerText()).toBe('What should Canberra do?');
  expect(await phone.locator('#voter-options').innerText()).toMatch(/Offer to Solomon Islands: .*\$4\.44m[\s\S]*End negotiation for Canberra/);
  expect(await phone.locator('#voter-options').innerText()).not.toMatch(/2\.22/);
  await phone.locator('button[data-option="1"]').click();
  await expect.poll(() => fac.locator('#fac-vote-options li[data-option="1"]').innerText(), { timeout: 15_000 }).toMatch(/^1 Offer to Solomon Islands/);
  await fac.locator('#fac-vote-options button[data-confirm="1"]').click();
  await until(() => solomons.view.offers.some((o) => o.from === 'canberra' && (o.deal as { amount?: number }).amount === 4440), 15_000);
  await fac.locator('#fac-vote-open').waitFor({ timeout: 15_000 });
  // The written options went into the vote: the list starts empty for the next one.
  expect(await fac.locator('#fac-vote-drafts').count()).toBe(0);
  await solomons.leave();
}, 180_000);
