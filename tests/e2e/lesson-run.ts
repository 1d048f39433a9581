import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Action, GameView, LogEntry, RoleId } from '../../src/engine';
import { stateHash } from '../../src/engine';
import { replay } from '../../src/host/match';
import { parseScenarioText } from '../../src/scenario/load';
import { namesForIds } from '../../src/ui/names';

/**
 * A lesson played in browsers, as a class would (issue 14, the facilitator's console): the teacher
 * hosts the scenario's lesson cut from the menu, opens the console, makes every seat a team, sets
 * the phases' clocks and, once the teams are seated, presses Start; the projector shows the room's screen; each team is two
 * people on devices of their own, each joined with the code as a sub-role. Everything is done
 * through the pages: the offer composer, the Offers tab's Accept, the Orders tab, the team strip's
 * Approve and sign, the console's Pause, Resume and Inject. Nobody ends a phase: the deadline does.
 * At the end every page shows the final scores, and the host's record replays to the same hashes.
 *
 * Shared by bench/lesson-browser.ts (a real-time lesson, 60-second phases) and
 * tests/e2e/lesson-browser.test.ts (the same run with phases of a few seconds).
 */

export interface LessonOptions {
  /** The site and its rooms server (tests/e2e/online-site.ts). */
  url: string;
  browser: Browser;
  scenario?: string;
  lesson?: string;
  phaseSeconds: number;
  /** How long the facilitator holds the pause. */
  pauseSeconds?: number;
  /** A folder for screenshots of the projector, a team page and the console (mid-game and at the end); none when null. */
  shots?: string | null;
  log?: (line: string) => void;
}

export interface LessonResult {
  code: string;
  scenario: string;
  lesson: string;
  phaseSeconds: number;
  teams: number;
  people: number;
  rounds: number;
  /** From the facilitator starting the clock to the final scores on every page. */
  wallSec: number;
  /** What the phases add up to: rounds × 2 × phaseSeconds, plus the pause. */
  expectedSec: number;
  setUpSec: number;
  /** Moves the members made through the pages (offers sent, offers accepted, orders given; signatures not counted). */
  movesUi: number;
  /** Per team, per round: moves made through its members' pages. */
  movesBySeat: Record<string, number[]>;
  /** Approve and sign pressed on a teammate's page. */
  signedUi: number;
  /** Person-made actions in the host's record (carrying a sub-role), and those with a co-signature. */
  memberActionsInRecord: number;
  coSignedInRecord: number;
  actionsInRecord: number;
  pauseSec: number;
  /** Every seat page and the projector said "Paused by the facilitator" while paused. */
  pauseSeenEverywhere: boolean;
  injectSeen: boolean;
  /** Text samples of each page (every round) checked for other seats' secrets. */
  secretSamples: number;
  /** Other seats' private entries looked for in those samples (and not found, when secretLeaks is empty). */
  secretsChecked: number;
  secretLeaks: string[];
  replayMatches: boolean;
  finalHashMatches: boolean;
  finalScores: Record<string, number>;
  pageErrors: string[];
  problems: string[];
  screenshots: string[];
}

const ISLAND_ROLES = ['prime-minister', 'finance'];
const POWER_ROLES = ['minister', 'ambassador'];
/** People joining at the same moment (each a Chromium context loading the game). */
const JOIN_AT_ONCE = 5;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface SeatState {
  round: number;
  phase: string;
  paused: boolean;
  over: boolean;
}

/** One person at a team's device, as one sub-role. */
class Member {
  private done = new Set<string>();
  private tries = new Map<string, number>();
  private accepted = new Set<string>();
  stop = false;
  readonly title: string;

  constructor(
    readonly page: Page,
    readonly seat: RoleId,
    readonly subRole: string,
    readonly island: boolean,
    private readonly run: LessonRun,
  ) {
    this.title = `${seat}/${subRole}`;
  }

  state(): Promise<SeatState | null> {
    return this.page
      .evaluate(() => {
        const o = window.__landingRightsOnline;
        const v = o?.view;
        if (!v) return null;
        return { round: v.round, phase: v.phase, paused: document.getElementById('online-paused') !== null, over: v.phase === 'over' };
      })
      .catch(() => null);
  }

