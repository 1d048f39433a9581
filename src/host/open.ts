import { legalActions, RULES_VERSION, stateHash, view } from '../engine';
import type { Scenario } from '../scenario/schema';
import { parseScenarioText } from '../scenario/load';
import { embeddedScenarioMatches, MatchHost, replay } from './match';
import { checkRecord, clip, MAX_RECORD_BYTES, type GameRecord } from './record';
import type { Seating } from './storage';

/** A scenario the game ships, as the opener finds it by id. */
export interface FoundScenario {
  id: string;
  file: string;
  scenario: Scenario;
  hash: string;
}

export type ScenarioLookup = (id: string) => Promise<{ ok: true; found: FoundScenario } | { ok: false; message: string } | null>;

export type OpenedGame =
  | { ok: true; host: MatchHost; scenario: FoundScenario; seating: Seating | null; notice: string | null }
  | { ok: false; message: string };

/** Parse a record or save file's text; a plain message when it is too large or not JSON. */
export function parseRecordText(text: string): { ok: true; data: unknown } | { ok: false; message: string } {
  if (text.length > MAX_RECORD_BYTES) return { ok: false, message: `This file is too large to be a Landing Rights game record (over ${MAX_RECORD_BYTES / 1_000_000} MB).` };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'This file is not a Landing Rights game record: it is not valid JSON.' };
  }
}

/** How the seats were taken, from an exported file (`landingRights.seating`); null when it does not say. */
export function seatingOf(data: unknown): Seating | null | { error: string } {
  const s = (data as { landingRights?: { seating?: Partial<Seating> } } | null)?.landingRights?.seating;
  if (s === undefined) return null;
  if (typeof s !== 'object' || s === null || (s.mode !== 'solo' && s.mode !== 'hotseat') || !Array.isArray(s.humans) || !s.humans.every((r) => typeof r === 'string')) return { error: 'The file’s seating (who plays which role) is not valid.' };
  if (s.policy !== undefined && typeof s.policy !== 'string') return { error: 'The file’s seating names its computer players wrongly.' };
  return { mode: s.mode, humans: [...s.humans], ...(typeof s.policy === 'string' ? { policy: s.policy } : {}) };
}

/** Refuse a seating the game cannot play: an unknown computer player, or people in seats the game does not have. */
export function seatingProblem(seating: Seating, seats: readonly string[], policies: readonly string[]): string | null {
  if (seating.policy !== undefined && !policies.includes(seating.policy))
    return `The file names a computer player "${clip(seating.policy, 40)}" that this game does not have (it has ${policies.join(', ')}).`;
  if (seating.humans.some((h) => !seats.includes(h))) return 'The file seats people in roles this game does not have.';
  return null;
}

/**
 * The embedded scenario of a record played before vendors had kinds (rules version 9), in today's
 * format: its vendors were all cable makers. Null for a record of later rules, or text that is not JSON.
 */
function olderScenarioText(record: GameRecord): string | null {
  if (record.rules >= 10 || !record.scenario.text) return null;
  try {
    const s = JSON.parse(record.scenario.text) as { vendors?: unknown };
    if (!Array.isArray(s.vendors)) return null;
    s.vendors = s.vendors.map((v: unknown) => (typeof v === 'object' && v !== null && !('kind' in v) ? { ...v, kind: 'cable' } : v));
    return JSON.stringify(s);
  } catch {
    return null;
  }
}

async function scenarioOf(record: GameRecord, lookup: ScenarioLookup): Promise<{ ok: true; found: FoundScenario } | { ok: false; message: string }> {
  const { id, hash } = record.scenario;
  const shipped = await lookup(id);
  if (shipped?.ok && shipped.found.hash === hash) return shipped;
  if (embeddedScenarioMatches(record)) {
    const parsed = parseScenarioText(olderScenarioText(record) ?? record.scenario.text ?? '', `${clip(id, 40)} (in the record)`);
    if (parsed.ok && parsed.scenario.id === id) return { ok: true, found: { id, file: `${id} (in the record)`, scenario: parsed.scenario, hash } };
    return { ok: false, message: `The scenario "${clip(id, 40)}" carried in this record no longer reads in this version of the game.` };
  }
  if (shipped?.ok) return { ok: false, message: `The record was made with a different version of scenario "${clip(id, 40)}" (its content hash differs) and does not carry its own copy: it cannot be opened.` };
  if (shipped) return { ok: false, message: `The scenario "${clip(id, 40)}" bundled with this game has errors, so the record cannot be opened: ${shipped.message}` };
  return { ok: false, message: `This record is a game of scenario "${clip(id, 40)}", which this version of the game does not include.` };
}

/** The state still plays under these rules: every seat's view and choices come out without error. */
function playable(host: MatchHost): boolean {
  try {
    stateHash(host.state);
    for (const seat of host.state.seats) legalActions(view(host.state, seat), seat);
    view(host.state, 'spectator');
    return true;
  } catch {
    return false;
  }
}

/**
 * Open a record or save to play on. A record of this rules version is replayed move for move and
 * must reach every recorded round hash (and a save's last state); a save of an older rules version
 * carries on under these rules from its last state, with a notice saying so. Anything wrong is a
 * plain message, and nothing is changed: the caller installs the game only once it has opened.
 */
