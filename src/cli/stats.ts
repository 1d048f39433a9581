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
export function wilson(successes: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = 1.96;
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
