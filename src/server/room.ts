import { getMessageBytes, Protocol, Room, type Client } from '@colyseus/core';
import { z } from 'zod';
import { stateHash, validate, type Action, type GameView, type RoleId, type ScenarioData, type ViewerId } from '../engine';
import { allSubRolesOf, missingSigners, signaturesText, subRolesOf, titleCase } from '../engine/subroles';
import { MatchHost } from '../host/match';
import { diff, type PatchOp } from '../host/view-sync';
import { parseScenarioText } from '../scenario/load';
import { newToken } from './codes';
import type { BotRunner } from './bots';
import { RateLimiter } from './limits';
import type { GameStore, StoredGame, StoredSignature } from './store';
import { MAX_WRITTEN_OPTIONS, votePayload, voteOptions, type ClassVote } from './vote';

/** The host's settings for one game; kept with the game so a restart keeps them. */
export interface RoomSettings {
  /** Seconds for negotiation and for decisions; 0 for no deadline. */
  deadlineSec: number;
  /** When the current phase's deadline falls (ms since 1970), if there is one. */
  deadlineAt?: number | undefined;
  /** Seconds a seat may stay empty before a computer plays it; 0 never. */
  botAfterSec: number;
  botLevel: 'easy' | 'normal' | 'hard' | 'simple';
  locked: boolean;
  /** Paused by the facilitator: every seat's moves are refused and the clock is stopped. */
  paused?: boolean | undefined;
  /** The time the phase had left when it was paused (ms), if it had a deadline. */
  pausedLeftMs?: number | undefined;
  /** Seconds for negotiation and for decisions, each on its own; deadlineSec when absent. */
  phaseSec?: { negotiation: number; decisions: number } | undefined;
  /** The facilitator's set-up, seat by seat: people (the default), a team with sub-roles, or the computer at a level. */
  seats?: Partial<Record<string, SeatAssignment>> | undefined;
  /**
   * 'facilitator': the game waits in the lobby, its clock stopped and every seat's moves refused,
   * until the facilitator presses Start (the menu's Host a game asks for it whenever the phases are
   * timed). Absent: the game starts when it is created (the API's default, the tests', the load test's).
   */
  start?: 'facilitator' | undefined;
  /** When the facilitator started the game (ms since 1970); absent while it waits for the Start. */
  startedAt?: number | undefined;
  /** A lesson cut's note for the facilitator (its `note:`), sent with the lobby and shown on the console until the Start. */
  lessonNote?: string | undefined;
}

export const BOT_LEVELS = ['easy', 'normal', 'hard'] as const;
export type SeatAssignment = { mode: 'people' } | { mode: 'team' } | { mode: 'bot'; level: (typeof BOT_LEVELS)[number] };
export const seatAssignmentSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('people') }),
  z.strictObject({ mode: z.literal('team') }),
  z.strictObject({ mode: z.literal('bot'), level: z.enum(BOT_LEVELS) }),
]);

/**
 * A team member's move waiting for the signatures its sub-role needs (src/engine/subroles.ts); kept
 * in the store (lr_signatures) as it changes, so that a restarted server still holds it under its id.
 */
interface PendingSignature extends Omit<StoredSignature, 'seat' | 'action' | 'applyingSeq'> {
  seat: RoleId;
  /** The move as the member made it, with `by`; `cosigned` is added once every signer has signed. */
  action: Action;
}

/** How long a finished game's room stays open for the final scores. */
export const GAME_OVER_LINGER_MS = 10 * 60 * 1000;

export const DEFAULT_SETTINGS: RoomSettings = { deadlineSec: 0, botAfterSec: 0, botLevel: 'normal', locked: false };

/** What the room knows of each connection. */
interface Member {
  /** The seat played, 'spectator' for the projector and watchers, 'facilitator' for the host's own device, null until a seat is claimed. */
  viewer: ViewerId | null;
  person: string;
  token: string | null;
  /** Joined with the host token: may lock the room, release and move seats, set deadlines. */
  host: boolean;
  /** Joined as a voter of the class vote (a phone): sees the options' words and may cast a ballot. */
  voter?: boolean;
  /** The member's sub-role in a team seat (src/engine/subroles.ts), if it has one. */
  subRole?: string | null | undefined;
}

export interface RoomContext {
  store: GameStore;
  /** Messages per second a client may send, and the burst allowed above it. */
  ratePerSec: number;
  rateBurst: number;
  bots: BotRunner;
}

let context: RoomContext | null = null;
export function setRoomContext(c: RoomContext): void {
  context = c;
}

export function loadScenario(text: string): { ok: true; scenario: ScenarioData; hash: string } | { ok: false; message: string } {
  const r = parseScenarioText(text, 'scenario');
  if (!r.ok) return { ok: false, message: `The scenario has ${r.errors.length} problem(s); the first: ${r.errors[0]?.path || 'file'}: expected ${r.errors[0]?.expected}, found ${r.errors[0]?.found}.` };
  return { ok: true, scenario: r.scenario as unknown as ScenarioData, hash: r.hash };
}

const claimMessage = z.strictObject({ seat: z.string().max(40), name: z.string().max(40).optional(), subRole: z.string().max(40).optional() });
/** A team member signs (or declines) a move that waits for its sub-role's signature. */
const signMessage = z.strictObject({ id: z.number().int().min(1), approve: z.boolean() });
/** `id`, if given, comes back as `ack` on the answer to this action (its view or its refusal). */
const actMessage = z.strictObject({ action: z.record(z.string(), z.unknown()), id: z.number().int().min(0).max(2 ** 31).optional() });
const ackOf = (message: unknown): number | undefined => {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id <= 2 ** 31 ? id : undefined;
};

/** A view message as the room keeps it: `rev` numbers it, so a patch can name the message it applies to. */
type ViewPayload = Record<string, unknown> & { rev: number; seq: number };
const hostMessage = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('lock'), locked: z.boolean() }),
  z.strictObject({ command: z.literal('release'), seat: z.string().max(40) }),
  z.strictObject({ command: z.literal('move'), person: z.string().max(80), seat: z.string().max(40) }),
  z.strictObject({ command: z.literal('deadline'), seconds: z.number().int().min(0).max(3600) }),
  z.strictObject({ command: z.literal('bots'), afterSec: z.number().int().min(0).max(3600), level: z.enum(['easy', 'normal', 'hard', 'simple']) }),
  /** The set-up: who plays a seat (people, a team with sub-roles, the computer at a level). */
  z.strictObject({ command: z.literal('assign'), seat: z.string().max(40), assignment: seatAssignmentSchema }),
]);

