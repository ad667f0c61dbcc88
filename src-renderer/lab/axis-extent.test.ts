import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundUpForAxis } from './axis-extent';

describe('roundUpForAxis', () => {
  it('rounds up to the next of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k, keeping round numbers as they are', () => {
    expect([1, 7, 10, 11, 151, 299, 300, 301, 999, 1000, 1001, 45_000].map(roundUpForAxis)).toEqual([
      1, 8, 10, 15, 200, 300, 300, 400, 1000, 1000, 1500, 50_000,
    ]);
    expect(roundUpForAxis(0.03)).toBe(0.03);
    expect(roundUpForAxis(0.031)).toBe(0.04);
  });

  it('is at least the value and at most 1.5 times it, and never goes down as the value grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), (v, grow) => {
        const r = roundUpForAxis(v);
        expect(r).toBeGreaterThanOrEqual(v * (1 - 1e-12));
        expect(r).toBeLessThanOrEqual(v * 1.5 * (1 + 1e-12));
        expect(roundUpForAxis(v + grow)).toBeGreaterThanOrEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes about nine times while a run grows tenfold, so the axis is rebuilt that often, not per message', () => {
    const ends = new Set<number>();
    for (let step = 1000; step <= 10_000; step += 7) ends.add(roundUpForAxis(step));
    expect(ends.size).toBeLessThanOrEqual(9);
  });

  it('answers 1 for a value that is not a positive finite number', () => {
    expect([0, -5, NaN, Infinity].map(roundUpForAxis)).toEqual([1, 1, 1, 1]);
  });
});
