import type { Action, GameView, RoleId } from '../engine';
import type { Policy } from '../ai/simple';

/**
 * A computer seat's turn, as the game's worker (src/ui/game-worker.ts) asks it: the session owns the MatchHost; for
 * each computer seat it posts that seat's own view and gets back the actions its policy chose.
 * Policies are named, so a later bot plugs in by adding a name on the worker side.
 */
export interface SeatRequest {
  id: number;
  /** "simple", "random", or a bot added later. */
  policy: string;
  role: RoleId;
  view: GameView;
  seed: string;
  /** Passes through the phase so far: 0 makes offers, later passes answer. */
  pass: number;
}

export type SeatResponse = { id: number; actions: Action[] } | { id: number; error: string };

/** The policies a worker knows: a table, or a lookup by name with the list of names. */
export type PolicySource = Record<string, Policy> | { byName: (name: string) => Policy | undefined; names: readonly string[] };

/** Answer one request with the named policy. Never throws: an error is an answer too. */
export function answerSeatRequest(req: SeatRequest, policies: PolicySource): SeatResponse {
  const lookup = typeof policies.byName === 'function' ? (policies as Exclude<PolicySource, Record<string, Policy>>) : null;
  const policy = lookup ? lookup.byName(req.policy) : (policies as Record<string, Policy>)[req.policy];
  const names = lookup ? lookup.names : Object.keys(policies);
  if (!policy) return { id: req.id, error: `No computer policy named "${req.policy}" (known: ${names.join(', ')}).` };
  try {
    const actions = policy(req.view, req.role, { seed: req.seed, pass: req.pass });
    // A seat only ever acts for itself.
    return { id: req.id, actions: actions.filter((a) => a.role === req.role) };
  } catch (e) {
    return { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
}
