import { describe, expect, it } from 'vitest';
import { RunningSpectralRadius, spectralNormOf, spectralRadiusOf } from './spectral';
import { createEngineRng } from './rng';

describe('spectral radius and norm', () => {
  it('ρ of a diagonal matrix is its largest |entry|', () => {
    expect(spectralRadiusOf(Float64Array.from([0.3, 0, 0, -0.8]), 2)).toBeCloseTo(0.8, 6);
  });
  it('ρ of a scaled rotation (a complex eigenvalue pair) is the scale', () => {
    const c = Math.cos(1), s = Math.sin(1);
    expect(spectralRadiusOf(Float64Array.from([0.9 * c, -0.9 * s, 0.9 * s, 0.9 * c]), 2)).toBeCloseTo(0.9, 6);
    expect(new RunningSpectralRadius(2).estimate(Float64Array.from([0.9 * c, -0.9 * s, 0.9 * s, 0.9 * c]))).toBeCloseTo(0.9, 6);
  });
  it('ρ is below the spectral norm for a non-normal matrix', () => {
    const W = Float64Array.from([0.5, 2, 0, 0.5]);
    expect(spectralRadiusOf(W, 2)).toBeCloseTo(0.5, 2);
    expect(spectralNormOf(W, 2, 2)).toBeCloseTo(Math.sqrt(4.5 / 2 + Math.sqrt((4.5 / 2) ** 2 - 0.0625)), 6);
  });
  it('the running estimate agrees with the squaring method within 1% on random matrices', () => {
    const r = createEngineRng(9);
    for (const n of [8, 32, 64]) {
      const W = Float64Array.from({ length: n * n }, () => r.normal() / Math.sqrt(n));
      const exact = spectralRadiusOf(W, n, 0, 14);
      expect(Math.abs(new RunningSpectralRadius(n).estimate(W) / exact - 1)).toBeLessThan(0.01);
    }
  });
});