/** The facilitator's console (docs/facilitator.md): pace, injects, messages, a seat's view. */
const seconds = z.number().int().min(0).max(3 * 3600);
const facilitatorMessage = z.discriminatedUnion('command', [
  /** The game waiting in the lobby begins: the first phase's clock starts from the phase times. */
  z.strictObject({ command: z.literal('start') }),
  z.strictObject({ command: z.literal('pause') }),
  z.strictObject({ command: z.literal('resume') }),
  z.strictObject({ command: z.literal('endPhase') }),
  /** This phase's time left, from now; 0 takes the deadline off this phase. */
  z.strictObject({ command: z.literal('timer'), seconds }),
  /** More time (or less, negative) for this phase. */
  z.strictObject({ command: z.literal('extend'), seconds: z.number().int().min(-3600).max(3600) }),
  /** Each phase's time from its start, for the phases to come. */
  z.strictObject({ command: z.literal('phaseTimes'), negotiation: seconds, decisions: seconds }),
  /** `at`: a later round at whose briefing it resolves (a scheduled inject); now when absent. */
  z.strictObject({ command: z.literal('inject'), inject: z.unknown(), at: z.number().int().min(1).max(1000).optional() }),
  z.strictObject({ command: z.literal('override'), override: z.unknown() }),
  z.strictObject({ command: z.literal('message'), to: z.unknown(), text: z.unknown() }),
  z.strictObject({ command: z.literal('viewAs'), seat: z.string().max(40) }),
  /** Back to the start of an earlier round (or this one); the abandoned branch is kept. */
  z.strictObject({ command: z.literal('undo'), round: z.number().int().min(1).max(1000), reason: z.string().max(300) }),
  /** Class as one actor: put a seat's legal options (and any offers composed here) to the voters. */
  z.strictObject({ command: z.literal('vote'), seat: z.string().max(40), options: z.array(z.record(z.string(), z.unknown())).max(MAX_WRITTEN_OPTIONS).optional() }),
  /** Submit the chosen option (1-based) as the seat's action, and close the vote. */
  z.strictObject({ command: z.literal('confirmVote'), option: z.number().int().min(1).max(20) }),
  z.strictObject({ command: z.literal('cancelVote') }),
]);
const ballotMessage = z.strictObject({ vote: z.number().int().min(1), option: z.number().int().min(1).max(20) });

/** What a seat's refused move says while the game is paused. */
export const PAUSED_MESSAGE = 'Paused by the facilitator: wait for the game to resume.';
/** What a seat's refused move says before the facilitator has started the game. */
export const NOT_STARTED_MESSAGE = 'The facilitator has not started the game yet: wait for the clock to start.';
/** What the console is told of a clock command before the Start. */
const START_FIRST = 'The game has not started yet: press Start (it starts the clock from the phase times).';

/** One online game: the MatchHost is the authority; every client receives only its own view. */
export class GameRoom extends Room {
  override maxClients = 200;
  override autoDispose = false;

  private host!: MatchHost;
  private game!: StoredGame;
  private settings: RoomSettings = { ...DEFAULT_SETTINGS };
  private members = new Map<string, Member>();
  private limiter!: RateLimiter;
  /** Actions are applied and stored one at a time, in the order they arrive. */
  private queue: Promise<void> = Promise.resolve();
  private seq = 0;
  private deadlineTimer: { clear(): void } | null = null;
  private emptySince = new Map<RoleId, number>();
  private botTimer: { clear(): void } | null = null;
  /** Seats whose bot is thinking now. */
  private botBusy = new Set<RoleId>();
  /** The class vote open now, if any (docs/facilitator.md); not stored: its result is the seat's action. */
  private vote: ClassVote | null = null;
  private voteSeq = 0;
  /** Team members' moves waiting for a co-signature. */
  private pending = new Map<number, PendingSignature>();
  private pendingSeq = 0;
  /** Why a team's held moves were dropped when none of its members was here to read it: told to the next who comes. */
  private unheard = new Map<RoleId, string>();
  /** Views as patches (src/host/view-sync.ts): the last view message of each viewer, and the one each client holds. */
  private viewRev = 0;
  private lastOf = new Map<string, ViewPayload>();
  private sentTo = new Map<string, ViewPayload>();

  private get store(): GameStore {
    if (!context) throw new Error('The game server has no store.');
    return context.store;
  }

  /** Waiting in the lobby for the facilitator's Start: no clock, no seat's move, no computer player. */
  private get waiting(): boolean {
    return this.settings.start === 'facilitator' && this.settings.startedAt === undefined;
  }

  override async onCreate(options: { game: StoredGame }): Promise<void> {
    this.game = options.game;
    this.roomId = options.game.code;
    this.limiter = new RateLimiter(context?.ratePerSec ?? 20, context?.rateBurst ?? 40);
    this.settings = { ...DEFAULT_SETTINGS, ...(this.game.settings as Partial<RoomSettings>) };
    await this.rebuild();
    await this.restorePending();
    await this.setMetadata({ scenario: this.game.scenarioId, seats: this.host.state.seats });
    this.armDeadline(false);
    this.botTimer = this.clock.setInterval(() => this.checkBots(), 1000);
  }

  /** The game from its stored actions: a reopened game reaches the same state and hashes. */
  private async rebuild(): Promise<void> {
    const loaded = loadScenario(this.game.scenarioText);
    if (!loaded.ok) throw new Error(loaded.message);
    const host = new MatchHost(loaded.scenario, loaded.hash, this.game.seed);
    let seq = 0;
    for (const a of await this.store.actions(this.game.code)) {
      const refusal = host.submit(a.action as Action);
      if (refusal) throw new Error(`Stored action ${a.seq} of game ${this.game.code} is refused on replay: ${refusal.message}`);
      seq = a.seq;
    }
    this.host = host;
    this.seq = seq;
  }

  /**
   * The moves that were waiting for a signature when the server stopped, under their ids, so that a
   * member's `sign { id }` still finds them; those of an earlier phase are dropped, and the team told.
   */
  private async restorePending(): Promise<void> {
    const { waiting, lastId } = await this.store.signatures(this.game.code);
    this.pendingSeq = lastId;
    const made: number[] = [];
    for (const s of waiting) {
      if (s.applyingSeq !== null) {
        // Its last signature was given and the move stored before the stop: it is in the record now.
        if (s.applyingSeq <= this.seq) {
          made.push(s.id);
          continue;
        }
        // The move was not stored: it waits for that signature again.
        await this.store.updateSignature(this.game.code, s.id, { applyingSeq: null });
      }
      const { applyingSeq: _applying, ...p } = s;
      this.pending.set(s.id, { ...p, seat: s.seat as RoleId, action: s.action as Action });
    }
    await this.store.endSignatures(this.game.code, made, 'made');
    await this.dropStalePending();
  }

  override messages = {
    claim: (client: Client, message: unknown) => this.enqueue(() => this.claim(client, message)),
    act: (client: Client, message: unknown) => this.enqueue(() => this.act(client, message)),
    host: (client: Client, message: unknown) => this.enqueue(() => this.command(client, message)),
    facilitate: (client: Client, message: unknown) => this.enqueue(() => this.facilitate(client, message)),
    ballot: (client: Client, message: unknown) => this.enqueue(() => this.ballot(client, message)),
    sign: (client: Client, message: unknown) => this.enqueue(() => this.sign(client, message)),
    /** A client whose patch did not apply asks for its whole view again. */
    resync: (client: Client) => {
      if (this.allowed(client)) this.sendView(client);
    },
    _: (client: Client, type: unknown) => {
      this.refuse(client, 'unknownType', `The server does not know the message "${String(type).slice(0, 40)}".`);
    },
  };

