import { step, validate, type Action, type GameState, type RoleId } from '../../src/engine';
import { MatchHost } from '../../src/host/match';
import { MAX_PASSES } from '../../src/ai/autoplay';
import type { Policy } from '../../src/ai/simple';
import { loadScenario } from '../helpers';

export interface Checked {
  host: MatchHost;
  /** Actions the bots returned, each with the refusal the real state gave it (null: legal). */
  returned: { role: RoleId; action: Action; refusal: string | null }[];
}

/**
 * Play a game as autoplay does (each seat on its own view, pass after pass, computer seats
 * ending the phase), but check every action a policy returns against the real state before it is
 * applied: validate() must accept it, in the order given.
 */
export function playChecked(id: string, seed: string, policyOf: (role: RoleId) => Policy, rounds = Infinity, checkRole: (role: RoleId) => boolean = () => true): Checked {
  const { scenario, hash } = loadScenario(id);
  const host = new MatchHost(scenario, hash, seed, { hashes: false });
  const returned: Checked['returned'] = [];
  while (!host.over && host.state.round <= rounds) {
    const phase = host.state.phase;
    const round = host.state.round;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let acted = false;
      for (const role of host.state.seats) {
        if (host.state.ended.includes(role)) continue;
        for (const action of policyOf(role)(host.view(role), role, { seed, pass })) {
          const refusal = validate(host.state, action);
          if (checkRole(role)) returned.push({ role, action, refusal: refusal ? `${refusal.code}: ${refusal.message}` : null });
          if (!refusal && host.submit(action) === null) acted = true;
        }
      }
      if (!acted) break;
    }
    for (const role of host.state.seats) {
      if (host.state.phase !== phase || host.state.round !== round) break;
      if (!host.state.ended.includes(role)) host.submit({ type: 'endPhase', role });
    }
  }
  return { host, returned };
}

/** Apply actions that must be legal. */
export function applyAll(g: GameState, actions: Action[]): GameState {
  let s = g;
  for (const a of actions) {
    const r = step(s, a);
    if (!r.ok) throw new Error(`refused: ${r.refusal.message}`);
    s = r.state;
  }
  return s;
}
