import type { Action, RoleId } from '../engine';
import type { MatchHost } from '../host/match';
import type { Policy } from './simple';

export const MAX_PASSES = 4;

/**
 * Let computer seats play the current phase: each seat acts on its own view, pass after pass,
 * until nobody has anything more to do; then every computer seat ends the phase.
 */
export function playPhase(host: MatchHost, seats: RoleId[], policyOf: (role: RoleId) => Policy, seed: string): Action[] {
  const done: Action[] = [];
  const phase = host.state.phase;
  const round = host.state.round;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let acted = false;
    for (const role of seats) {
      if (host.state.ended.includes(role)) continue;
      for (const action of policyOf(role)(host.view(role), role, { seed, pass })) {
        if (host.submit(action) === null) {
          done.push(action);
          acted = true;
        }
      }
    }
    if (!acted) break;
  }
  for (const role of seats) {
    if (host.state.phase !== phase || host.state.round !== round) break;
    if (!host.state.ended.includes(role)) host.submit({ type: 'endPhase', role });
  }
  return done;
}

/** Play the game to its end with a policy in every seat. */
export function playToEnd(host: MatchHost, policyOf: (role: RoleId) => Policy, seed: string, untilRound = Infinity): void {
  while (!host.over && host.state.round <= untilRound) playPhase(host, host.state.seats, policyOf, seed);
}
