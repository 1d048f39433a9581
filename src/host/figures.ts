import {
  dealPrice,
  partiesOf,
  POWERS,
  view,
  type Action,
  type Agreement,
  type Audience,
  type Deal,
  type GameEvent,
  type GameState,
  type Order,
  type PowerId,
  type RoleId,
  type ScenarioData,
  RULES_VERSION,
  stateHash,
} from '../engine';
import { allSubRolesOf } from '../engine/subroles';
import { own, possessive } from '../engine/util';
import { MatchHost } from './match';
import { checkRecord, type GameRecord } from './record';

/**
 * The figures of a finished (or unfinished) game, worked out by playing its record again: one row
 * per round and role, every signing, every event, every sealed order, every leak and breach. The
 * CLI's export and the browser's debrief both read these, so the two never disagree.
 */

/**
 * One role once a round is over: the state as the next round opens (its briefing's events, which
 * belong to the next round, included), or at the end of the game. Round 0 is the start.
 */
export interface RoundFigure {
  round: number;
  /** YYYY-MM of the round that just ended (the start's date for round 0). */
  date: string;
  role: RoleId;
  name: string;
  side: 'island' | 'power';
  score: number;
  /** Each objective's part of the score, 0-100, 50 meaning as at the start. */
  parts: Record<string, number>;
  /** Money in hand, US$ thousands. */
  treasury: number;
  /** An island: what it owes. A power: what it is owed. US$ thousands. */
  debt: number;
  /** An island's connectivity; null for a power. */
  connectivity: number | null;
  /** An island: its alignment with each power. A power: nothing. */
  alignment: Partial<Record<PowerId, number>>;
  /** An island: each power's influence on it. A power: its influence on each island. */
  influence: Record<string, number>;
}

export interface DealFigure {
  agreement: string;
  offer: string;
  round: number;
  kind: Deal['kind'];
  parties: RoleId[];
  /** Who pays: the funder of a cable, aid or telecom deal; the power of a pact or diplomatic deal. */
  funder: RoleId | null;
  financing: string;
  /** The deal's price as the engine reckons it, US$ thousands (0 for pacts and diplomatic acts). */
  price: number;
  /** Money that moved under this agreement in the game, from the ledger, US$ thousands. */
  paid: number;
  status: Agreement['status'];
  /** Round the agreement ended, was cancelled or breached; null if it still stands. */
  endedRound: number | null;
  secretClauses: number;
  summary: string;
}

export type TimelineKind = 'deal' | 'event' | 'order' | 'leak' | 'breach' | 'cancel' | 'offer' | 'facilitator' | 'undone';

export interface TimelineEntry {
  round: number;
  kind: TimelineKind;
  /** Roles the entry concerns. */
  roles: RoleId[];
  text: string;
  /** Who could see it when it happened. */
  seenBy: Audience;
  /** Index of the action after which it happened (for stepping the map to that moment). */
  at: number;
}

/**
 * A facilitator's inject, message or override (or a seat's message), as a line of the debrief's
 * timeline: what it said, whom it concerned and who saw it. Null for any other action.
 */