  override async onAuth(_client: Client, options: unknown): Promise<Member> {
    const o = (options ?? {}) as { token?: unknown; host?: unknown; watch?: unknown; full?: unknown };
    if (typeof o.host === 'string') {
      if (o.host !== this.game.hostToken) throw new Error('That host token is not this game\'s.');
      // The full view only on the facilitator's own device; the host's projected screen shows the public one.
      return { viewer: o.full === true ? 'facilitator' : 'spectator', person: 'host', token: null, host: true };
    }
    if (typeof o.token === 'string') {
      const seat = await this.store.seat(o.token);
      if (!seat || seat.code !== this.game.code) throw new Error('That seat token is not valid for this game: claim a seat again.');
      return { viewer: seat.seat as RoleId, person: seat.person, token: seat.token, host: false, subRole: seat.subRole ?? null };
    }
    if (o.watch === true) return { viewer: 'spectator', person: (o as { voter?: unknown }).voter === true ? 'voter' : 'spectator', token: null, host: false, voter: (o as { voter?: unknown }).voter === true };
    return { viewer: null, person: '', token: null, host: false };
  }

  override onJoin(client: Client, _options: unknown, auth: Member): void {
    this.members.set(client.sessionId, { ...auth });
    if (auth.viewer && auth.viewer !== 'spectator' && auth.viewer !== 'facilitator') this.emptySince.delete(auth.viewer);
    this.sendLobby(client);
    this.sendView(client);
    if (auth.viewer && this.isSeat(auth.viewer)) {
      const seat = auth.viewer;
      // A member back (a refresh, a restart): the team's strip stops saying nobody has joined as its sub-role.
      if (auth.subRole && [...this.pending.values()].some((p) => p.seat === seat)) {
        for (const c of this.clients) if (this.members.get(c.sessionId)?.viewer === seat) this.sendSignatures(c);
      } else this.sendSignatures(client);
    }
    if (this.vote && (auth.viewer === 'facilitator' || auth.voter || (auth.viewer === 'spectator' && !auth.host))) this.sendVote(client);
  }

  override async onDrop(client: Client): Promise<void> {
    try {
      await this.allowReconnection(client, 20);
    } catch {
      // The client did not come back in time; onLeave tidies up.
    }
  }

  override onReconnect(client: Client): void {
    this.sendView(client);
    this.sendSignatures(client);
  }

  override onLeave(client: Client): void {
    const m = this.members.get(client.sessionId);
    this.members.delete(client.sessionId);
    this.sentTo.delete(client.sessionId);
    if (m?.viewer && this.isSeat(m.viewer) && !this.seatHasPerson(m.viewer)) this.emptySince.set(m.viewer, Date.now());
    if (m?.viewer && this.isSeat(m.viewer) && [...this.pending.values()].some((p) => p.seat === m.viewer)) this.broadcastSignatures(m.viewer);
  }

  override onDispose(): void {
    this.deadlineTimer?.clear();
    this.botTimer?.clear();
  }

  // ------------------------------------------------------------------ messages

  private enqueue(task: () => Promise<void> | void): void {
    this.queue = this.queue.then(task).catch((e: unknown) => {
      console.error(`Room ${this.roomId}:`, e instanceof Error ? e.message : e);
    });
  }

  /** `field`: where in the action the engine found the problem, so the player's form shows it there. */
  private refuse(client: Client, code: string, message: string, field?: string, ack?: number): void {
    const r: Record<string, unknown> = { code, message };
    if (field !== undefined) r.field = field;
    if (ack !== undefined) r.ack = ack;
    client.send('refused', r);
  }

  private allowed(client: Client, ack?: number): boolean {
    if (this.limiter.take(client.sessionId)) return true;
    this.refuse(client, 'tooFast', 'Too many messages: wait a moment before sending more.', undefined, ack);
    return false;
  }

  private isSeat(v: ViewerId): v is RoleId {
    return (this.host.state.seats as string[]).includes(v);
  }

  private seatHasPerson(seat: RoleId): boolean {
    for (const m of this.members.values()) if (m.viewer === seat) return true;
    return false;
  }

