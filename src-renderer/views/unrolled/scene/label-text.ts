import { FONT_RANGES } from './font-coverage.generated';

/** Longest label, in characters (room for a title in any language); a longer one ends in "…" (tokens can be long). */
export const MAX_LABEL_CHARS = 28;

/** True when the bundled label font has a glyph for code point `cp` (binary search of its ranges). */
export function fontDraws(cp: number): boolean {
  let lo = 0, hi = FONT_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < FONT_RANGES[mid * 2]) hi = mid - 1;
    else if (cp > FONT_RANGES[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The text a label is drawn with: characters the bundled font lacks become "?" (troika would otherwise fetch a
 * fallback font from the network), control characters and line breaks become spaces, and a label longer than
 * MAX_LABEL_CHARS is cut to that with "…".
 */
export function drawableLabel(s: string): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    if (n === MAX_LABEL_CHARS) return out.slice(0, -1) + '…';
    const cp = ch.codePointAt(0) ?? 0x3f;
    out += cp < 0x20 || cp === 0x7f ? ' ' : fontDraws(cp) ? ch : '?';
    n++;
  }
  return out;
}
