import { POWERS, type Deal, type GameState, type GameView, type IslandId, type Offer, type Order, type PowerId, type RoleId, type ScenarioData } from '../../engine';
import * as E from './engine-api';

/**
 * A bot's model of the game: a full state built from its own view (determinised: the parts the
 * view lacks are filled with plausible samples, never read from the real game), and a cheap
 * projection of what a deal or an order would do to each role's final score under the rules.
 */

const noop = (): void => {};

export const isPower = (role: string): role is PowerId => (POWERS as readonly string[]).includes(role);

/**
 * A full state consistent with a view: the view's own content, a fresh random generator drawn
 * from the bot's seed, the scenario's event deck if the bot was given the scenario (else no
 * events), no scripted events, and no secrets beyond those the viewer holds.
 */
export function determinise(v: GameView, rngSeed: string, deck?: ScenarioData['deck']): GameState {
  const { viewer: _viewer, ...rest } = v;
  return {
    ...rest,
    rng: E.seedState(rngSeed),
    deck: deck ? { chancePerRound: deck.chancePerRound, weights: { ...deck.weights } } : { chancePerRound: 0, weights: {} },
    scripted: [],
    tabled: [],
    seen: {},
    idKey: rngSeed,
  };
}

export const objectiveWeights = (g: Pick<GameState, 'islands' | 'objectives'>, role: RoleId): Record<string, number> => {
  const w = g.islands[role] ? g.objectives.island : (g.objectives[role as PowerId] ?? {});
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(w)) if (x) out[k] = x;
  return out;
};

/** Each objective's score part (0-100, unrounded) from a state; `shift` moves levels first (a trend to come). */
export function partsOf(g: GameState, role: RoleId, shift?: Record<string, number>): Record<string, number> {
  const levels = E.levelsOf(g, role);
  const base = g.baseline[role] ?? levels;
  const out: Record<string, number> = {};
  for (const [k, lv] of Object.entries(levels)) out[k] = E.partOf(k, lv + (shift?.[k] ?? 0), base[k] ?? lv);
  return out;
}

/** A power's objectives that everyone's deals move, round after round. */
const CONTESTED = ['influence', 'access', 'vendorShare', 'denial'];

/**
 * Where a power's contested objectives are heading: half their average change per round so far,
 * carried over the rounds left (rivals' deals take influence, their footholds eat into denial;
 * the power's own deals add). A gain the trend will take past the top of the scale anyway, or a
 * loss it will take past the bottom, is worth less than it looks now: the hard bot's leaf reads
 * its score with this shift.
 */
export function trendShift(g: GameState, role: RoleId): Record<string, number> {
  if (!isPower(role) || g.round <= 1) return {};
  const levels = E.levelsOf(g, role);
  const base = g.baseline[role] ?? levels;
  const elapsed = g.round - 1;
  const remaining = g.scenario.rounds - g.round + 1;
  const out: Record<string, number> = {};
  for (const k of CONTESTED) if (levels[k] !== undefined) out[k] = (((levels[k] ?? 0) - (base[k] ?? 0)) / elapsed) * remaining * 0.5;
  return out;
}

/** A role's score as the rules compute it, without the final rounding. */
export function scoreValue(g: GameState, role: RoleId, shift?: Record<string, number>): number {
  const parts = partsOf(g, role, shift);
  const w = objectiveWeights(g, role);
  let sum = 0;
  let total = 0;
  for (const [k, x] of Object.entries(w)) {
    if (parts[k] === undefined) continue;
    sum += x * (parts[k] ?? 0);
    total += x;
  }
  return total ? sum / total : 0;
}

const routeIslands = new Map<string, IslandId[]>();
/** The same, by the route list itself: copies of a cable share its route, so most look-ups need no key. */
const routeIslandsByList = new WeakMap<readonly string[], IslandId[]>();
/** The islands a route lands on (as the engine's islandsOnRoute), remembered: landings never move. */
export function islandsOf(g: Pick<GameState, 'landings'>, route: readonly string[]): IslandId[] {
  const known = routeIslandsByList.get(route);
  if (known) return known;
  const key = route.join('|');
  let out = routeIslands.get(key);
  if (!out) {
    out = [...new Set(route.map((l) => g.landings[l]?.island).filter((i): i is IslandId => Boolean(i)))].sort();
    routeIslands.set(key, out);
  }
  routeIslandsByList.set(route, out);
  return out;
}

