import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createGame, Player, type ServerProcess } from '../server/helpers';
import { SCREENSHOTS } from './app-helpers';
import { openOnlineSite, type OnlineSite } from './online-site';

let server: ServerProcess;
let browser: Browser;
let site: OnlineSite | undefined;

beforeAll(async () => {
  site = await openOnlineSite('subroles');
  ({ server, browser } = site);
}, 240_000);

afterAll(async () => {
  await site?.close();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error('page error:', e.message));
  await p.goto(new URL(path, server.url).href);
  return p;
}

/** A team member joins the Solomons on a device of their own, as a sub-role. */
async function member(code: string, name: string, subRole: string): Promise<Page> {
  const p = await open(await browser.newContext({ viewport: { width: 1280, height: 800 } }), `/?renderer=canvas&join=${code}`);
  await p.locator('#online-name').fill(name, { timeout: 30_000 });
  await p.locator(`fieldset[data-seat="SLB"] button[data-sub-role="${subRole}"]`).click({ timeout: 30_000 });
  await p.locator('#end-phase').waitFor({ timeout: 30_000 });
  return p;
}

test('the set-up makes the Solomons a team; a foreign-affairs member cannot sign a loan alone: the minister of finance approves it on another device', async () => {
  const game = await createGame(server.url, 'scenario=honiara&seed=subroles-e2e');
  // The console on the host's device (it holds the host token).
  const hostDevice = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const fac = await open(hostDevice, '/?menu');
  await fac.evaluate(([code, token]) => localStorage.setItem(`landing-rights:online-host:${code}`, token), [game.code, game.hostToken] as const);
  await fac.goto(new URL(`/?facilitate=${game.code}`, server.url).href);
  await fac.locator('#fac-seats').waitFor({ timeout: 30_000 });

  // The set-up in the lobby: the Solomons a team with sub-roles, Papua New Guinea the computer (easy).
  await fac.locator('#fac-lobby-toggle').click();
  await fac.locator('select[data-assign="SLB"]').selectOption('team');
  await expect.poll(() => fac.locator('#fac-lobby-seats li[data-seat="SLB"]').innerText()).toMatch(/Prime minister · Minister of finance · Minister of foreign affairs/);
  // A team of two: the facilitator leaves out the prime minister, whose signature nobody could give.
  await fac.locator('fieldset[data-parts="SLB"] input[data-part="prime-minister"]').uncheck();
  await fac.locator('button[data-set-parts="SLB"]').click();
  await expect.poll(() => fac.locator('#fac-lobby-seats li[data-seat="SLB"] .fac-lobby-team').innerText()).toBe('Minister of finance · Minister of foreign affairs');
  expect(await fac.locator('fieldset[data-parts="SLB"] input[data-part="prime-minister"]').isChecked()).toBe(false);
  await fac.locator('select[data-assign="PNG"]').selectOption('bot-easy');
  await expect.poll(() => fac.locator('#fac-lobby-seats li[data-seat="PNG"] .fac-lobby-who').innerText()).toBe('the computer (easy)');

  const ana = await member(game.code, 'Ana', 'foreign-affairs');
  const ben = await member(game.code, 'Ben', 'finance');
  await expect.poll(() => fac.locator('#fac-lobby-seats li[data-seat="SLB"] .fac-lobby-who').innerText()).toBe('Ana (Minister of foreign affairs), Ben (Minister of finance)');
  const beijing = await Player.join(server.url, game.code);
  await beijing.claim('beijing', 'Wei');
  await expect.poll(() => fac.locator('#fac-lobby-seats li[data-seat="beijing"] .fac-lobby-who').innerText()).toBe('Wei');
  await fac.locator('#fac-lobby-qr').waitFor({ timeout: 15_000 });
  expect((await fac.locator('#fac-lobby-qr').boundingBox())!.width).toBeGreaterThanOrEqual(300);
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-setup-lobby.png') });
  // The host's screen (the same device) shows the same set-up, and can change it.
  const hostScreen = await open(hostDevice, `/?renderer=canvas&join=${game.code}`);
  await hostScreen.locator('p[data-seat="SLB"] select[data-assign="SLB"]').waitFor({ timeout: 30_000 });
  expect(await hostScreen.locator('select[data-assign="SLB"]').inputValue()).toBe('team');
  expect(await hostScreen.locator('p[data-seat="SLB"]').innerText()).toContain('Ana (Minister of foreign affairs), Ben (Minister of finance)');
  await hostScreen.locator('select[data-assign="washington"]').selectOption('bot-normal');
  await expect.poll(() => fac.locator('#fac-lobby-seats li[data-seat="washington"] .fac-lobby-who').innerText()).toBe('the computer (normal)');
  await hostScreen.screenshot({ path: join(SCREENSHOTS, 'online-host-setup.png') });
  await hostScreen.close();

  // Beijing's loan to the Solomons.
  expect(await beijing.act({ type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 4321, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 10, graceYears: 2 } } })).toBeNull();
  await ana.locator('#tab-offers').click();
  await expect.poll(() => ana.locator('#tabpanel').innerText(), { timeout: 15_000 }).toMatch(/\$4\.321m/);
  // The minister of foreign affairs accepts: it waits for finance, on both devices.
  await ana.locator('#tabpanel li.card', { hasText: '$4.321m' }).locator('button[id^="answer-accept"]').click();
  await expect.poll(() => ana.locator('#signatures').innerText(), { timeout: 15_000 }).toMatch(/Awaiting the minister of finance's signature: accept .*\(Ana, minister of foreign affairs\)/);
  expect(await ana.locator('#signatures [data-sign]').count()).toBe(0);
  await expect.poll(() => ben.locator('#signatures').innerText(), { timeout: 15_000 }).toMatch(/Awaiting the minister of finance's signature/);
  await ben.screenshot({ path: join(SCREENSHOTS, 'subroles-awaiting-signature.png') });
  // Not signed yet: Beijing's offer is still open on the server.
  const loan = () => beijing.views.at(-1)!.view.offers.find((o) => o.deal.kind === 'aid' && o.deal.amount === 4321)!;
  expect(loan().status).toBe('open');
  await ben.locator('#signatures [data-sign]').click();
  await expect.poll(() => loan().status, { timeout: 15_000 }).toBe('accepted');
  await expect.poll(() => ana.locator('#signatures').count(), { timeout: 15_000 }).toBe(0);

  // The schedule: a cyclone set for round 3 waits in the console, and is cancelled before it fires.
  await fac.locator('#fac-lobby-toggle').click();
  await fac.locator('#fac-event-kind').selectOption('cyclone');
  await fac.locator('#fac-event-island').selectOption('SLB');
  await fac.locator('#fac-event-when').selectOption('3');
  await fac.locator('#fac-fire-event').click();
  await expect.poll(() => fac.locator('#fac-schedule').innerText(), { timeout: 15_000 }).toMatch(/Round 3: an event \(cyclone\) on Solomon Islands\s+Cancel/);
  await fac.locator('#fac-schedule [data-cancel]').click();
  await expect.poll(() => fac.locator('#fac-schedule').innerText(), { timeout: 15_000 }).toMatch(/cancelled/);
  await fac.screenshot({ path: join(SCREENSHOTS, 'facilitator-schedule.png') });
  await beijing.leave();
}, 240_000);

