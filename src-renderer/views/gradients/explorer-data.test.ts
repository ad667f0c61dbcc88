import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { computeExplorer } from '../../../src-shared/jobs/explorer';
import { endToEndRatio } from './explorer-data';
import { explorerCsv, explorerSeries } from './explorer-series';

describe('vanishing-gradient explorer data', () => {
  it('the exact gain falls back through time for ρ < 1 and grows for ρ > 1 (linear cell)', () => {
    const low = computeExplorer({ rho: 0.7, T: 60, activation: 'linear', clip: 0 });
    const high = computeExplorer({ rho: 1.3, T: 60, activation: 'linear', clip: 0 });
    expect(low.rho).toBeCloseTo(0.7, 2);
    expect(endToEndRatio(low)).toBeLessThan(1e-6);
    expect(endToEndRatio(high)).toBeGreaterThan(1e3);
    expect(low.ideal[0]).toBeCloseTo(low.rho ** 59, 12);
    expect(low.ideal[59]).toBe(1);
  });
  it('clipping scales every step by the same factor so the total norm is the threshold', () => {
    const d = computeExplorer({ rho: 1.3, T: 40, activation: 'linear', clip: 5 });
    const total = Math.sqrt(d.clipped.reduce((s, x) => s + x * x, 0));
    expect(total).toBeCloseTo(5, 6);
    expect(d.clipped[10] / d.exact[10]).toBeCloseTo(d.clipScale, 12);
    expect(explorerSeries(d).map((s) => s.id)).toEqual(['exact', 'ideal', 'clipped']);
  });
  it('exports one CSV row per time step', () => {
    const rows = parseCsv(explorerCsv(computeExplorer({ rho: 0.9, T: 10, activation: 'tanh', clip: 0 })));
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual(['t', 'exact_jacobian_norm', 'ideal_rho_power', 'after_clipping']);
    expect(rows[10][1]).toBe('1');
  });
});