export function facilitatorEntry(
  a: Action,
  nameOf: (r: RoleId) => string,
  teams?: Parameters<typeof allSubRolesOf>[0],
): { roles: RoleId[]; text: string; seenBy: Audience } | null {
  const list = (to: 'all' | RoleId[]) => (to === 'all' ? 'everyone' : to.map(nameOf).join(', '));
  if (a.type === 'inject') {
    const i = a.inject;
    // The schedule is the facilitator's alone until an inject fires (its effects are in the log then).
    if (i.kind === 'cancel') return { roles: [], text: `The facilitator cancels scheduled inject ${i.id}`, seenBy: [] };
    if (a.at !== undefined) {
      const what = i.kind === 'event' ? `an event: ${i.title ?? i.event}${i.island ? ` (${nameOf(i.island)})` : ''}` : i.kind === 'news' ? `news to ${list(i.to)}: ${i.text}` : `the scenario’s inject "${i.id}"`;
      return { roles: i.kind === 'event' ? [i.island, i.power].filter((x): x is string => Boolean(x)) : i.kind === 'news' && i.to !== 'all' ? [...i.to] : [], text: `The facilitator schedules for the start of round ${a.at} ${what}`, seenBy: [] };
    }
    if (i.kind === 'event') return { roles: [i.island, i.power].filter((x): x is string => Boolean(x)), text: `The facilitator injects an event: ${i.title ?? i.event}${i.island ? ` (${nameOf(i.island)})` : ''}`, seenBy: 'all' };
    if (i.kind === 'news') return { roles: i.to === 'all' ? [] : [...i.to], text: `The facilitator’s news to ${list(i.to)}: ${i.text}`, seenBy: i.to === 'all' ? 'all' : [...i.to] };
    return { roles: [], text: `The facilitator fires the scenario’s inject "${i.id}"`, seenBy: 'all' };
  }
  if (a.type === 'message') {
    const from = a.role === 'facilitator' ? 'the facilitator' : nameOf(a.role);
    const to = a.to === 'facilitator' ? 'the facilitator' : list(a.to);
    const roles = [...(a.role === 'facilitator' ? [] : [a.role]), ...(Array.isArray(a.to) ? a.to : [])];
    return { roles, text: `Message from ${from} to ${to}: ${a.text}`, seenBy: a.to === 'all' ? 'all' : roles };
  }
  if (a.type === 'override') {
    const o = a.override;
    if (o.kind === 'void') return { roles: [], text: `The facilitator voids agreement ${o.agreement}: ${o.reason}`, seenBy: 'all' };
    if (o.kind === 'team') {
      const parts = o.subRoles.map((id) => (teams ? allSubRolesOf(teams, o.seat).find((s) => s.id === id)?.title : undefined) ?? id);
      return { roles: [o.seat], text: `The facilitator sets ${possessive(nameOf(o.seat))} team (${parts.join(', ')}): ${o.reason}`, seenBy: 'all' };
    }
    return { roles: [o.target], text: `The facilitator sets ${possessive(nameOf(o.target))} ${o.figure} to ${o.value}: ${o.reason}`, seenBy: 'all' };
  }
  return null;
}

export interface OrderFigure {
  round: number;
  role: RoleId;
  order: Order;
  at: number;
}

export interface GameFigures {
  scenario: { id: string; title: string; rounds: number; par: number; start: string; monthsPerRound: number };
  seed: string;
  seats: RoleId[];
  names: Record<RoleId, string>;
  /** Objectives weighted in each role's score, with their weights. */
  weights: Record<RoleId, Record<string, number>>;
  rounds: RoundFigure[];
  deals: DealFigure[];
  events: GameEvent[];
  orders: OrderFigure[];
  timeline: TimelineEntry[];
  final: Record<RoleId, number>;
  over: boolean;
  /** Ledger totals: money paid out under agreements, and every role's balance from the ledger. */
  ledger: { underAgreements: number; balances: Record<string, number> };
}

/** A role's name as the players read it. */
export function nameOf(g: Pick<GameState, 'islands' | 'powers'>, role: RoleId): string {
  return own(g.islands, role)?.name ?? own(g.powers, role as PowerId)?.name ?? role;
}

