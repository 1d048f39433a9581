import { Client, type Room } from '@colyseus/sdk';
import QRCode from 'qrcode';
import { legalActions, OVERRIDE_FIGURES, type Action, type GameView, type Inject, type Refusal, type RoleId, type ScenarioInject } from '../../engine';
import { checkOnView } from '../choices';
import { Composer, creationTemplates } from '../composer';
import { describeMove } from '../describe';
import { MAX_WRITTEN_OPTIONS } from '../../server/vote';
import { h, render } from '../dom';
import { followViews } from '../../host/view-sync';
import { phaseLabel, roleName } from '../names';
import { agreementsList, clock, dealsPanel, eventKinds, lobbyPanel, questions, scheduleList, scriptedList, seatsTable, timeline, viewAsPanel, type ConsoleState, type LobbySeat } from './views';
import type { VoteMessage } from '../vote';
import type { AbandonedBranch } from '../debrief/controller';
import './facilitator.css';

/**
 * The facilitator's console (docs/facilitator.md): the host's own device, joined with the host
 * token and the full view. Pace (pause, the phase's clock, end the phase for everyone), injects
 * and messages (engine actions in the record), see all, and a seat's view. The server checks
 * every command comes from the host; the engine checks every inject is the facilitator's.
 */

interface ViewMessage {
  viewer: string;
  seq: number;
  view: GameView;
  deadlineAt: number | null;
  paused?: boolean;
  pausedLeftMs?: number | null;
  /** Waiting in the lobby for the Start. */
  waiting?: boolean;
  /** The room's settings (the host's views carry them): the phase times. */
  settings?: { deadlineSec?: number; phaseSec?: { negotiation: number; decisions: number } };
  console?: { injects: ScenarioInject[]; deck: string[] };
}

interface ConsoleHook {
  view: GameView | null;
  paused: boolean;
  refusals: { code: string; message: string }[];
  send(command: Record<string, unknown>): void;
}

declare global {
  interface Window {
    __landingRightsConsole?: ConsoleHook;
  }
}

const HOST_KEY = (code: string) => `landing-rights:online-host:${code}`;

/** Seconds as the clock boxes show them: minutes, with fractions for short phases (0.5 is 30 seconds). */
const asMinutes = (sec: number): string => String(Math.round((sec / 60) * 1000) / 1000);

class FacilitatorConsole {
  private readonly root = h('div', { id: 'facilitator', class: 'fac', role: 'region', 'aria-label': 'Facilitator’s console' });
  private room: Room | null = null;
  private state: ConsoleState | null = null;
  private lobbySeats: LobbySeat[] = [];
  private title = '';
  /** The lesson cut's note for the facilitator, if it has one. */
  private note: string | null = null;
  private problem: string | null = null;
  private formsFor: string | null = null;
  /** The lobby: the join code and its QR code large, and who has joined each seat (a screen of its own). */
  private lobbyOpen = false;
  /** Seconds for negotiation and for decisions, as the room last said: what the clock's boxes start from. */
  private phaseSec = { negotiation: 0, decisions: 0 };
  /** The class vote open now (with the options' words: this is the facilitator's own device). */
  private vote: VoteMessage | null = null;
  /** The seat the next vote is for, and the moves written for it on the seat's own view (put to the vote beside its answers to offers). */
  private voteSeat: RoleId | null = null;
  private voteDrafts: { action: Action; label: string }[] = [];
  /** The composer open on the seat's view ("Write an option"), or null. */
  private voteComposer: Composer | null = null;
  private qr: string | null = null;
  private readonly hook: ConsoleHook;
  private readonly live = {
    top: h('div', { class: 'fac-top' }),
    seats: h('section', { class: 'fac-box', 'aria-label': 'Seats' }),
    deals: h('section', { class: 'fac-box', 'aria-label': 'Offers and orders' }),
    scripted: h('div'),
    schedule: h('div'),
    agreements: h('div'),
    questions: h('div'),
    timeline: h('section', { class: 'fac-box', 'aria-label': 'Timeline' }),
    viewAs: h('div'),
    forms: h('div', { class: 'fac-forms' }),
    lobby: h('div'),
    vote: h('div'),
  };