test('a name being typed on the claim screen survives someone else joining: the field keeps the text and the focus, and the seat is claimed under it', async () => {
  const game = await createGame(server.url, 'scenario=honiara&seed=name-kept-e2e');
  const p = await open(await browser.newContext({ viewport: { width: 1280, height: 800 } }), `/?renderer=canvas&join=${game.code}`);
  await p.locator('#online-name').click({ timeout: 30_000 });
  await p.keyboard.type('Mele');
  // Someone else takes a seat: the lobby changes and the claim screen is drawn again.
  const other = await Player.join(server.url, game.code);
  await other.claim('beijing', 'Wei');
  await expect.poll(() => p.locator('button[data-seat="beijing"]').innerText(), { timeout: 15_000 }).toMatch(/Wei/);
  await p.keyboard.type(' Tui');
  expect(await p.locator('#online-name').inputValue()).toBe('Mele Tui');
  await p.locator('button[data-seat="SLB"]').click();
  await p.locator('#end-phase').waitFor({ timeout: 30_000 });
  await expect
    .poll(() => ((other.lobby as { seats?: { seat: string; members?: { name: string }[] }[] } | null)?.seats ?? []).find((s) => s.seat === 'SLB')?.members?.map((m) => m.name) ?? [], { timeout: 15_000 })
    .toEqual(['Mele Tui']);
  await other.leave();
}, 120_000);

