import { describe, expect, it } from 'vitest';
import { GRAD_DECADES, GRAD_SIZE_MAX, GRAD_SIZE_MIN, formatNorm, gradSize, gradStrength, logMaxNorm } from './grad-scale';

describe('gradient scale', () => {
  it('logMaxNorm ignores zeros and non-finite norms', () => {
    expect(logMaxNorm([0, NaN, 0.01, 100, Infinity])).toBeCloseTo(2);
    expect(logMaxNorm([0, NaN])).toBeNaN();
  });

  it('gradStrength is 1 at the largest norm and falls linearly in log10 to 0 over GRAD_DECADES', () => {
    const lm = Math.log10(2);
    expect(gradStrength(2, lm)).toBe(1);
    expect(gradStrength(2e-3, lm)).toBeCloseTo(1 - 3 / GRAD_DECADES);
    expect(gradStrength(2 * 10 ** -GRAD_DECADES, lm)).toBeCloseTo(0);
    expect(gradStrength(1e-30, lm)).toBe(0);
    expect(gradStrength(0, lm)).toBe(0);
    expect(gradStrength(NaN, lm)).toBe(0);
  });

  it('a vanishing chain fades: 0.7^99 ≈ 4.6e-16 is fully faded at the first step', () => {
    const norms = Array.from({ length: 100 }, (_, t) => 0.7 ** (99 - t));
    const lm = logMaxNorm(norms);
    expect(norms[0]).toBeCloseTo(4.6e-16, 17);
    expect(gradStrength(norms[0], lm)).toBe(0);
    const strengths = norms.map((n) => gradStrength(n, lm));
    for (let t = 1; t < 100; t++) expect(strengths[t]).toBeGreaterThanOrEqual(strengths[t - 1]);
  });

  it('gradSize maps strength 0..1 onto the marker radius range', () => {
    expect(gradSize(0)).toBe(GRAD_SIZE_MIN);
    expect(gradSize(1)).toBe(GRAD_SIZE_MAX);
    expect(gradSize(0.5)).toBeCloseTo((GRAD_SIZE_MIN + GRAD_SIZE_MAX) / 2);
  });

  it('formatNorm writes three significant figures, and tiny numbers as a power of ten', () => {
    expect(formatNorm(0.5)).toBe('0.500');
    expect(formatNorm(4.6e-16)).toBe('4.6 × 10⁻¹⁶');
    expect(formatNorm(NaN)).toBe('not recorded');
  });
});
