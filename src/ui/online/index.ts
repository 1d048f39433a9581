import { Client, type Room } from '@colyseus/sdk';
import QRCode from 'qrcode';
import { legalActions, type Action, type GameView, type RoleId } from '../../engine';
import { followViews } from '../../host/view-sync';
import type { GameController } from '../controller';
import { h, render } from '../dom';
import { renderFeed, renderIslands, type FeedState } from '../islands';
import { phaseLabel, roleName } from '../names';
import { OnlinePort, type SignaturesMessage } from './port';
import { seatSelect, type SeatAssignment } from '../seat-setup';
import { isOpenedKey, openedStore, type OpenedFile } from '../authoring/store';
import { loadScenario } from '../scenarios';
import './online.css';

/**
 * "Play online": host a game (join code, link, QR code), join one by code, claim a seat, then play
 * on the views the server sends. Loaded only when a player goes online, so solo and hot-seat never
 * load the network client. The server is the authority: this screen sends actions and draws views.
 */

interface Lobby {
  code: string;
  scenario: string;
  title: string;
  seats: {
    seat: RoleId;
    people: number;
    bot: boolean;
    /** Who has joined, with their sub-roles in a team seat. */
    members?: { name: string; subRole: string | null; title: string | null }[];
    /** The facilitator's set-up: people, a team with sub-roles, or the computer at a level. */
    assignment?: { mode: 'people' | 'team' | 'bot'; level?: string };
    subRoles?: { id: string; title: string }[];
  }[];
  locked: boolean;
}

interface ViewMessage {
  viewer: string;
  seq: number;
  view: GameView;
  deadlineAt: number | null;
  /** Waiting in the lobby for the facilitator's Start. */
  waiting?: boolean;
}

interface OnlineHook {
  code: string | null;
  seat: string | null;
  seq: number;
  phase: string | null;
  round: number | null;
  /** The last view this page received (tests read it). */
  view: GameView | null;
  /** Send an action as this seat (tests drive the page with it). */
  send(action: Action): void;
  refusals: string[];
}

declare global {
  interface Window {
    __landingRightsOnline?: OnlineHook;
  }
}

const SEAT_KEY = (code: string) => `landing-rights:online-seat:${code}`;
const PERSON_KEY = (code: string) => `landing-rights:online-person:${code}`;
const HOST_KEY = (code: string) => `landing-rights:online-host:${code}`;

const SCENARIOS: { id: string; title: string }[] = [
  { id: 'honiara', title: 'Honiara' },
  { id: 'coral-sea', title: 'Coral Sea' },
  { id: 'hunga-tonga', title: 'Hunga Tonga' },
  { id: 'micronesia', title: 'Micronesia' },
  { id: 'shared-future', title: 'Shared Future' },
  { id: 'quad', title: 'Quad' },
];

class OnlineScreen {
  private root: HTMLElement;
  private client = new Client(window.location.origin);
  private room: Room | null = null;
  private lobby: Lobby | null = null;
  /** The scenario the server names for the joined code: the host's links are right before the lobby arrives. */
  private joinedScenario: string | null = null;
  /** The team's moves waiting for a signature, kept until the seat's match screen takes them. */
  private signatures: SignaturesMessage | null = null;
  private last: ViewMessage | null = null;
  private seat: string | null = null;
  private host = false;
  private problem: string | null = null;
  private status: string | null = null;
  private qr: string | null = null;
  private ticker: number | null = null;
  private closed = false;
  private island: string | null = null;
  /** The name this person is typing on the claim screen. */
  private name = '';
  private readonly feedState: FeedState = { filter: 'all', large: false, open: new Set() };
  private readonly hook: OnlineHook;
  /** A seat at play: the page's usual match screen draws it through this port. */
  private port: OnlinePort | null = null;
  /** Scenario files opened in this browser: a host may play one, sent to the server as the game's scenario. */
  private opened: OpenedFile[] = [];

