import { describe, expect, it } from 'vitest';
import { createEngineRng, createEngineRngFromState } from './rng';

describe('createEngineRng(seed)', () => {
  it('gives the bit-identical sequence for the same seed', () => {
    const a = createEngineRng(42), b = createEngineRng(42);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    for (let i = 0; i < 100; i++) expect(Object.is(a.normal(), b.normal())).toBe(true);
  });
  it('gives different sequences for neighbouring seeds', () => {
    const a = createEngineRng(0), b = createEngineRng(1);
    const xs = Array.from({ length: 8 }, () => a.nextUint32());
    const ys = Array.from({ length: 8 }, () => b.nextUint32());
    expect(xs).not.toEqual(ys);
  });
  it('matches the reference xoshiro128** outputs for the state (1, 2, 3, 4)', () => {
    const r = createEngineRngFromState([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
  it('uniform() lies in [0, 1) with mean ≈ 1/2', () => {
    const r = createEngineRng(3);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.01);
  });
  it('normal() has mean ≈ 0 and variance ≈ 1 (Box–Muller)', () => {
    const r = createEngineRng(4);
    let s = 0, s2 = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });
  it('int(n) covers 0..n−1 and nothing else', () => {
    const r = createEngineRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => r.int(0)).toThrow();
  });
  it('shuffle() permutes in place, deterministically', () => {
    const a = createEngineRng(6).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = createEngineRng(6).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
