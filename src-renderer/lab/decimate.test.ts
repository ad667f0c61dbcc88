import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketEnds, MinMaxDecimator } from './decimate';

function decimate(values: readonly number[], columns: number): { indices: number[]; size: number } {
  const d = new MinMaxDecimator(columns);
  d.extend(values, values.length);
  return { indices: [...d.indices()], size: d.bucketSize };
}

/** The finite extremes and first non-finite index of values[lo, hi), by brute force. */
function bucketFacts(values: readonly number[], lo: number, hi: number) {
  let min = Infinity;
  let max = -Infinity;
  let gap = -1;
  for (let i = lo; i < hi; i++) {
    if (!Number.isFinite(values[i])) {
      if (gap < 0) gap = i;
    } else {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
  }
  return { min, max, gap };
}

const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
);
const series = fc.array(value, { maxLength: 600 });
const columns = fc.integer({ min: 1, max: 40 });

describe('MinMaxDecimator', () => {
  it('indices() draws every point while the series fits in the columns', () => {
    const values = [3, 1, NaN, 4, 1, 5];
    expect(decimate(values, 6)).toEqual({ indices: [0, 1, 2, 3, 4, 5], size: 1 });
    expect(decimate([], 6)).toEqual({ indices: [], size: 1 });
  });

  it('indices() keeps each bucket’s minimum and maximum, in order, plus the first and last point', () => {
    // 8 points in 2 columns: buckets of 4.
    const values = [5, 9, 1, 6, 2, 2, 8, 3];
    expect(decimate(values, 2)).toEqual({ indices: [0, 1, 2, 4, 6, 7], size: 4 });
  });

  it('indices() keeps a non-finite point where it happened, so the line breaks there', () => {
    const values = [1, 2, Infinity, 0, 5, 5, 5, 5];
    expect(decimate(values, 2).indices).toEqual([0, 1, 2, 3, 4, 7]);
    expect(decimate([NaN, NaN, NaN, NaN], 1).indices).toEqual([0, 3]);
  });

  it('the bucket size is the smallest power of two that fits the series in the columns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), columns, (n, c) => {
        const { size } = decimate(new Array<number>(n).fill(1), c);
        expect(Math.log2(size) % 1).toBe(0);
        expect(Math.ceil(n / size)).toBeLessThanOrEqual(c);
        if (size > 1) expect(Math.ceil(n / (size / 2))).toBeGreaterThan(c);
      }),
    );
  });

  it('draws each bucket’s extremes and gaps, ascending, in at most 3·columns + 2 points', () => {
    fc.assert(
      fc.property(series, columns, (values, c) => {
        const { indices, size } = decimate(values, c);
        const n = values.length;
        expect(indices.length).toBeLessThanOrEqual(3 * c + 2);
        for (let k = 1; k < indices.length; k++) expect(indices[k]).toBeGreaterThan(indices[k - 1]);
        if (n === 0) {
          expect(indices).toEqual([]);
          return;
        }
        expect(indices[0]).toBe(0);
        expect(indices.at(-1)).toBe(n - 1);
        for (let lo = 0; lo < n; lo += size) {
          const hi = Math.min(n, lo + size);
          const drawn = indices.filter((i) => i >= lo && i < hi).map((i) => values[i]);
          const want = bucketFacts(values, lo, hi);
          const got = bucketFacts(drawn, 0, drawn.length);
          expect([got.min, got.max]).toEqual([want.min, want.max]);
          expect(got.gap >= 0).toBe(want.gap >= 0);
        }
      }),
    );
  });

  it('takes a series in any number of pieces with the same result as in one', () => {
    fc.assert(
      fc.property(series, columns, fc.array(fc.nat(), { maxLength: 8 }), (values, c, cuts) => {
        const whole = decimate(values, c);
        const d = new MinMaxDecimator(c);
        for (const cut of cuts.map((k) => k % (values.length + 1)).sort((a, b) => a - b)) d.extend(values, cut);
        d.extend(values, values.length);
        expect(d.length).toBe(values.length);
        expect({ indices: [...d.indices()], size: d.bucketSize }).toEqual(whole);
      }),
    );
  });

  it('reset() forgets everything, so a rewritten series decimates like a fresh one', () => {
    const d = new MinMaxDecimator(4);
    d.extend([9, 9, 9, 9, 9, 9, 9, 9, 9, 9], 10);
    d.reset();
    d.extend([1, 2, 3], 3);
    expect(d.length).toBe(3);
    expect(d.bucketSize).toBe(1);
    expect([...d.indices()]).toEqual([0, 1, 2]);
  });

  it('refuses a column count that is not a positive integer', () => {
    expect(() => new MinMaxDecimator(0)).toThrow(RangeError);
    expect(() => new MinMaxDecimator(2.5)).toThrow(RangeError);
  });
});

describe('bucketEnds', () => {
  it('bucketEnds(n, size) is the first point and the last point of every bucket', () => {
    expect([...bucketEnds(10, 4)]).toEqual([0, 3, 7, 9]);
    expect([...bucketEnds(8, 4)]).toEqual([0, 3, 7]);
    expect([...bucketEnds(3, 1)]).toEqual([0, 1, 2]);
    expect([...bucketEnds(1, 8)]).toEqual([0]);
    expect([...bucketEnds(0, 8)]).toEqual([]);
  });

  it('draws at most one point per bucket plus the first, ascending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 12 }), (n, k) => {
        const ends = [...bucketEnds(n, 2 ** k)];
        expect(ends.length).toBeLessThanOrEqual(Math.ceil(n / 2 ** k) + 1);
        expect(ends[0]).toBe(0);
        expect(ends.at(-1)).toBe(n - 1);
        for (let j = 1; j < ends.length; j++) expect(ends[j]).toBeGreaterThan(ends[j - 1]);
      }),
    );
  });
});