  constructor(
    private readonly onClose: () => void,
    private readonly controller: GameController | null,
  ) {
    this.root = h('div', { id: 'online', class: 'online', role: 'region', 'aria-label': 'Play online' });
    document.body.append(this.root);
    this.hook = { code: null, seat: null, seq: 0, phase: null, round: null, view: null, refusals: [], send: (a) => this.act(a) };
    window.__landingRightsOnline = this.hook;
  }

  async start(): Promise<void> {
    const code = new URLSearchParams(window.location.search).get('join');
    this.opened = await openedStore()
      .list()
      .catch(() => []);
    if (code) await this.join(code);
    else this.draw();
  }

  private draw(): void {
    // A seat at play is drawn by the page's match screen; this sheet waits hidden and empty.
    if (this.port) return render(this.root);
    const body = this.room ? (this.host ? this.hostScreen() : this.seat ? this.matchScreen() : this.claimScreen()) : this.startScreen();
    // Someone typing their name keeps the focus and the caret when the sheet is drawn again.
    const typing = document.activeElement instanceof HTMLInputElement && document.activeElement.id === 'online-name' ? document.activeElement.selectionStart : null;
    render(
      this.root,
      h(
        'div',
        { class: 'online-sheet' },
        h('div', { class: 'online-head' }, h('h2', null, 'Play online'), h('button', { type: 'button', class: 'btn', id: 'online-close', onclick: () => this.close() }, this.room ? 'Leave' : 'Back')),
        this.problem ? h('p', { class: 'alert', role: 'alert' }, this.problem) : null,
        this.status ? h('p', { class: 'status-line', role: 'status' }, this.status) : null,
        ...body,
      ),
    );
    const input = typing !== null ? this.root.querySelector<HTMLInputElement>('#online-name') : null;
    if (input && typing !== null) {
      input.focus();
      input.setSelectionRange(typing, typing);
    }
  }

  private startScreen(): (HTMLElement | null)[] {
    const select = h('select', { id: 'online-scenario', 'aria-label': 'Scenario' }, ...SCENARIOS.map((s) => h('option', { value: s.id }, s.title)), ...this.opened.map((f) => h('option', { value: f.key }, `${f.title} (opened from ${f.fileName})`)));
    const deadline = h('select', { id: 'online-deadline', 'aria-label': 'Deadline per phase' }, h('option', { value: '0' }, 'No deadline'), h('option', { value: '300' }, '5 minutes'), h('option', { value: '480' }, '8 minutes'), h('option', { value: '600' }, '10 minutes'));
    // The cut's note for the facilitator (who should play which seat), as the teacher chooses the cut.
    const note = h('p', { class: 'online-lesson-note', id: 'online-lesson-note', 'aria-live': 'polite', hidden: true });
    const showNote = () => {
      const asked = `${select.value}|${length.value}`;
      void this.lessonNote(select.value, length.value).then((text) => {
        // A note that arrives after the teacher chose again is another cut's: leave the newer one.
        if (asked !== `${select.value}|${length.value}`) return;
        render(note, ...(text ? [h('strong', null, 'About this lesson: '), text] : []));
        note.hidden = !text;
      });
    };
    select.addEventListener('change', showNote);
    const length = h('select', { id: 'online-length', 'aria-label': 'Length', onchange: showNote }, h('option', { value: '' }, 'The full game'), h('option', { value: 'lesson-50' }, '50-minute lesson (every scenario but the tutorial)'));
    const codeInput = h('input', { id: 'online-code', type: 'text', autocomplete: 'off', maxlength: 9, placeholder: 'ABC123', 'aria-label': 'Join code' });
    return [
      h(
        'section',
        { class: 'online-box' },
        h('h3', null, 'Join a game'),
        h('p', null, 'Type the code on the host’s screen.'),
        h('form', { class: 'online-row', onsubmit: (e: Event) => (e.preventDefault(), void this.join(codeInput.value)) }, codeInput, h('button', { type: 'submit', class: 'btn primary', id: 'online-join' }, 'Join')),
      ),
      h(
        'section',
        { class: 'online-box' },
        h('h3', null, 'Host a game'),
        h('p', null, 'For a class or a workshop: each team plays on its own device; this screen shows the room.'),
        h('label', null, 'Scenario ', select),
        h('label', null, 'Deadline for negotiation and decisions ', deadline),
        h('label', null, 'Length ', length),
        note,
        h('button', { type: 'button', class: 'btn primary', id: 'online-host', onclick: () => void this.hostGame(select.value, Number(deadline.value), length.value) }, 'Host a game'),
      ),
    ];
  }

