/** Summary statistics of a sample. */
export interface Summary {
  mean: number;
  sd: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

const quantile = (sorted: number[], q: number): number => {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
};

export function summarize(values: number[]): Summary {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = n ? values.reduce((s, v) => s + v, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: sorted[0] ?? 0, p25: quantile(sorted, 0.25), median: quantile(sorted, 0.5), p75: quantile(sorted, 0.75), max: sorted[n - 1] ?? 0 };
}

/** Mean of paired differences with a 95% confidence interval (normal approximation). */
export function pairedDifference(a: number[], b: number[]): { n: number; meanDiff: number; ciLow: number; ciHigh: number } {
  const diffs = a.map((v, i) => v - (b[i] ?? 0));
  const { mean, sd } = summarize(diffs);
  const half = diffs.length > 1 ? (1.96 * sd) / Math.sqrt(diffs.length) : Infinity;
  return { n: diffs.length, meanDiff: mean, ciLow: mean - half, ciHigh: mean + half };
}

/** A 95% Wilson interval for a proportion. */
function wilson(successes: number, n: number): { low: number; high: number } {
  const z = 1.96;
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * A 95% interval for the mean score of paired games that end won (1), tied (½) or lost (0): the
 * normal approximation with the spread of those three outcomes, as chess-engine testing reports a
 * match (cutechess-cli's error margin). A proportion's interval (Wilson's) would count each tie as
 * a coin toss and be wider than the sample warrants when most pairs tie. When every pair ends
 * alike the sample shows no spread at all, and Wilson's interval (ties as halves) stands in, so
 * that 40 pairs won of 40 are not reported as certain.
 */
export function scoreInterval(wins: number, ties: number, losses: number): { mean: number; low: number; high: number } {
  const n = wins + ties + losses;
  if (n === 0) return { mean: 0, low: 0, high: 1 };
  const mean = (wins + ties / 2) / n;
  if (wins === n || ties === n || losses === n) return { mean, ...wilson(wins + ties / 2, n) };
  const variance = (wins * (1 - mean) ** 2 + ties * (0.5 - mean) ** 2 + losses * mean ** 2) / n;
  const half = 1.96 * Math.sqrt(variance / n);
  return { mean, low: Math.max(0, mean - half), high: Math.min(1, mean + half) };
}
