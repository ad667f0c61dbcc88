import { describe, expect, it } from 'vitest';
import { createRng } from './random';

describe('createRng', () => {
  it('the same seed replays the same stream; nearby seeds differ', () => {
    const a = createRng(5);
    const b = createRng(5);
    const c = createRng(6);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
  });

  it('next() stays in [0, 1) and int(n) covers 0..n-1 roughly evenly', () => {
    const rng = createRng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      counts[rng.int(4)]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });

  it('shuffle returns a permutation and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(3).shuffle(items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('range is inclusive and pick refuses an empty list', () => {
    const rng = createRng(9);
    const seen = new Set(Array.from({ length: 200 }, () => rng.range(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
    expect(() => rng.pick([])).toThrow('empty');
  });
});
