import { describe, expect, it } from 'vitest';
import { FONT_RANGES } from './font-coverage.generated';
import { drawableLabel, fontDraws, MAX_LABEL_CHARS } from './label-text';

describe('label text', () => {
  it('the font coverage is ascending, non-overlapping [first, last] pairs', () => {
    expect(FONT_RANGES.length % 2).toBe(0);
    for (let i = 0; i < FONT_RANGES.length; i += 2) {
      expect(FONT_RANGES[i]).toBeLessThanOrEqual(FONT_RANGES[i + 1]);
      if (i > 0) expect(FONT_RANGES[i]).toBeGreaterThan(FONT_RANGES[i - 1] + 1);
    }
  });

  it('fontDraws(cp) holds for the scripts the lesson writes and fails outside the font', () => {
    for (const ch of 'Az09 éèàçñóíü«»’−→←‖∂⊙ΣΔ…␣') expect(fontDraws(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '漢字😀ก') expect(fontDraws(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('drawableLabel(s) keeps what the font draws and replaces the rest, so no fallback font is ever fetched', () => {
    expect(drawableLabel('décodeur')).toBe('décodeur');
    expect(drawableLabel('h_t−1 → h_t')).toBe('h_t−1 → h_t');
    expect(drawableLabel('猫 cat')).toBe('? cat');
    expect(drawableLabel('😀')).toBe('?');
    expect(drawableLabel('a\nb\tc')).toBe('a b c');
  });

  it('drawableLabel(s) cuts a label longer than MAX_LABEL_CHARS characters with an ellipsis', () => {
    const long = 'x'.repeat(MAX_LABEL_CHARS + 5);
    const cut = drawableLabel(long);
    expect([...cut].length).toBe(MAX_LABEL_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    expect(drawableLabel('x'.repeat(MAX_LABEL_CHARS))).toBe('x'.repeat(MAX_LABEL_CHARS));
  });
});