/**
 * The engine's refreshNetworks (routes, connectivity, vendor exposure), with the route lookups
 * remembered; `only` limits it to the islands whose cables changed (the others stay as they are).
 */
export function refreshNetworksFast(g: GameState, only?: ReadonlySet<IslandId>): void {
  const active: Record<IslandId, string[]> = {};
  for (const c of g.cables) if (c.status === 'active') for (const i of islandsOf(g, c.route)) if (!only || only.has(i)) (active[i] ??= []).push(c.vendor);
  for (const island of Object.values(g.islands)) {
    if (only && !only.has(island.id)) continue;
    const cables = active[island.id] ?? [];
    island.routes = cables.length;
    island.connectivity = E.connectivityOf(island.satellite, cables.length);
    const vendors = [...cables];
    for (const a of island.assets) if (a.kind !== 'port' && a.vendor !== null && a.readyRound === undefined) vendors.push(a.vendor);
    const out = { beijing: 0, canberra: 0, washington: 0, other: 0 };
    if (vendors.length) {
      const counts = { beijing: 0, canberra: 0, washington: 0, other: 0 };
      for (const v of vendors) counts[g.vendors[v]?.origin ?? 'other']++;
      let assigned = 0;
      for (const k of POWERS) {
        out[k] = Math.floor((counts[k] * 100) / vendors.length);
        assigned += out[k];
      }
      out.other = 100 - assigned;
    }
    island.exposure = out;
  }
}

/**
 * The slow rules played forward to the last round with nobody acting: cables under construction or
 * repair come into service when due, and each island's economy, legitimacy and unrest drift as the
 * domestic phase moves them. No events, elections, debt service or fading influence. Mutates g.
 */
export function projectLite(g: GameState, untilRound = g.scenario.rounds): void {
  const ids = Object.keys(g.islands).sort();
  for (let r = g.round; r <= untilRound; r++) {
    // Only the islands a cable coming into service lands on change their networks.
    let changed: Set<IslandId> | null = null;
    for (const c of g.cables)
      if ((c.status === 'building' || c.status === 'cut') && c.readyRound !== null && c.readyRound <= r) {
        c.status = 'active';
        c.readyRound = null;
        changed ??= new Set();
        for (const i of islandsOf(g, c.route)) changed.add(i);
      }
    // Tower networks going up are switched on in their round too (SINBIP's towers, signed in
    // August 2022, covered people before the 2024 election), and count in their island's exposure.
    for (const id of E.completeNetworks(g, () => undefined, r)) (changed ??= new Set()).add(id);
    if (changed) refreshNetworksFast(g, changed);
    const years = E.yearsElapsed({ round: r, scenario: g.scenario });
    for (const id of ids) {
      const i = g.islands[id];
      if (!i) continue;
      E.drift(i, years);
    }
  }
}

/** Weighted score from parts. */
export function scoreFromParts(parts: Record<string, number>, w: Record<string, number>): number {
  let sum = 0;
  let total = 0;
  for (const [k, x] of Object.entries(w)) {
    if (parts[k] === undefined) continue;
    sum += x * (parts[k] ?? 0);
    total += x;
  }
  return total ? sum / total : 0;
}

/**
 * A working copy for a what-if: everything the rules change on signing a deal, carrying out an
 * order or projecting forward is copied; the record of the past (ledger, log, offers, events) is
 * left behind or shared, since no score depends on it.
 */
export function whatIfCopy(g: GameState): GameState {
  return {
    ...g,
    islands: E.copyIslands(g),
    powers: E.copyPowers(g),
    cables: g.cables.map((c) => ({ ...c })),
    agreements: g.agreements.map((a) => ({ ...a })),
    debts: g.debts.map((d) => ({ ...d })),
    ledger: [],
    log: [],
    offers: [],
    orders: [],
    history: [],
    counters: { ...g.counters },
    ...(g.funders ? { funders: Object.fromEntries(Object.entries(g.funders).map(([id, f]) => [id, f && { ...f }])) } : {}),
  };
}

