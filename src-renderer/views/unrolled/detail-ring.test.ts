import { describe, expect, it } from 'vitest';
import { detailNumbers, DetailRing } from './detail-ring';
import { fakeDetail } from './test-fixtures';

const steps = (r: DetailRing) => Array.from({ length: r.size }, (_, i) => r.get(i)!.step);

describe('DetailRing', () => {
  it('keeps every detail while it fits, oldest first', () => {
    const r = new DetailRing(8);
    for (let s = 1; s <= 5; s++) r.push(fakeDetail({ T: 2, H: 2, step: s }));
    expect(steps(r)).toEqual([1, 2, 3, 4, 5]);
    expect(r.latest?.step).toBe(5);
    expect(r.get(5)).toBeNull();
  });

  it('thins over the whole run, so a long run still reaches back to its first step', () => {
    const r = new DetailRing(24);
    for (let s = 1; s <= 14_000; s += 7) r.push(fakeDetail({ T: 2, H: 2, step: s }));
    const kept = steps(r);
    expect(kept.length).toBeLessThanOrEqual(24);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    expect(kept[0]).toBe(1);
    expect(kept.at(-1)).toBe(13_994);
    // Spread over the run, not bunched at its end: no gap is more than a few times the average one.
    const gaps = kept.slice(1).map((s, i) => s - kept[i]);
    expect(Math.max(...gaps)).toBeLessThan((3 * 14_000) / kept.length);
  });

  it('holds to a budget of numbers as well as a count, keeping at least the first and the newest', () => {
    const one = detailNumbers(fakeDetail({ T: 10, H: 8, step: 1 }));
    const r = new DetailRing(48, one * 5);
    for (let s = 1; s <= 200; s++) r.push(fakeDetail({ T: 10, H: 8, step: s }));
    expect(r.numbers).toBeLessThanOrEqual(one * 5);
    expect(r.get(0)?.step).toBe(1);
    expect(r.latest?.step).toBe(200);
    const tiny = new DetailRing(48, 1);
    for (let s = 1; s <= 10; s++) tiny.push(fakeDetail({ T: 2, H: 2, step: s }));
    expect(steps(tiny)).toEqual([1, 10]);
  });

  it('ignores the same detail twice and clears when the run goes back (reset)', () => {
    const r = new DetailRing(4);
    const d = fakeDetail({ T: 2, H: 2, step: 10 });
    expect(r.push(d)).toBe(true);
    expect(r.push(d)).toBe(false);
    r.push(fakeDetail({ T: 2, H: 2, step: 2 }));
    expect(r.size).toBe(1);
  });

  it('gives back its details and loads saved ones', () => {
    const r = new DetailRing(6);
    for (let s = 1; s <= 30; s++) r.push(fakeDetail({ T: 2, H: 2, step: s }));
    const copy = new DetailRing(6);
    copy.load(r.all());
    expect(steps(copy)).toEqual(steps(r));
  });
});