  constructor(private readonly code: string) {
    document.body.append(this.root);
    this.hook = { view: null, paused: false, refusals: [], send: (c) => this.send(c) };
    window.__landingRightsConsole = this.hook;
    render(
      this.root,
      h(
        'div',
        { class: 'fac-sheet' },
        this.live.top,
        this.live.lobby,
        h(
          'div',
          { class: 'fac-grid' },
          h('div', { class: 'fac-col' }, this.live.seats, this.live.deals, h('section', { class: 'fac-box', 'aria-label': 'Agreements in force' }, h('h2', null, 'Agreements in force'), this.live.agreements)),
          h('div', { class: 'fac-col' }, h('section', { class: 'fac-box', 'aria-label': 'Class vote' }, h('h2', null, 'Class vote'), this.live.vote), this.live.forms, h('section', { class: 'fac-box', 'aria-label': 'Schedule' }, h('h2', null, 'Schedule: injects at a chosen round'), this.live.schedule), h('section', { class: 'fac-box', 'aria-label': 'Scripted injects' }, h('h2', null, 'The scenario’s injects'), this.live.scripted)),
          h('div', { class: 'fac-col' }, this.live.viewAs, h('section', { class: 'fac-box', 'aria-label': 'Questions' }, h('h2', null, 'Questions from the seats'), this.live.questions), this.live.timeline),
        ),
      ),
    );
    window.setInterval(() => this.tick(), 1000);
    void QRCode.toDataURL(`${window.location.origin}/?join=${code}`, { margin: 1, width: 480 }).then((url: string) => ((this.qr = url), this.drawLive()));
  }

  async start(): Promise<void> {
    const token = localStorage.getItem(HOST_KEY(this.code));
    if (!token) return this.fail(`This browser did not host game ${this.code}: open the console from the host’s screen, on the device that created the game.`);
    try {
      this.room = await new Client(window.location.origin).joinById(this.code, { host: token, full: true });
    } catch (e) {
      return this.fail(e instanceof Error ? e.message : String(e));
    }
    const room = this.room;
    followViews(room, (m: ViewMessage) => this.onView(m));
    room.onMessage('lobby', (l: { title: string; note?: string | null; seats: LobbySeat[] }) => {
      this.lobbySeats = l.seats;
      this.title = l.title;
      this.note = l.note ?? null;
      if (this.state) this.state.seats = l.seats;
      this.drawLive();
    });
    room.onMessage('viewAs', (m: { seat: RoleId; view: GameView }) => {
      if (this.state) this.state.viewAs = { seat: m.seat, view: m.view };
      this.drawLive();
      if (this.voteComposer && m.seat === this.voteSeat) this.drawVote();
    });
    room.onMessage('refused', (r: { code: string; message: string }) => {
      this.hook.refusals.push(r);
      this.problem = r.message;
      this.drawLive();
    });
    room.onMessage('seated', () => undefined);
    room.onMessage('vote', (m: VoteMessage) => {
      // The moves written for the vote are in it now.
      if (m.open && !this.vote?.open) {
        this.voteDrafts = [];
        this.voteComposer = null;
      }
      this.vote = m;
      this.drawVote();
    });
    room.onLeave(() => {
      if (this.room !== room) return;
      this.room = null;
      this.problem = 'Connection lost; reconnecting…';
      this.drawLive();
      window.setTimeout(() => void this.start(), 1000);
    });
  }

  private onView(m: ViewMessage): void {
    if (m.viewer !== 'facilitator') return this.fail('The server sent this console the public view only: this device is not the game’s host.');
    const previous = this.state;
    this.state = {
      view: m.view,
      seats: this.lobbySeats,
      deadlineAt: m.deadlineAt,
      paused: m.paused === true,
      pausedLeftMs: m.pausedLeftMs ?? null,
      waiting: m.waiting === true,
      injects: m.console?.injects ?? previous?.injects ?? [],
      deck: m.console?.deck ?? previous?.deck ?? [],
      viewAs: previous?.viewAs ?? null,
    };
    this.hook.view = m.view;
    this.hook.paused = this.state.paused;
    const timesBefore = this.phaseSec;
    if (m.settings) this.phaseSec = { negotiation: m.settings.phaseSec?.negotiation ?? m.settings.deadlineSec ?? 0, decisions: m.settings.phaseSec?.decisions ?? m.settings.deadlineSec ?? 0 };
    // A seat's view follows the game while it is open (at most once a second: the room limits messages).
    if (previous?.viewAs) this.followViewAs(previous.viewAs.seat);
    if (this.formsFor !== m.view.seats.join(',')) {
      this.drawForms(m.view);
      this.drawVote();
    } else this.followClock(previous?.view.phase, timesBefore);
    this.drawLive();
  }