function roundFigures(g: GameState, round: number, date: string): RoundFigure[] {
  return g.seats.map((role): RoundFigure => {
    const island = own(g.islands, role);
    const score = g.scores[role];
    if (island) {
      const influence: Record<string, number> = {};
      for (const p of POWERS) {
        const power = own(g.powers, p);
        if (power) influence[p] = power.influence[role] ?? 0;
      }
      return {
        round,
        date,
        role,
        name: island.name,
        side: 'island',
        score: score?.total ?? 0,
        parts: { ...(score?.parts ?? {}) },
        treasury: island.treasury,
        debt: g.debts.filter((d) => d.debtor === role).reduce((s, d) => s + d.outstanding + d.arrears, 0),
        connectivity: island.connectivity,
        alignment: Object.fromEntries(POWERS.filter((p) => own(g.powers, p)).map((p) => [p, island.alignment[p]])),
        influence,
      };
    }
    const power = own(g.powers, role as PowerId);
    return {
      round,
      date,
      role,
      name: power?.name ?? role,
      side: 'power',
      score: score?.total ?? 0,
      parts: { ...(score?.parts ?? {}) },
      treasury: power?.treasury ?? 0,
      debt: g.debts.filter((d) => d.creditor === role).reduce((s, d) => s + d.outstanding + d.arrears, 0),
      connectivity: null,
      alignment: {},
      influence: { ...(power?.influence ?? {}) },
    };
  });
}

export function funderOfDeal(deal: Deal): RoleId | null {
  if (deal.kind === 'pact' || deal.kind === 'diplomatic' || deal.kind === 'package') return deal.power;
  return deal.financing.by;
}

function financingText(deal: Deal): string {
  if (deal.kind === 'pact') return `${deal.pact} pact`;
  if (deal.kind === 'diplomatic') return deal.act;
  if (deal.kind === 'package') return 'package';
  const f = deal.financing;
  return f.kind === 'grant' ? 'grant' : `loan ${f.ratePct}% over ${f.years} years`;
}

function dealSummary(g: GameState, a: Agreement): string {
  const d = a.deal;
  const n = (r: RoleId) => nameOf(g, r);
  switch (d.kind) {
    case 'cable':
      return `${n(d.financing.by)} finances a cable by ${own(g.vendors, d.vendor)?.name ?? d.vendor}: ${d.route.map((l) => own(g.landings, l)?.name ?? l).join(' – ')}`;
    case 'aid':
      return `${n(d.financing.by)} gives ${n(d.island)} ${d.purpose ?? 'budget'} aid`;
    case 'telecom':
      return `${n(d.financing.by)} finances ${d.project} in ${n(d.island)} by ${own(g.vendors, d.vendor)?.name ?? d.vendor}`;
    case 'pact':
      return `${n(d.island)} and ${n(d.power)} sign a ${d.pact} pact`;
    case 'diplomatic':
      return d.act === 'switchRecognition' ? `${n(d.island)} recognises Beijing` : `${n(d.island)} joins ${n(d.power)}'s programme`;
    case 'package':
      return `${n(d.power)} offers a package of ${d.parts.length} parts to ${d.islands.map(n).join(', ')}`;
  }
}

function orderText(g: GameState, role: RoleId, o: Order): string {
  const target = 'island' in o ? ` in ${nameOf(g, o.island)}` : '';
  return `${nameOf(g, role)}: sealed order ${o.kind}${target} (${o.amount})`;
}

/** The roles a deal offered or accepted concerns, the acting role apart. */
export function counterparts(g: GameState, action: Action): RoleId[] {
  const deal = 'deal' in action ? action.deal : 'offer' in action ? g.offers.find((o) => o.id === action.offer)?.deal : undefined;
  if (!deal) return [];
  return partiesOf(g, deal).filter((r) => r !== action.role);
}

/**
 * Collect the figures while a host plays a record. Attach before the first action; read
 * `figures()` at any moment.
 */
export class FigureCollector {
  private readonly rounds: RoundFigure[] = [];
  private readonly orders: OrderFigure[] = [];
  private readonly timeline: TimelineEntry[] = [];
  private readonly ended = new Map<string, number>();
  private readonly eventsSeen = new Set<string>();
  private readonly agreementsSeen = new Set<string>();
  private actions = 0;
  private readonly seed: string;
  private lastState: GameState;

