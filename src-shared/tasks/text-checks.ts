/** Checks shared by the pasted-text and CSV importers: size, line endings, and characters a text file should not hold. */
import { LIMITS } from '../protocol/training-config';
import { fail } from '../protocol/problem';

/** Drop a leading byte-order mark and turn CRLF / CR line endings into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Which importer is reading: its problems are worded for a text or for a CSV. */
export type DataKindName = 'text' | 'csv';

export function checkSize(text: string, kind: DataKindName): void {
  if (text.length > LIMITS.fileBytes) {
    const what = kind === 'text' ? 'the text' : 'the CSV';
    fail(`data.${kind}.tooLong`, { chars: text.length, cap: LIMITS.fileBytes }, `${what} has ${text.length.toLocaleString('en')} characters; the cap is ${LIMITS.fileBytes.toLocaleString('en')}`);
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
 * valid UTF-8) mean the input is binary or in the wrong encoding. Throws the problem naming the first one.
 */
export function checkCharacters(text: string, kind: DataKindName): void {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/.exec(text);
  if (!bad) return;
  const { line, column } = position(text, bad.index);
  const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const where = `${kind === 'text' ? 'text' : 'CSV'} line ${line}, column ${column}`;
  if (bad[0] === '\uFFFD') fail(`data.${kind}.undecodable`, { line, column }, `${where}: an undecodable byte (is the file UTF-8 text?)`);
  fail(`data.${kind}.badChar`, { line, column, code }, `${where}: control character U+${code}; only printable text, newlines and tabs are allowed`);
}
