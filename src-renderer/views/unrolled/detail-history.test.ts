import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailHistory } from './detail-history.svelte';
import { fakeDetail } from './test-fixtures';

describe('DetailHistory', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the first detail at once, then at most one new one per throttle period, ending on the newest', () => {
    const h = new DetailHistory(700);
    h.push(fakeDetail({ T: 2, H: 2, step: 1 }));
    expect(h.shown?.step).toBe(1);
    h.push(fakeDetail({ T: 2, H: 2, step: 2 }));
    h.push(fakeDetail({ T: 2, H: 2, step: 3 }));
    expect(h.shown?.step).toBe(1);
    vi.advanceTimersByTime(700);
    expect(h.shown?.step).toBe(3);
    expect(h.steps).toEqual([1, 2, 3]);
    h.dispose();
  });

  it('index picks an older detail; clear forgets the run', () => {
    const h = new DetailHistory(0);
    for (let s = 1; s <= 3; s++) h.push(fakeDetail({ T: 2, H: 2, step: s }));
    h.index = 0;
    expect(h.shown?.step).toBe(1);
    h.clear();
    expect(h.index).toBe(-1);
    expect(h.shown).toBeNull();
  });
});