  constructor(private readonly host: MatchHost) {
    const g = host.state;
    this.seed = host.record.seed;
    this.lastState = g;
    this.rounds.push(...roundFigures(g, Math.max(0, g.round - 1), g.date));
    this.scan(g, g, -1);
    host.onChange((s, a) => this.seen(s, a));
  }

  private seen(s: GameState, a: Action): void {
    const prev = this.lastState;
    const at = this.actions++;
    if (a.type === 'order') {
      this.orders.push({ round: prev.round, role: a.role, order: a.order, at });
      this.timeline.push({ round: prev.round, kind: 'order', roles: [a.role], text: orderText(prev, a.role, a.order), seenBy: [a.role], at });
    }
    const fac = facilitatorEntry(a, (r) => nameOf(prev, r), prev);
    if (fac) this.timeline.push({ round: prev.round, kind: 'facilitator', ...fac, at });
    this.scan(prev, s, at);
    if (s.round !== prev.round || (s.phase === 'over' && prev.phase !== 'over')) this.rounds.push(...roundFigures(s, prev.round, prev.date));
    this.lastState = s;
  }

  /** What changed between two states: events drawn, agreements signed, ended or breached, leaks. */
  private scan(prev: GameState, s: GameState, at: number): void {
    for (const e of s.events) {
      if (this.eventsSeen.has(e.id)) continue;
      this.eventsSeen.add(e.id);
      const roles = [e.island, e.power].filter((x): x is string => Boolean(x));
      this.timeline.push({ round: e.round, kind: e.kind === 'leak' ? 'leak' : 'event', roles, text: e.title, seenBy: 'all', at });
    }
    for (const a of s.agreements) {
      if (!this.agreementsSeen.has(a.id)) {
        this.agreementsSeen.add(a.id);
        this.timeline.push({ round: a.round, kind: 'deal', roles: [...a.parties], text: `Signed ${a.id}: ${dealSummary(s, a)}`, seenBy: 'all', at });
      }
      const was = prev.agreements.find((x) => x.id === a.id);
      if (a.status !== 'active' && (!was || was.status === 'active') && !this.ended.has(a.id)) {
        this.ended.set(a.id, prev.round);
        const kind: TimelineKind = a.status === 'breached' ? 'breach' : 'cancel';
        this.timeline.push({ round: prev.round, kind, roles: [...a.parties], text: `${a.status === 'breached' ? 'Breached' : a.status === 'cancelled' ? 'Cancelled' : 'Ended'}: ${a.id}${a.reason ? ` (${a.reason})` : ''}`, seenBy: 'all', at });
      }
    }
    // A leaked draft reveals a clause without an event: a clause that turned public.
    for (const a of s.agreements) {
      const old = prev.agreements.find((x) => x.id === a.id);
      for (const c of a.clauses) {
        const before = old?.clauses.find((x) => x.id === c.id);
        if (before && before.seenBy !== 'all' && c.seenBy === 'all' && !this.timeline.some((t) => t.kind === 'leak' && t.round === prev.round && t.text.includes(a.id)))
          this.timeline.push({ round: prev.round, kind: 'leak', roles: [...a.parties], text: `Leaked: a secret ${c.kind} clause of ${a.id}`, seenBy: 'all', at });
      }
    }
  }

