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

  it('series(columns) draws each curve in at most 3 points per column, keeping the ends and the loss extremes', () => {
    const h = new LossHistory();
    h.append(points(1, 1000, (s) => (s === 500 ? 7 : s % 2 === 0 ? 1 : 3)));
    const s = h.series(100);
    expect(s.length).toBe(1000);
    for (const drawn of [s.lossPoints, s.smoothPoints]) {
      expect(drawn.length).toBeLessThanOrEqual(3 * 100 + 2);
      expect(drawn[0]).toBe(0);
      expect(drawn.at(-1)).toBe(999);
    }
    const lossesDrawn = [...s.lossPoints].map((i) => s.loss[i]);
    expect(Math.max(...lossesDrawn)).toBe(7);
    expect(Math.min(...lossesDrawn)).toBe(1);
    expect(s.step[s.lossPoints.at(-1)!]).toBe(1000);
    expect(h.series(5000).lossPoints.length).toBe(1000);
  });

  it('series() after more points equals series() of the whole history drawn at once', () => {
    const loss = (s: number) => Math.sin(s) + 2;
    const h = new LossHistory();
    for (let from = 1; from <= 3000; from += 37) {
      h.append(points(from, Math.min(3000, from + 36), loss));
      h.series(64);
    }
    const fresh = new LossHistory();
    fresh.append(points(1, 3000, loss));
    expect(h.series(64)).toEqual(fresh.series(64));
  });

  it('series() starts over after a truncation, a clear or a new width', () => {
    const h = new LossHistory();
    h.append(points(1, 800, () => 5));
    h.series(50);
    h.append(points(101, 200, () => 1)); // restored at step 100, trained again with lower losses
    const after = new LossHistory();
    after.append([...points(1, 100, () => 5), ...points(101, 200, () => 1)]);
    expect(h.series(50)).toEqual(after.series(50));
    expect(h.series(80)).toEqual(after.series(80));
    h.clear();
    h.append(points(1, 3, () => 2));
    expect([...h.series(80).lossPoints]).toEqual([0, 1, 2]);
  });

  it('non-finite losses are kept as gaps and do not poison the smoothed curve', () => {
    const h = new LossHistory();
    h.append(points(1, 3, (s) => (s === 2 ? Infinity : 1)));
    const s = h.series(10);
    expect([...s.lossPoints]).toEqual([0, 1, 2]);
    expect(Number.isFinite(s.loss[1])).toBe(false);
    expect(h.latest?.smoothLoss).toBeCloseTo(1, 1);
  });
});