test('a move held for a co-signature survives a server restart: the team strip comes back on both devices, and the minister of finance signs it', async () => {
  const game = await createGame(server.url, 'scenario=honiara&seed=subroles-restart&seats=SLB:team');
  const ana = await member(game.code, 'Ana', 'foreign-affairs');
  const ben = await member(game.code, 'Ben', 'finance');
  const beijing = await Player.join(server.url, game.code);
  await beijing.claim('beijing', 'Wei');
  expect(await beijing.act({ type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'aid', island: 'SLB', amount: 4567, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 10, graceYears: 2 } } })).toBeNull();
  await ana.locator('#tab-offers').click();
  await expect.poll(() => ana.locator('#tabpanel').innerText(), { timeout: 15_000 }).toMatch(/\$4\.567m/);
  await ana.locator('#tabpanel li.card', { hasText: '$4.567m' }).locator('button[id^="answer-accept"]').click();
  await expect.poll(() => ben.locator('#signatures').innerText(), { timeout: 15_000 }).toMatch(/Awaiting the minister of finance's signature: accept .*\(Ana, minister of foreign affairs\)/);
  await beijing.leave();

  // The server stops and starts again on the same port and database.
  await site!.restart();
  server = site!.server;
  // Ana's page comes back by itself, with her Withdraw.
  await expect.poll(() => ana.locator('.status-line', { hasText: 'Connection lost' }).count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => ana.locator('#signatures').innerText(), { timeout: 15_000 }).toMatch(/Awaiting the minister of finance's signature: accept .*\(Ana, minister of foreign affairs\)/);
  expect(await ana.locator('#signatures [data-decline]').innerText()).toBe('Withdraw');
  // Ben refreshes: the strip is drawn afresh from the restarted server, Approve and Decline with it.
  await ben.reload();
  await ben.locator('#signatures [data-sign]').waitFor({ timeout: 30_000 });
  expect(await ben.locator('#signatures').innerText()).toMatch(/Awaiting the minister of finance's signature: accept .*\(Ana, minister of foreign affairs\)/);
  expect(await ben.locator('#signatures [data-decline]').innerText()).toBe('Decline');
  await ben.screenshot({ path: join(SCREENSHOTS, 'subroles-after-restart.png') });
  await ben.locator('#signatures [data-sign]').click();
  await expect.poll(() => ana.locator('#signatures').count(), { timeout: 15_000 }).toBe(0);
  const res = await fetch(new URL(`/api/games/${game.code}/record?host=${game.hostToken}`, server.url));
  const body = (await res.json()) as { record: { actions: Record<string, unknown>[] }; meta: { person: string }[] };
  const i = body.record.actions.findIndex((a) => a.type === 'accept');
  expect(body.record.actions[i]).toMatchObject({ type: 'accept', role: 'SLB', by: 'foreign-affairs', cosigned: ['finance'] });
  expect(body.meta[i]!.person).toBe('Ana (minister of foreign affairs), co-signed by Ben (minister of finance)');
}, 240_000);
