import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { points } from '../testing/fake-trainer';
import { LossHistory, MAX_POINTS, SMOOTHING } from './history';

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

  describe('thinning a long run', () => {
    /** Bias-corrected EMA of the finite losses, computed directly over the whole run. */
    const smoothed = (losses: readonly number[]): number => {
      let ema = 0, weight = 0;
      for (const x of losses) {
        if (!Number.isFinite(x)) continue;
        ema = SMOOTHING * ema + (1 - SMOOTHING) * x;
        weight = SMOOTHING * weight + (1 - SMOOTHING);
      }
      return weight > 0 ? ema / weight : NaN;
    };
    const loss = fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(Infinity) });

    it('holds at most maxPoints, keeps the first and last points, every loss extreme and the exact smoothed loss', () => {
      fc.assert(
        fc.property(fc.integer({ min: 8, max: 64 }), fc.array(loss, { minLength: 1, maxLength: 600 }), (cap, losses) => {
          const h = new LossHistory(cap);
          for (let i = 0; i < losses.length; i += 7) h.append(points(i + 1, Math.min(losses.length, i + 7), (s) => losses[s - 1]));
          const s = h.series(16);
          expect(h.length).toBeLessThanOrEqual(cap);
          expect(h.length).toBeLessThanOrEqual(losses.length);
          for (let i = 1; i < s.length; i++) expect(s.step[i]).toBeGreaterThan(s.step[i - 1]);
          expect(s.step[0]).toBe(1);
          expect(h.lastStep).toBe(losses.length);
          expect(h.first?.loss).toBe(Number.isFinite(losses[0]) ? losses[0] : NaN);
          const finite = losses.filter(Number.isFinite);
          const kept = Array.from(s.loss).filter(Number.isFinite);
          if (finite.length > 0) {
            expect(Math.min(...kept)).toBe(Math.min(...finite));
            expect(Math.max(...kept)).toBe(Math.max(...finite));
          }
          const latest = h.latest!.smoothLoss;
          if (Number.isNaN(smoothed(losses))) expect(latest).toBeNaN();
          else expect(latest).toBeCloseTo(smoothed(losses), 9);
        }),
        { numRuns: 300 },
      );
    });

    it('a run past the default cap stays within it and its curve still spans every step', () => {
      const h = new LossHistory();
      const n = MAX_POINTS * 2 + 123;
      for (let from = 1; from <= n; from += 5000) h.append(points(from, Math.min(n, from + 4999), (s) => (s === 77_777 ? 50 : 1 + (s % 3))));
      expect(h.length).toBeLessThanOrEqual(MAX_POINTS);
      expect(h.length).toBeGreaterThan(MAX_POINTS / 4);
      expect(h.lastStep).toBe(n);
      const s = h.series(200);
      expect(s.step[0]).toBe(1);
      expect(Math.max(...Array.from(s.loss))).toBe(50);
      expect(s.step[s.lossPoints.at(-1)!]).toBe(n);
    });

    it('a restore after thinning truncates at the right step and carries on', () => {
      const h = new LossHistory(20);
      h.append(points(1, 100, (s) => s));
      h.append(points(60, 70, () => 0.5));
      expect(h.lastStep).toBe(70);
      const s = h.series(10);
      expect(s.step[s.length - 1]).toBe(70);
      for (let i = 0; i < s.length; i++) expect(s.loss[i]).toBe(s.step[i] < 60 ? s.step[i] : 0.5);
    });
  });
});