  async loop(): Promise<void> {
    while (!this.stop) {
      const s = await this.state();
      if (s?.over) return;
      try {
        if (s && !s.paused && (s.phase === 'negotiation' || s.phase === 'decisions')) await this.step(s);
      } catch (e) {
        this.run.note(`${this.title}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      await sleep(250 + Math.random() * 400);
    }
  }

  /** One thing a person would do now: sign a teammate's move first, then this phase's own move. */
  private async step(s: SeatState): Promise<void> {
    const sign = this.page.locator('#signatures [data-sign]').first();
    if ((await sign.count()) > 0 && (await sign.isVisible())) {
      const id = await sign.getAttribute('data-sign');
      await sign.click({ timeout: 5000 });
      await this.page.waitForFunction((x) => !document.querySelector(`#signatures [data-sign="${x}"]`), id, { timeout: 10_000 }).catch(() => undefined);
      this.run.signed++;
      return;
    }
    const key = `${s.round}:${s.phase}`;
    if (this.done.has(key)) return;
    const tries = this.tries.get(key) ?? 0;
    if (tries >= 3) return;
    this.tries.set(key, tries + 1);
    let moved = 0;
    if (s.phase === 'negotiation') {
      if (this.island) moved = this.subRole === 'prime-minister' ? await this.acceptOffers() : 0;
      else moved = await this.offerAid(s.round, this.subRole === 'ambassador' ? 'loan' : 'grant');
      // The prime minister keeps answering offers as they arrive, all phase long.
      if (this.island && this.subRole === 'prime-minister') {
        this.tries.delete(key);
        if (moved) this.run.moved(this.seat, s.round, moved);
        return;
      }
      if (!this.island || moved) this.done.add(key);
    } else {
      // The sealed orders: the island's minister of finance, the power's minister.
      if (this.subRole === 'finance' || this.subRole === 'minister') moved = await this.giveOrder();
      this.done.add(key);
    }
    if (moved) this.run.moved(this.seat, s.round, moved);
  }

  private async openTab(name: 'Offers' | 'New offer' | 'Orders'): Promise<void> {
    const tab = this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click({ timeout: 5000 });
  }

  /** An aid offer through the composer: to one island; a loan (the ambassador: the minister co-signs) or a grant. */
  private async offerAid(round: number, financing: 'loan' | 'grant'): Promise<number> {
    const p = this.page;
    const powers = ['beijing', 'canberra', 'washington'];
    const i = powers.indexOf(this.seat);
    const islands = ['SLB', 'PNG'];
    const to = islands[(i + round + (financing === 'loan' ? 0 : 1)) % 2]!;
    const toName = to === 'SLB' ? 'Solomon Islands' : 'Papua New Guinea';
    await this.openTab('New offer');
    const composer = p.locator('.composer');
    await composer.getByRole('radio', { name: 'Aid', exact: true }).check({ timeout: 5000 });
    await composer.getByRole('group', { name: 'Island', exact: true }).getByRole('radio', { name: toName }).check({ timeout: 5000 });
    await composer.getByLabel('Amount', { exact: true }).fill(`${1 + i}.${round}${financing === 'loan' ? 5 : 2}`);
    await composer.getByRole('radio', { name: 'Budget support' }).check();
    await composer.getByRole('radio', { name: financing === 'loan' ? 'Loan' : 'Grant', exact: true }).check();
    if (financing === 'loan') {
      for (const [label, value] of [['Interest rate (% a year)', '2'], ['Loan term (years)', '10'], ['Grace period (years before repayments start)', '2']] as const) {
        const box = composer.getByLabel(label, { exact: true });
        if ((await box.count()) > 0 && !(await box.inputValue())) await box.fill(value);
      }
    }
    const before = await this.progress();
    await composer.getByRole('button', { name: 'Send offer' }).click({ timeout: 5000 });
    return (await this.outcome(before)) ? 1 : 0;
  }

  /** What this seat has done so far, as its page knows it: offers it made, its sealed orders, and moves waiting for a signature. */
  private progress(): Promise<number> {
    return this.page.evaluate((seat) => {
      const v = window.__landingRightsOnline?.view;
      return (v?.offers.filter((x) => x.from === seat).length ?? 0) + (v?.orders.length ?? 0) + document.querySelectorAll('#signatures [data-pending]').length;
    }, this.seat);
  }

  /** Wait until the move shows on the page (made, or waiting for a teammate's signature), or the form shows why not. */
  private async outcome(before: number): Promise<boolean> {
    const composer = this.page.locator('.composer');
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      if ((await this.progress()) > before) return true;
      const err = composer.locator('.form-error, .field-error');
      if ((await err.count()) > 0) {
        this.run.note(`${this.title}: ${(await err.first().innerText()).slice(0, 160)}`);
        return false;
      }
      await sleep(150);
    }
    this.run.note(`${this.title}: the move did not show within 10 s`);
    return false;
  }

  /** Accept each open offer addressed to this island, once (a loan then waits for the minister of finance). */
  private async acceptOffers(): Promise<number> {
    await this.openTab('Offers');
    const cards = this.page.locator('#tabpanel li.card[data-offer]');
    let n = 0;
    for (const card of await cards.all()) {
      const id = await card.getAttribute('data-offer');
      if (!id || this.accepted.has(id)) continue;
      const accept = card.locator('button[id^="answer-accept"]');
      if ((await accept.count()) === 0) continue;
      this.accepted.add(id);
      await accept.click({ timeout: 5000 });
      n++;
      await sleep(300);
    }
    return n;
  }

  /** A sealed order through the Orders tab: the first kind offered, its choices left as they are or the first, a small amount. */
  private async giveOrder(): Promise<number> {
    const p = this.page;
    await this.openTab('Orders');
    const composer = p.locator('.composer');
    await composer.getByRole('button', { name: 'Give order' }).waitFor({ timeout: 5000 });
    // Each group of choices without a choice: its first.
    for (const group of await composer.locator('fieldset.field').all()) {
      const radios = group.locator('input[type="radio"]');
      if ((await radios.count()) > 0 && (await group.locator('input[type="radio"]:checked').count()) === 0) await radios.first().check();
    }
    for (const sel of await composer.locator('select').all()) if (!(await sel.inputValue())) await sel.selectOption({ index: 1 }).catch(() => undefined);
    for (const box of await composer.locator('input[inputmode="decimal"]').all()) await box.fill('0.5');
    for (const box of await composer.locator('input[type="number"]').all()) if (!(await box.inputValue())) await box.fill('1');
    const before = await this.progress();
    await composer.getByRole('button', { name: 'Give order' }).click({ timeout: 5000 });
    return (await this.outcome(before)) ? 1 : 0;
  }
}

class LessonRun {
  signed = 0;
  moves = 0;
  readonly movesBySeat: Record<string, number[]> = {};
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  readonly pageErrors: string[] = [];
  readonly screenshots: string[] = [];
  readonly contexts: BrowserContext[] = [];

