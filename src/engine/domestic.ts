import type { GameState, Island, IslandId, PowerId } from './types';
import { POWERS } from './types';
import { pickWeighted, roll } from './rng';
import { transfer } from './money';
import { clamp, clampAlignment, clampMetric, formatMoney, roundsFor, own } from './util';
import type { Say } from './log';

/** Years between general elections. */
export const TERM_MONTHS = 48;

/** Revenue an island collects this round: its base revenue scaled by the economy (50 = base). */
export function revenueOf(revenuePerRound: number, economy: number): number {
  return Math.floor((revenuePerRound * (50 + economy)) / 100);
}

/**
 * The economy index the island can sustain: where it started, plus what better (or worse)
 * connectivity and coverage have added since. The economy moves a third of the way each round.
 */
export function economyTarget(island: Island, yearsElapsed = 0): number {
  const n = island.norm;
  return clampMetric(n.economy - DEMAND_PER_YEAR * yearsElapsed + ((island.connectivity - n.connectivity) * 2) / 5 + (island.coverage - n.coverage) / 5);
}

/** A growing, more connected world: an island that stands still falls behind by this many economy points a year. */
export const DEMAND_PER_YEAR = 2;

/** Points of legitimacy a year that a government loses to rising expectations unless the economy grows. */
export const EXPECTATIONS_PER_YEAR = 3;

/**
 * The legitimacy a government drifts back to: its starting standing, worn down by rising
 * expectations year by year and moved by how the economy has fared.
 */
export function legitimacyTarget(island: Island, yearsElapsed: number): number {
  return clampMetric(island.norm.legitimacy - EXPECTATIONS_PER_YEAR * yearsElapsed + (island.economy - island.norm.economy) / 2);
}

/** Years since the game began, at the current round (the domestic phase's clock). */
export const yearsElapsed = (g: Pick<GameState, 'round' | 'scenario'>): number => ((g.round - 1) * g.scenario.monthsPerRound) / 12;

/**
 * What an island loses while its last commercial bank is leaving and none has taken its place:
 * wages, remittances and trade wait on a correspondent bank, so the economy the island can sustain
 * falls, and the government takes the blame (Bendigo Bank's notice to leave Nauru, late 2023).
 */
export const BANK_EXIT = { economy: 12, legitimacy: 4, unrest: 6 } as const;

/** The bank gives notice: the economy and its sustainable level fall until banking aid finds another. */
export function loseBank(island: Island): void {
  if (island.bankLeaving) return;
  island.bankLeaving = true;
  island.economy = clampMetric(island.economy - BANK_EXIT.economy);
  island.norm.economy = clampMetric(island.norm.economy - BANK_EXIT.economy);
  island.legitimacy = clampMetric(island.legitimacy - BANK_EXIT.legitimacy);
  island.unrest = clampMetric(island.unrest + BANK_EXIT.unrest);
}

/** Another bank takes over (aid for `banking`): what the exit took from the economy comes back at once. */
export function restoreBanking(island: Island): void {
  if (!island.bankLeaving) return;
  delete island.bankLeaving;
  island.economy = clampMetric(island.economy + BANK_EXIT.economy);
  island.norm.economy = clampMetric(island.norm.economy + BANK_EXIT.economy);
  island.unrest = clampMetric(island.unrest - BANK_EXIT.unrest);
}

/**
 * How far signing deals can prop a government up: what a deal adds to its standing stops this many
 * points above where its economy and the years would put it (legitimacyTarget). Budget support,
 * projects and pacts buy a government room, not popularity: Sogavare's government, carried through
 * the 2021 riots and a no-confidence vote on Australian, Chinese and other support, still lost
 * seats at the April 2024 election and its leader the premiership; Nauru's Kun was removed in
 * October 2023.
 */
export const PROPPED_UP_MARGIN = 10;

/** Raise (or lower) a government's standing by a deal's points, a rise no higher than PROPPED_UP_MARGIN above its target. */
export function propUp(g: Pick<GameState, 'round' | 'scenario'>, island: Island, points: number): void {
  if (points <= 0) {
    island.legitimacy = clampMetric(island.legitimacy + points);
    return;
  }
  const ceiling = legitimacyTarget(island, yearsElapsed(g)) + PROPPED_UP_MARGIN;
  island.legitimacy = clampMetric(island.legitimacy + clamp(ceiling - island.legitimacy, 0, points));
}

/** Influence fades without engagement: every power loses this many points a year on every island. */
export const INFLUENCE_FADE_PER_YEAR = 3;

/** The influence that fades in this round: whole points, spread over the year by the months each round covers. */
export function influenceFade(round: number, monthsPerRound: number): number {
  const by = (r: number) => Math.floor((INFLUENCE_FADE_PER_YEAR * r * monthsPerRound) / 12);
  return by(round) - by(round - 1);
}

/**
 * Years of base revenue an island government can hold and put to use. Money beyond that is lost to
 * limited absorptive capacity (few projects ready, few officials to run them): aid piled on an
 * island stops buying anything (the Lowy Institute's Pacific Aid Map: aid to the small island
 * states outran what their administrations could spend, 2020-22).
 */
export const ABSORPTION_YEARS = 2;

/** The most an island's treasury holds after the domestic phase. */
export const absorptionCap = (g: GameState, revenuePerRound: number): number =>
  revenuePerRound * Math.max(1, Math.floor(12 / g.scenario.monthsPerRound)) * ABSORPTION_YEARS;