  /** The lesson cut's `note:` of a shipped or opened scenario; '' for the full game, a cut without one, or a file that does not load. */
  private async lessonNote(scenario: string, lesson: string): Promise<string> {
    if (!lesson) return '';
    const file = isOpenedKey(scenario) ? this.opened.find((f) => f.key === scenario) : undefined;
    const loaded = file
      ? await import('../../scenario/load').then(({ parseScenarioText }) => parseScenarioText(file.text, file.fileName)).then((r) => (r.ok ? r.scenario : null))
      : await (loadScenario(scenario) ?? Promise.resolve(null)).then((r) => (r?.ok ? r.loaded.scenario : null));
    return loaded?.lessons?.find((l) => l.id === lesson)?.note ?? '';
  }

  private async hostGame(scenario: string, deadline: number, lesson = ''): Promise<void> {
    this.problem = null;
    // A class's game (timed phases, or a lesson cut) waits in the lobby for the Start on the facilitator's console.
    const cut = `${lesson ? `&lesson=${encodeURIComponent(lesson)}` : ''}${lesson || deadline > 0 ? '&start=facilitator' : ''}`;
    // An opened scenario file goes to the server as the request's body; the server checks it with the same loader.
    const file = isOpenedKey(scenario) ? this.opened.find((f) => f.key === scenario) : undefined;
    const res = await (file
      ? fetch(`/api/games?deadline=${deadline}${cut}`, { method: 'POST', headers: { 'content-type': 'text/yaml; charset=utf-8' }, body: file.text })
      : fetch(`/api/games?scenario=${encodeURIComponent(scenario)}&deadline=${deadline}${cut}`, { method: 'POST' })
    ).catch(() => null);
    if (!res) return this.fail('The game server cannot be reached. Is the game running with "npm start"?');
    const body = (await res.json().catch(() => ({}))) as { code?: string; hostToken?: string; error?: string };
    if (!res.ok || !body.code || !body.hostToken) return this.fail(body.error ?? 'The server could not create the game.');
    localStorage.setItem(HOST_KEY(body.code), body.hostToken);
    history.replaceState(null, '', `?join=${body.code}`);
    await this.join(body.code);
  }

  /**
   * `again`: the times it has tried to come back after a dropped connection. While the server cannot
   * be reached (a restart) it keeps trying, and a while longer while a restarted server reopens its games.
   */
  private async join(raw: string, again = 0): Promise<void> {
    const code = raw.toUpperCase().replace(/[\s-]/g, '');
    if (this.closed) return;
    this.problem = null;
    const found = await fetch(`/api/games/${encodeURIComponent(code)}`).catch(() => null);
    if (again > 0 && (!found || found.status >= 502 || (found.status === 404 && again < 10))) {
      // The server is restarting: the game, its held moves and this seat come back with it.
      window.setTimeout(() => void this.join(code, again + 1), 2000);
      return;
    }
    if (!found) return this.fail('The game server cannot be reached. Is the game running with "npm start"?');
    if (!found.ok) return this.fail(((await found.json().catch(() => ({}))) as { error?: string }).error ?? 'No game under that code.');
    const info = (await found.json().catch(() => ({}))) as { scenario?: unknown };
    this.joinedScenario = typeof info.scenario === 'string' ? info.scenario : null;
    const hostToken = localStorage.getItem(HOST_KEY(code));
    const token = localStorage.getItem(SEAT_KEY(code));
    const options = hostToken ? { host: hostToken } : token ? { token } : {};
    let room: Room;
    try {
      room = await this.client.joinById(code, options);
    } catch (e) {
      if (token) {
        // The seat was released or the token is stale: come in unseated and claim again.
        localStorage.removeItem(SEAT_KEY(code));
        return this.join(code);
      }
      return this.fail(e instanceof Error ? e.message : String(e));
    }
    this.attach(room, code, Boolean(hostToken));
    if (!hostToken && !token) history.replaceState(null, '', `?join=${code}`);
  }

