import type { GameState, GameView, RoleId } from '../engine';

/**
 * Metrics over the rounds, for the dashboard's deltas and sparklines. Every value here is public
 * in every view (islands' and powers' public figures, scores); it is read, never computed by rules.
 */

export const ISLAND_METRICS = ['treasury', 'debt', 'connectivity', 'economy', 'legitimacy', 'democracy', 'sovereignty', 'cyber', 'unrest', 'coverage'] as const;

export type Metrics = Record<string, number>;
export interface Snapshot {
  round: number;
  roles: Record<RoleId, Metrics>;
}

type Readable = Pick<GameState | GameView, 'islands' | 'powers' | 'debts' | 'scores' | 'seats' | 'round'>;

/** The numbers the dashboard tracks for each role, now. */
export function metricsOf(g: Readable): Record<RoleId, Metrics> {
  const out: Record<RoleId, Metrics> = {};
  for (const role of g.seats) {
    const m: Metrics = {};
    const island = g.islands[role] as unknown as Record<string, unknown> | undefined;
    const power = g.powers[role as keyof GameState['powers']];
    if (island) {
      for (const k of ISLAND_METRICS) if (typeof island[k] === 'number') m[k] = island[k] as number;
      m.debt = g.debts.filter((d) => d.debtor === role).reduce((s, d) => s + d.outstanding, 0);
    } else if (power) {
      m.treasury = power.treasury;
      m.reputation = power.reputation;
      const inf = Object.values(power.influence);
      m.influence = inf.length ? Math.round(inf.reduce((s, x) => s + x, 0) / inf.length) : 0;
      for (const [id, x] of Object.entries(power.influence)) m[`influence.${id}`] = x;
    }
    const score = g.scores[role];
    if (score) m.score = score.total;
    out[role] = m;
  }
  return out;
}

/**
 * Snapshots at the start of each round (after its briefing). "Since last round" compares now
 * with the start of the previous round.
 */
export class MetricHistory {
  snapshots: Snapshot[] = [];

  reset(): void {
    this.snapshots = [];
  }

  /** Record the state if it is a round not seen yet. */
  observe(g: Readable): void {
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && last.round >= g.round) return;
    this.snapshots.push({ round: g.round, roles: metricsOf(g) });
  }

  /** Change of a metric since the start of the previous round, or null in the first round. */
  delta(g: Readable, role: RoleId, metric: string): number | null {
    const then = this.snapshots.find((s) => s.round === g.round - 1)?.roles[role]?.[metric];
    const now = metricsOf(g)[role]?.[metric];
    return then === undefined || now === undefined ? null : now - then;
  }

  /** The metric at the start of each of the last rounds, then now. */
  series(g: Readable, role: RoleId, metric: string, rounds = 8): number[] {
    const past = this.snapshots.filter((s) => s.round < g.round).slice(-(rounds - 1)).map((s) => s.roles[role]?.[metric]);
    const now = metricsOf(g)[role]?.[metric];
    return [...past, now].filter((x): x is number => typeof x === 'number');
  }
}