  constructor(readonly o: LessonOptions) {}

  log(line: string): void {
    this.o.log?.(line);
  }

  note(line: string): void {
    this.notes.push(line);
    this.log(`  (${line})`);
  }

  moved(seat: string, round: number, n: number): void {
    this.moves += n;
    const rounds = (this.movesBySeat[seat] ??= []);
    while (rounds.length < round) rounds.push(0);
    rounds[round - 1]! += n;
  }

  async open(width: number, height: number, path: string): Promise<Page> {
    const context = await this.o.browser.newContext({ viewport: { width, height } });
    // A person gives up on a button that does not answer within 10 s, not Playwright's 30: a move
    // stuck on a slow page must not hold its member past the game's end.
    context.setDefaultTimeout(10_000);
    this.contexts.push(context);
    const page = await context.newPage();
    this.watch(page);
    await page.goto(new URL(path, this.o.url).href);
    return page;
  }

  watch(page: Page): void {
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  async shot(page: Page, name: string): Promise<void> {
    if (!this.o.shots) return;
    mkdirSync(this.o.shots, { recursive: true });
    const path = join(this.o.shots, `${name}.png`);
    await page.screenshot({ path }).catch((e: unknown) => this.note(`screenshot ${name}: ${String(e)}`));
    this.screenshots.push(path);
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
  }
}

const bodyText = (p: Page) => p.evaluate(() => document.body.innerText).catch(() => '');

async function until(what: string, check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out after ${Math.round(ms / 1000)} s: ${what}`);
    await sleep(200);
  }
}

/** The secrets in the facilitator's full view that a viewer may not read: private log entries not meant for it, in the words a page shows. */
function secretsFor(full: GameView, viewer: RoleId | 'projector'): string[] {
  const sees = (e: LogEntry) => e.seenBy === 'all' || (viewer !== 'projector' && e.seenBy.includes(viewer));
  const shown = (e: LogEntry) => namesForIds(full, e.text).trim();
  const visible = new Set(full.log.filter(sees).map(shown));
  return [...new Set(full.log.filter((e) => !sees(e)).map(shown))].filter((t) => t.length >= 20 && ![...visible].some((x) => x.includes(t)));
}

/** Play the scenario's lesson cut in the browser from the menu to the final scores. */
export async function runLesson(o: LessonOptions): Promise<LessonResult> {
  const run = new LessonRun(o);
  const scenario = o.scenario ?? 'honiara';
  const lesson = o.lesson ?? 'lesson-50';
  const pauseSeconds = o.pauseSeconds ?? 5;
  const began = Date.now();
  const members: Member[] = [];
  try {
    // The teacher hosts the lesson cut from the menu, on the device that will run the console.
    const hostDevice = await o.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    run.contexts.push(hostDevice);
    const host = await hostDevice.newPage();
    run.watch(host);
    await host.goto(new URL('/?renderer=canvas&menu', o.url).href);
    await host.waitForFunction(() => window.__landingRights?.ready === true, undefined, { timeout: 60_000 });
    await host.locator('#menu-online').click();
    await host.locator('#online-scenario').selectOption(scenario);
    await host.locator('#online-length').selectOption(lesson);
    // The cut's note for the facilitator shows as the cut is chosen.
    if (lesson === 'lesson-50' && scenario === 'honiara')
      await until('the cut\'s note on the host form', async () => (await host.locator('#online-lesson-note').innerText().catch(() => '')).startsWith('About this lesson: Between computer players'), 15_000).catch((e: unknown) => run.problems.push(String(e)));
    await run.shot(host, 'host-form');
    await host.locator('#online-host').click();
    await host.locator('#online-join-code').waitFor({ timeout: 30_000 });
    const code = (await host.locator('#online-join-code').innerText()).trim();
    const hostToken = await host.evaluate((c) => localStorage.getItem(`landing-rights:online-host:${c}`), code);
    if (!hostToken) throw new Error('The host’s page kept no host token.');
    const projectorPath = await host.locator('#online-projector').getAttribute('href');
    await host.waitForFunction(() => (window.__landingRightsOnline?.view?.seats.length ?? 0) > 0, undefined, { timeout: 30_000 });
    const start = (await host.evaluate(() => window.__landingRightsOnline!.view!)) as GameView;
    // The students open the join link and type their names while the teacher sets up.
    const people = start.seats.flatMap((seat) => (Object.hasOwn(start.islands, seat) ? ISLAND_ROLES : POWER_ROLES).map((r) => [seat, r] as const));
    const arriving = (async () => {
      const pages: Page[] = [];
      for (let i = 0; i < people.length; i += JOIN_AT_ONCE)
        pages.push(
          ...(await Promise.all(
            people.slice(i, i + JOIN_AT_ONCE).map(async ([seat, subRole]) => {
              const page = await run.open(1280, 800, `/?renderer=canvas&join=${code}`);
              await page.locator('#online-name').fill(`${seat}-${subRole}`, { timeout: 60_000 });
              return page;
            }),
          )),
        );
      return pages;
    })();
    const [fac] = await Promise.all([hostDevice.waitForEvent('page'), host.locator('#online-console').click()]);
    run.watch(fac);
    await fac.locator('#fac-seats').waitFor({ timeout: 60_000 });
    await host.close();
    const full = () => fac.evaluate(() => window.__landingRightsConsole?.view ?? null) as Promise<GameView | null>;
    const first = (await full())!;
    const seats = first.seats;
    const rounds = first.scenario.rounds;
    run.log(`${first.scenario.title}, game ${code}: ${seats.length} seats, ${rounds} rounds, phases of ${o.phaseSeconds} s`);

    // The set-up in the console's lobby: every seat a team with sub-roles.
    await fac.locator('#fac-lobby-toggle').click();
    for (const seat of seats) {
      await fac.locator(`select[data-assign="${seat}"]`).selectOption('team');
      await until(`${seat} a team on the console`, async () => /Minister|minister/.test(await fac.locator(`#fac-lobby-seats li[data-seat="${seat}"]`).innerText()), 15_000);
    }

