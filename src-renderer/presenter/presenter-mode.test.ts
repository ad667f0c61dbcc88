import { describe, expect, it } from 'vitest';
import { audiencePage, audienceSlide, formatElapsed, isAudienceHash } from './presenter-mode';

describe('presenter mode helpers', () => {
  it('isAudienceHash(hash) recognises only the audience route', () => {
    expect(isAudienceHash('#present-audience')).toBe(true);
    expect(isAudienceHash('#/present-audience')).toBe(true);
    for (const other of ['', '#', '#lesson', '#lab', '#present', '#present-audience-x', 'present']) expect(isAudienceHash(other)).toBe(false);
  });

  it('audiencePage(step, lastStep, pages) follows the presenter within a slide, the live view staying the last page', () => {
    expect(audiencePage(0, false, 4)).toBe(0);
    expect(audiencePage(2, false, 4)).toBe(2);
    // The presenter's screen cut more prose pages than the audience's: stop at the audience's last prose page.
    expect(audiencePage(5, false, 4)).toBe(2);
    expect(audiencePage(1, true, 4)).toBe(3);
    expect(audiencePage(undefined, undefined, 3)).toBe(0);
    expect(audiencePage(3, false, 1)).toBe(0);
  });

  it('formatElapsed(ms) shows m:ss, then h:mm:ss', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(61_000)).toBe('1:01');
    expect(formatElapsed(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
    expect(formatElapsed(-5)).toBe('0:00');
  });

  it('audienceSlide(slide, count) clamps a synced index to the deck', () => {
    expect(audienceSlide(3, 7)).toBe(3);
    expect(audienceSlide(12, 7)).toBe(6);
    expect(audienceSlide(-1, 7)).toBe(0);
  });
});