  /**
   * The clock boxes follow the game: new phase times (from this console or the server) fill the
   * "Next phases" boxes, and "This phase" shows the phase now running, once the phase changes or
   * its time does. A box the facilitator is typing in is left alone.
   */
  private followClock(phaseBefore: string | undefined, timesBefore: { negotiation: number; decisions: number }): void {
    const set = (id: string, sec: number) => {
      const box = this.root.querySelector<HTMLInputElement>(`#${id}`);
      if (box && box !== document.activeElement) box.value = asMinutes(sec);
    };
    const t = this.phaseSec;
    const timesChanged = t.negotiation !== timesBefore.negotiation || t.decisions !== timesBefore.decisions;
    if (timesChanged) {
      set('fac-neg-min', t.negotiation);
      set('fac-dec-min', t.decisions);
    }
    const phase = this.state?.view.phase;
    const current = phase === 'decisions' ? t.decisions : t.negotiation;
    if ((timesChanged || phase !== phaseBefore) && current > 0) set('fac-minutes', current);
  }

  private viewAsTimer: number | null = null;
  private followViewAs(seat: RoleId): void {
    if (this.viewAsTimer !== null) return;
    this.viewAsTimer = window.setTimeout(() => {
      this.viewAsTimer = null;
      if (this.state?.viewAs?.seat === seat) this.room?.send('facilitate', { command: 'viewAs', seat });
    }, 1000);
  }

  private send(command: Record<string, unknown>): void {
    this.problem = null;
    this.room?.send('facilitate', command);
  }

  /** `at`: a later round at whose start it resolves (the schedule); now when absent. */
  private inject(inject: Inject, at?: number): void {
    this.send({ command: 'inject', inject, ...(at ? { at } : {}) });
  }

