import { describe, expect, it } from 'vitest';
import { points } from '../test-support/fake-trainer';
import { LossHistory, SMOOTHING } from './history';

describe('LossHistory', () => {
  it('the first smoothed loss equals the first raw loss (bias-corrected EMA)', () => {
    const h = new LossHistory();
    h.append(points(1, 1, () => 0.7));
    expect(h.latest?.smoothLoss).toBeCloseTo(0.7, 12);
    h.append(points(2, 2, () => 0.5));
    const expected = (SMOOTHING * (1 - SMOOTHING) * 0.7 + (1 - SMOOTHING) * 0.5) / (1 - SMOOTHING ** 2);
    expect(h.latest?.smoothLoss).toBeCloseTo(expected, 12);
  });

  it('grows past its initial capacity', () => {
    const h = new LossHistory();
    h.append(points(1, 5000));
    expect(h.length).toBe(5000);
    expect(h.lastStep).toBe(5000);
    expect(h.first?.loss).toBe(1);
  });

  it('a step at or before the last one truncates the history there (reset or restore)', () => {
    const h = new LossHistory();
    h.append(points(1, 10));
    h.append(points(4, 6, () => 9));
    expect(h.length).toBe(6);
    expect(h.lastStep).toBe(6);
    expect(h.latest?.loss).toBe(9);
  });

  it('series(n) averages buckets so at most n points are drawn', () => {
    const h = new LossHistory();
    h.append(points(1, 1000, (s) => (s % 2 === 0 ? 1 : 3)));
    const s = h.series(100);
    expect(s.length).toBe(100);
    expect(s.step[99]).toBe(1000);
    expect(s.loss[0]).toBe(2);
    expect(h.series(5000).length).toBe(1000);
  });

  it('non-finite losses are kept as gaps and do not poison the smoothed curve', () => {
    const h = new LossHistory();
    h.append(points(1, 3, (s) => (s === 2 ? Infinity : 1)));
    expect(Number.isNaN(h.series(10).loss[1])).toBe(true);
    expect(h.latest?.smoothLoss).toBeCloseTo(1, 1);
  });
});