  figures(): GameFigures {
    const g = this.host.state;
    const weights = Object.fromEntries(
      g.seats.map((r) => [r, Object.fromEntries(Object.entries((own(g.islands, r) ? g.objectives.island : g.objectives[r as PowerId]) ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0))]),
    );
    const paidOf = (id: string) => g.ledger.filter((e) => e.ref === id).reduce((s, e) => s + e.amount, 0);
    const deals = g.agreements.map(
      (a): DealFigure => ({
        agreement: a.id,
        offer: a.offer,
        round: a.round,
        kind: a.deal.kind,
        parties: [...a.parties],
        funder: funderOfDeal(a.deal),
        financing: financingText(a.deal),
        price: a.deal.kind === 'pact' || a.deal.kind === 'diplomatic' ? 0 : dealPrice(g, a.deal),
        paid: paidOf(a.id),
        status: a.status,
        endedRound: this.ended.get(a.id) ?? null,
        secretClauses: a.clauses.filter((c) => c.seenBy !== 'all').length,
        summary: dealSummary(g, a),
      }),
    );
    const ids = new Set(g.agreements.map((a) => a.id));
    const balances: Record<string, number> = {};
    for (const e of g.ledger) {
      if (e.from !== 'world') balances[e.from] = (balances[e.from] ?? 0) - e.amount;
      if (e.to !== 'world') balances[e.to] = (balances[e.to] ?? 0) + e.amount;
    }
    return {
      scenario: { id: g.scenario.id, title: g.scenario.title, rounds: g.scenario.rounds, par: g.scenario.par, start: g.scenario.start, monthsPerRound: g.scenario.monthsPerRound },
      seed: this.seed,
      seats: [...g.seats],
      names: Object.fromEntries(g.seats.map((r) => [r, nameOf(g, r)])),
      weights,
      rounds: [...this.rounds],
      deals,
      events: [...g.events],
      orders: [...this.orders],
      timeline: [...this.timeline].sort((a, b) => a.at - b.at || a.round - b.round),
      final: Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0])),
      over: g.phase === 'over',
      ledger: { underAgreements: g.ledger.filter((e) => e.ref !== null && ids.has(e.ref)).reduce((s, e) => s + e.amount, 0), balances },
    };
  }
}

// ------------------------------------------------------------------ what each side knew

/** A fact one role could not see: a secret clause, a private report, an offer between others. */
export interface Fact {
  id: string;
  round: number;
  kind: 'clause' | 'report' | 'offer';
  text: string;
}

/** A moment where a role acted without a fact it learnt later, or never. */
export interface KnowledgeMark {
  round: number;
  at: number;
  action: string;
  missing: { fact: Fact; learnt: number | null }[];
}

const ACTING = new Set(['offer', 'accept', 'counter', 'order']);

/** Everything in the full state that is not public, keyed the same way in any view of it. */
/** A report's id, the same before and after it comes out (a leak widens who sees it, not what it is). */
const reportId = (e: { round: number; text: string }): string => `report:${e.round}:${e.text}`;

export function secretFacts(g: GameState | ReturnType<typeof view>): Fact[] {
  const out: Fact[] = [];
  for (const a of g.agreements)
    for (const c of a.clauses) if (c.seenBy !== 'all') out.push({ id: `clause:${c.id}`, round: a.round, kind: 'clause', text: `a secret ${c.kind} clause in ${a.id} (${a.parties.map((p) => nameOf(g, p)).join(', ')})` });
  const offers = new Set(g.offers.map((o) => o.id));
  g.log.forEach((e) => {
    // A report about an offer (its reasons, its voiding) is counted with the offer itself.
    if (e.seenBy !== 'all' && !e.about.some((id) => offers.has(id))) out.push({ id: reportId(e), round: e.round, kind: 'report', text: e.text });
  });
  for (const o of g.offers) out.push({ id: `offer:${o.id}`, round: o.round, kind: 'offer', text: `offer ${o.id} from ${nameOf(g, o.from)} to ${o.to.map((r) => nameOf(g, r)).join(', ')} (${o.deal.kind})` });
  return out;
}

/**
 * For one role, the moments it acted (offered, accepted, countered, gave an order) while a fact
 * about it or about the other side of its deal existed that its own view did not show: found by
 * comparing the role's view with the full state, then looking for the first state whose view for
 * the role shows the fact (the round it learnt it), if any. `states[i]` is the state before
 * action i; `last` the state after the last action.
 */