    // The projector, on the room's screen.
    const projector = await run.open(1920, 1080, projectorPath ?? `/?project=${code}`);
    await projector.locator('.proj-scores').waitFor({ timeout: 60_000 });

    // Two people a team, each on a device of their own, joining with the code as a sub-role.
    run.log(`console and projector open at ${((Date.now() - began) / 1000).toFixed(1)} s`);
    const pages = await arriving;
    members.push(
      ...(await Promise.all(
        people.map(async ([seat, subRole], i) => {
          const page = pages[i]!;
          // Ten pages join at once: a fresh-clone CI run saw one join click go unanswered for 60 s
          // (not traced), so a person who sees nothing happen clicks again, as a student would.
          const join = page.locator(`fieldset[data-seat="${seat}"] button[data-sub-role="${subRole}"]`);
          for (let attempt = 0; ; attempt++) {
            if (attempt === 0) await join.click({ timeout: 30_000 });
            else if (await join.isVisible()) await join.click({ timeout: 5_000 }).catch(() => undefined);
            const joined = await page.locator('#end-phase').waitFor({ timeout: 20_000 }).then(
              () => true,
              () => false,
            );
            if (joined) break;
            if (attempt === 2) throw new Error(`${seat} (${subRole}) could not join after three clicks`);
          }
          return new Member(page, seat, subRole, Object.hasOwn(first.islands, seat), run);
        }),
      )),
    );
    run.log(`ten people joined at ${((Date.now() - began) / 1000).toFixed(1)} s`);
    let who = '';
    await until('every member on the console', async () => {
      who = await fac.locator('#fac-lobby-seats').innerText();
      return people.every(([s, r]) => who.includes(`${s}-${r}`));
    }, 30_000).catch((e: unknown) => {
      throw new Error(`${String(e)}; the console's lobby shows: ${who.replace(/\s+/g, ' ')}`);
    });
    await run.shot(fac, 'console-lobby');
    await fac.locator('#fac-lobby-toggle').click();

