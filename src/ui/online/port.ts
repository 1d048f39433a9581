import type { Room } from '@colyseus/sdk';
import { legalActions, type Action, type GameView, type Refusal, type RoleId } from '../../engine';
import type { GamePort } from '../controller';
import type { FlowEvent } from '../flow';
import type { GameSummary, OnlineTeam, PageMessage, SessionAnswers, SessionRequest, SessionUpdate, WorkerMessage } from '../game-protocol';
import { MetricHistory } from '../metrics';
import { loadScenario, type LoadedScenario } from '../scenarios';

/** What the room sends a team's members about moves waiting for a co-signature (src/server/room.ts). */
export interface SignaturesMessage {
  note: string | null;
  subRole: string | null;
  pending: { id: number; action: Action; by: string; byTitle: string; person: string; needs: { id: string; title: string }[]; text: string }[];
}

/** What the room sends a seat after every accepted action (src/server/room.ts). */
export interface ViewMessage {
  viewer: string;
  seq: number;
  view: GameView;
  deadlineAt: number | null;
  /** Paused by the facilitator (src/server/room.ts): moves are refused until it resumes. */
  paused?: boolean;
  /** Waiting in the lobby for the facilitator's Start: moves are refused until then. */
  waiting?: boolean;
}

const ONLINE = 'This game is kept by the game server, not in this browser';

/**
 * A seat of an online room behind the same messages as the game's worker, so the usual match
 * screen plays it: the room's view of this seat becomes the controller's update, submit and End
 * phase become `act` messages, and a refusal from the room comes back as the submit's answer.
 * Saves, files and hot-seat hand-offs belong to a game in this browser: they are refused politely.
 */
export class OnlinePort implements GamePort {
  private listener: (m: WorkerMessage) => void = () => undefined;
  private last: ViewMessage | null = null;
  private scenario: LoadedScenario | null = null;
  private scenarioSent = false;
  private readonly history = new MetricHistory();
  /** The first view of each round this page received: the scores as counted at the round's start, for "why it moved". */
  private readonly starts = new Map<number, GameView>();
  private flowSeen: 'match' | 'end' | null = null;
  private readonly waiting: { id: number; seq: number }[] = [];
  private notice: SessionUpdate['notice'] = null;
  private signatures: SignaturesMessage | null = null;
  private person: string | null = null;
  /** The seats people play (from the room's lobby): the final scores say "Player" for them, "Computer" for the rest. */
  private people: RoleId[] | null = null;

  constructor(
    private room: Room,
    readonly seat: RoleId,
    readonly code: string,
    private readonly onLeave: () => void,
  ) {}

  /** After a dropped connection, the same seat through the new room. */
  useRoom(room: Room): void {
    if (room === this.room) return;
    this.room = room;
    // Actions sent through the dropped room get no answer from it.
    for (const w of this.waiting.splice(0)) this.post({ type: 'answer', id: w.id, answer: { code: 'malformed', message: 'The connection dropped: look at the game and send it again if it is not there.' } });
    this.connection(true);
  }

  /** Who this member is on its team (from the room's `seated`). */
  seatedAs(person: string): void {
    this.person = person;
  }

  /** The seats played by people rather than the computer, as the room's lobby says. */
  playedBy(people: RoleId[]): void {
    if (this.people?.join() === people.join()) return;
    this.people = people;
    this.update();
  }

  /** The team's moves waiting for a signature. */
  team(m: SignaturesMessage): void {
    this.signatures = m;
    this.update();
  }

  /** The room holds this member's move until a teammate signs it: the move's form is done; the strip says who must sign. */
  held(m: { message: string }): void {
    const w = this.waiting.shift();
    if (w) this.post({ type: 'answer', id: w.id, answer: null });
    this.notice = { kind: 'info', text: m.message };
    this.update();
  }

  sign(id: number, approve: boolean): void {
    this.notice = null;
    this.room.send('sign', { id, approve });
  }

  private teamOf(): OnlineTeam | undefined {
    const s = this.signatures;
    if (!s?.subRole) return undefined;
    const title = s.pending.flatMap((p) => p.needs).find((n) => n.id === s.subRole)?.title ?? null;
    return {
      subRole: s.subRole,
      title,
      note: s.note,
      pending: s.pending.map((p) => ({
        id: p.id,
        text: p.text,
        action: p.action,
        person: p.person,
        byTitle: p.byTitle,
        canSign: p.needs.some((n) => n.id === s.subRole),
        mine: p.by === s.subRole && (this.person === null || p.person === this.person),
      })),
    };
  }

  /** Say on the match screen that the connection dropped, and clear it once back. */
  connection(up: boolean): void {
    this.notice = up ? null : { kind: 'info', text: 'Connection lost; reconnecting…' };
    this.update();
  }

  send(message: PageMessage): void {
    const { id, request } = message;
    void this.answer(id, request).then((answer) => {
      if (answer !== WAIT) this.post({ type: 'answer', id, answer });
    });
  }

  listen(fn: (message: WorkerMessage) => void): void {
    this.listener = fn;
  }

