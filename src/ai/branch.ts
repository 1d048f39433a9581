import type { GameEvent, GameState, RoleId, ScenarioData } from '../engine';
import { MatchHost } from '../host/match';
import type { GameRecord } from '../host/record';
import { playToEnd } from './autoplay';
import { policyByName } from '.';

export interface BranchResult {
  /** The round the branch starts from: it replays the game up to its briefing, then plays on. */
  from: number;
  level: string;
  /** Every role's score at the end of each round from the branch on. */
  rounds: { round: number; scores: Record<RoleId, number> }[];
  final: Record<RoleId, number>;
  events: Pick<GameEvent, 'round' | 'kind' | 'title' | 'island' | 'cable' | 'power'>[];
  agreements: number;
  actions: number;
  /** The branch as a record of format 2: it starts from `start` (`origin`) and names its parent and round (`branch`). */
  record: GameRecord;
}

/**
 * The state a branch starts from: the game as round `from` opens (its briefing done), with the
 * events the original game drew after that round scripted in the same order and the deck closed,
 * so that two branches differ by their decisions, not by their luck (common random numbers).
 * Riots that unrest brings are left to the branch's own unrest.
 */
export function branchStart(opening: GameState, original: GameEvent[], from: number): GameState {
  const g = structuredClone(opening);
  const later = original.filter((e) => e.round > from && !e.scripted && e.kind !== 'riots');
  g.scripted = [
    ...g.scripted,
    ...later.map((e) => ({ round: e.round, kind: e.kind, ...(e.island ? { island: e.island } : {}), ...(e.cable ? { cable: e.cable } : {}), ...(e.power ? { power: e.power } : {}) })),
  ];
  g.deck = { ...g.deck, chancePerRound: 0 };
  return g;
}

/**
 * Play a branch to its end with one computer level in every seat. `parent` names the game it
 * branches from in its record (that record's id, or its first round's hash).
 */
export function playBranch(scenario: ScenarioData, hash: string, seed: string, start: GameState, from: number, level: string, parent = seed): BranchResult {
  const policy = policyByName(level);
  if (!policy) throw new Error(`no computer player named "${level}"`);
  const host = new MatchHost(scenario, hash, seed, { origin: start, branch: { parent: parent.slice(0, 200), round: from } });
  const rounds: BranchResult['rounds'] = [];
  host.onChange((s) => {
    const last = s.history[s.history.length - 1];
    if (last && last.round >= from && !rounds.some((r) => r.round === last.round)) rounds.push({ round: last.round, scores: { ...last.scores } });
  });
  playToEnd(host, () => policy, `${seed}:branch-${from}`);
  const g = host.state;
  return {
    from,
    level,
    rounds,
    final: Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0])),
    events: g.events.filter((e) => e.round > from).map((e) => ({ round: e.round, kind: e.kind, title: e.title, island: e.island, cable: e.cable, power: e.power })),
    agreements: g.agreements.length - start.agreements.length,
    actions: host.record.actions.length,
    record: JSON.parse(JSON.stringify(host.record)) as GameRecord,
  };
}