export function runDomestic(g: GameState, say: Say): void {
  const fade = influenceFade(g.round, g.scenario.monthsPerRound);
  for (const p of POWERS) {
    const power = own(g.powers, p);
    if (power && fade) for (const i of Object.keys(power.influence)) power.influence[i] = clampMetric((power.influence[i] ?? 0) - fade);
  }
  for (const id of Object.keys(g.islands).sort()) {
    const island = own(g.islands, id);
    if (!island) continue;
    transfer(g, 'world', id, revenueOf(island.revenuePerRound, island.economy), 'revenue', null);
    const cap = absorptionCap(g, island.revenuePerRound);
    if (island.treasury > cap) {
      const lost = island.treasury - cap;
      transfer(g, id, 'world', lost, 'absorption', null);
      say(`${island.name} cannot put all its money to use: ${formatMoney(lost)} beyond two years of revenue is lost to limited absorptive capacity.`, 'all');
    }
    drift(island, yearsElapsed(g));
    if (island.nextElection === g.round) runElection(g, id, say, false);
  }
}

/**
 * One round's drift of the economy, legitimacy and unrest. The economy moves a third of the way to
 * what the island can sustain; legitimacy a point towards what the economy supports; unrest a
 * third of the way towards what legitimacy and the economy leave.
 */
export function drift(island: Island, yearsElapsed: number): void {
  const gap = economyTarget(island, yearsElapsed) - island.economy;
  island.economy = clampMetric(island.economy + clamp(Math.trunc(gap / 3), -4, 4));
  island.legitimacy = clampMetric(island.legitimacy + Math.sign(legitimacyTarget(island, yearsElapsed) - island.legitimacy));
  island.unrest = clampMetric(island.unrest + clamp(Math.trunc((unrestTarget(island.legitimacy, island.economy, island.norm.democracy - island.democracy) - island.unrest) / 3), -6, 6));
}

/**
 * The unrest an island settles at: low legitimacy and a weak economy feed it, and so does
 * repression — half of the democracy lost since the start (crackdowns, delayed elections, a
 * surveillance system), the resentment that outlasts the calm a crackdown buys.
 */
export function unrestTarget(legitimacy: number, economy: number, repression = 0): number {
  return clamp(70 - legitimacy + Math.max(0, 30 - economy) + Math.max(0, repression) / 2, 0, 100);
}

/**
 * A general election: the government keeps power with a chance equal to its legitimacy
 * (between 20% and 85%); otherwise a new government comes in with its own leaning.
 */
export function runElection(g: GameState, id: IslandId, say: Say, snap: boolean, successor?: PowerId): void {
  const island = own(g.islands, id);
  if (!island) return;
  const keepChance = clamp(island.legitimacy, 20, 85);
  const kept = roll(g) * 100 < keepChance;
  island.nextElection = g.round + roundsFor(TERM_MONTHS, g.scenario.monthsPerRound);
  if (kept) {
    island.legitimacy = clampMetric(island.legitimacy + 5);
    say(`${snap ? 'Snap election' : 'Election'} in ${island.name}: the government is returned (it had a ${keepChance}% chance).`);
    return;
  }
  newGovernment(g, id, say, `${snap ? 'Snap election' : 'Election'} in ${island.name}: the government falls.`, successor);
}

/**
 * The government falls: a new one comes in, leaning to a power chosen by the islanders'
 * alignments, or to `successor` when a scripted event names it. A successor from the outgoing
 * government's own camp (the Solomons, 2024) is still a fall, but keeps the leaning and the alignments.
 */
export function newGovernment(g: GameState, id: IslandId, say: Say, headline: string, successor?: PowerId): void {
  const island = own(g.islands, id);
  if (!island) return;
  const present = POWERS.filter((p) => own(g.powers, p));
  const weights: Partial<Record<PowerId, number>> = {};
  for (const p of present) {
    const base = 100 + island.alignment[p];
    weights[p] = p === island.leaning ? Math.floor(base / 2) : base;
  }
  const previous = island.leaning;
  const leaning = successor && own(g.powers, successor) ? successor : (pickWeighted(g, weights) ?? null);
  island.leaning = leaning;
  island.falls++;
  if (leaning !== null && leaning === previous) {
    island.legitimacy = Math.max(island.legitimacy, island.norm.legitimacy);
    say(`${headline} The new government comes from the outgoing one's own camp and still leans to ${own(g.powers, leaning)?.name}.`);
    return;
  }
  // A fresh mandate: the new government starts from the island's usual standing, not from its predecessor's low.
  island.legitimacy = Math.max(island.legitimacy, island.norm.legitimacy);
  for (const p of present) {
    if (p === leaning) island.alignment[p] = clampAlignment(island.alignment[p] + 15);
    else if (p === previous) island.alignment[p] = clampAlignment(island.alignment[p] - 15);
  }
  say(`${headline} The new government leans to ${leaning ? own(g.powers, leaning)?.name : 'no one'}.`);
}

/** Each power's new budget at the start of a round. */
export function grantBudgets(g: GameState): void {
  for (const p of POWERS) {
    const power = own(g.powers, p);
    if (power) transfer(g, 'world', p, power.budgetPerRound, 'budget', null);
  }
}