export function knowledgeMarks(g0: GameState, actions: Action[], states: GameState[], last: GameState, role: RoleId): KnowledgeMark[] {
  const firstSeen = new Map<string, number>();
  for (const s of [...states, last]) {
    const v = view(s, role);
    // A clause or a report that has come out is no longer secret, but the role has learnt it all the same.
    const seen = [...secretFacts(v).map((f) => f.id), ...v.agreements.flatMap((a) => a.clauses.map((c) => `clause:${c.id}`)), ...v.log.map(reportId)];
    for (const id of seen) if (!firstSeen.has(id)) firstSeen.set(id, s.round);
  }
  const marks: KnowledgeMark[] = [];
  const myName = nameOf(g0, role);
  actions.forEach((a, i) => {
    if (a.role !== role || !ACTING.has(a.type)) return;
    const s = states[i];
    if (!s) return;
    const others = counterparts(s, a);
    const names = [myName, ...others.map((r) => nameOf(s, r))];
    const mine = new Set(secretFacts(view(s, role)).map((f) => f.id));
    const relevant = secretFacts(s).filter((f) => {
      if (mine.has(f.id)) return false;
      if (f.kind === 'offer') {
        const o = s.offers.find((x) => `offer:${x.id}` === f.id);
        return Boolean(o && o.round === s.round && o.status === 'open' && [o.from, ...o.to].some((r) => others.includes(r)));
      }
      if (f.kind === 'clause') return s.agreements.some((ag) => ag.clauses.some((c) => `clause:${c.id}` === f.id) && ag.parties.some((p) => others.includes(p) || p === role));
      return names.some((n) => f.text.includes(n));
    });
    if (!relevant.length) return;
    marks.push({ round: s.round, at: i, action: describeAction(s, a), missing: relevant.map((fact) => ({ fact, learnt: firstSeen.get(fact.id) ?? null })) });
  });
  return marks;
}

export function describeAction(g: GameState, a: Action): string {
  const who = nameOf(g, a.role);
  switch (a.type) {
    case 'offer':
      return `${who} offers ${a.to.map((r) => nameOf(g, r)).join(', ')} a ${a.deal.kind} deal`;
    case 'counter':
      return `${who} counters offer ${a.offer} with a ${a.deal.kind} deal`;
    case 'accept':
      return `${who} accepts offer ${a.offer}`;
    case 'order':
      return orderText(g, a.role, a.order);
    default:
      return `${who}: ${a.type}`;
  }
}

