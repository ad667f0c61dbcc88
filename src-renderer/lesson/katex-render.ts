import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * TeX → HTML with MathML beside it (screen readers read the MathML; the HTML is marked aria-hidden by KaTeX).
 * Fonts come from the bundled katex package: nothing is fetched from the network.
 */
export function texToHtml(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
}

export type RichPart = { kind: 'text'; text: string } | { kind: 'math'; html: string };

/**
 * A decimal comma filled into a formula from the engine (French, Spanish: `$0,7^{99}$`) is braced, `0{,}7`, since TeX
 * reads a bare comma as punctuation and sets a space after it.
 */
export const braceDecimalCommas = (tex: string): string => tex.replace(/(\d),(?=\d)/g, '$1{,}');

/** Split a catalogue string on `$…$` into plain text and typeset inline mathematics. */
export function richParts(text: string): RichPart[] {
  const parts: RichPart[] = [];
  const pieces = text.split('$');
  pieces.forEach((piece, i) => {
    if (piece === '') return;
    // Odd pieces sit between a pair of dollars; an unmatched trailing dollar leaves its text as text.
    const isMath = i % 2 === 1 && i < pieces.length - 1;
    parts.push(isMath ? { kind: 'math', html: texToHtml(braceDecimalCommas(piece), false) } : { kind: 'text', text: piece });
  });
  return parts;
}
