import { assign, setup } from 'xstate';
import type { Action, GameState } from './types';
import { validateOnce } from './validate';
import { cloneFor, cloneState } from './state';
import { leakScriptedDrafts } from './drafts';
import { sayer } from './log';
import { applyAction, closeNegotiation, enterPhase, everyoneEnded, finish, nextRound, runBriefing, runDomesticPhase, runResolution, tableOffers } from './rules';

export type MachineEvent = { type: 'ACT'; action: Action };

/** The machine's `apply` action: the action's rule on the smallest working copy it needs. */
export function applyOnCopy(context: GameState, action: Action): GameState {
  const g = cloneFor(context, action);
  applyAction(g, action);
  return g;
}

/** Every rule runs on a copy, so a snapshot's context is never changed after the fact. */
const draft = (mutate: (g: GameState) => void) =>
  assign<GameState, MachineEvent, undefined, MachineEvent, never>(({ context }) => {
    const g = cloneState(context);
    mutate(g);
    return g;
  });

/**
 * The turn engine: briefing → negotiation → decisions → resolution → domestic, round after round,
 * then over. Briefing, resolution and domestic resolve at once; negotiation and decisions wait
 * until every seat has ended the phase. No timers, no invoked promises: deadlines belong to the host.
 */
export const gameMachine = setup({
  types: {
    context: {} as GameState,
    events: {} as MachineEvent,
    input: {} as GameState,
  },
  guards: {
    legal: ({ context, event }) => validateOnce(context, event.action) === null,
    everyoneEnded: ({ context }) => everyoneEnded(context),
    lastRound: ({ context }) => context.round >= context.scenario.rounds,
  },
  actions: {
    briefing: draft(runBriefing),
    negotiation: draft((g) => {
      enterPhase(g, 'negotiation');
      tableOffers(g);
      leakScriptedDrafts(g, sayer(g));
    }),
    decisions: draft((g) => {
      closeNegotiation(g);
      enterPhase(g, 'decisions');
    }),
    resolution: draft(runResolution),
    domestic: draft(runDomesticPhase),
    nextRound: draft(nextRound),
    finish: draft(finish),
    apply: assign<GameState, MachineEvent, undefined, MachineEvent, never>(({ context, event }) => applyOnCopy(context, event.action)),
  },
}).createMachine({
  id: 'landingRights',
  context: ({ input }) => input,
  initial: 'briefing',
  states: {
    briefing: { entry: 'briefing', always: 'negotiation' },
    negotiation: {
      entry: 'negotiation',
      always: { guard: 'everyoneEnded', target: 'decisions' },
      on: { ACT: { guard: 'legal', actions: 'apply' } },
    },
    decisions: {
      entry: 'decisions',
      always: { guard: 'everyoneEnded', target: 'resolution' },
      on: { ACT: { guard: 'legal', actions: 'apply' } },
    },
    resolution: { entry: 'resolution', always: 'domestic' },
    domestic: {
      entry: 'domestic',
      always: [{ guard: 'lastRound', target: 'over' }, { target: 'briefing', actions: 'nextRound' }],
    },
    over: { type: 'final', entry: 'finish' },
  },
});