export async function openRecord(data: unknown, lookup: ScenarioLookup, policies: readonly string[]): Promise<OpenedGame> {
  const checked = checkRecord(data);
  if (!checked.ok) return checked;
  const record = checked.record;
  const seating = seatingOf(data);
  if (seating && 'error' in seating) return { ok: false, message: seating.error };
  const found = await scenarioOf(record, lookup);
  if (!found.ok) return found;
  const { scenario, hash } = found.found;
  const seats = [...scenario.islands.map((i) => i.id), ...scenario.powers.map((p) => p.id)];
  if (seating) {
    const problem = seatingProblem(seating, seats, policies);
    if (problem) return { ok: false, message: problem };
  }
  const opened = (host: MatchHost, notice: string | null): OpenedGame => ({ ok: true, host, scenario: found.found, seating: seating && seating.humans.length > 0 ? seating : null, notice });

  if (record.rules === RULES_VERSION) {
    const r = replay(record, scenario, hash);
    if (!r.ok) return { ok: false, message: r.message };
    if (!r.allMatch) return { ok: false, message: 'Replaying this record does not reach the same game (a round’s state hash differs): it was changed, or made by another version of the rules.' };
    if (record.last && record.last.hash !== stateHash(r.host.state)) return { ok: false, message: 'This save’s last state is not where its moves lead: it was changed.' };
    return opened(r.host, null);
  }
  if (record.rules > RULES_VERSION)
    return { ok: false, message: `This record was played under rules version ${record.rules}, newer than this game's rules version ${RULES_VERSION}. Update the game to open it.` };
  const last = record.last;
  if (!last)
    return {
      ok: false,
      message: `This record was played under rules version ${record.rules}; this engine plays rules version ${RULES_VERSION}. It cannot be replayed exactly${record.rounds?.length ? ', but its per-round figures are kept for a debrief' : ''}.`,
    };
  let host: MatchHost;
  try {
    if (stateHash(last.state) !== last.hash) return { ok: false, message: 'This save’s last state does not match its hash: it was changed.' };
    host = new MatchHost(scenario, hash, record.seed, {
      origin: last.state,
      continued: { rules: record.rules, engine: record.engine, round: last.state.round, actions: record.actions.length },
      branch: record.branch,
      rounds: record.rounds,
    });
  } catch {
    host = null as unknown as MatchHost;
  }
  if (!host || !playable(host)) return { ok: false, message: `This save of rules version ${record.rules} cannot carry on under rules version ${RULES_VERSION}: its last state does not fit the new rules.` };
  return opened(
    host,
    `This game was saved under rules version ${record.rules}. It carries on under rules version ${RULES_VERSION} from where it was saved, round ${last.state.round}; its earlier moves can no longer be replayed exactly.`,
  );
}

export type DebriefOpening =
  | { ok: true; record: GameRecord; scenario: FoundScenario; figures: NonNullable<GameRecord['rounds']>; host: MatchHost | null; exact: boolean }
  | { ok: false; message: string };

/**
 * Open a record to look back on it (the debrief). A record of this rules version is replayed, so
 * every round can be stepped through (`host`, `exact`); one of another rules version opens from
 * its stored per-round figures alone, without replay.
 */
export async function openForDebrief(data: unknown, lookup: ScenarioLookup): Promise<DebriefOpening> {
  const checked = checkRecord(data);
  if (!checked.ok) return checked;
  const record = checked.record;
  const found = await scenarioOf(record, lookup);
  if (!found.ok) return found;
  if (record.rules === RULES_VERSION) {
    const r = replay(record, found.found.scenario, found.found.hash);
    if (!r.ok) return { ok: false, message: r.message };
    if (!r.allMatch) return { ok: false, message: 'Replaying this record does not reach the same game (a round’s state hash differs): it was changed.' };
    return { ok: true, record, scenario: found.found, figures: r.host.record.rounds ?? [], host: r.host, exact: true };
  }
  if (!record.rounds?.length) return { ok: false, message: `This record was played under rules version ${record.rules} and keeps no per-round figures: this game (rules version ${RULES_VERSION}) cannot show it.` };
  return { ok: true, record, scenario: found.found, figures: record.rounds, host: null, exact: false };
}

/**
 * A branch of a recorded game: the game as it stood when `round` began, to be played on
 * differently. The new record starts from that state (`origin`), names its parent and round
 * (`branch`), and keeps the parent's figures of the rounds before. Needs this rules version.
 */
export function branchAt(data: unknown, scenario: Scenario, scenarioHash: string, round: number, parent: string): { ok: true; host: MatchHost } | { ok: false; message: string } {
  const checked = checkRecord(data);
  if (!checked.ok) return checked;
  const record = checked.record;
  if (!Number.isInteger(round) || round < 1) return { ok: false, message: 'A branch starts at a round of the game (1 or more).' };
  const prefix = { ...record, actions: [] as GameRecord['actions'], meta: [] as NonNullable<GameRecord['meta']>, hashes: [] as GameRecord['hashes'], rounds: [] as NonNullable<GameRecord['rounds']>, last: undefined };
  const start = replay(prefix, scenario, scenarioHash);
  if (!start.ok) return start;
  const host = start.host;
  for (let i = 0; i < record.actions.length && host.state.round < round && !host.over; i++) {
    const refusal = host.submit(record.actions[i] as GameRecord['actions'][number]);
    if (refusal) return { ok: false, message: `Action ${i + 1} of the record is refused: ${refusal.message}` };
  }
  if (host.state.round !== round) return { ok: false, message: `The game never reached round ${round}.` };
  const reached = host.record.hashes.at(-1);
  const recorded = record.hashes.find((h) => h.round === reached?.round);
  if (reached && recorded && reached.hash !== recorded.hash) return { ok: false, message: 'Replaying this record does not reach the same game: it was changed.' };
  return {
    ok: true,
    host: new MatchHost(scenario, scenarioHash, record.seed, { origin: host.state, branch: { parent: clip(parent, 200), round }, rounds: host.record.rounds }),
  };
}
