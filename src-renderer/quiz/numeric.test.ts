import { describe, expect, it } from 'vitest';
import { checkNumeric, parseNumber } from './numeric';

describe('parseNumber', () => {
  it.each([
    ['1234', 1234],
    ['1 234', 1234],
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['4,6', 4.6],
    ['4.6e-16', 4.6e-16],
    ['4.6E-16', 4.6e-16],
    ['4,6e-16', 4.6e-16],
    ['4.6 × 10^-16', 4.6e-16],
    ['4.6x10^-16', 4.6e-16],
    ['4.6 * 10^(-16)', 4.6e-16],
    ['4.6·10⁻¹⁶', 4.6e-16],
    ['4.6 × 10^−16', 4.6e-16],
    ['10^-3', 1e-3],
    ['-2.5', -2.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBeCloseTo(value, 20);
    expect(parseNumber(text) / value).toBeCloseTo(1, 10);
  });

  it.each(['', 'abc', '12abc', '1e', '--3', '4.6 × 10'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeNaN();
  });
});

describe('checkNumeric', () => {
  it('demands the exact value for counts', () => {
    expect(checkNumeric('1541', 1541, { relative: 0 })).toBe(true);
    expect(checkNumeric('1 541', 1541, { relative: 0 })).toBe(true);
    expect(checkNumeric('1540', 1541, { relative: 0 })).toBe(false);
  });

  it('accepts a relative error for powers', () => {
    const exact = Math.pow(0.7, 99);
    expect(checkNumeric('4.6e-16', exact, { relative: 0.05 })).toBe(true);
    expect(checkNumeric('4.6 × 10^-16', exact, { relative: 0.05 })).toBe(true);
    expect(checkNumeric('3.2e-16', exact, { relative: 0.05 })).toBe(false);
    expect(checkNumeric('not a number', exact, { relative: 0.05 })).toBe(false);
  });
});
