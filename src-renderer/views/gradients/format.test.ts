import { describe, expect, it } from 'vitest';
import { formatPercent, formatSci } from './format';
import { workedExample } from './explorer-data';

describe('formatSci', () => {
  it('writes tiny and huge numbers as a mantissa times a power of ten with superscripts', () => {
    expect(formatSci(4.62e-16)).toBe('4.6 × 10⁻¹⁶');
    expect(formatSci(2.7e17)).toBe('2.7 × 10¹⁷');
  });
  it('keeps ordinary magnitudes plain and marks non-numbers', () => {
    expect(formatSci(0.35)).toBe('0.35');
    expect(formatSci(0)).toBe('0');
    expect(formatSci(NaN)).toBe('—');
    expect(formatPercent(0.874)).toBe('87%');
  });
  it("the lesson's worked example comes out of the engine: 0.7^99 ≈ 4.6 × 10⁻¹⁶", () => {
    const v = workedExample(0.7, 100);
    expect(v).toBeCloseTo(0.7 ** 99, 25);
    expect(formatSci(v)).toBe('4.6 × 10⁻¹⁶');
    expect(formatSci(workedExample(0.7, 99))).toBe('6.6 × 10⁻¹⁶');
    expect(formatSci(workedExample(0.7, 101))).toBe('3.2 × 10⁻¹⁶');
  });
});