  private attach(room: Room, code: string, host: boolean): void {
    this.room = room;
    this.host = host;
    this.hook.code = code;
    room.onMessage('lobby', (l: Lobby) => {
      this.lobby = l;
      this.port?.playedBy(peopleSeats(l));
      this.draw();
    });
    followViews(room, (m: ViewMessage) => {
      this.last = m;
      this.seat = m.viewer === 'spectator' || m.viewer === 'facilitator' ? this.seat : m.viewer;
      this.hook.seat = this.seat;
      this.hook.seq = m.seq;
      this.hook.phase = m.view.phase;
      this.hook.round = m.view.round;
      this.hook.view = m.view;
      this.status = null;
      if (this.seat && !this.host) this.play(room, code, m);
      this.draw();
    });
    room.onMessage('signatures', (m: SignaturesMessage) => {
      this.signatures = m;
      this.port?.team(m);
    });
    room.onMessage('held', (m: { id: number; message: string }) => this.port?.held(m));
    room.onMessage('seated', (s: { seat: string; token: string; person?: string }) => {
      localStorage.setItem(SEAT_KEY(code), s.token);
      if (s.person) localStorage.setItem(PERSON_KEY(code), s.person);
      this.seat = s.seat;
      this.hook.seat = s.seat;
      this.draw();
    });
    room.onMessage('released', () => {
      localStorage.removeItem(SEAT_KEY(code));
      this.seat = null;
      this.last = null;
      this.stopPlaying();
      this.draw();
    });
    room.onMessage('refused', (r: { code: string; message: string; field?: string }) => {
      this.hook.refusals.push(r.code);
      if (this.port) return this.port.refused(r);
      this.problem = r.message;
      this.draw();
    });
    room.onLeave(() => {
      if (this.room !== room) return;
      // A dropped network: come back to the same seat with the stored token.
      this.room = null;
      this.status = 'Connection lost; reconnecting…';
      this.port?.connection(false);
      this.draw();
      window.setTimeout(() => void this.join(code, 1), 1000);
    });
    if (this.ticker === null) this.ticker = window.setInterval(() => this.tick(), 1000);
    if (host) void QRCode.toDataURL(`${window.location.origin}/?join=${code}`, { margin: 1, width: 220 }).then((url: string) => ((this.qr = url), this.draw()));
    this.draw();
  }

  private tick(): void {
    const el = this.root.querySelector<HTMLElement>('#online-deadline-left');
    if (el && this.last?.deadlineAt) el.textContent = deadlineText(this.last.deadlineAt);
  }

  private claimScreen(): (HTMLElement | null)[] {
    const l = this.lobby;
    if (!l) return [h('p', null, 'Joining…')];
    // The name typed so far is kept here: the sheet is drawn again each time someone else joins.
    const name = h('input', { id: 'online-name', type: 'text', maxlength: 40, placeholder: 'Your name (optional)', 'aria-label': 'Your name', value: this.name, oninput: (e: Event) => (this.name = (e.target as HTMLInputElement).value) });
    const claim = (seat: string, subRole?: string) => this.room?.send('claim', { seat, name: this.name.trim() || undefined, ...(subRole ? { subRole } : {}) });
    const here = (s: Lobby['seats'][number]) => (s.members?.length ? s.members.map((m) => (m.title ? `${m.name} (${m.title})` : m.name)).join(', ') : `${s.people} here`);
    return [
      h('p', { class: 'lede' }, `${l.title}: game ${l.code}. Choose the seat your team plays. Several people may share a seat; in a team seat each picks a part.`),
      name,
      h(
        'div',
        { class: 'online-seats' },
        ...l.seats.map((s) => {
          const label = `${seatName(this.last?.view, s.seat)} (${here(s)}${s.bot ? ', played by the computer' : ''})`;
          if (s.assignment?.mode === 'bot') return h('button', { type: 'button', class: 'btn', 'data-seat': s.seat, disabled: true }, label);
          if (s.assignment?.mode !== 'team') return h('button', { type: 'button', class: 'btn', 'data-seat': s.seat, disabled: l.locked, onclick: () => claim(s.seat) }, label);
          // A team seat: each member joins as one of its sub-roles.
          return h(
            'fieldset',
            { class: 'online-team', 'data-seat': s.seat },
            h('legend', null, label),
            ...(s.subRoles ?? []).map((r) => h('button', { type: 'button', class: 'btn small', 'data-sub-role': r.id, disabled: l.locked, onclick: () => claim(s.seat, r.id) }, `Join as ${r.title}`)),
          );
        }),
        h('button', { type: 'button', class: 'btn', 'data-seat': 'spectator', onclick: () => this.room?.send('claim', { seat: 'spectator' }) }, 'Just watch'),
      ),
      l.locked ? h('p', null, 'The host has locked the room.') : null,
    ];
  }

