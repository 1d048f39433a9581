import { step, type Action, type GameState } from '../../src/engine';
import { act, coralSeaCable, endPhase, newGame, offerNo } from '../helpers';

/**
 * Game states and a legal-looking action of every kind, for the hostile-input tests. Round 2 of
 * Coral Sea with nothing left to chance: agreement a1 (a Canberra–SLB policing pact with a secret
 * clause) stands; o2 is Washington's open aid offer to SLB; o3–o6 are a counter chain between
 * Washington and PNG already at its depth limit.
 */
export function hostileStates() {
  let g = newGame('1', 'coral-sea', (s) => {
    s.deck.chancePerRound = 0;
    s.scripted = [];
  });
  g = act(g, { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [{ kind: 'incidentAccess', secret: true }] } });
  g = act(g, { type: 'accept', role: 'SLB', offer: offerNo(g, 1) });
  g = endPhase(endPhase(g));
  const aid = (island: string, by: 'washington' | 'beijing', amount = 100) => ({ kind: 'aid' as const, island, amount, financing: { kind: 'grant' as const, by } });
  g = act(g, { type: 'offer', role: 'washington', to: ['SLB'], deal: aid('SLB', 'washington') });
  g = act(g, { type: 'offer', role: 'washington', to: ['PNG'], deal: aid('PNG', 'washington') });
  g = act(g, { type: 'counter', role: 'PNG', offer: offerNo(g, 3), deal: aid('PNG', 'washington', 200) });
  g = act(g, { type: 'counter', role: 'washington', offer: offerNo(g, 4), deal: aid('PNG', 'washington', 150) });
  g = act(g, { type: 'counter', role: 'PNG', offer: offerNo(g, 5), deal: aid('PNG', 'washington', 180) });
  const negotiation = g;
  const decisions = endPhase(g);
  const ended = act(negotiation, { type: 'endPhase', role: 'SLB' });
  let over = decisions;
  while (over.phase !== 'over') over = endPhase(over);
  // Washington has made every offer a seat may make this round (withdrawn ones count).
  let capped = negotiation;
  for (let i = 0; i < 18; i++) {
    capped = act(capped, { type: 'offer', role: 'washington', to: ['PNG'], deal: aid('PNG', 'washington', 10 + i) });
    capped = act(capped, { type: 'withdraw', role: 'washington', offer: capped.offers.at(-1)!.id });
  }
  return { negotiation, decisions, ended, over, capped };
}

/**
 * One action of every kind and every deal and order kind, each legal or nearly so in the negotiation
 * or decisions state. Offers are named here by their number (o2 is the game's second offer) and the
 * pact's secret clause as a1.c1, and given their real ids below (ids are not numbered: src/engine/ids.ts).
 */
const NUMBERED_ACTIONS: Action[] = [
  { type: 'offer', role: 'washington', to: ['PNG'], deal: { kind: 'aid', island: 'PNG', amount: 100, purpose: 'relief', financing: { kind: 'grant', by: 'washington' }, conditions: [{ kind: 'noVendor', vendor: 'huawei-marine' }] } },
  { type: 'offer', role: 'canberra', to: ['SLB', 'PNG'], deal: coralSeaCable({ conditions: [{ kind: 'noPact', power: 'beijing' }], islandSharePct: 0 }), why: 'The Coral Sea cable.' },
  { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'telecom', island: 'SLB', project: 'towers', vendor: 'huawei-marine', amount: 1000, financing: { kind: 'loan', by: 'beijing', ratePct: 2, years: 20, graceYears: 5, collateral: 'towers' } } },
  { type: 'offer', role: 'washington', to: ['PNG'], deal: { kind: 'pact', island: 'PNG', power: 'washington', pact: 'cyber', clauses: [{ kind: 'incidentAccess', secret: false }] } },
  { type: 'offer', role: 'beijing', to: ['SLB'], deal: { kind: 'diplomatic', island: 'SLB', power: 'beijing', act: 'switchRecognition' } },
  { type: 'offer', role: 'canberra', to: ['SLB'], deal: { kind: 'pact', island: 'SLB', power: 'canberra', pact: 'policing', clauses: [] }, amends: 'a1' },
  { type: 'accept', role: 'SLB', offer: 'o2' },
  { type: 'reject', role: 'SLB', offer: 'o2', reason: 'Not enough.' },
  { type: 'accept', role: 'PNG', offer: 'o3' },
  { type: 'counter', role: 'SLB', offer: 'o2', deal: { kind: 'aid', island: 'SLB', amount: 300, financing: { kind: 'grant', by: 'washington' } } },
  { type: 'counter', role: 'washington', offer: 'o6', deal: { kind: 'aid', island: 'PNG', amount: 170, financing: { kind: 'grant', by: 'washington' } } },
  { type: 'withdraw', role: 'washington', offer: 'o2' },
  { type: 'cancel', role: 'SLB', agreement: 'a1', reason: 'The pact is no longer needed.' },
  { type: 'order', role: 'beijing', order: { kind: 'campaign', island: 'SLB', amount: 1000 } },
  { type: 'order', role: 'beijing', order: { kind: 'intrusion', island: 'SLB', amount: 2000 } },
  { type: 'order', role: 'washington', order: { kind: 'leakDraft', clause: 'a1.c1', amount: 100 } },
  { type: 'order', role: 'washington', order: { kind: 'vendorPressure', island: 'SLB', vendor: 'huawei-marine', amount: 500 } },
  { type: 'order', role: 'SLB', order: { kind: 'buildCert', amount: 100 } },
  { type: 'order', role: 'PNG', order: { kind: 'repay', debt: 'exim-kumul', amount: 100 } },
  { type: 'order', role: 'SLB', order: { kind: 'crackdown', amount: 0 } },
  { type: 'order', role: 'SLB', order: { kind: 'delayElection', amount: 0 } },
  { type: 'order', role: 'SLB', order: { kind: 'holdElection', amount: 0 } },
  { type: 'order', role: 'PNG', order: { kind: 'diversifyVendors', amount: 1000 } },
  { type: 'order', role: 'SLB', order: { kind: 'callForum', amount: 500 } },
  { type: 'order', role: 'PNG', order: { kind: 'renegotiateDebt', debt: 'exim-kumul', amount: 0 } },
  { type: 'endPhase', role: 'SLB' },
];

