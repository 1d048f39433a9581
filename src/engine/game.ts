import { createActor } from 'xstate';
import type { Action, GameState, Island, Power, Refusal, ScenarioData } from './types';
import { POWERS } from './types';
import { applyOnCopy, gameMachine } from './machine';
import { everyoneEnded } from './rules';
import { validateOnce } from './validate';
import { seedState } from './rng';
import { refreshNetworks } from './cables';
import { transfer } from './money';
import { openLoan } from './aid';
import { levelsOf, updateScores } from './scoring';
import { seenBaselines, updateSeenScores } from './known';
import { idKeyOf } from './ids';
import { drift, unrestTarget } from './domestic';
import { hashJson } from './hash';
import { clampMetric, own } from './util';
import { openStanding } from './standing';
import { sayer } from './log';
import { openFunders } from './funding';

/** Bumped whenever a rule changes what a given record plays out to. */
export const RULES_VERSION = 19;

/** The state before round 1's briefing: the scenario's starting position. */
export function initialState(scenario: ScenarioData, scenarioHash: string, seed: string): GameState {
  const presentPowers = scenario.powers.map((p) => p.id);
  const islands: Record<string, Island> = {};
  for (const s of scenario.islands) {
    const alignment = { beijing: 0, canberra: 0, washington: 0 };
    for (const p of POWERS) alignment[p] = s.alignment[p] ?? 0;
    islands[s.id] = {
      id: s.id,
      name: s.name,
      capital: { ...s.capital },
      population: s.population,
      treasury: 0,
      revenuePerRound: s.revenuePerRound,
      economy: s.economy,
      legitimacy: s.legitimacy,
      democracy: s.democracy,
      sovereignty: s.sovereignty,
      cyber: s.cyber,
      satellite: s.satellite,
      connectivity: s.satellite,
      routes: 0,
      alignment,
      recognises: s.recognises,
      ...(s.recognises === 'ROC' && s.taipeiAid ? { taipeiAid: s.taipeiAid } : {}),
      leaning: s.leaning ?? null,
      nextElection: s.nextElection ?? null,
      exposure: { beijing: 0, canberra: 0, washington: 0, other: 0 },
      unrest: unrestTarget(s.legitimacy, s.economy),
      coverage: 20,
      assets: [],
      blocs: [],
      pressure: [],
      delays: 0,
      falls: 0,
      diversifications: 0,
      fictional: s.fictional ?? false,
      norm: { economy: s.economy, legitimacy: s.legitimacy, connectivity: 0, coverage: 20, democracy: s.democracy },
      ...(s.parliament ? { parliament: { ratifies: [...s.parliament.ratifies], opposition: s.parliament.opposition ?? null } } : {}),
    };
  }
  const powers: GameState['powers'] = {};
  for (const s of scenario.powers) {
    const influence: Power['influence'] = {};
    for (const i of scenario.islands) influence[i.id] = s.influence[i.id] ?? 0;
    powers[s.id] = { id: s.id, name: s.name, persona: s.persona ?? 'balanced', intrusions: [], treasury: 0, budgetPerRound: s.budgetPerRound, reputation: s.reputation, influence };
  }
  const g: GameState = {
    rules: RULES_VERSION,
    scenario: {
      id: scenario.id,
      version: scenario.version,
      hash: scenarioHash,
      title: scenario.title,
      par: scenario.par,
      rounds: scenario.rounds,
      monthsPerRound: scenario.monthsPerRound,
      start: scenario.start,
    },
    round: 1,
    date: scenario.start,
    phase: 'briefing',
    seats: [...scenario.islands.map((i) => i.id), ...POWERS.filter((p) => presentPowers.includes(p))],
    islands,
    powers,
    landings: Object.fromEntries(scenario.landings.map((l) => [l.id, { ...l }])),
    vendors: Object.fromEntries(scenario.vendors.map((v) => [v.id, { ...v, pricePerKm: v.pricePerKm ?? 0, pricePerLanding: v.pricePerLanding ?? 0, minBuildMonths: v.minBuildMonths ?? 1 }])),
    cables: scenario.cables.map((c) => ({
      id: c.id,
      name: c.name,
      route: [...c.route],
      vendor: c.vendor,
      financier: c.financier,
      status: c.status,
      readyRound: c.status === 'building' ? (c.readyRound ?? null) : null,
      dataAccess: c.dataAccess,
      operator: 'island' as const,
      owner: 'other' as const,
      agreement: null,
    })),
    offers: [],
    agreements: [],
    debts: [],
    ledger: [],
    orders: [],
    events: [],
    log: [],
    ended: [],
    objectives: structuredClone(scenario.objectives),
    deck: structuredClone(scenario.deck),
    scripted: structuredClone(scenario.scripted),
    tabled: structuredClone(scenario.tabled ?? []),
    scores: {},
    baseline: {},
    history: [],
    seen: {},
    idKey: idKeyOf(seed),
    counters: { offer: 0, agreement: 0, accept: 0, event: 0, order: 0, asset: 0, forum: 0 },
    repairShipFree: 1,
    computerSeats: [...scenario.islands.filter((i) => i.computer).map((i) => i.id), ...scenario.powers.filter((p) => p.computer).map((p) => p.id)],
    rng: seedState(seed),
    ...(scenario.injects?.length ? { injects: structuredClone(scenario.injects) } : {}),
    ...(scenario.subRoles ? { subRoles: structuredClone(scenario.subRoles) } : {}),
  };
  g.round = 0;
  for (const s of scenario.islands) transfer(g, 'world', s.id, s.treasury, 'opening', null);
  for (const s of scenario.powers) transfer(g, 'world', s.id, s.treasury, 'opening', null);
  g.round = 1;
  openFunders(g, scenario.funders ?? []);
  for (const d of scenario.debts) {
    openLoan(g, d.debtor, { kind: 'loan', by: d.creditor, lender: d.lender, ratePct: d.ratePct, years: d.years, graceYears: d.graceYears }, d.amount, null, d.id);
  }
  openStanding(g, scenario.agreements ?? [], sayer(g));
  refreshNetworks(g);
  for (const island of Object.values(g.islands)) island.norm.connectivity = island.connectivity;
  const expected = expectedStart(g);
  for (const role of g.seats) g.baseline[role] = levelsOf(expected, role);
  seenBaselines(g, expected);
  updateScores(g);
  updateSeenScores(g);
  return g;
}