  private matchScreen(): (HTMLElement | null)[] {
    const m = this.last;
    if (!m || !this.seat) return [h('p', null, 'Waiting for the game…')];
    const v = m.view;
    const role = this.seat as RoleId;
    const canEnd = legalActions(v, role).some((t) => t.type === 'endPhase');
    const ended = v.ended.includes(role);
    return [
      h(
        'div',
        { class: 'online-match-head' },
        h('h3', { id: 'online-seat' }, `${roleName(v, role)}, round ${v.round}: ${phaseLabel(v.phase)}`),
        m.deadlineAt ? h('p', null, 'Deadline: ', h('span', { id: 'online-deadline-left' }, deadlineText(m.deadlineAt))) : null,
        h('p', { id: 'online-ended' }, v.phase === 'over' ? 'The game is over.' : ended ? 'You have ended this phase; waiting for the others.' : `Seats still to end this phase: ${v.seats.filter((s) => !v.ended.includes(s)).map((s) => roleName(v, s)).join(', ')}.`),
        canEnd ? h('button', { type: 'button', class: 'btn primary', id: 'online-end', onclick: () => this.act({ type: 'endPhase', role }) }, 'End phase') : null,
      ),
      h('section', { class: 'online-feed', 'aria-label': 'News' }, h('h3', null, 'News'), ...renderFeed(v, this.feedState, () => this.draw())),
      h('section', { class: 'online-islands', 'aria-label': 'Islands' }, ...renderIslands(v, this.island as never, (id) => ((this.island = id), this.draw()))),
    ];
  }