let states: ReturnType<typeof hostileStates> | undefined;
/** The hostile states, made once. */
export const theHostileStates = (): ReturnType<typeof hostileStates> => (states ??= hostileStates());

/** The real ids of the hostile states' offers o1–o6 and of the pact's secret clause. */
export function realIds(): Record<string, string> {
  const g = theHostileStates().negotiation;
  const ids: Record<string, string> = { 'a1.c1': g.agreements[0]!.clauses[0]!.id };
  g.offers.forEach((o, i) => (ids[`o${i + 1}`] = o.id));
  return ids;
}

export const BASE_ACTIONS: Action[] = (() => {
  const ids = realIds();
  return NUMBERED_ACTIONS.map((a) => JSON.parse(JSON.stringify(a).replace(/"(o\d|a1\.c1)"/g, (whole, id: string) => JSON.stringify(ids[id] ?? id))) as Action);
})();

/** The fields of an action that hold an id, by their path. */
export const ID_KEYS = new Set(['role', 'to', 'island', 'vendor', 'route', 'by', 'power', 'offer', 'agreement', 'amends', 'clause', 'debt']);

export type Path = (string | number)[];

/** Every path to a string under an id key, in an action. */
export function idPaths(x: unknown, path: Path = [], underId = false): Path[] {
  if (typeof x === 'string') return underId ? [path] : [];
  if (Array.isArray(x)) return x.flatMap((v, i) => idPaths(v, [...path, i], underId));
  if (typeof x === 'object' && x !== null) return Object.entries(x).flatMap(([k, v]) => idPaths(v, [...path, k], ID_KEYS.has(k)));
  return [];
}

/** Every path to any value in an action (objects and arrays included). */
export function allPaths(x: unknown, path: Path = []): Path[] {
  const here = path.length ? [path] : [];
  if (Array.isArray(x)) return [...here, ...x.flatMap((v, i) => allPaths(v, [...path, i]))];
  if (typeof x === 'object' && x !== null) return [...here, ...Object.entries(x).flatMap(([k, v]) => allPaths(v, [...path, k]))];
  return here;
}

/** A deep copy of an action with the value at a path replaced (or deleted, for `undefined` with remove). */
export function withAt(action: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(action) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(cur) && typeof last === 'number') cur.splice(last, 1);
    else delete cur[last];
  } else Object.defineProperty(cur, last, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Every seat ends the phase until the round is over (or the game): the later phases run. */
export function playOnThroughTheRound(g: GameState): GameState {
  const round = g.round;
  let s = g;
  for (let guard = 0; guard < 4 && s.round === round && s.phase !== 'over'; guard++) {
    for (const role of s.seats) {
      if (s.ended.includes(role)) continue;
      const r = step(s, { type: 'endPhase', role });
      if (!r.ok) throw new Error(`endPhase refused: ${r.refusal.message}`);
      s = r.state;
    }
  }
  return s;
}
