/** Checks shared by the pasted-text and CSV importers: size, line endings, and characters a text file should not hold. */
import { LIMITS } from '../protocol/training-config';

/** Drop a leading byte-order mark and turn CRLF / CR line endings into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function checkSize(text: string, what: string): void {
  if (text.length > LIMITS.fileBytes) {
    throw new Error(`${what} has ${text.length.toLocaleString('en')} characters; the cap is ${LIMITS.fileBytes.toLocaleString('en')}`);
  }
}

/** Line and column (both from 1) of the character at `index`. */
export function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Control characters (other than newline and tab) and U+FFFD (what a decoder leaves for bytes that are not
 * valid UTF-8) mean the input is binary or in the wrong encoding. Returns an error message or null.
 */
export function findBadCharacter(text: string): string | null {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/.exec(text);
  if (!bad) return null;
  const { line, column } = position(text, bad.index);
  const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const why = bad[0] === '\uFFFD' ? 'an undecodable byte (is the file UTF-8 text?)' : `control character U+${code}`;
  return `line ${line}, column ${column}: ${why}; only printable text, newlines and tabs are allowed`;
}