  /**
   * The debrief of this room's game, on the host's device only (it shows every secret): the full
   * record from the server, with the branches an undo took out of it.
   */
  private async debrief(): Promise<void> {
    const token = localStorage.getItem(HOST_KEY(this.code));
    if (!token) return this.fail('This browser did not host this game: its debrief opens only on the host’s device.');
    try {
      const res = await fetch(`/api/games/${encodeURIComponent(this.code)}/record?host=${encodeURIComponent(token)}`);
      const body = (await res.json()) as { record?: { scenario?: { id?: string; hash?: string; text?: string } }; branches?: AbandonedBranch[]; error?: string };
      if (!res.ok || !body.record) return this.fail(body.error ?? `The server did not send the game’s record (${res.status}).`);
      const s = body.record.scenario;
      const [{ sha256Hex }, { parseScenarioText }, { openDebrief }] = await Promise.all([import('../../engine'), import('../../scenario/load'), import('../debrief')]);
      if (typeof s?.id !== 'string' || typeof s.text !== 'string' || typeof s.hash !== 'string' || sha256Hex(s.text) !== s.hash) return this.fail('The game’s record does not carry its scenario: its debrief cannot open.');
      const parsed = parseScenarioText(s.text, `${s.id} (in the record)`);
      if (!parsed.ok) return this.fail(`The game’s scenario no longer reads (${parsed.errors[0]?.path ?? ""}: ${parsed.errors[0]?.expected ?? ""}).`);
      const before = document.activeElement as HTMLElement | null;
      const opened = openDebrief(body.record, { id: s.id, file: `${s.id} (in the record)`, scenario: parsed.scenario, hash: s.hash }, () => before?.focus(), { abandoned: body.branches ?? [] });
      if (!opened.ok) this.fail(opened.message);
    } catch (e) {
      this.fail(`The debrief could not open: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The phase times the Start gives, in words: "negotiation 6 min, decisions 3 min" or "no deadline". */
  private timesText(): string {
    const m = (sec: number) => (sec > 0 ? `${Math.round((sec / 60) * 100) / 100} min` : 'no deadline');
    const { negotiation, decisions } = this.phaseSec;
    return negotiation === 0 && decisions === 0 ? 'no deadline' : `negotiation ${m(negotiation)}, decisions ${m(decisions)}`;
  }

  private fail(message: string): void {
    this.problem = message;
    this.drawLive();
  }

  private tick(): void {
    const el = this.root.querySelector<HTMLElement>('#fac-clock');
    if (el && this.state) el.textContent = clock(this.state);
  }

  /** The parts that follow the game: redrawn on every view. The forms keep what is being typed. */
  private drawLive(): void {
    const s = this.state;
    const v = s?.view;
    const open = v ? v.phase === 'negotiation' || v.phase === 'decisions' : false;
    const still = v ? v.seats.filter((x) => !v.ended.includes(x)) : [];
    render(
      this.live.top,
      h(
        'div',
        { class: 'fac-title' },
        h('h1', null, 'Facilitator’s console'),
        h('p', { class: 'muted' }, `${this.title || 'Game'} · join code `, h('strong', { id: 'fac-code' }, this.code), v ? ` · round ${v.round} of ${v.scenario.rounds}` : ''),
      ),
      v ? h('div', { class: 'fac-phase' }, h('span', { id: 'fac-phase' }, phaseLabel(v.phase)), h('span', { id: 'fac-clock', class: 'fac-clock' }, s ? clock(s) : '')) : null,
      s?.paused ? h('p', { class: 'fac-paused', id: 'fac-paused' }, 'Paused by the facilitator') : null,
      s?.waiting ? h('p', { class: 'fac-waiting', id: 'fac-waiting' }, `Waiting for the Start: seats join and choose their parts; the clock starts (${this.timesText()}) when you press Start.`) : null,
      // The lesson cut's advice on who should play which seat: on the console only, not in the lobby (which may be projected).
      s?.waiting && this.note && !this.lobbyOpen ? h('p', { class: 'fac-note', id: 'fac-note' }, h('strong', null, 'About this lesson: '), this.note) : null,
      h(
        'div',
        { class: 'fac-pace', role: 'group', 'aria-label': 'Pace' },
        s?.waiting
          ? h('button', { type: 'button', class: 'btn primary', id: 'fac-start', title: 'Start the game: the first phase’s clock starts on every screen', onclick: () => this.send({ command: 'start' }) }, 'Start')
          : s?.paused
            ? h('button', { type: 'button', class: 'btn primary', id: 'fac-resume', onclick: () => this.send({ command: 'resume' }) }, 'Resume')
            : h('button', { type: 'button', class: 'btn primary', id: 'fac-pause', disabled: !open, onclick: () => this.send({ command: 'pause' }) }, 'Pause'),
        h('button', { type: 'button', class: 'btn', id: 'fac-minus', disabled: !open || s?.waiting, onclick: () => this.send({ command: 'extend', seconds: -60 }) }, '−1 min'),
        h('button', { type: 'button', class: 'btn', id: 'fac-plus', disabled: !open || s?.waiting, onclick: () => this.send({ command: 'extend', seconds: 60 }) }, '+1 min'),
        h('button', { type: 'button', class: 'btn', id: 'fac-debrief', title: 'Every round, what each side knew, what if: the debrief of this game so far', onclick: () => void this.debrief() }, 'Debrief'),
        h(
          'button',
          { type: 'button', class: 'btn', id: 'fac-end-phase', disabled: !open || s?.waiting, title: still.length ? `Ends the phase for ${still.map((x) => roleName(v!, x)).join(', ')}` : undefined, onclick: () => this.send({ command: 'endPhase' }) },
          'End the phase for everyone',
        ),
        h(
          'button',
          { type: 'button', class: 'btn', id: 'fac-lobby-toggle', 'aria-pressed': String(this.lobbyOpen), onclick: () => ((this.lobbyOpen = !this.lobbyOpen), this.drawLive()) },
          this.lobbyOpen ? 'Back to the console' : 'Lobby: join code and QR',
        ),
      ),
      this.problem ? h('p', { class: 'alert', role: 'alert', id: 'fac-problem' }, this.problem) : null,
    );
    this.root.classList.toggle('fac-lobby-open', this.lobbyOpen);
    render(
      this.live.lobby,
      this.lobbyOpen
        ? lobbyPanel(
            this.code,
            this.qr,
            this.title || v?.scenario.title || 'Game',
            this.lobbySeats,
            v ?? null,
            (seat, assignment) => ((this.problem = null), this.room?.send('host', { command: 'assign', seat, assignment })),
            (seat, subRoles) =>
              subRoles.length
                ? this.send({ command: 'override', override: { kind: 'team', seat, subRoles, reason: 'the team’s parts, set by the facilitator' } })
                : this.fail('A team keeps one part at least.'),
          )
        : null,
    );
    if (!s || !v) return;
    render(this.live.seats, h('h2', null, open && !s.waiting ? `Who has ended ${phaseLabel(v.phase).toLowerCase()}` : 'Seats'), seatsTable(s, (seat) => this.send({ command: 'viewAs', seat })));
    render(this.live.deals, ...dealsPanel(v));
    render(
      this.live.agreements,
      agreementsList(v, (agreement) => {
        const reason = this.root.querySelector<HTMLInputElement>('#fac-rule-reason')?.value.trim() ?? '';
        if (!reason) return this.fail('Write the reason for the ruling first (Rulings, Reason).');
        this.send({ command: 'override', override: { kind: 'void', agreement, reason } });
      }),
    );
    render(this.live.scripted, scriptedList(v, s.injects, (id) => this.inject({ kind: 'scripted', id })));
    render(this.live.schedule, scheduleList(v, (id) => this.inject({ kind: 'cancel', id })));
    const qs = questions(v);
    render(this.live.questions, qs.length ? h('ul', { class: 'fac-list', id: 'fac-questions' }, qs.map((e) => h('li', null, h('span', { class: 'muted' }, `R${e.round}: `), e.text))) : h('p', { class: 'muted' }, 'No questions yet.'));
    render(this.live.timeline, h('h2', null, 'Timeline (everything, with who saw it)'), timeline(v));
    render(this.live.viewAs, viewAsPanel(s, () => ((s.viewAs = null), this.drawLive())));
  }

  /**
   * Class as one actor: put a seat's options (from legalActions, terms filled in) to the voters,
   * watch the tally, confirm the winner as the seat's move (docs/facilitator.md).
   */
  private drawVote(): void {
    const v = this.state?.view;
    const vote = this.vote;
    if (!v) return;
    if (!vote?.open) {
      if (!this.voteSeat || !v.seats.includes(this.voteSeat)) this.voteSeat = v.seats[0] ?? null;
      const seat = h(
        'select',
        {
          id: 'fac-vote-seat',
          'aria-label': 'Seat the class plays',
          onchange: (e: Event) => {
            // Moves written for one seat are not another's: a new seat starts with none.
            this.voteSeat = (e.target as HTMLSelectElement).value as RoleId;
            this.voteDrafts = [];
            if (this.voteComposer) this.openVoteComposer();
            this.drawVote();
          },
        },
        v.seats.map((x) => h('option', { value: x, selected: x === this.voteSeat }, roleName(v, x))),
      );
      const drafts = this.voteDrafts;
      render(
        this.live.vote,
        h(
          'form',
          { class: 'online-row wrap', onsubmit: (e: Event) => (e.preventDefault(), this.send({ command: 'vote', seat: seat.value, ...(drafts.length ? { options: drafts.map((d) => d.action) } : {}) })) },
          h('label', null, 'The class plays ', seat),
          h('button', { type: 'submit', class: 'btn', id: 'fac-vote-open' }, 'Put its options to a vote'),
        ),
        h(
          'p',
          { class: 'muted small' },
          `Voters join on their phones at ${window.location.host}/?vote=${this.code}. The options are the seat’s offers to accept or reject and ending the phase, after the moves you write here.`,
        ),
        drafts.length
          ? h(
              'ol',
              { class: 'fac-list', id: 'fac-vote-drafts', 'aria-label': 'Moves you wrote for the vote' },
              drafts.map((d, i) =>
                h('li', null, d.label, ' ', h('button', { type: 'button', class: 'btn small quiet', 'data-remove-draft': String(i), onclick: () => (this.voteDrafts.splice(i, 1), this.drawVote()) }, 'Remove')),
              ),
            )
          : null,
        this.voteComposer ? this.voteComposerPanel(v) : h('button', { type: 'button', class: 'btn small', id: 'fac-vote-write', disabled: drafts.length >= MAX_WRITTEN_OPTIONS, onclick: () => this.openVoteComposer() }, 'Write an option (an offer or an order)'),
      );
      return;
    }
    const most = Math.max(0, ...(vote.options ?? []).map((o) => o.votes));
    render(
      this.live.vote,
      h('p', null, `The class plays ${vote.seatName ?? vote.seat}: `, h('strong', { id: 'fac-vote-ballots' }, `${vote.ballots ?? 0} vote${vote.ballots === 1 ? '' : 's'}`)),
      h(
        'ol',
        { class: 'fac-list', id: 'fac-vote-options' },
        (vote.options ?? []).map((o) =>
          h(
            'li',
            { 'data-option': String(o.n), class: most > 0 && o.votes === most ? 'leading' : '' },
            h('strong', null, `${o.votes} `),
            o.label,
            ' ',
            h('button', { type: 'button', class: 'btn small', 'data-confirm': String(o.n), onclick: () => this.send({ command: 'confirmVote', option: o.n }) }, 'Confirm'),
          ),
        ),
      ),
      h('button', { type: 'button', class: 'btn', id: 'fac-vote-cancel', onclick: () => this.send({ command: 'cancelVote' }) }, 'Cancel the vote'),
    );
  }

  /** Open the composer on the chosen seat's own view (the server sends it, as for View as). */
  private openVoteComposer(): void {
    const seat = this.voteSeat;
    if (!seat) return;
    this.voteComposer ??= new Composer();
    this.voteComposer.reset();
    if (this.state?.viewAs?.seat !== seat) this.send({ command: 'viewAs', seat });
    this.drawVote();
  }

  /**
   * The seat's own composer: the same form a player of that seat fills in, from the engine's
   * templates for that seat, checked on its view; the move is added to the vote, not sent.
   */
  private voteComposerPanel(v: GameView): HTMLElement {
    const seat = this.voteSeat;
    const close = h('button', { type: 'button', class: 'btn small quiet', id: 'fac-vote-write-close', onclick: () => ((this.voteComposer = null), this.drawVote()) }, 'Close the form');
    const seen = this.state?.viewAs;
    if (!seat || !this.voteComposer || seen?.seat !== seat) return h('div', { class: 'fac-vote-compose' }, h('p', { class: 'muted' }, `Loading what ${seat ? roleName(v, seat) : 'the seat'} sees…`), close);
    const legal = legalActions(seen.view, seat);
    if (!creationTemplates(legal).length)
      return h('div', { class: 'fac-vote-compose' }, h('p', { class: 'muted' }, `${roleName(v, seat)} has no offer or order to make now (offers are made in negotiation, orders in decisions).`), close);
    const form = this.voteComposer.render(
      {
        verb: 'Add to the vote',
        submit: async (action: Action) => {
          if (this.voteDrafts.length >= MAX_WRITTEN_OPTIONS) return { code: 'limitReached', message: `A vote takes at most ${MAX_WRITTEN_OPTIONS} moves you write.` } satisfies Refusal;
          const refusal = checkOnView(seen.view, action);
          if (refusal) return refusal;
          this.voteDrafts.push({ action, label: describeMove(seen.view, action) });
          return null;
        },
        redraw: () => this.drawVote(),
        sent: () => ((this.voteComposer = null), this.drawVote()),
      },
      seen.view,
      seat,
      legal,
      false,
    );
    return h('div', { class: 'fac-vote-compose', id: 'fac-vote-compose', 'aria-label': `An option for ${roleName(v, seat)}` }, h('h3', { id: 'fac-vote-compose-title' }, `Write an option for ${roleName(v, seat)}`), form, close);
  }

  /** Forms drawn once per game: injects, news, messages and the clock. */
  private drawForms(v: GameView): void {
    this.formsFor = v.seats.join(',');
    const islands = Object.values(v.islands).map((i) => ({ id: i.id, name: i.name }));
    const kinds = eventKinds(this.state?.deck ?? []);
    const kind = h('select', { id: 'fac-event-kind', 'aria-label': 'Event' }, kinds.map((k) => h('option', { value: k }, k)));
    // When an inject resolves: now, or at the start of a later round's events (the engine refuses a round gone by).
    const when = (id: string) =>
      h('select', { id, 'aria-label': 'When' }, h('option', { value: '' }, 'now'), Array.from({ length: Math.max(0, v.scenario.rounds - 1) }, (_, i) => i + 2).map((r) => h('option', { value: String(r) }, `at the start of round ${r}`)));
    const eventWhen = when('fac-event-when');
    const newsWhen = when('fac-news-when');
    const at = (sel: HTMLSelectElement): number | undefined => (sel.value ? Number(sel.value) : undefined);
    const island = h('select', { id: 'fac-event-island', 'aria-label': 'Island' }, h('option', { value: '' }, 'an island chosen by the dice'), islands.map((i) => h('option', { value: i.id }, i.name)));
    const audience = (id: string) =>
      h('select', { id, 'aria-label': 'To' }, h('option', { value: 'all' }, 'Everyone'), v.seats.map((seat) => h('option', { value: seat }, roleName(v, seat))));
    const newsTo = audience('fac-news-to');
    const newsText = h('textarea', { id: 'fac-news-text', rows: 2, maxlength: 500, placeholder: 'A rumour, an intelligence report, a press question…', 'aria-label': 'News item' });
    const msgTo = audience('fac-message-to');
    const msgText = h('textarea', { id: 'fac-message-text', rows: 2, maxlength: 500, placeholder: 'Five minutes left in negotiation.', 'aria-label': 'Message' });
    // Minutes, with fractions for short phases (0.5 is 30 seconds).
    // The game's own phase times (a lesson cut's, or the deadline chosen at Host a game); this phase's box the current phase's, or 8 without one.
    const current = v.phase === 'decisions' ? this.phaseSec.decisions : this.phaseSec.negotiation;
    const minutes = h('input', { id: 'fac-minutes', type: 'number', min: 0, max: 180, step: 'any', value: current > 0 ? asMinutes(current) : '8', 'aria-label': 'Minutes' });
    const negotiation = h('input', { id: 'fac-neg-min', type: 'number', min: 0, max: 180, step: 'any', value: asMinutes(this.phaseSec.negotiation), 'aria-label': 'Minutes for negotiation' });
    const decisions = h('input', { id: 'fac-dec-min', type: 'number', min: 0, max: 180, step: 'any', value: asMinutes(this.phaseSec.decisions), 'aria-label': 'Minutes for decisions' });
    const undoRound = h('input', { id: 'fac-undo-round', type: 'number', min: 1, max: v.scenario.rounds, value: '1', 'aria-label': 'Round to go back to' });
    const undoReason = h('input', { id: 'fac-undo-reason', type: 'text', maxlength: 300, placeholder: 'The reason every seat will read', 'aria-label': 'Reason' });
    const ruleTarget = h('select', { id: 'fac-rule-target', 'aria-label': 'Whose figure' }, v.seats.map((seat) => h('option', { value: seat }, roleName(v, seat))));
    const ruleFigure = h('select', { id: 'fac-rule-figure', 'aria-label': 'Figure' }, OVERRIDE_FIGURES.map((f) => h('option', { value: f }, f === 'treasury' ? 'treasury (US$ thousands)' : f)));
    const ruleValue = h('input', { id: 'fac-rule-value', type: 'number', min: 0, value: '50', 'aria-label': 'New value' });
    const ruleReason = h('input', { id: 'fac-rule-reason', type: 'text', maxlength: 200, placeholder: 'The reason the players concerned will read', 'aria-label': 'Reason' });
    const to = (sel: HTMLSelectElement): 'all' | RoleId[] => (sel.value === 'all' ? 'all' : [sel.value]);
    const mins = (el: HTMLInputElement) => Math.max(0, Math.min(180 * 60, Math.round((Number(el.value) || 0) * 60)));
    render(
      this.live.forms,
      h(
        'section',
        { class: 'fac-box', 'aria-label': 'Clock' },
        h('h2', null, 'Clock'),
        h('form', { class: 'online-row wrap', onsubmit: (e: Event) => (e.preventDefault(), this.send({ command: 'timer', seconds: mins(minutes) })) }, h('label', null, 'This phase: ', minutes, ' min from now'), h('button', { type: 'submit', class: 'btn', id: 'fac-set-timer' }, 'Set')),
        h(
          'form',
          { class: 'online-row wrap', onsubmit: (e: Event) => (e.preventDefault(), this.send({ command: 'phaseTimes', negotiation: mins(negotiation), decisions: mins(decisions) })) },
          h('label', null, 'Next phases: negotiation ', negotiation),
          h('label', null, ' decisions ', decisions),
          h('button', { type: 'submit', class: 'btn', id: 'fac-phase-times' }, 'Use'),
        ),
        h('p', { class: 'muted small' }, 'In minutes; a fraction for a short phase (0.5 is 30 seconds); 0 for no deadline.'),
      ),
      h(
        'section',
        { class: 'fac-box', 'aria-label': 'Inject an event' },
        h('h2', null, 'Inject an event'),
        h(
          'form',
          { class: 'online-row wrap', onsubmit: (e: Event) => (e.preventDefault(), this.inject({ kind: 'event', event: kind.value as never, ...(island.value ? { island: island.value } : {}) }, at(eventWhen))) },
          kind,
          h('span', null, 'on'),
          island,
          eventWhen,
          h('button', { type: 'submit', class: 'btn primary', id: 'fac-fire-event' }, 'Inject'),
        ),
        h('p', { class: 'muted small' }, 'Now, it resolves at once, as the deck’s card would; at a round, it resolves at the start of that round’s events and waits in the schedule until then. Either way it is in the record.'),
      ),
      h(
        'section',
        { class: 'fac-box', 'aria-label': 'News item' },
        h('h2', null, 'News item'),
        h(
          'form',
          {
            class: 'fac-stack',
            onsubmit: (e: Event) => {
              e.preventDefault();
              if (!newsText.value.trim()) return;
              this.inject({ kind: 'news', text: newsText.value.trim(), to: to(newsTo) }, at(newsWhen));
              newsText.value = '';
            },
          },
          newsText,
          h('div', { class: 'online-row wrap' }, h('label', null, 'To ', newsTo), newsWhen, h('button', { type: 'submit', class: 'btn', id: 'fac-send-news' }, 'Publish')),
        ),
      ),
      h(
        'section',
        { class: 'fac-box', 'aria-label': 'Message' },
        h('h2', null, 'Message from you'),
        h(
          'form',
          {
            class: 'fac-stack',
            onsubmit: (e: Event) => {
              e.preventDefault();
              if (!msgText.value.trim()) return;
              this.send({ command: 'message', to: to(msgTo), text: msgText.value.trim() });
              msgText.value = '';
            },
          },
          msgText,
          h('div', { class: 'online-row' }, h('label', null, 'To ', msgTo), h('button', { type: 'submit', class: 'btn', id: 'fac-send-message' }, 'Send')),
        ),
      ),
      h(
        'section',
        { class: 'fac-box', 'aria-label': 'Rulings' },
        h('h2', null, 'Rulings'),
        h(
          'form',
          {
            class: 'fac-stack',
            onsubmit: (e: Event) => {
              e.preventDefault();
              if (!ruleReason.value.trim()) return this.fail('Give the reason the players concerned will read.');
              this.send({ command: 'override', override: { kind: 'set', target: ruleTarget.value, figure: ruleFigure.value, value: Math.max(0, Math.round(Number(ruleValue.value) || 0)), reason: ruleReason.value.trim() } });
            },
          },
          h('label', null, 'Reason ', ruleReason),
          h('div', { class: 'online-row wrap' }, h('span', null, 'Set'), ruleTarget, ruleFigure, h('span', null, 'to'), ruleValue, h('button', { type: 'submit', class: 'btn', id: 'fac-rule-set' }, 'Set')),
          h('p', { class: 'muted small' }, 'To void a signed deal, write the reason here and press Void beside it under Agreements in force.'),
        ),
      ),
      h(
        'section',
        { class: 'fac-box', 'aria-label': 'Go back' },
        h('h2', null, 'Go back to the start of a round'),
        h(
          'form',
          {
            class: 'fac-stack',
            onsubmit: (e: Event) => {
              e.preventDefault();
              if (!undoReason.value.trim()) return this.fail('Give the reason every seat will read.');
              this.send({ command: 'undo', round: Math.max(1, Math.round(Number(undoRound.value) || 1)), reason: undoReason.value.trim() });
              undoReason.value = '';
            },
          },
          h('div', { class: 'online-row' }, h('label', null, 'Round ', undoRound), undoReason),
          h('button', { type: 'submit', class: 'btn', id: 'fac-undo' }, 'Take the game back'),
          h('p', { class: 'muted small' }, 'What was played since is kept as an abandoned branch in the game’s record, for the debrief.'),
        ),
      ),
    );
  }
}

/** Open the console for game `code` over the page. */
export async function openConsole(code: string): Promise<void> {
  document.getElementById('facilitator')?.remove();
  await new FacilitatorConsole(code.toUpperCase().replace(/[\s-]/g, '')).start();
}