  close(): void {
    this.listener = () => undefined;
  }

  /** The room's view of this seat. Each accepted action sends one: the oldest action waiting for an answer was accepted. */
  view(m: ViewMessage): void {
    const first = !this.last;
    const newer = !this.last || m.seq > this.last.seq;
    this.last = m;
    this.history.observe(m.view);
    if (m.view.phase !== 'over' && !this.starts.has(m.view.round)) this.starts.set(m.view.round, m.view);
    if (newer) {
      const w = this.waiting.shift();
      if (w) this.post({ type: 'answer', id: w.id, answer: null });
    }
    if (first) void this.loadMap(m.view.scenario.id);
    this.update();
  }

  /** The room refused this seat's action: the oldest one waiting gets the reason, as the worker would answer it. */
  refused(r: { code: string; message: string; field?: string }): void {
    const refusal = { code: r.code, message: r.message, ...(typeof r.field === 'string' ? { field: r.field } : {}) } as Refusal;
    const w = this.waiting.shift();
    if (w) this.post({ type: 'answer', id: w.id, answer: refusal });
    else {
      this.notice = { kind: 'error', text: r.message };
      this.update();
    }
  }

  private async loadMap(id: string): Promise<void> {
    const r = await loadScenario(id);
    if (r?.ok) this.scenario = r.loaded;
    this.update();
  }

  private post(m: WorkerMessage): void {
    // As postMessage would: the page gets its own copy, on a later task.
    const copy = structuredClone(m);
    setTimeout(() => this.listener(copy), 0);
  }

  private update(): void {
    const m = this.last;
    if (!m) return;
    const v = m.view;
    const over = v.phase === 'over';
    const game: GameSummary = { id: 1, scenarioId: v.scenario.id, title: v.scenario.title, round: v.round, rounds: v.scenario.rounds, phase: v.phase, over };
    let flow: FlowEvent | undefined;
    if (over && this.flowSeen !== 'end') flow = { type: 'OVER' };
    else if (!over && this.flowSeen !== 'match') flow = { type: 'PLAY', seat: this.seat };
    if (flow) this.flowSeen = over ? 'end' : 'match';
    const u: SessionUpdate = {
      game,
      seating: { mode: 'solo', humans: this.people ?? [this.seat] },
      active: over ? null : this.seat,
      shown: over ? null : this.seat,
      busy: null,
      notice: this.notice,
      saveState: 'idle',
      view: v,
      legal: legalActions(v, this.seat),
      history: this.history.snapshots,
      counted: {
        before: this.starts.get(v.round - 1) ?? null,
        now: this.starts.get(v.round) ?? null,
        first: over ? (this.starts.get(1) ?? null) : null,
      },
      // This page's public picture is its own seat's: the room sends it nothing else.
      spectator: v,
      nextSeat: null,
      unsaved: false,
      online: { code: this.code, seat: this.seat, deadlineAt: m.deadlineAt, paused: m.paused === true, waiting: m.waiting === true, team: this.teamOf() },
      ...(flow ? { flow } : {}),
    };
    if (this.scenario && !this.scenarioSent) {
      this.scenarioSent = true;
      u.scenario = { id: this.scenario.id, file: this.scenario.file, hash: this.scenario.hash, scenario: this.scenario.scenario };
    }
    this.post({ type: 'update', update: u });
  }

  /** Forget the flow sent, so the next update brings the match screen back (after the menu). */
  private replay(): void {
    this.flowSeen = null;
    this.update();
  }

  private async answer(id: number, r: SessionRequest): Promise<SessionAnswers[SessionRequest['kind']] | typeof WAIT> {
    switch (r.kind) {
      case 'submit':
        return this.act(id, r.action);
      case 'continue':
        this.replay();
        return null;
      case 'toMenu':
        // The menu belongs to this browser's own games: going there leaves the room (the seat stays this browser's).
        this.onLeave();
        return null;
      case 'passSeat':
      case 'takeSeat':
      case 'autosave':
      case 'remove':
        return null;
      case 'resume':
        return null;
      case 'start':
      case 'open':
      case 'openText':
      case 'openSaved':
        return { ok: false, message: `${ONLINE}: leave the room (Menu) to start or open a game here.` };
      case 'saveAs':
        return { ok: false, message: `${ONLINE}; it is saved after every move, and this seat carries on from any device with the join code.` };
      case 'export':
        return { ok: false, message: `${ONLINE}: the host exports its record.` };
      case 'list':
        return { ok: false, message: `${ONLINE}: saved games are for games played in this browser.` };
    }
  }

  private act(id: number, action: Action): Refusal | null | typeof WAIT {
    if (!this.last) return { code: 'malformed', message: 'The game has not arrived from the server yet.' } as Refusal;
    if (typeof action !== 'object' || action === null || action.role !== this.seat) return { code: 'unknownRole', field: 'role', message: 'It is not this seat’s turn.' } as Refusal;
    this.notice = null;
    this.waiting.push({ id, seq: this.last.seq });
    this.room.send('act', { action });
    return WAIT;
  }
}

const WAIT = Symbol('wait for the room');