/**
 * The engine's own sign(), run with the cable list set aside so that its closing refresh of every
 * island's networks (the costly part) sees no cables; the list is put back, with any new cable,
 * and refreshed once with the remembered routes (or, for a deal that changes no network, the
 * islands' networks put back as they were). The result is the same state sign() makes.
 */
export function signFast(g: GameState, offer: Offer): void {
  // Aid, pacts and diplomatic deals add no cable and no vendor's kit: each island's networks stay
  // as they were, and are put back rather than worked out again.
  const kept = offer.deal.kind === 'cable' || offer.deal.kind === 'telecom' || offer.deal.kind === 'package' ? null : Object.values(g.islands).map((i) => [i, i.routes, i.connectivity, i.exposure] as const);
  const cables = g.cables;
  g.cables = [];
  try {
    E.sign(g, offer, noop);
  } finally {
    g.cables = g.cables.length ? [...cables, ...g.cables] : cables;
  }
  if (!kept) return refreshNetworksFast(g);
  for (const [island, routes, connectivity, exposure] of kept) Object.assign(island, { routes, connectivity, exposure });
}

export const offerOf = (g: Pick<GameState, 'round' | 'landings' | 'vendors' | 'powers'>, deal: Deal, from: RoleId, id = 'whatif'): Offer => {
  const parties = E.islandsOfDeal(g, deal);
  const funder = E.funderOf(deal);
  // A package is signed for an island once every party to its share agrees (a consenting power too).
  const all = deal.kind === 'package' ? E.partiesOf(g, deal) : [...new Set([funder, ...parties])].sort();
  return {
    id,
    round: g.round,
    from,
    to: all.filter((r) => r !== from),
    deal,
    status: 'accepted',
    acceptedBy: all.filter((r) => r !== from),
    acceptedSeq: 0,
    counterDepth: 0,
    replaces: null,
    amends: null,
    reason: null,
    seenBy: all,
  };
};

/**
 * Outcomes a model keeps: the repeats come close together (the same request weighed for the island
 * and then the power; the deals already chosen, between candidates), and keeping every outcome of
 * a decision alive cost more in garbage collection than the few distant repeats would save.
 */
const OUTCOMES_KEPT = 4;

export interface OrderEffect {
  role: RoleId;
  order: Order;
}

/** What a scenario of deals and orders leads to, projected to the end of the game. */
export interface Outcome {
  state: GameState;
  /** Deals that could not be signed (they clash with one before them, or the money is gone). */
  void: number;
  /** Each role's parts in `state`, once asked for (appraise.ts). */
  parts?: Map<RoleId, Record<string, number>>;
}

/**
 * The model one decision works on: the determinised state with every offer already accepted this
 * round signed (they will be, in that order, at resolution), and what-if projections from there.
 */
export class Model {
  readonly base: GameState;
  readonly last: number;
  private baseline: GameState | null = null;
  private baseValues = new Map<RoleId, number>();
  /** Values worked out once per decision (what money is worth to each role, …). */
  readonly memo = new Map<string, number>();
  evaluations = 0;

  constructor(v: GameView, seed: string, deck?: ScenarioData['deck']) {
    const g = E.cloneState(determinise(v, seed, deck));
    const accepted = v.offers.filter((o) => o.round === v.round && o.status === 'accepted').sort((a, b) => (a.acceptedSeq ?? 0) - (b.acceptedSeq ?? 0));
    for (const o of accepted) if (!E.conflictOf(g, o)) signFast(g, o);
    this.base = g;
    this.last = g.scenario.rounds;
  }

  /** The outcomes worked out last in this decision, by their deals and orders (those without a `mutate`). */
  private outcomes = new Map<string, Outcome>();

