import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';
import { DetailIntake } from './detail-intake';
import { fakeDetail } from './test-fixtures';

function setup() {
  const pushed: number[] = [];
  let clears = 0;
  const intake = new DetailIntake({ push: (d: StepDetail) => pushed.push(d.step), clear: () => clears++ });
  return { intake, pushed, clears: () => clears };
}

describe('DetailIntake', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes the detail given at mount at once', () => {
    const { intake, pushed } = setup();
    intake.offer(fakeDetail({ T: 2, H: 2, step: 7 }));
    expect(pushed).toEqual([7]);
  });

  it('hands later details on one task after they arrive, all of them in order', () => {
    const { intake, pushed } = setup();
    intake.offer(null);
    intake.offer(fakeDetail({ T: 2, H: 2, step: 1 }));
    intake.offer(fakeDetail({ T: 2, H: 2, step: 2 }));
    intake.offer(null);
    expect(pushed).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(pushed).toEqual([1, 2]);
  });

  it('a new run drops the queued details and clears the history', () => {
    const { intake, pushed, clears } = setup();
    intake.offer(null);
    intake.offer(fakeDetail({ T: 2, H: 2, step: 1 }));
    intake.newRun();
    vi.runAllTimers();
    expect(pushed).toEqual([]);
    expect(clears()).toBe(1);
  });

  it('dispose cancels the pending hand-over', () => {
    const { intake, pushed } = setup();
    intake.offer(null);
    intake.offer(fakeDetail({ T: 2, H: 2, step: 1 }));
    intake.dispose();
    vi.runAllTimers();
    expect(pushed).toEqual([]);
  });
});
