import { assign, setup } from 'xstate';
import type { RoleId } from '../engine';

/**
 * The app's screens as a state machine: menu → setup → match, with a hand-off screen between
 * hot-seat players and the end screen after the last round. It holds no game: the game's worker
 * owns the MatchHost and sends these events through the controller (which sends Menu and Setup
 * itself); views render from the machine's state.
 */
export type FlowEvent =
  | { type: 'MENU' }
  | { type: 'SETUP' }
  | { type: 'PLAY'; seat: RoleId }
  | { type: 'HANDOFF'; seat: RoleId }
  | { type: 'TAKE_SEAT' }
  | { type: 'OVER' };

export interface FlowContext {
  /** The seat whose screen shows (match) or who is to take the device (hand-off). */
  seat: RoleId | null;
}

export type Screen = 'menu' | 'setup' | 'match' | 'handoff' | 'end';

export const flowMachine = setup({
  types: { context: {} as FlowContext, events: {} as FlowEvent },
}).createMachine({
  id: 'app',
  initial: 'menu',
  context: { seat: null },
  on: {
    MENU: { target: '.menu', actions: assign({ seat: null }) },
    PLAY: { target: '.match', actions: assign({ seat: ({ event }) => event.seat }) },
    HANDOFF: { target: '.handoff', actions: assign({ seat: ({ event }) => event.seat }) },
    OVER: { target: '.end', actions: assign({ seat: null }) },
  },
  states: {
    menu: { on: { SETUP: 'setup' } },
    setup: { on: { SETUP: 'setup' } },
    match: {},
    handoff: { on: { TAKE_SEAT: 'match' } },
    end: { on: { SETUP: 'setup' } },
  },
});
