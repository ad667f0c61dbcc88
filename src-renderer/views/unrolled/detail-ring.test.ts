import { describe, expect, it } from 'vitest';
import { DetailRing } from './detail-ring';
import { fakeDetail } from './test-fixtures';

describe('DetailRing', () => {
  it('keeps the newest `capacity` details, oldest first', () => {
    const r = new DetailRing(3);
    for (let s = 1; s <= 5; s++) r.push(fakeDetail({ T: 2, H: 2, step: s }));
    expect(r.size).toBe(3);
    expect([0, 1, 2].map((i) => r.get(i)?.step)).toEqual([3, 4, 5]);
    expect(r.latest?.step).toBe(5);
    expect(r.get(3)).toBeNull();
  });

  it('ignores the same detail twice and clears when the run goes back (reset)', () => {
    const r = new DetailRing(4);
    const d = fakeDetail({ T: 2, H: 2, step: 10 });
    expect(r.push(d)).toBe(true);
    expect(r.push(d)).toBe(false);
    r.push(fakeDetail({ T: 2, H: 2, step: 2 }));
    expect(r.size).toBe(1);
  });
});