/**
 * The yardstick scores are measured from: the start, plus what the cables already being built
 * would bring by the end of the game if nobody did anything. Their routes count as in service, and
 * the economy, legitimacy and unrest are moved by the difference those cables make, round by
 * round under the domestic rules. A government is scored on what it changes, not on a cable it
 * inherited (the Kumul cable in 2017, the East Micronesia Cable in 2023).
 */
function expectedStart(g: GameState): GameState {
  const due = g.cables.filter((c) => c.status === 'building' && c.readyRound !== null && c.readyRound <= g.scenario.rounds);
  if (!due.length) return g;
  const e = structuredClone(g);
  // Each island's connectivity in every round: the due cables count from the round they come into service.
  const connectivity: Record<string, number[]> = {};
  for (let round = 1; round <= g.scenario.rounds; round++) {
    for (const c of e.cables) {
      const d = due.find((x) => x.id === c.id);
      if (d) c.status = (d.readyRound ?? Infinity) <= round ? 'active' : 'building';
    }
    refreshNetworks(e);
    for (const island of Object.values(e.islands)) (connectivity[island.id] ??= []).push(island.connectivity);
  }
  for (const island of Object.values(e.islands)) {
    const start = own(g.islands, island.id);
    if (!start) continue;
    const withCables = { ...start, norm: { ...start.norm } };
    const without = { ...start, norm: { ...start.norm } };
    for (let round = 1; round <= g.scenario.rounds; round++) {
      const years = ((round - 1) * g.scenario.monthsPerRound) / 12;
      withCables.connectivity = connectivity[island.id]?.[round - 1] ?? start.connectivity;
      drift(withCables, years);
      drift(without, years);
    }
    island.economy = clampMetric(start.economy + withCables.economy - without.economy);
    island.legitimacy = clampMetric(start.legitimacy + withCables.legitimacy - without.legitimacy);
    island.unrest = clampMetric(start.unrest + withCables.unrest - without.unrest);
  }
  return e;
}