  private hostScreen(): (HTMLElement | null)[] {
    const l = this.lobby;
    const code = this.hook.code ?? '';
    const scenario = l?.scenario ?? this.joinedScenario;
    const link = `${window.location.origin}/?join=${code}`;
    const v = this.last?.view;
    return [
      h(
        'div',
        { class: 'online-code-box' },
        h('p', null, 'Join at ', h('a', { href: link, id: 'online-link' }, link), ' with the code'),
        h('p', { class: 'online-code', id: 'online-join-code', 'aria-label': `Join code ${code.split('').join(' ')}` }, code),
        this.qr ? h('img', { src: this.qr, alt: `QR code for ${link}`, id: 'online-qr', width: 220, height: 220 }) : null,
      ),
      l
        ? h(
            'div',
            { class: 'online-seats' },
            // The set-up: who plays each seat (people, a team with sub-roles, the computer at a level).
            ...l.seats.map((s) =>
              h(
                'p',
                { 'data-seat': s.seat, class: 'online-setup-seat' },
                `${seatName(v, s.seat)}: ${s.members?.length ? s.members.map((m) => (m.title ? `${m.name} (${m.title})` : m.name)).join(', ') : `${s.people} connected`}${s.bot ? ', played by the computer' : ''} `,
                seatSelect(s.seat, seatName(v, s.seat), s.assignment as SeatAssignment | undefined, (seat, assignment) => this.room?.send('host', { command: 'assign', seat, assignment }), 'online-assign'),
              ),
            ),
            h('button', { type: 'button', class: 'btn', id: 'online-lock', onclick: () => this.room?.send('host', { command: 'lock', locked: !l.locked }) }, l.locked ? 'Unlock the room' : 'Lock the room'),
          )
        : null,
      // Running the game: the console on this device, the projector screen on the room's.
      h(
        'p',
        { class: 'online-row' },
        this.last?.waiting ? h('button', { type: 'button', class: 'btn primary', id: 'online-start', title: 'Start the game: the first phase’s clock starts on every screen', onclick: () => this.room?.send('facilitate', { command: 'start' }) }, 'Start') : null,
        h('a', { class: 'btn primary', id: 'online-console', href: `/?facilitate=${code}`, target: '_blank' }, 'Open the facilitator’s console'),
        h('a', { class: 'btn', id: 'online-projector', href: `/?${scenario && SCENARIOS.some((s) => s.id === scenario) ? `scenario=${scenario}&` : ''}project=${code}`, target: '_blank' }, 'Open the projector screen'),
      ),
      v
        ? h(
            'p',
            { id: 'online-phase' },
            this.last?.waiting
              ? 'Waiting for the Start: press Start on the facilitator’s console once the teams are seated (the clock starts then).'
              : `Round ${v.round}: ${phaseLabel(v.phase)}. Still to end: ${v.seats.filter((s) => !v.ended.includes(s)).map((s) => roleName(v, s)).join(', ') || 'nobody'}.`,
          )
        : null,
      v ? h('section', { class: 'online-feed', 'aria-label': 'News' }, h('h3', null, 'News'), ...renderFeed(v, this.feedState, () => this.draw())) : null,
    ];
  }

  /** A seat's view: from now on the usual match screen plays it, and this sheet steps aside. */
  private play(room: Room, code: string, m: { viewer: string; seq: number; view: GameView; deadlineAt: number | null }): void {
    if (!this.controller) return;
    if (!this.port) {
      this.port = new OnlinePort(room, m.viewer as RoleId, code, () => this.close());
      const person = localStorage.getItem(PERSON_KEY(code));
      if (person) this.port.seatedAs(person);
      if (this.signatures) this.port.team(this.signatures);
      if (this.lobby) this.port.playedBy(peopleSeats(this.lobby));
      this.controller.playThrough(this.port);
      this.root.hidden = true;
    }
    this.port.useRoom(room);
    this.port.view(m);
  }

  private stopPlaying(): void {
    if (!this.port) return;
    this.port = null;
    this.root.hidden = false;
    this.controller?.playLocal();
  }

  private act(action: Action): void {
    this.problem = null;
    this.room?.send('act', { action });
  }

  private fail(message: string): void {
    this.problem = message;
    this.draw();
  }

  private close(): void {
    this.closed = true;
    const room = this.room;
    this.room = null;
    void room?.leave(true);
    if (this.ticker !== null) window.clearInterval(this.ticker);
    this.root.remove();
    delete window.__landingRightsOnline;
    history.replaceState(null, '', window.location.pathname);
    this.stopPlaying();
    this.onClose();
  }
}

function seatName(v: GameView | undefined, seat: RoleId): string {
  return v ? roleName(v, seat) : seat;
}

function deadlineText(at: number): string {
  const left = Math.max(0, Math.round((at - Date.now()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}

/**
 * Open the online screen over the page; `onClose` runs when the player leaves it. With the page's
 * controller, a claimed seat plays on the usual match screen (see port.ts).
 */
export async function openOnline(onClose: () => void = () => undefined, controller: GameController | null = null): Promise<void> {
  document.getElementById('online')?.remove();
  await new OnlineScreen(onClose, controller).start();
}

/** The seats people play: every seat not played by the computer. */
function peopleSeats(l: Lobby): RoleId[] {
  return l.seats.filter((s) => !s.bot && s.assignment?.mode !== 'bot').map((s) => s.seat);
}