    // A private briefing for each seat, with a codeword no other page may show.
    const codeword = (seat: string) => `codeword ${seat.toUpperCase()}-${code}`;
    for (const seat of seats) {
      await fac.locator('#fac-news-text').fill(`Briefing for ${seat} alone: ${codeword(seat)}.`);
      await fac.locator('#fac-news-to').selectOption(seat);
      await fac.locator('#fac-send-news').click();
    }
    // Until the Start the game waits in the lobby: no clock on any page, and the console's clock
    // boxes show the cut's own phase times.
    const cutTimes = [await fac.locator('#fac-neg-min').inputValue(), await fac.locator('#fac-dec-min').inputValue()];
    if (lesson === 'lesson-50' && scenario === 'honiara' && cutTimes.join(',') !== '6,3') run.problems.push(`The console's Next phases show ${cutTimes.join(' and ')} minutes, not the cut's 6 and 3`);
    for (const m of members) if ((await m.page.locator('#online-waiting').count()) === 0 || (await m.page.locator('#online-time-left').count()) > 0) run.problems.push(`${m.title}'s page does not show the game waiting for the Start`);
    // The cut's note for the facilitator (who should play which seat): on the console before the Start, on no team's page.
    if (lesson === 'lesson-50' && scenario === 'honiara') {
      const note = await fac.locator('#fac-note').innerText().catch(() => '');
      if (!note.includes('Between computer players every seat of this cut wins')) run.problems.push(`The console does not show the cut's note before the Start (it shows "${note.slice(0, 80)}")`);
      for (const m of members) if ((await bodyText(m.page)).includes('Between computer players')) run.problems.push(`${m.title}'s page shows the facilitator's note`);
    }
    // The clock: every phase --phase-seconds, then Start: the first phase's clock runs from now.
    const minutes = (o.phaseSeconds / 60).toFixed(3).replace(/\.?0+$/, '');
    await fac.locator('#fac-neg-min').fill(minutes);
    await fac.locator('#fac-dec-min').fill(minutes);
    await fac.locator('#fac-phase-times').click();
    // One connection, handled in order by the room: the phase times are set before the Start reads them.
    const shown = `negotiation ${Math.round((Math.round(Number(minutes) * 60) / 60) * 100) / 100} min`;
    await until('the phase times on the console', async () => (await fac.locator('#fac-waiting').innerText().catch(() => '')).includes(shown), 10_000).catch((e: unknown) => run.problems.push(String(e)));
    await run.shot(fac, 'console-before-start');
    await run.shot(members.find((m) => m.seat === 'SLB')!.page, 'team-before-start');
    await fac.locator('#fac-start').click();
    const started = Date.now();
    const setUpSec = (started - began) / 1000;
    await until('the clock on every page', async () => {
      for (const m of members) if ((await m.page.locator('#online-time-left').count()) === 0) return false;
      return (await fac.locator('#fac-start').count()) === 0;
    }, 20_000).catch((e: unknown) => run.problems.push(String(e)));
    await run.shot(fac, 'console-after-start');
    run.log(`set up in ${setUpSec.toFixed(1)} s; started: the clock runs`);
    await until('the briefings on every seat', async () => {
      for (const m of members) if (!(await bodyText(m.page)).includes(codeword(m.seat))) return false;
      return true;
    }, 30_000).catch((e: unknown) => run.problems.push(String(e)));