  private async claim(client: Client, message: unknown): Promise<void> {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId);
    const parsed = claimMessage.safeParse(message);
    if (!m || !parsed.success) return this.refuse(client, 'malformed', 'A claim names a seat: { seat, name }.');
    if (this.settings.locked) return this.refuse(client, 'locked', 'The host has locked this room: ask them to unlock it.');
    const seat = parsed.data.seat;
    if (seat === 'spectator') {
      m.viewer = 'spectator';
      this.sendView(client);
      return;
    }
    if (!this.isSeat(seat as ViewerId)) return this.refuse(client, 'unknownSeat', `There is no seat "${seat}" in this game; the seats are ${this.host.state.seats.join(', ')}.`);
    const assigned = this.settings.seats?.[seat];
    if (assigned?.mode === 'bot') return this.refuse(client, 'botSeat', `The computer plays ${this.seatName(seat as RoleId)} (the facilitator's set-up): choose another seat.`);
    let subRole: string | null = null;
    if (assigned?.mode === 'team') {
      const team = subRolesOf(this.host.state, seat as RoleId);
      const chosen = team.find((s) => s.id === parsed.data.subRole);
      if (!chosen) return this.refuse(client, 'subRole', `${this.seatName(seat as RoleId)} plays as a team: choose your part (${team.map((s) => s.title).join(', ')}).`, 'subRole');
      subRole = chosen.id;
    }
    const person = (parsed.data.name ?? '').trim() || `player-${client.sessionId.slice(0, 4)}`;
    const token = newToken();
    await this.store.addSeat({ token, code: this.game.code, seat, person, subRole });
    m.viewer = seat as RoleId;
    m.person = person;
    m.token = token;
    m.subRole = subRole;
    this.emptySince.delete(seat as RoleId);
    client.send('seated', { seat, token, person, code: this.game.code, subRole });
    this.sendView(client);
    // Every member: a signer who just joined is no longer missing.
    this.broadcastSignatures(seat as RoleId);
    this.broadcastLobby();
  }

  private async act(client: Client, message: unknown): Promise<void> {
    const ack = ackOf(message);
    if (!this.allowed(client, ack)) return;
    const m = this.members.get(client.sessionId);
    if (!m?.viewer || !this.isSeat(m.viewer)) return this.refuse(client, 'noSeat', 'Claim a seat before you act.', undefined, ack);
    const parsed = actMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, 'malformed', 'An action message is { action: { type, role, ... }, id? }.', undefined, ack);
    // Who signed is the server's to say, never the sender's: a client's own `by` and `cosigned` are dropped.
    const { by: _by, cosigned: _cosigned, ...sent } = parsed.data.action;
    let action = sent as Action;
    if (action.role !== m.viewer) return this.refuse(client, 'notYourSeat', `You play ${m.viewer}: you cannot act for ${String(action.role)}.`, undefined, ack);
    // A question to the facilitator may still be asked before the Start and while the game is paused.
    if (this.waiting && action.type !== 'message') return this.refuse(client, 'notStarted', NOT_STARTED_MESSAGE, undefined, ack);
    if (this.settings.paused && action.type !== 'message') return this.refuse(client, 'paused', PAUSED_MESSAGE, undefined, ack);
    if (m.subRole && action.type !== 'message') action = { ...action, by: m.subRole } as Action;
    const refusal = validate(this.host.state, action);
    // Legal but for a co-signature: held until the signer approves it.
    if (refusal?.code === 'needsSignature' && refusal.field === 'cosigned' && m.subRole) return this.hold(client, m, action);
    await this.apply(action, m.viewer, m.subRole ? `${m.person} (${this.subRoleTitle(m.viewer, m.subRole)})` : m.person, 'person', client, ack);
  }

  private seatName(seat: RoleId): string {
    const s = this.host.state;
    return s.islands[seat]?.name ?? s.powers[seat as 'beijing']?.name ?? seat;
  }

  private subRoleTitle(seat: RoleId, id: string): string {
    return allSubRolesOf(this.host.state, seat).find((s) => s.id === id)?.title ?? id;
  }

  /** A member's move that needs another member's signature waits (stored first), and the team is told who must sign. */
  private async hold(client: Client, m: Member, action: Action): Promise<void> {
    const seat = action.role as RoleId;
    const missing = missingSigners(this.host.state, action);
    const p: PendingSignature = { id: ++this.pendingSeq, seat, action, by: m.subRole ?? '', person: m.person, needs: missing.map((s) => s.id), signed: [], round: this.host.state.round, phase: this.host.state.phase };
    try {
      await this.store.holdSignature(this.game.code, { ...p, applyingSeq: null });
    } catch (e) {
      console.error(`Room ${this.roomId}: a held move could not be stored:`, e instanceof Error ? e.message : e);
      return this.refuse(client, 'notStored', 'The server could not store that move, so it is not waiting for a signature. Try again.');
    }
    this.pending.set(p.id, p);
    client.send('held', { id: p.id, message: `Awaiting ${signaturesText(missing)} signature.` });
    this.broadcastSignatures(seat);
  }

  /** A signer approves (the move is made once every signer has) or declines (it is dropped); the sender may drop it too. */
  private async sign(client: Client, message: unknown): Promise<void> {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId);
    const parsed = signMessage.safeParse(message);
    if (!m || !parsed.success) return this.refuse(client, 'malformed', 'A signature is { id, approve }.');
    const p = this.pending.get(parsed.data.id);
    if (!p || m.viewer !== p.seat) return this.refuse(client, 'noSignature', 'That move is no longer waiting for a signature.');
    const signer = m.subRole !== null && m.subRole !== undefined && p.needs.includes(m.subRole);
    if (!parsed.data.approve) {
      if (!signer && !(m.person === p.person && m.subRole === p.by)) return this.refuse(client, 'notSigner', 'Only a member who must sign it, or its sender, can drop it.');
      if (!(await this.stored(client, () => this.store.endSignatures(this.game.code, [p.id], signer ? 'declined' : 'withdrawn')))) return;
      this.pending.delete(p.id);
      this.broadcastSignatures(p.seat, `${m.person} (${this.subRoleTitle(p.seat, m.subRole ?? '')}) declined to sign: the move was not made.`);
      return;
    }
    if (!signer) {
      const titles = p.needs.map((id) => `the ${this.subRoleTitle(p.seat, id)}`).join(' or ');
      return this.refuse(client, 'notSigner', `Only ${titles} can sign this.`);
    }
    if (this.waiting) return this.refuse(client, 'notStarted', NOT_STARTED_MESSAGE);
    if (this.settings.paused) return this.refuse(client, 'paused', PAUSED_MESSAGE);
    const signed = [...p.signed, { subRole: m.subRole!, person: m.person, at: Date.now() }];
    const needs = p.needs.filter((id) => id !== m.subRole);
    if (needs.length > 0) {
      if (!(await this.stored(client, () => this.store.updateSignature(this.game.code, p.id, { needs, signed })))) return;
      p.signed = signed;
      p.needs = needs;
      return this.broadcastSignatures(p.seat);
    }
    // The last signature: the row names the seq the move takes, so a restart between the two writes
    // knows whether the move got into the record (made) or not (it waits for this signature again).
    if (!(await this.stored(client, () => this.store.updateSignature(this.game.code, p.id, { applyingSeq: this.seq + 1 })))) return;
    p.signed = signed;
    p.needs = needs;
    this.pending.delete(p.id);
    const action = { ...p.action, cosigned: p.signed.map((s) => s.subRole) } as Action;
    const who = `${p.person} (${this.subRoleTitle(p.seat, p.by)}), co-signed by ${p.signed.map((s) => `${s.person} (${this.subRoleTitle(p.seat, s.subRole)})`).join(' and ')}`;
    const done = await this.apply(action, p.seat, who, 'person', client);
    await this.store.endSignatures(this.game.code, [p.id], done ? 'made' : 'failed').catch((e: unknown) => console.error(`Room ${this.roomId}: a signed move's end could not be stored:`, e instanceof Error ? e.message : e));
    this.broadcastSignatures(p.seat, done ? null : 'The signed move could not be made: the game has moved on since it was written.');
  }

  /** A write of a held move; when it fails the member is told, and nothing changes. */
  private async stored(client: Client, write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (e) {
      console.error(`Room ${this.roomId}: a signature could not be stored:`, e instanceof Error ? e.message : e);
      this.refuse(client, 'notStored', 'The server could not store that signature, so nothing changed. Try again.');
      return false;
    }
  }

  private signaturesPayload(seat: RoleId, note: string | null = null): Record<string, unknown> {
    const title = (id: string) => this.subRoleTitle(seat, id);
    // A signer nobody on the team has joined as: say so, or the team waits for no one.
    const here = new Set([...this.members.values()].filter((m) => m.viewer === seat && m.subRole).map((m) => m.subRole));
    const vacant = (needs: string[]) => {
      const missing = needs.filter((id) => !here.has(id));
      return missing.length ? ` (nobody has joined as ${missing.map((id) => `the ${title(id)}`).join(' or ')} yet)` : '';
    };
    return {
      note,
      pending: [...this.pending.values()]
        .filter((p) => p.seat === seat)
        .map((p) => ({
          id: p.id,
          action: p.action,
          by: p.by,
          byTitle: title(p.by),
          person: p.person,
          needs: p.needs.map((id) => ({ id, title: title(id) })),
          signed: p.signed.map((s) => ({ ...s, title: title(s.subRole) })),
          text: `Awaiting ${p.needs.map((id) => `the ${title(id)}'s`).join(' and ')} signature${vacant(p.needs)}`,
        })),
    };
  }

  private sendSignatures(client: Client): void {
    const m = this.members.get(client.sessionId);
    if (m?.viewer && this.isSeat(m.viewer) && m.subRole) client.send('signatures', { ...this.signaturesPayload(m.viewer, this.unheard.get(m.viewer) ?? null), subRole: m.subRole });
  }

  private teamHere(seat: RoleId): boolean {
    for (const m of this.members.values()) if (m.viewer === seat && m.subRole) return true;
    return false;
  }

  /** To every member of the seat's team: the moves waiting for a signature, and a note of what just happened. */
  private broadcastSignatures(seat: RoleId, note: string | null = null): void {
    this.unheard.delete(seat);
    const payload = this.signaturesPayload(seat, note);
    for (const c of this.clients) {
      const m = this.members.get(c.sessionId);
      // Only a team's members (with a sub-role) sign: a seat played by one person has nothing waiting.
      if (m?.viewer === seat && m.subRole) c.send('signatures', { ...payload, subRole: m.subRole });
    }
  }

  /** Moves written for another phase wait no longer: the game has moved on. */
  private async dropStalePending(): Promise<void> {
    const seats = new Set<RoleId>();
    const ids: number[] = [];
    for (const p of this.pending.values())
      if (p.round !== this.host.state.round || p.phase !== this.host.state.phase) {
        this.pending.delete(p.id);
        ids.push(p.id);
        seats.add(p.seat);
      }
    // Not stored: the row still waits, and the next restart drops it as stale again.
    await this.store.endSignatures(this.game.code, ids, 'dropped').catch((e: unknown) => console.error(`Room ${this.roomId}: dropped held moves could not be stored:`, e instanceof Error ? e.message : e));
    const note = 'The phase ended before every signature was in: the move was not made.';
    for (const seat of seats) {
      this.broadcastSignatures(seat, note);
      // Nobody of the team is here (a restart, or a deadline while all were away): the next member to come reads it.
      if (!this.teamHere(seat)) this.unheard.set(seat, note);
    }
  }

  /** Apply, store durably, then send the views: no view leaves before the action is on disk. */
  private async apply(action: Action, seat: RoleId, person: string, source: 'person' | 'deadline' | 'bot' | 'facilitator', client?: Client, ack?: number): Promise<boolean> {
    const before = { round: this.host.state.round, phase: this.host.state.phase };
    const refusal = this.host.submit(action);
    if (refusal) {
      if (client) this.refuse(client, refusal.code, refusal.message, refusal.field, ack);
      return false;
    }
    try {
      await this.store.append(this.game.code, { seq: this.seq + 1, action, seat, person, source, at: Date.now() });
    } catch (e) {
      // Not stored, so not played: back to what the database holds, and nobody has seen it.
      console.error(`Room ${this.roomId}: an action could not be stored:`, e instanceof Error ? e.message : e);
      await this.rebuild();
      if (client) this.refuse(client, 'notStored', 'The server could not store that action, so it was not played. Try again.', undefined, ack);
      return false;
    }
    this.seq += 1;
    if (this.host.over) {
      await this.store.finish(this.game.code);
      // The join code expires with its game: the room closes a while after the end.
      this.clock.setTimeout(() => void this.disconnect(), GAME_OVER_LINGER_MS);
    }
    const phaseChanged = before.round !== this.host.state.round || before.phase !== this.host.state.phase;
    if (phaseChanged) this.armDeadline(true);
    this.broadcastViews(client && ack !== undefined ? { client, id: ack } : undefined);
    if (phaseChanged) await this.dropStalePending();
    // A vote's options belong to its phase: a new phase (or a move that ends the seat's options) closes it.
    if (this.vote && (this.vote.round !== this.host.state.round || this.vote.phase !== this.host.state.phase || this.host.state.ended.includes(this.vote.seat))) {
      this.vote = null;
      this.broadcastVote();
    }
    if (phaseChanged) this.clock.setTimeout(() => this.checkBots(), 0);
    return true;
  }

  private async command(client: Client, message: unknown): Promise<void> {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId);
    if (!m?.host) return this.refuse(client, 'notHost', 'Only the host can do that.');
    const parsed = hostMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, 'malformed', 'Unknown host command.');
    const c = parsed.data;
    if (c.command === 'lock') this.settings.locked = c.locked;
    else if (c.command === 'deadline') {
      this.settings.deadlineSec = c.seconds;
      this.armDeadline(true);
    } else if (c.command === 'bots') {
      this.settings.botAfterSec = c.afterSec;
      this.settings.botLevel = c.level;
    } else if (c.command === 'release') {
      if (!this.isSeat(c.seat as ViewerId)) return this.refuse(client, 'unknownSeat', `There is no seat "${c.seat}".`);
      await this.releaseSeat(c.seat as RoleId);
    } else if (c.command === 'assign') {
      if (!this.isSeat(c.seat as ViewerId)) return this.refuse(client, 'unknownSeat', `There is no seat "${c.seat}".`);
      const seat = c.seat as RoleId;
      const was = this.settings.seats?.[seat]?.mode ?? 'people';
      this.settings.seats = { ...this.settings.seats, [seat]: c.assignment };
      // People seated under another set-up claim again: a team member picks a sub-role, a computer seat has nobody.
      if (was !== c.assignment.mode && this.seatHasPerson(seat)) await this.releaseSeat(seat);
      const dropped = [...this.pending.values()].filter((p) => p.seat === seat).map((p) => p.id);
      await this.store.endSignatures(this.game.code, dropped, 'dropped');
      for (const id of dropped) this.pending.delete(id);
      this.clock.setTimeout(() => this.checkBots(), 0);
    } else if (c.command === 'move') {
      if (!this.isSeat(c.seat as ViewerId)) return this.refuse(client, 'unknownSeat', `There is no seat "${c.seat}".`);
      for (const other of this.clients) {
        const om = this.members.get(other.sessionId);
        if (om && om.person === c.person && om.token) {
          await this.store.moveSeat(om.token, c.seat);
          om.viewer = c.seat as RoleId;
          other.send('seated', { seat: c.seat, token: om.token, person: om.person, code: this.game.code });
          this.sendView(other);
        }
      }
    }
    await this.store.setSettings(this.game.code, { ...this.settings });
    this.broadcastLobby();
  }

  private async releaseSeat(seat: RoleId): Promise<void> {
    await this.store.releaseSeat(this.game.code, seat);
    for (const other of this.clients) {
      const om = this.members.get(other.sessionId);
      if (om?.viewer === seat) {
        om.viewer = null;
        om.token = null;
        om.subRole = null;
        other.send('released', { seat });
        this.sendView(other);
      }
    }
    this.emptySince.set(seat, Date.now());
  }

  // ------------------------------------------------------------------ the facilitator's console

  /**
   * The host is the facilitator: pause and resume, the phase's clock, end the phase for everyone,
   * injects and messages (engine actions in the record, as the role "facilitator"), and the view of
   * any seat, which only the facilitator's own device (the full view) may ask for.
   */
  private async facilitate(client: Client, message: unknown): Promise<void> {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId);
    if (!m?.host) return this.refuse(client, 'notFacilitator', 'Only the facilitator can do that.');
    const parsed = facilitatorMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, 'malformed', 'Unknown facilitator command.');
    const c = parsed.data;
    if (this.host.over && c.command !== 'viewAs') return this.refuse(client, 'gameOver', 'The game is over.');
    // Before the Start the clock and the phases stand still: only Start moves them.
    if (this.waiting && ['pause', 'resume', 'timer', 'extend', 'endPhase', 'confirmVote'].includes(c.command)) return this.refuse(client, 'notStarted', START_FIRST);
    switch (c.command) {
      case 'start':
        if (!this.waiting) return this.refuse(client, 'started', 'The game has already started.');
        return this.start();
      case 'pause':
      case 'resume':
        return this.setPaused(c.command === 'pause');
      case 'timer':
        return this.setTimeLeft(c.seconds > 0 ? c.seconds * 1000 : null);
      case 'extend': {
        const left = this.settings.paused ? this.settings.pausedLeftMs : this.settings.deadlineAt !== undefined ? this.settings.deadlineAt - Date.now() : undefined;
        if (left === undefined) return this.refuse(client, 'noDeadline', 'This phase has no deadline: set one first.');
        return this.setTimeLeft(Math.max(1000, left + c.seconds * 1000));
      }
      case 'phaseTimes':
        this.settings.phaseSec = { negotiation: c.negotiation, decisions: c.decisions };
        await this.store.setSettings(this.game.code, { ...this.settings });
        this.broadcastViews();
        return;
      case 'endPhase': {
        const { round, phase } = this.host.state;
        if (phase !== 'negotiation' && phase !== 'decisions') return this.refuse(client, 'wrongPhase', 'No phase is open.');
        for (const seat of [...this.host.state.seats]) {
          if (this.host.state.round !== round || this.host.state.phase !== phase) return;
          if (!this.host.state.ended.includes(seat)) await this.apply({ type: 'endPhase', role: seat }, seat, m.person, 'facilitator');
        }
        return;
      }
      case 'inject':
        await this.apply({ type: 'inject', role: 'facilitator', inject: c.inject, ...(c.at !== undefined ? { at: c.at } : {}) } as Action, 'facilitator', m.person, 'facilitator', client);
        return;
      case 'message':
        await this.apply({ type: 'message', role: 'facilitator', to: c.to, text: c.text } as Action, 'facilitator', m.person, 'facilitator', client);
        return;
      case 'override': {
        // A team's parts: a member seated in a part the team would lose leaves the seat first (their moves would be refused).
        const team = c.override as { kind?: unknown; seat?: unknown; subRoles?: unknown };
        if (team?.kind === 'team' && typeof team.seat === 'string' && Array.isArray(team.subRoles)) {
          const keep = team.subRoles as unknown[];
          const holding = [...this.members.values()].filter((x) => x.viewer === team.seat && x.subRole && !keep.includes(x.subRole));
          if (holding.length)
            return this.refuse(client, 'subRoleHeld', `${holding.map((x) => `${x.person} (${this.subRoleTitle(team.seat as RoleId, x.subRole ?? '')})`).join(', ')} ${holding.length === 1 ? 'plays' : 'play'} a part the team would lose: move them first (Lobby, the seat's set-up).`, 'override.subRoles');
          // A move waiting for the signature of a part the team would lose could never be signed.
          const waiting = [...this.pending.values()].find((p) => p.seat === team.seat && p.needs.some((id) => !keep.includes(id)));
          if (waiting)
            return this.refuse(client, 'subRoleHeld', `A move of ${this.seatName(team.seat as RoleId)} waits for ${waiting.needs.filter((id) => !keep.includes(id)).map((id) => `the ${this.subRoleTitle(team.seat as RoleId, id)}'s`).join(' and ')} signature: it is signed, declined or withdrawn first.`, 'override.subRoles');
        }
        await this.apply({ type: 'override', role: 'facilitator', override: c.override } as Action, 'facilitator', m.person, 'facilitator', client);
        if (team?.kind === 'team') this.broadcastLobby();
        return;
      }
      case 'undo':
        return this.undo(client, m, c.round, c.reason.trim());
      case 'vote': {
        if (!this.isSeat(c.seat as ViewerId)) return this.refuse(client, 'unknownSeat', `There is no seat "${c.seat.slice(0, 40)}".`);
        const seat = c.seat as RoleId;
        // An offer the facilitator composes is checked now, as the seat's, so the class never votes for a move the engine refuses.
        for (const [i, a] of (c.options ?? []).entries()) {
          const refusal = validate(this.host.state, { ...a, role: seat } as Action);
          if (refusal) return this.refuse(client, refusal.code, `Option ${i + 1}: ${refusal.message}`, refusal.field);
        }
        const options = voteOptions(this.host.view(seat), seat, (c.options ?? []) as Action[]);
        if (options.length < 2) return this.refuse(client, 'noOptions', `${seat} has no choice to put to a vote now (it has ended the phase, or no phase is open).`);
        this.vote = { id: ++this.voteSeq, seat, round: this.host.state.round, phase: this.host.state.phase, options, ballots: new Map() };
        this.broadcastVote();
        return;
      }
      case 'confirmVote': {
        const vote = this.vote;
        const chosen = vote?.options[c.option - 1];
        if (!vote || !chosen) return this.refuse(client, 'noVote', vote ? `The vote has ${vote.options.length} options.` : 'No vote is open.');
        if (this.settings.paused) return this.refuse(client, 'paused', PAUSED_MESSAGE);
        // The class's choice is the seat's own move, recorded as the facilitator's submission of it.
        if (await this.apply(chosen.action, vote.seat, `${m.person} (class vote ${vote.id}, option ${c.option})`, 'facilitator', client)) {
          this.vote = null;
          this.broadcastVote();
        }
        return;
      }
      case 'cancelVote':
        this.vote = null;
        this.broadcastVote();
        return;
      case 'viewAs': {
        if (m.viewer !== 'facilitator') return this.refuse(client, 'notFacilitator', 'A seat’s view is shown on the facilitator’s own device only, never on a screen meant for the room.');
        if (!this.isSeat(c.seat as ViewerId)) return this.refuse(client, 'unknownSeat', `There is no seat "${c.seat.slice(0, 40)}".`);
        client.send('viewAs', { seat: c.seat, seq: this.seq, view: this.host.view(c.seat as RoleId) });
        return;
      }
    }
  }

  /**
   * Back to the start of `round`: the stored actions after the one that opened it move to an
   * abandoned branch (kept for the debrief), the game is rebuilt from the rest, and everyone is
   * told why, in a message that is itself an action of the record.
   */
  private async undo(client: Client, m: Member, round: number, reason: string): Promise<void> {
    if (!reason) return this.refuse(client, 'malformed', 'Give the reason the players will read.', 'reason');
    if (round > this.host.state.round) return this.refuse(client, 'malformed', `The game is in round ${this.host.state.round}: it can go back to round 1 to ${this.host.state.round}.`, 'round');
    const loaded = loadScenario(this.game.scenarioText);
    if (!loaded.ok) return this.refuse(client, 'notStored', loaded.message);
    const replay = new MatchHost(loaded.scenario, loaded.hash, this.game.seed, { hashes: false });
    let keep = 0;
    if (round > 1)
      for (const a of await this.store.actions(this.game.code)) {
        replay.submit(a.action as Action);
        keep = a.seq;
        if (replay.state.round >= round) break;
      }
    await this.store.branchFrom(this.game.code, keep, round);
    await this.rebuild();
    this.armDeadline(true);
    await this.dropStalePending();
    // The vote's options were of the abandoned branch.
    if (this.vote) {
      this.vote = null;
      this.broadcastVote();
    }
    const said = await this.apply({ type: 'message', role: 'facilitator', to: 'all', text: `The game goes back to the start of round ${round}: ${reason}`.slice(0, 500) } as Action, 'facilitator', m.person, 'facilitator', client);
    if (!said) this.broadcastViews();
  }

  /** The Start: the phase open now gets its full time from the phase times, and the computer players begin. */
  private async start(): Promise<void> {
    this.settings.startedAt = Date.now();
    this.armDeadline(true);
    await this.store.setSettings(this.game.code, { ...this.settings });
    this.broadcastViews();
    this.clock.setTimeout(() => this.checkBots(), 0);
  }

  private async setPaused(paused: boolean): Promise<void> {
    if (Boolean(this.settings.paused) === paused) return;
    if (paused) {
      this.settings.pausedLeftMs = this.settings.deadlineAt !== undefined ? Math.max(0, this.settings.deadlineAt - Date.now()) : undefined;
      this.settings.paused = true;
      this.deadlineTimer?.clear();
      this.deadlineTimer = null;
      this.settings.deadlineAt = undefined;
    } else {
      this.settings.paused = false;
      this.settings.deadlineAt = this.settings.pausedLeftMs !== undefined ? Date.now() + this.settings.pausedLeftMs : undefined;
      this.settings.pausedLeftMs = undefined;
      if (this.settings.deadlineAt !== undefined) this.scheduleDeadline();
    }
    await this.store.setSettings(this.game.code, { ...this.settings });
    this.broadcastViews();
    if (!paused) this.clock.setTimeout(() => this.checkBots(), 0);
  }

  /** This phase's time left from now, or none (null): the facilitator's clock. */
  private async setTimeLeft(ms: number | null): Promise<void> {
    const phase = this.host.state.phase;
    if (phase !== 'negotiation' && phase !== 'decisions') return;
    this.deadlineTimer?.clear();
    this.deadlineTimer = null;
    if (this.settings.paused) this.settings.pausedLeftMs = ms ?? undefined;
    else {
      this.settings.deadlineAt = ms === null ? undefined : Date.now() + ms;
      if (ms !== null) this.scheduleDeadline();
    }
    await this.store.setSettings(this.game.code, { ...this.settings });
    this.broadcastViews();
  }

  private scheduleDeadline(): void {
    if (this.settings.deadlineAt === undefined) return;
    const { round, phase } = this.host.state;
    this.deadlineTimer?.clear();
    this.deadlineTimer = this.clock.setTimeout(() => this.enqueue(() => this.endAtDeadline(round, phase)), Math.max(0, this.settings.deadlineAt - Date.now()));
  }

  // ------------------------------------------------------------------ deadlines and bots

  private armDeadline(restart: boolean): void {
    this.deadlineTimer?.clear();
    this.deadlineTimer = null;
    const phase = this.host.state.phase;
    const phaseSec = phase === 'negotiation' || phase === 'decisions' ? (this.settings.phaseSec?.[phase] ?? this.settings.deadlineSec) : 0;
    if (this.waiting) {
      // Waiting for the Start: no clock yet (the Start arms it).
      if (this.settings.deadlineAt !== undefined) {
        this.settings.deadlineAt = undefined;
        void this.store.setSettings(this.game.code, { ...this.settings });
      }
      return;
    }
    if (this.settings.paused) {
      // Paused: the clock stands still; a new phase starts with its full time waiting.
      if (restart) this.settings.pausedLeftMs = phaseSec > 0 ? phaseSec * 1000 : undefined;
      this.settings.deadlineAt = undefined;
      void this.store.setSettings(this.game.code, { ...this.settings });
      return;
    }
    const timed = phaseSec > 0;
    if (!timed) {
      if (this.settings.deadlineAt !== undefined) {
        this.settings.deadlineAt = undefined;
        void this.store.setSettings(this.game.code, { ...this.settings });
      }
      return;
    }
    if (restart || this.settings.deadlineAt === undefined) {
      this.settings.deadlineAt = Date.now() + phaseSec * 1000;
      void this.store.setSettings(this.game.code, { ...this.settings });
    }
    const round = this.host.state.round;
    const wait = Math.max(0, this.settings.deadlineAt - Date.now());
    this.deadlineTimer = this.clock.setTimeout(() => this.enqueue(() => this.endAtDeadline(round, phase)), wait);
  }

  /** At the deadline every seat that has not ended the phase is ended for it, recorded as such. */
  private async endAtDeadline(round: number, phase: string): Promise<void> {
    if (this.settings.paused || this.waiting) return;
    for (const seat of [...this.host.state.seats]) {
      if (this.host.state.round !== round || this.host.state.phase !== phase) return;
      if (!this.host.state.ended.includes(seat)) await this.apply({ type: 'endPhase', role: seat }, seat, '', 'deadline');
    }
  }

  /** Seats the computer plays now: empty for longer than the host allows. */
  botSeats(): RoleId[] {
    const now = Date.now();
    return this.host.state.seats.filter((s) => {
      // The facilitator's set-up gives the seat to the computer from the start.
      if (this.settings.seats?.[s]?.mode === 'bot') return !this.seatHasPerson(s);
      if (this.settings.botAfterSec <= 0) return false;
      if (this.seatHasPerson(s)) return false;
      const since = this.emptySince.get(s);
      return since !== undefined && now - since >= this.settings.botAfterSec * 1000;
    });
  }

  private checkBots(): void {
    if (this.host.over || this.settings.paused || this.waiting) return;
    for (const s of this.host.state.seats) if (!this.seatHasPerson(s) && !this.emptySince.has(s)) this.emptySince.set(s, Date.now());
    const phase = this.host.state.phase;
    if (phase !== 'negotiation' && phase !== 'decisions') return;
    const round = this.host.state.round;
    for (const seat of this.botSeats()) {
      if (this.host.state.ended.includes(seat) || this.botBusy.has(seat)) continue;
      this.botBusy.add(seat);
      // The bot thinks on the worker thread; only applying its moves takes the room's turn.
      const assigned = this.settings.seats?.[seat];
      const level = assigned?.mode === 'bot' ? assigned.level : this.settings.botLevel;
      void context!.bots.run(level, this.host.view(seat), seat, this.game.seed, 0).then((actions) =>
        this.enqueue(async () => {
          try {
            const still = () => !this.settings.paused && !this.waiting && this.host.state.phase === phase && this.host.state.round === round && !this.host.state.ended.includes(seat) && !this.seatHasPerson(seat);
            for (const action of actions) if (action.role === seat && still()) await this.apply(action, seat, '', 'bot');
            if (still()) await this.apply({ type: 'endPhase', role: seat }, seat, '', 'bot');
          } finally {
            this.botBusy.delete(seat);
          }
        }),
      );
    }
  }

  // ------------------------------------------------------------------ what clients receive

  private lobby(): {
    code: string;
    scenario: string;
    title: string;
    note: string | null;
    seats: { seat: RoleId; name: string; people: number; names: string[]; members: { name: string; subRole: string | null; title: string | null }[]; bot: boolean; assignment: SeatAssignment; subRoles: { id: string; title: string }[]; allSubRoles: { id: string; title: string }[] }[];
    locked: boolean;
  } {
    const bots = new Set(this.botSeats());
    return {
      code: this.game.code,
      scenario: this.game.scenarioId,
      title: this.host.state.scenario.title,
      note: this.settings.lessonNote ?? null,
      seats: this.host.state.seats.map((seat) => {
        const here = [...this.members.values()].filter((m) => m.viewer === seat);
        const members = new Map<string, { name: string; subRole: string | null; title: string | null }>();
        for (const m of here) members.set(`${m.person}|${m.subRole ?? ''}`, { name: m.person, subRole: m.subRole ?? null, title: m.subRole ? titleCase(this.subRoleTitle(seat, m.subRole)) : null });
        return {
          seat,
          name: this.seatName(seat),
          people: here.length,
          names: [...new Set(here.map((m) => m.person))].slice(0, 12),
          members: [...members.values()].slice(0, 12),
          bot: bots.has(seat),
          assignment: this.settings.seats?.[seat] ?? { mode: 'people' },
          subRoles: subRolesOf(this.host.state, seat).map((s) => ({ id: s.id, title: titleCase(s.title) })),
          // Every part the team could have, for the facilitator's set-up.
          allSubRoles: allSubRolesOf(this.host.state, seat).map((s) => ({ id: s.id, title: titleCase(s.title) })),
        };
      }),
      locked: this.settings.locked,
    };
  }

  private async ballot(client: Client, message: unknown): Promise<void> {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId);
    if (!m?.voter) return this.refuse(client, 'notVoter', 'Join as a voter to vote (open the vote page with the join code).');
    const parsed = ballotMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, 'malformed', 'A ballot is { vote, option }.');
    const vote = this.vote;
    if (!vote || vote.id !== parsed.data.vote) return this.refuse(client, 'voteClosed', 'That vote is closed.');
    if (parsed.data.option > vote.options.length) return this.refuse(client, 'noOption', `The vote has ${vote.options.length} options.`);
    vote.ballots.set(client.sessionId, parsed.data.option - 1);
    this.broadcastVote();
  }

  private sendVote(client: Client): void {
    const m = this.members.get(client.sessionId);
    const seat = this.vote?.seat ?? this.host.state.seats[0]!;
    client.send('vote', votePayload(this.vote, this.host.view(seat), m?.viewer === 'facilitator' || m?.voter === true));
  }

  /** To the facilitator's console, the voters and the watchers (the projector); a seat's screen has no use for it. */
  private broadcastVote(): void {
    for (const c of this.clients) {
      const m = this.members.get(c.sessionId);
      if (m && (m.viewer === 'facilitator' || m.voter || (m.viewer === 'spectator' && !m.host))) this.sendVote(c);
    }
  }

  private sendLobby(client: Client, l = this.lobby()): void {
    // The cut's note advises the facilitator on who should play which seat: the console's alone.
    client.send('lobby', this.members.get(client.sessionId)?.viewer === 'facilitator' ? l : { ...l, note: null });
  }

  private broadcastLobby(): void {
    const l = this.lobby();
    for (const c of this.clients) this.sendLobby(c, l);
  }

  /**
   * Every client its own view, each distinct view made, diffed and encoded once (a team shares one):
   * a client that holds the viewer's last message gets a patch from it (src/host/view-sync.ts), any
   * other the whole message. `ack`: the client whose action this answers, and the id it gave.
   */
  private broadcastViews(ack?: { client: Client; id: number }): void {
    interface Group {
      prev: ViewPayload | undefined;
      next: ViewPayload;
      ops?: PatchOp[];
      full?: Buffer;
      patch?: Buffer;
    }
    const groups = new Map<string, Group>();
    for (const client of this.clients) {
      const m = this.members.get(client.sessionId);
      if (!m?.viewer) continue;
      const key = viewKey(m);
      let g = groups.get(key);
      if (!g) {
        g = { prev: this.lastOf.get(key), next: this.viewPayload(m, m.viewer) };
        groups.set(key, g);
        this.lastOf.set(key, g.next);
      }
      const id = ack?.client === client ? ack.id : undefined;
      let bytes: Buffer;
      // A whole view at every change of phase or round, so that a client following patches is never
      // more than a phase away from the truth, whatever a rule did to a state in place.
      const when = (p: ViewPayload | undefined) => {
        const v = p?.view as Pick<GameView, 'phase' | 'round'> | undefined;
        return v ? `${v.round}|${v.phase}` : '';
      };
      const samePhase = when(g.prev) === when(g.next);
      if (g.prev && samePhase && this.sentTo.get(client.sessionId) === g.prev) {
        g.ops ??= diff(g.prev, g.next);
        const patch = { base: g.prev.rev, rev: g.next.rev, ops: g.ops };
        bytes = id !== undefined ? encode('viewPatch', { ...patch, ack: id }) : (g.patch ??= encode('viewPatch', patch));
      } else bytes = id !== undefined ? encode('view', { ...g.next, ack: id }) : (g.full ??= encode('view', g.next));
      client.enqueueRaw(bytes);
      this.sentTo.set(client.sessionId, g.next);
    }
  }

  /**
   * Only `view(state, viewer)` for this client's own viewer, whole; nothing for a client with no seat
   * yet. When the viewer's last broadcast message is still current it is that one, so the client
   * takes the next change as a patch like the others.
   */
  private sendView(client: Client): void {
    const m = this.members.get(client.sessionId);
    if (!m?.viewer) return;
    const key = viewKey(m);
    const last = this.lastOf.get(key);
    const now = this.viewPayload(m, m.viewer, last?.rev);
    const payload = last && diff(last, now).length === 0 ? last : { ...now, rev: ++this.viewRev };
    // The viewer's base for the next patch, unless another client of it still holds an older one.
    if (payload !== last && (!last || ![...this.sentTo.values()].includes(last))) this.lastOf.set(key, payload);
    client.send('view', payload);
    this.sentTo.set(client.sessionId, payload);
  }

  /** The whole view message; each made is a new revision unless `rev` is given. */
  private viewPayload(m: Member, viewer: ViewerId, rev?: number): ViewPayload {
    const payload: ViewPayload = {
      rev: rev ?? ++this.viewRev,
      viewer,
      seq: this.seq,
      view: this.host.view(viewer),
      deadlineAt: this.settings.paused ? null : (this.settings.deadlineAt ?? null),
      paused: this.settings.paused === true,
      // Waiting in the lobby for the facilitator's Start.
      waiting: this.waiting,
      pausedLeftMs: this.settings.paused ? (this.settings.pausedLeftMs ?? null) : null,
    };
    // Copies: the room changes its settings and the record's hashes in place, and a patch is the difference of two messages.
    if (m.host) payload.settings = structuredClone(this.settings);
    if (viewer === 'facilitator') {
      payload.hash = stateHash(this.host.state);
      payload.record = { seed: this.host.record.seed, hashes: this.host.record.hashes.slice(), actions: this.host.record.actions.length };
      // What the console offers: the scenario's scripted injects (with their sources) and its deck.
      payload.console = { injects: this.host.scenario.injects ?? [], deck: Object.keys(this.host.scenario.deck.weights) };
    }
    return payload;
  }
}

/** Clients that see the same view message: a seat's team, the facilitator, the watchers. */
const viewKey = (m: Member): string => `${m.viewer}|${m.host}`;

const encode = (type: string, payload: unknown): Buffer => getMessageBytes.raw(Protocol.ROOM_DATA, type, payload) as Buffer;
