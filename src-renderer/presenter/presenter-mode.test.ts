import { describe, expect, it } from 'vitest';
import { audienceSlide, formatElapsed, isAudienceHash } from './presenter-mode';

describe('presenter mode helpers', () => {
  it('isAudienceHash(hash) recognises only the audience route', () => {
    expect(isAudienceHash('#present-audience')).toBe(true);
    expect(isAudienceHash('#/present-audience')).toBe(true);
    for (const other of ['', '#', '#lesson', '#lab', '#present', '#present-audience-x', 'present']) expect(isAudienceHash(other)).toBe(false);
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