    const loops = members.map((m) => m.loop());

    // Secrets: every page's text, sampled each round, against the full view's private entries.
    const leaks = new Set<string>();
    let samples = 0;
    let secretsChecked = 0;
    const sample = async (when: string) => {
      const v = await full();
      if (!v) return;
      const pages: { viewer: RoleId | 'projector'; page: Page; name: string }[] = [{ viewer: 'projector', page: projector, name: 'projector' }, ...members.map((m) => ({ viewer: m.seat, page: m.page, name: m.title }))];
      await Promise.all(
        pages.map(async ({ viewer, page, name }) => {
          const text = await bodyText(page);
          samples++;
          for (const seat of seats) if (seat !== viewer && text.includes(codeword(seat))) leaks.add(`${when}: ${name} shows ${seat}'s ${codeword(seat)}`);
          const secrets = secretsFor(v, viewer);
          secretsChecked += secrets.length;
          for (const secret of secrets) if (text.includes(secret)) leaks.add(`${when}: ${name} shows "${secret.slice(0, 80)}"`);
        }),
      );
    };

    let pauseSec = 0;
    let pauseSeenEverywhere = false;
    let injectSeen = false;
    let lastRound = 0;
    let facilitated = false;
    const limit = started + (rounds * 2 * o.phaseSeconds + pauseSeconds + 120) * 1500;
    for (;;) {
      const v = await full();
      if (Date.now() > limit) throw new Error('The lesson did not reach its end in time.');
      if (!v) {
        await sleep(250);
        continue;
      }
      if (v.round !== lastRound || v.phase === 'over') {
        if (v.phase !== 'over') run.log(`round ${v.round} of ${rounds} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
        await sample(`round ${v.round}`);
        lastRound = v.round;
      }
      if (v.phase === 'over') break;
      // Round 2: the facilitator pauses a few seconds into negotiation, resumes, and injects an event.
      if (!facilitated && v.round === 2 && v.phase === 'negotiation') {
        facilitated = true;
        await sleep(Math.min(10, o.phaseSeconds / 4) * 1000);
        await fac.locator('#fac-pause').click();
        const pausedAt = Date.now();
        pauseSeenEverywhere = await until(
          'every page paused',
          async () => {
            if ((await projector.locator('#proj-paused').count()) === 0) return false;
            for (const m of members) if ((await m.page.locator('#online-paused').innerText().catch(() => '')) !== 'Paused by the facilitator') return false;
            return true;
          },
          20_000,
        )
          .then(() => true)
          .catch((e: unknown) => (run.problems.push(String(e)), false));
        await sample('paused');
        await run.shot(projector, 'projector-paused');
        await sleep(Math.max(0, pausedAt + pauseSeconds * 1000 - Date.now()));
        await fac.locator('#fac-resume').click();
        await until('every page resumed', async () => {
          for (const m of members) if ((await m.page.locator('#online-paused').count()) > 0) return false;
          return (await projector.locator('#proj-paused').count()) === 0;
        }, 20_000).catch((e: unknown) => run.problems.push(String(e)));
        pauseSec = (Date.now() - pausedAt) / 1000;
        run.log(`paused for ${pauseSec.toFixed(1)} s`);
        // An event of the scenario's deck, on the Solomons, now.
        await fac.locator('#fac-event-kind').selectOption('cyclone');
        await fac.locator('#fac-event-island').selectOption('SLB');
        await fac.locator('#fac-fire-event').click();
        const slb = members.find((m) => m.seat === 'SLB')!;
        injectSeen = await until('the cyclone in the Solomons’ news', async () => /cyclone/i.test(await slb.page.locator('#feed').innerText().catch(() => '')), 20_000)
          .then(() => true)
          .catch((e: unknown) => (run.problems.push(String(e)), false));
        await run.shot(projector, 'projector-mid-game');
        await run.shot(slb.page, 'team-mid-game');
        await run.shot(fac, 'console-mid-game');
      }
      await sleep(300);
    }
    for (const m of members) m.stop = true;
    await Promise.all(loops);

    // The final scores on every page.
    await until('the final scores on every page', async () => {
      if (!/Final scores/.test(await projector.locator('.proj-scores').innerText())) return false;
      if (!/Game over/.test(await fac.locator('#fac-phase').innerText())) return false;
      for (const m of members) if ((await m.page.locator('#end-title').count()) === 0) return false;
      return true;
    }, 60_000).catch((e: unknown) => run.problems.push(String(e)));
    const wallSec = (Date.now() - started) / 1000;
    // Every seat was played by people: no seat's final scores call a team "Computer".
    for (const m of members) {
      const who = await m.page.locator('table.scores tbody th > .muted').allInnerTexts().catch(() => []);
      if (who.length !== seats.length || who.some((w) => w !== 'Player')) run.problems.push(`${m.title}'s final scores name the seats' players ${JSON.stringify(who)}`);
    }
    await sample('the end');
    await run.shot(projector, 'projector-end');
    await run.shot(members.find((m) => m.seat === 'SLB')!.page, 'team-end');
    await run.shot(members.find((m) => m.seat === 'beijing')!.page, 'team-beijing-end');
    // The game is over: the console says so, with no clock beside it.
    const overPhase = await fac.locator('#fac-phase').innerText().catch(() => '');
    const overClock = await fac.locator('#fac-clock').innerText().catch(() => 'missing');
    if (overPhase !== 'Game over' || overClock !== '') run.problems.push(`At the end the console shows "${overPhase}" and the clock "${overClock}", not "Game over" and no clock`);
    await run.shot(fac, 'console-end');
    const end = (await full())!;

    // The host's record replays to the same hashes.
    const res = await fetch(new URL(`/api/games/${code}/record?host=${hostToken}`, o.url));
    const body = (await res.json()) as { record: { scenario: { text: string; hash: string }; actions: Action[]; hashes: { round: number; hash: string }[] }; hash: string };
    const parsed = parseScenarioText(body.record.scenario.text, 'the record');
    if (!parsed.ok) throw new Error('The record’s scenario does not read.');
    const again = replay(body.record, parsed.scenario, body.record.scenario.hash);
    if (!again.ok) run.problems.push(`The record does not replay: ${again.message}`);
    const actions = body.record.actions;
    const hashes = body.record.hashes;
    return {
      code,
      scenario,
      lesson,
      phaseSeconds: o.phaseSeconds,
      teams: seats.length,
      people: members.length,
      rounds,
      wallSec: Math.round(wallSec * 10) / 10,
      expectedSec: rounds * 2 * o.phaseSeconds + pauseSeconds,
      setUpSec: Math.round(setUpSec * 10) / 10,
      movesUi: run.moves,
      movesBySeat: run.movesBySeat,
      signedUi: run.signed,
      memberActionsInRecord: actions.filter((a) => a.by !== undefined).length,
      coSignedInRecord: actions.filter((a) => a.cosigned !== undefined && a.cosigned.length > 0).length,
      actionsInRecord: actions.length,
      pauseSec: Math.round(pauseSec * 10) / 10,
      pauseSeenEverywhere,
      injectSeen,
      secretSamples: samples,
      secretsChecked,
      secretLeaks: [...leaks],
      replayMatches: again.ok && again.allMatch && hashes.length === rounds,
      finalHashMatches: again.ok && body.hash === stateHash(again.host.state),
      finalScores: Object.fromEntries(end.seats.map((s) => [s, end.scores[s]?.total ?? 0])),
      pageErrors: run.pageErrors,
      problems: [...run.problems],
      screenshots: run.screenshots,
    };
  } finally {
    for (const m of members) m.stop = true;
    await run.close();
  }
}
