import type { Action } from '../engine';
import type { SeatRequest } from './seat-protocol';

/** How the game's session asks a computer seat for its actions (in the game's worker, or in-process in tests). */
export type SeatRunner = (req: Omit<SeatRequest, 'id'>) => Promise<Action[]>;
