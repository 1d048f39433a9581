import { POWERS, type Action, type Deal, type PowerId, type RoleId } from '../engine';
import { MatchHost } from '../host/match';
import { playToEnd } from '../ai/autoplay';
import { makeSimplePolicy, simplePolicy, type Policy } from '../ai/simple';
import { makeBot, policyByName } from '../ai';
import type { Scenario } from '../scenario/schema';

/** How the islands play in a batch: the built-in policy, or the same policy dealing with one partner only. */
export type IslandMode = 'balanced' | 'single';

export interface GameResult {
  seed: number;
  scores: Record<RoleId, number>;
  winners: RoleId[];
  /** Each role's final part on each objective (0-100). */
  parts: Record<RoleId, Record<string, number>>;
}

/** The partner an island leans to at the start: the one a single-partner island sticks to. */
export function closestPartner(s: Scenario, island: string): PowerId {
  const isl = s.islands.find((i) => i.id === island);
  const present = POWERS.filter((p) => s.powers.some((x) => x.id === p));
  return present.sort((a, b) => (isl?.alignment[b] ?? 0) - (isl?.alignment[a] ?? 0) || a.localeCompare(b))[0] ?? 'canberra';
}

const funderOf = (deal: Deal): PowerId => (deal.kind === 'pact' || deal.kind === 'diplomatic' || deal.kind === 'package' ? deal.power : deal.financing.by);

/** Any policy, tied to one partner: it turns down every other power's offers and asks nothing of them. */
export function singlePartner(policy: Policy, partner: PowerId): Policy {
  return (v, role, ctx) =>
    policy(v, role, ctx).flatMap((a): Action[] => {
      if (a.type === 'accept' || a.type === 'counter') {
        const o = v.offers.find((x) => x.id === a.offer);
        if (o && funderOf(o.deal) !== partner) return [{ type: 'reject', role, offer: a.offer, reason: `We work with ${v.powers[partner]?.name ?? partner} only.` }];
      }
      if (a.type === 'offer' && funderOf(a.deal) !== partner) return [];
      return [a];
    });
}

/** The policy of every seat in a batch: 'simple' (the built-in policies) or a bot level ('easy', 'normal', 'hard', 'random'). */
export function batchPolicy(bots: string, scenario: Scenario): Policy {
  if (bots === 'simple') return simplePolicy;
  if (bots === 'hard') return makeBot({ level: 'hard', scenario });
  const p = policyByName(bots);
  if (!p) throw new Error(`no computer player named "${bots}"`);
  return p;
}

/** Play one game of a batch with the given computer players in every seat. */
export function playBatchGame(scenario: Scenario, hash: string, seed: number, islands: IslandMode, bots = 'simple'): GameResult {
  const host = new MatchHost(scenario, hash, String(seed), { hashes: false });
  const policy = batchPolicy(bots, scenario);
  const single = new Map<RoleId, Policy>();
  if (islands === 'single')
    for (const i of scenario.islands) {
      const partner = closestPartner(scenario, i.id);
      single.set(i.id, bots === 'simple' ? makeSimplePolicy({ singlePartner: partner }) : singlePartner(policy, partner));
    }
  playToEnd(host, (role) => single.get(role) ?? policy, String(seed));
  const g = host.state;
  const scores = Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0]));
  const parts = Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.parts ?? {}]));
  return { seed, scores, winners: g.seats.filter((r) => (scores[r] ?? 0) >= g.scenario.par), parts };
}
