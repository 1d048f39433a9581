import type { Action, ActionTemplate, GameView, Refusal, RoleId } from '../engine';
import type { SaveSummary, Seating } from '../host/storage';
import type { Scenario } from '../scenario/schema';
import type { FlowEvent } from './flow';
import type { Snapshot } from './metrics';

/**
 * The messages between the page and the game's worker. The worker owns the MatchHost, the
 * computer seats and the saves; the page sends what the person at the screen does and receives
 * only what that seat may see: its own view, the public (spectator) view, its choices and its
 * figures over the rounds. Never the state, the record or another seat's view.
 */

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** What anyone at the screen may know about the game in play. */
export interface GameSummary {
  /** Changes each time another game is started or opened. */
  id: number;
  scenarioId: string;
  title: string;
  round: number;
  rounds: number;
  phase: string;
  over: boolean;
}

export interface SessionUpdate {
  game: GameSummary | null;
  /** The scenario of the game in play, sent when another game is installed (for the map). */
  scenario?: { id: string; file: string; hash: string; scenario: Scenario };
  seating: Seating;
  active: RoleId | null;
  shown: RoleId | null;
  busy: string | null;
  notice: Notice | null;
  saveState: 'idle' | 'saving' | 'failed';
  /** The shown seat's view, its choices now and its figures at the start of each round. */
  view: GameView | null;
  legal: ActionTemplate[];
  history: Snapshot[];
  /** What everyone may see: the map while nobody's screen shows, the hand-off and end screens. */
  spectator: GameView | null;
  /** Hot-seat: the next person who has not ended the phase, for "Pass to …". */
  nextSeat: RoleId | null;
  /** A game in progress that no named save holds as it is now: replacing it asks first. */
  unsaved: boolean;
  flow?: FlowEvent;
  /** A seat of an online room (src/ui/online/port.ts): no saves or hand-offs here; the server keeps the game. */
  online?: OnlineSeat;
  /**
   * Views as the scores were counted, for "why it moved" (issue 11): the shown seat's at the start
   * of the previous round and of this one; once the game is over, the spectator's at the start of the game.
   */
  counted?: { before: GameView | null; now: GameView | null; first: GameView | null };
}

export interface OnlineSeat {
  code: string;
  seat: RoleId;
  /** When the phase ends for every seat that has not ended it (ms since 1970), or null. */
  deadlineAt: number | null;
  /** Paused by the facilitator: the seat's moves are refused until the game resumes. */
  paused?: boolean | undefined;
  /** Waiting for the facilitator's Start (src/server/room.ts): the clock is stopped and moves are refused until then. */
  waiting?: boolean | undefined;
  /** A team seat (src/engine/subroles.ts): this member's sub-role and the moves waiting for a signature. */
  team?: OnlineTeam | undefined;
}

/** What a team member's screen shows of the moves waiting for a co-signature. */
export interface OnlineTeam {
  /** This member's sub-role and its title ("minister of finance"), or null. */
  subRole: string | null;
  title: string | null;
  /** What just happened to a waiting move (declined, or the phase ended first). */
  note: string | null;
  pending: {
    id: number;
    /** "Awaiting the prime minister's signature". */
    text: string;
    action: Action;
    person: string;
    byTitle: string;
    /** This member must sign it. */
    canSign: boolean;
    /** This member sent it (and may drop it). */
    mine: boolean;
  }[];
}

/** `ask`: the file would open, but it would replace a game in progress that no named save holds; send again with `replace` to go ahead. */
export type Opening = { ok: true; notice: string | null } | { ok: false; message: string; ask?: boolean };

export type SessionRequest =
  | { kind: 'start'; scenarioId: string; seating: Seating; seed: string; /** An opened scenario file's text, checked again by the worker. */ text?: string }
  | { kind: 'open'; data: unknown; replace?: boolean }
  | { kind: 'openText'; text: string; replace?: boolean }
  | { kind: 'openSaved'; id: string; replace?: boolean }
  | { kind: 'resume' }
  | { kind: 'submit'; action: Action }
  | { kind: 'passSeat' }
  | { kind: 'takeSeat' }
  | { kind: 'toMenu' }
  | { kind: 'continue' }
  | { kind: 'saveAs' }
  | { kind: 'autosave' }
  | { kind: 'export' }
  | { kind: 'list' }
  | { kind: 'remove'; id: string };

export interface SessionAnswers {
  start: Opening;
  open: Opening;
  openText: Opening;
  openSaved: Opening;
  resume: Opening | null;
  submit: Refusal | null;
  passSeat: null;
  takeSeat: null;
  toMenu: null;
  continue: null;
  saveAs: { ok: true; name: string } | { ok: false; message: string };
  autosave: null;
  export: { ok: true; name: string; text: string } | { ok: false; message: string };
  list: { ok: true; saves: SaveSummary[] } | { ok: false; message: string };
  remove: null;
}

export type WorkerMessage = { type: 'update'; update: SessionUpdate } | { type: 'answer'; id: number; answer: unknown } | { type: 'failed'; id: number; message: string };
export type PageMessage = { id: number; request: SessionRequest };
