import { describe, expect, it } from 'vitest';
import { FOLD_MS, FoldTween } from './fold-tween';

describe('FoldTween', () => {
  it('moves toward the target by frame time and stops on it', () => {
    const f = new FoldTween(1);
    expect(f.step(1000, 0, false)).toBe(true); // first frame: 16 ms
    expect(f.value).toBeCloseTo(1 - 16 / FOLD_MS);
    let now = 1000;
    while (f.step((now += 50), 0, false));
    expect(f.value).toBe(0);
    expect(now - 1000).toBeGreaterThanOrEqual(FOLD_MS - 16);
    expect(now - 1000).toBeLessThan(FOLD_MS + 50);
  });

  it('a long stall advances by at most 100 ms; rest() restarts from one short frame', () => {
    const f = new FoldTween(0);
    f.step(1000, 1, false);
    f.step(5000, 1, false);
    expect(f.value).toBeCloseTo((16 + 100) / FOLD_MS);
    f.rest();
    const before = f.value;
    f.step(9000, 1, false);
    expect(f.value).toBeCloseTo(before + 16 / FOLD_MS);
  });

  it('jumps to the target at once under reduced motion, and is still at the target', () => {
    const f = new FoldTween(0);
    expect(f.step(10, 1, true)).toBe(false);
    expect(f.value).toBe(1);
    expect(f.step(20, 1, false)).toBe(false);
  });
});