// ------------------------------------------------------------------ CSV

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: unknown[][]): string => `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

/** Every objective that appears in any role's score, in a stable order. */
export function objectiveColumns(f: GameFigures): string[] {
  const seen: string[] = [];
  for (const r of f.rounds) for (const k of Object.keys(r.parts)) if (!seen.includes(k)) seen.push(k);
  return seen;
}

/** rounds.csv: one row per round and role. */
export function roundsCsv(f: GameFigures): string {
  const objectives = objectiveColumns(f);
  const islands = f.seats.filter((r) => f.rounds.some((x) => x.role === r && x.side === 'island'));
  const header = [
    'round',
    'date',
    'role',
    'name',
    'side',
    'score',
    ...objectives,
    'treasury',
    'debt',
    'connectivity',
    ...POWERS.map((p) => `alignment_${p}`),
    ...POWERS.map((p) => `influence_${p}`),
    ...islands.map((i) => `influence_on_${i}`),
  ];
  const rows = f.rounds.map((r) => [
    r.round,
    r.date,
    r.role,
    r.name,
    r.side,
    r.score,
    ...objectives.map((k) => r.parts[k] ?? ''),
    r.treasury,
    r.debt,
    r.connectivity ?? '',
    ...POWERS.map((p) => r.alignment[p] ?? ''),
    ...POWERS.map((p) => (r.side === 'island' ? (r.influence[p] ?? '') : '')),
    ...islands.map((i) => (r.side === 'power' ? (r.influence[i] ?? '') : '')),
  ]);
  return csv(header, rows);
}

/** deals.csv: one row per signed agreement. */
export function dealsCsv(f: GameFigures): string {
  return csv(
    ['agreement', 'offer', 'round', 'kind', 'parties', 'funder', 'financing', 'price', 'paid', 'status', 'ended_round', 'secret_clauses', 'summary'],
    f.deals.map((d) => [d.agreement, d.offer, d.round, d.kind, d.parties, d.funder, d.financing, d.price, d.paid, d.status, d.endedRound, d.secretClauses, d.summary]),
  );
}

/** events.csv: one row per event drawn or scripted. */
export function eventsCsv(f: GameFigures): string {
  return csv(
    ['event', 'round', 'kind', 'title', 'island', 'cable', 'power', 'scripted'],
    f.events.map((e) => [e.id, e.round, e.kind, e.title, e.island, e.cable, e.power, e.scripted]),
  );
}

// ------------------------------------------------------------------ from a record

export interface PlayedRecord {
  host: MatchHost;
  record: GameRecord;
  figures: GameFigures;
  /** The state before each action, and the state at the end of each round (round 0: the start). */
  states: GameState[];
  roundEnds: Map<number, GameState>;
}

/**
 * Play a record again, checked as `replay` checks it (shape, rules version, scenario, every round
 * hash), collecting its figures on the way. States are never changed once made, so keeping one per
 * action costs only what each action changed.
 */
export function playRecord(data: unknown, scenario: ScenarioData, scenarioHash: string): { ok: true; played: PlayedRecord } | { ok: false; message: string } {
  const checked = checkRecord(data);
  if (!checked.ok) return checked;
  const record = checked.record;
  if (record.rules !== RULES_VERSION)
    return { ok: false, message: `This record was played under rules version ${record.rules}; this engine plays rules version ${RULES_VERSION}, so its debrief cannot replay it exactly.` };
  if (record.scenario.id !== scenario.id) return { ok: false, message: `The record is of scenario "${record.scenario.id}", not "${scenario.id}".` };
  if (record.scenario.hash !== scenarioHash) return { ok: false, message: `The record was made with a different version of scenario "${scenario.id}" (its content hash differs): it cannot be replayed exactly.` };
  // A branch (or a continued game) starts from its `origin`, whose hash must hold.
  const origin = record.origin;
  if (origin && stateHash(origin.state) !== origin.hash) return { ok: false, message: 'The record’s starting state does not match its hash: it was changed.' };
  let host: MatchHost;
  try {
    host = new MatchHost(scenario, scenarioHash, record.seed, origin ? { origin: origin.state, branch: record.branch, continued: record.continued } : {});
  } catch {
    return { ok: false, message: 'The record’s starting state cannot be played by this engine.' };
  }
  const collector = new FigureCollector(host);
  const states: GameState[] = [];
  const roundEnds = new Map<number, GameState>([[origin ? Math.max(0, host.state.round - 1) : 0, host.state]]);
  for (let i = 0; i < record.actions.length; i++) {
    const before = host.state;
    states.push(before);
    const refusal = host.submit(record.actions[i] as Action);
    if (refusal) return { ok: false, message: `Action ${i + 1} of the record is refused: ${refusal.message}` };
    const after = host.state;
    if (after.round !== before.round || (after.phase === 'over' && before.phase !== 'over')) roundEnds.set(before.round, after);
  }
  const mismatch = record.hashes.find((h) => host.record.hashes.find((x) => x.round === h.round)?.hash !== h.hash);
  if (mismatch || host.record.hashes.length !== record.hashes.length)
    return { ok: false, message: `Replaying this record does not reach the same game (round ${mismatch?.round ?? '?'}'s state hash differs): it was changed, or made by another version of the rules.` };
  return { ok: true, played: { host, record, figures: collector.figures(), states, roundEnds } };
}
