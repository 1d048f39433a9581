import { expect } from 'vitest';
import { createGame, step, type Action, type CableDeal, type GameState, type RoleId } from '../src/engine';
import { loadScenarioFile, scenarioFiles } from '../src/scenario/files';
import type { Scenario } from '../src/scenario/schema';
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { simplePolicy, type Policy } from '../src/ai/simple';

export function loadScenario(id = 'coral-sea'): { scenario: Scenario; hash: string } {
  const path = scenarioFiles()[id];
  if (!path) throw new Error(`no scenario ${id}`);
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { scenario: r.scenario, hash: r.hash };
}

/**
 * A new game of a shipped scenario. Mechanics tests count offers and agreements from zero, so by
 * default the scenario's opening moves (its standing agreements and tabled offers) are left out;
 * `{ opening: true }` keeps them, as the history tests do. They also deal Beijing into the
 * Solomons, which recognised Taipei until 2019 (Beijing makes no aid or pact with a Taipei ally), so
 * by default every island recognises Beijing; `{ opening: true }` or `{ taipei: true }` keeps the
 * scenario's recognition.
 */
export function newGame(seed = '1', id = 'coral-sea', edit?: (s: Scenario) => void, opts: { opening?: boolean; taipei?: boolean } = {}): GameState {
  const { scenario, hash } = loadScenario(id);
  const copy = structuredClone(scenario);
  if (!opts.opening) {
    copy.agreements = [];
    copy.tabled = [];
  }
  if (!opts.opening && !opts.taipei)
    for (const island of copy.islands) {
      island.recognises = 'PRC';
      delete island.taipeiAid;
    }
  edit?.(copy);
  return createGame(copy, hash, seed);
}

/** Apply an action that must be legal. */
export function act(g: GameState, action: Action): GameState {
  const r = step(g, action);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)} for ${JSON.stringify(action)}`);
  return r.state;
}

/** Every seat that has not yet ended the phase ends it. */
export function endPhase(g: GameState, except: RoleId[] = []): GameState {
  let s = g;
  for (const role of g.seats) if (!except.includes(role) && !s.ended.includes(role)) s = act(s, { type: 'endPhase', role });
  return s;
}

/** The Coral Sea cable as Canberra funded it: Sydney to Port Moresby, Honiara, Auki, Noro and Taro. */
export const coralSeaCable = (over: Partial<CableDeal> = {}): CableDeal => ({
  kind: 'cable',
  route: ['sydney', 'port-moresby', 'honiara', 'auki', 'noro', 'taro'],
  vendor: 'asn',
  financing: { kind: 'grant', by: 'canberra' },
  buildMonths: 18,
  stationOperator: 'island',
  dataAccess: false,
  exclusivity: false,
  ...over,
});

export function playedGame(seed: string, policy: Policy = simplePolicy, id = 'coral-sea'): MatchHost {
  const { scenario, hash } = loadScenario(id);
  const host = new MatchHost(scenario, hash, seed);
  playToEnd(host, () => policy, seed);
  expect(host.over).toBe(true);
  return host;
}

/** The id of the n-th offer made in a game: ids are not numbered (src/engine/ids.ts), so tests count offers. */
export function offerNo(g: Pick<GameState, 'offers'>, n: number): string {
  const o = g.offers[n - 1];
  if (!o) throw new Error(`no offer number ${n}: the game has ${g.offers.length}`);
  return o.id;
}

/** The id of an agreement's n-th clause (secret clauses have unnumbered ids). */
export function clauseNo(g: Pick<GameState, 'agreements'>, agreement: string, n = 1): string {
  const c = g.agreements.find((a) => a.id === agreement)?.clauses[n - 1];
  if (!c) throw new Error(`no clause ${n} of ${agreement}`);
  return c.id;
}
