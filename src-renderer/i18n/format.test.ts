import { afterEach, describe, expect, it } from 'vitest';
import { workedExample } from '../views/gradients/explorer-data';
import {
  csvNumber, formatCount, formatDateTime, formatFixed, formatLogTick, formatLr, formatPercent, formatScalar, formatSci, formatSeconds,
} from './format';
import { locale, t } from './i18n.svelte';

afterEach(() => locale.set('en'));

describe('formatSci', () => {
  it('writes tiny and huge numbers as a mantissa times a power of ten with superscripts', () => {
    expect(formatSci(4.62e-16)).toBe('4.6 × 10⁻¹⁶');
    expect(formatSci(2.7e17)).toBe('2.7 × 10¹⁷');
  });
  it('keeps ordinary magnitudes plain and marks non-numbers', () => {
    expect(formatSci(0.35)).toBe('0.35');
    expect(formatSci(0)).toBe('0');
    expect(formatSci(NaN)).toBe('–');
    expect(formatSci(Infinity)).toBe('∞');
  });
  it("the lesson's worked example comes out of the engine: 0.7^99 ≈ 4.6 × 10⁻¹⁶", () => {
    const v = workedExample(0.7, 100);
    expect(v).toBeCloseTo(0.7 ** 99, 25);
    expect(formatSci(v)).toBe('4.6 × 10⁻¹⁶');
    expect(formatSci(workedExample(0.7, 99))).toBe('6.6 × 10⁻¹⁶');
    expect(formatSci(workedExample(0.7, 101))).toBe('3.2 × 10⁻¹⁶');
  });
  it('uses the decimal comma in French and Spanish', () => {
    locale.set('fr');
    expect(formatSci(4.62e-16)).toBe('4,6 × 10⁻¹⁶');
    expect(formatSci(0.35)).toBe('0,35');
    locale.set('es');
    expect(formatSci(4.62e-16)).toBe('4,6 × 10⁻¹⁶');
  });
});

describe('numbers, percentages and durations follow the locale', () => {
  it('English: full stop, comma grouping, no space before %', () => {
    expect(formatCount(10610)).toBe('10,610');
    expect(formatPercent(0.874)).toBe('87%');
    expect(formatPercent(0.8744, 1)).toBe('87.4%');
    expect(formatFixed(0.9, 2)).toBe('0.90');
    expect(formatScalar(0.49)).toBe('0.490');
    expect(formatScalar(3e-5)).toBe('3 × 10⁻⁵');
    expect(formatLr(0.01)).toBe('0.01');
    expect(formatLr(0.0005)).toBe('5 × 10⁻⁴');
    expect(formatSeconds(12_340)).toBe('12.3\u00a0s');
    expect(formatPercent(null)).toBe('–');
  });
  it('French: decimal comma, narrow no-break space for grouping and before %', () => {
    locale.set('fr');
    expect(formatCount(10610)).toBe('10\u202f610');
    expect(formatPercent(0.874)).toBe('87\u202f%');
    expect(formatPercent(0.8744, 1)).toBe('87,4\u202f%');
    // The same characters as the catalogue's own "90 %" in a sentence.
    expect(t('ui.attribution.notice.recent.one', { step: 1, span: '1' })).toContain(formatPercent(0.9));
    expect(formatFixed(0.9, 2)).toBe('0,90');
    expect(formatScalar(0.49)).toBe('0,490');
    expect(formatSeconds(12_340)).toBe('12,3\u00a0s');
  });
  it('Spanish: decimal comma, full-stop grouping and a no-break space before %', () => {
    locale.set('es');
    expect(formatCount(10610)).toBe('10.610');
    expect(formatPercent(0.874)).toBe('87\u00a0%');
    expect(formatFixed(0.9, 2)).toBe('0,90');
  });
  it('dates are written in the locale’s own order and words', () => {
    const at = '2026-12-03T08:15:00Z';
    const en = formatDateTime(at);
    locale.set('fr');
    const fr = formatDateTime(at);
    expect(fr).toMatch(/déc/);
    expect(fr).not.toBe(en);
    expect(formatDateTime('not a date')).toBe('–');
  });
});

describe('csvNumber', () => {
  it('writes the same machine-readable form whatever the locale', () => {
    locale.set('fr');
    expect(csvNumber(0.001)).toBe('0.001');
    expect(csvNumber(1e-7)).toBe('1e-7');
    expect(csvNumber(12345.5)).toBe('12345.5');
    expect(csvNumber(NaN)).toBe('');
  });
});

describe('formatLogTick', () => {
  it('writes decades compactly for a log axis and anything else like formatSci', () => {
    expect(formatLogTick(1e-5)).toBe('10⁻⁵');
    expect(formatLogTick(1)).toBe('1');
    expect(formatLogTick(10)).toBe('10');
    expect(formatLogTick(1000)).toBe('10³');
    expect(formatLogTick(2e-5)).toBe('2 × 10⁻⁵');
    locale.set('fr');
    expect(formatLogTick(0.5)).toBe('0,5');
  });
});
