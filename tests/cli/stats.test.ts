import { describe, expect, it } from 'vitest';
import { scoreInterval } from '../../src/cli/stats';

describe("a tournament's interval", () => {
  it('is narrower when most pairs tie than when every pair is decided, for the same share', () => {
    // Coral Sea's cut, 200 pairs: 48 won, 130 tied, 22 lost (56.5%).
    const tied = scoreInterval(48, 130, 22);
    expect(tied.mean).toBeCloseTo(0.565, 3);
    expect(tied.low).toBeGreaterThan(0.5);
    expect(tied.high).toBeLessThan(0.61);
    // The same 56.5% from 113 wins and 87 losses cannot be told from an even match.
    const decided = scoreInterval(113, 0, 87);
    expect(decided.mean).toBeCloseTo(0.565, 3);
    expect(decided.low).toBeLessThan(0.5);
    expect(decided.high - decided.low).toBeGreaterThan(1.6 * (tied.high - tied.low));
  });

  it('stays within 0-100% and holds its share', () => {
    for (const [w, t, l] of [[0, 0, 5], [5, 0, 0], [3, 4, 1], [0, 7, 0]] as const) {
      const ci = scoreInterval(w, t, l);
      expect(ci.low).toBeGreaterThanOrEqual(0);
      expect(ci.high).toBeLessThanOrEqual(1);
      expect(ci.low).toBeLessThanOrEqual(ci.mean);
      expect(ci.high).toBeGreaterThanOrEqual(ci.mean);
    }
    expect(scoreInterval(0, 0, 0)).toEqual({ mean: 0, low: 0, high: 1 });
  });

  it('does not call a handful of pairs that all went one way certain', () => {
    const swept = scoreInterval(40, 0, 0);
    expect(swept.mean).toBe(1);
    expect(swept.low).toBeGreaterThan(0.85);
    expect(swept.low).toBeLessThan(0.95);
    const drawn = scoreInterval(0, 40, 0);
    expect(drawn.low).toBeLessThan(0.4);
    expect(drawn.high).toBeGreaterThan(0.6);
  });
});