  /**
   * Sign the deals in order (skipping those that would be void), carry out the orders, project to
   * the end. The same deals and orders give the same outcome (the base never changes, and nobody
   * changes a deal or an order once made), so an outcome asked for again with the same deal and
   * order objects (an island weighing a request for itself and then for the power; the deals
   * already chosen, under each candidate) is the one worked out before: treat it as read-only.
   */
  outcome(deals: readonly { deal: Deal; from: RoleId }[] = [], orders: readonly OrderEffect[] = [], mutate?: (g: GameState) => void): Outcome {
    if (mutate) return this.workOut(deals, orders, mutate);
    let key = '';
    for (const d of deals) key += `${this.objectId(d.deal)}:${d.from},`;
    key += '|';
    for (const o of orders) key += `${this.objectId(o.order)}:${o.role},`;
    let known = this.outcomes.get(key);
    if (known) {
      // The most recent stay: a Map keeps the order entries were set in.
      this.outcomes.delete(key);
    } else {
      known = this.workOut(deals, orders);
      if (this.outcomes.size >= OUTCOMES_KEPT) this.outcomes.delete(this.outcomes.keys().next().value as string);
    }
    this.outcomes.set(key, known);
    return known;
  }

  /** A number for each deal or order object this model is asked about, for the keys of its outcomes (a plain map: it goes with the model). */
  private objectIds = new Map<object, number>();
  private objectId(o: object): number {
    let id = this.objectIds.get(o);
    if (id === undefined) this.objectIds.set(o, (id = this.objectIds.size + 1));
    return id;
  }

  private workOut(deals: readonly { deal: Deal; from: RoleId }[], orders: readonly OrderEffect[], mutate?: (g: GameState) => void): Outcome {
    this.evaluations++;
    const g = whatIfCopy(this.base);
    let voided = 0;
    for (const d of deals) {
      const offer = offerOf(g, d.deal, d.from);
      if (E.dealRefusal(g, d.deal) || E.conflictOf(g, offer)) {
        voided++;
        continue;
      }
      signFast(g, offer);
    }
    for (const o of orders) if (!E.orderRefusal(g, o.role, o.order)) E.executeOrder(g, o.role, o.order, noop);
    mutate?.(g);
    projectLite(g);
    return { state: g, void: voided };
  }

  /** The projected final score of a role if nothing more happens. */
  baseValue(role: RoleId): number {
    let v = this.baseValues.get(role);
    if (v === undefined) {
      this.baseline ??= this.outcome().state;
      v = scoreValue(this.baseline, role);
      this.baseValues.set(role, v);
    }
    return v;
  }

  baselineState(): GameState {
    this.baseline ??= this.outcome().state;
    return this.baseline;
  }

  /** Each objective's part for a role in the baseline projection (kept: it is asked for often). */
  baseParts(role: RoleId): Record<string, number> {
    let p = this.partsMemo.get(role);
    if (!p) {
      p = partsOf(this.baselineState(), role);
      this.partsMemo.set(role, p);
    }
    return p;
  }
  private partsMemo = new Map<RoleId, Record<string, number>>();
}

/** Rounds per year in this game. */
export const roundsPerYear = (g: Pick<GameState, 'scenario'>): number => Math.max(1, Math.floor(12 / g.scenario.monthsPerRound));

/** Interest and principal an island would pay on a loan of `principal` before the game ends. */
export function loanPaymentsBeforeEnd(g: Pick<GameState, 'scenario' | 'round'>, principal: number, fin: { ratePct: number; years: number; graceYears: number }): number {
  const perYear = roundsPerYear(g);
  const last = g.scenario.rounds;
  const firstDue = g.round + fin.graceYears * perYear + 1;
  const instalments = Math.max(1, (fin.years - fin.graceYears) * perYear);
  let outstanding = principal;
  let paid = 0;
  for (let r = g.round + 1; r <= last; r++) {
    paid += Math.floor((outstanding * fin.ratePct * g.scenario.monthsPerRound) / 1200);
    if (r >= firstDue && outstanding > 0) {
      const p = Math.min(outstanding, Math.floor(principal / instalments));
      paid += p;
      outstanding -= p;
    }
  }
  return paid;
}
