import { describe, expect, it } from 'vitest';
import { MAX_UNITS, MIN_UNITS, UNIT_BUDGET, bucketMeans, labelStride, unitsPerCell } from './lod';

describe('level of detail', () => {
  it('unitsPerCell draws every unit of a small model on a short chain', () => {
    expect(unitsPerCell(10, 24)).toBe(24);
  });

  it('unitsPerCell caps at MAX_UNITS and shrinks as T grows, never below MIN_UNITS', () => {
    expect(unitsPerCell(10, 256)).toBe(MAX_UNITS);
    expect(unitsPerCell(100, 256)).toBe(UNIT_BUDGET / 100);
    expect(unitsPerCell(1000, 256)).toBe(MIN_UNITS);
    expect(unitsPerCell(200, 2)).toBe(2);
    expect(unitsPerCell(100, 256, 5)).toBeLessThan(unitsPerCell(100, 256, 1));
  });

  it('the drawn unit count stays within the budget up to T = 200 for one column', () => {
    for (const T of [2, 10, 50, 100, 200]) expect(T * unitsPerCell(T, 256)).toBeLessThanOrEqual(Math.max(UNIT_BUDGET, T * MIN_UNITS));
  });

  it('labelStride labels every step up to 40 steps, then every k-th', () => {
    expect(labelStride(40)).toBe(1);
    expect(labelStride(100)).toBe(3);
  });

  it('bucketMeans averages consecutive units', () => {
    const out = new Float32Array(2);
    bucketMeans([1, 3, -1, -3], 2, out);
    expect([...out]).toEqual([2, -2]);
    const same = new Float32Array(3);
    bucketMeans([0.5, -0.5, 0.25], 3, same);
    expect([...same]).toEqual([0.5, -0.5, 0.25]);
  });
});
