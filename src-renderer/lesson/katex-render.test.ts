import { describe, expect, it } from 'vitest';
import { braceDecimalCommas, richParts, texToHtml } from './katex-render';

describe('inline mathematics in catalogue text', () => {
  it('splits prose from $…$ formulas and keeps an unmatched dollar as text', () => {
    expect(richParts('a $x$ b').map((p) => p.kind)).toEqual(['text', 'math', 'text']);
    expect(richParts('costs 5$')).toEqual([{ kind: 'text', text: 'costs 5' }]);
  });

  it('braces a decimal comma so TeX sets 0,7 as one number, and leaves other commas alone', () => {
    expect(braceDecimalCommas('0,7^{99}')).toBe('0{,}7^{99}');
    expect(braceDecimalCommas('12,345,6')).toBe('12{,}345{,}6');
    expect(braceDecimalCommas('f(x, y), h_{t-1}')).toBe('f(x, y), h_{t-1}');
  });

  it('typesets a French decimal exactly as the braced form', () => {
    const [part] = richParts('$0,7^{99}$');
    expect(part).toEqual({ kind: 'math', html: texToHtml('0{,}7^{99}', false) });
  });
});
