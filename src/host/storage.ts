import type { RoleId } from '../engine';
import type { GameRecord } from './record';

/**
 * The storage port for saved games. A save holds the game record (never a snapshot of the state
 * instead of it) and how the seats were taken, so the game can be played on from where it was.
 */

/** Who sits where: solo (one person, the rest computer) or hot-seat (several people, one screen). */
export interface Seating {
  mode: 'solo' | 'hotseat';
  /** The seats played by people, in seat order; every other seat is the computer's. */
  humans: RoleId[];
  /** The computer seats' policy, by name (see src/ai/index.ts). */
  policy?: string;
}

export interface SaveSummary {
  id: string;
  /** What the player sees in the list of saves. */
  name: string;
  /** ISO date and time of the save. */
  savedAt: string;
  scenarioTitle: string;
  round: number;
  phase: string;
  over: boolean;
}

export interface SavedGame extends SaveSummary {
  seating: Seating;
  record: GameRecord;
  /** Interface state that is not part of the game (which seat's screen is showing, what computer seats have done this phase). */
  ui?: Record<string, unknown>;
}

export interface GameStore {
  list(): Promise<SaveSummary[]>;
  get(id: string): Promise<SavedGame | null>;
  put(game: SavedGame): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The id of the save written after every action. */
export const AUTOSAVE_ID = 'autosave';

export const summaryOf = (g: SavedGame): SaveSummary => ({ id: g.id, name: g.name, savedAt: g.savedAt, scenarioTitle: g.scenarioTitle, round: g.round, phase: g.phase, over: g.over });

/** Saves newest first, the autosave among them. */
export const sortSaves = (list: SaveSummary[]): SaveSummary[] => [...list].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id));

/** Saves kept in memory: for tests and for browsers without IndexedDB. */
export class MemoryGameStore implements GameStore {
  private readonly games = new Map<string, string>();

  async list(): Promise<SaveSummary[]> {
    return sortSaves([...this.games.values()].map((s) => summaryOf(JSON.parse(s) as SavedGame)));
  }

  async get(id: string): Promise<SavedGame | null> {
    const s = this.games.get(id);
    return s ? (JSON.parse(s) as SavedGame) : null;
  }

  async put(game: SavedGame): Promise<void> {
    this.games.set(game.id, JSON.stringify(game));
  }

  async remove(id: string): Promise<void> {
    this.games.delete(id);
  }
}