/** A new game: the scenario's start, played through round 1's briefing to the first negotiation. */
export function createGame(scenario: ScenarioData, scenarioHash: string, seed: string): GameState {
  // As xstate's initialTransition(), in the scope made once (initialTransition makes an actor each
  // time, and that actor plays the machine's start on no input first). The machine hands back only
  // assigns, which are already in the snapshot.
  return gameMachine.getInitialSnapshot(machineScope(), initialState(scenario, scenarioHash, seed)).context;
}

export type StepResult = { ok: true; state: GameState } | { ok: false; refusal: Refusal };

type MachineScope = Parameters<typeof gameMachine.transition>[2];
let scope: MachineScope | undefined;

/**
 * The inert scope every step runs the machine in, made once. xstate's own transition() makes a
 * new actor for each call, and that actor's constructor plays the machine's initial state on no
 * input (an entry action that throws, caught): most of a game's time went there. This actor is
 * restored from a snapshot, so it runs nothing; the machine has no children, timers or sends,
 * so nothing it would hold is ever used, and the actions xstate hands back are all assigns.
 */
function machineScope(): MachineScope {
  if (scope) return scope;
  const self = createActor(gameMachine, { input: {} as GameState, snapshot: gameMachine.resolveState({ value: 'over', context: {} as GameState }) });
  scope = { self, defer: () => {}, id: '', logger: () => {}, sessionId: '', stopChild: () => {}, system: self.system, emit: () => {}, actionExecutor: () => {} };
  return scope;
}

/**
 * The phases in which the machine answers a legal ACT with its `apply` action alone and stays put
 * unless every seat has then ended the phase (its `always` transition), read from the machine's
 * own definition: a phase whose ACT or eventless transitions say anything else is not among them.
 */
const applyOnlyPhases: ReadonlySet<string> = new Set(
  Object.entries(gameMachine.config.states ?? {})
    .filter(([, node]) => {
      const act = (node.on as Record<string, unknown> | undefined)?.ACT as { guard?: unknown; actions?: unknown; target?: unknown } | undefined;
      const always = node.always as { guard?: unknown; target?: unknown } | undefined;
      return act?.guard === 'legal' && act.actions === 'apply' && act.target === undefined && Object.keys(act).length === 2 && always?.guard === 'everyoneEnded' && Object.keys(node.on ?? {}).length === 1;
    })
    .map(([phase]) => phase),
);

/** Apply one action through the turn machine. A refused action changes nothing. */
export function step(state: GameState, action: Action): StepResult {
  const refusal = validateOnce(state, action);
  if (refusal) return { ok: false, refusal };
  // Most actions (an offer, an answer, an order, all but the last End phase) only run the machine's
  // `apply` and leave it in the same phase: that is done here without xstate's snapshot work, which
  // cost as much as the rule itself. An action after which everyone has ended the phase goes
  // through the machine, which moves on from the state before it (the result is the same).
  if (applyOnlyPhases.has(state.phase)) {
    const next = applyOnCopy(state, action);
    if (!everyoneEnded(next)) return { ok: true, state: next };
  }
  // The snapshot is rebuilt from the state: the machine has no history, children or timers, so its
  // phase and context are all of it (keeping every snapshot made cost more than rebuilding one).
  const snapshot = gameMachine.resolveState({ value: state.phase, context: state });
  const next = gameMachine.transition(snapshot, { type: 'ACT', action }, machineScope());
  return { ok: true, state: next.context };
}

/** The state hash of the record: SHA-256 over canonical JSON of the whole state. */
export const stateHash = (g: GameState): string => hashJson(g);
