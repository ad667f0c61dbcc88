/**
 * A small RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold commas, newlines
 * and doubled quotes (""). Each record remembers the line it starts on, for error messages.
 * Expects LF line endings (see normalizeNewlines).
 */
import { fail } from '../protocol/problem';

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  readonly line: number;
  readonly fields: string[];
}

/** Where a problem is, for messages: "line 3, column 7" (both from 1; columns count characters). */
function at(line: number, column: number): string {
  return `line ${line}, column ${column}`;
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  /** Index of the first character of the current line. */
  let lineStart = 0;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const openLine = line;
      const openColumn = i - lineStart + 1;
      i++;
      for (;;) {
        if (i >= text.length) {
          fail('data.csv.unclosedQuote', { line: openLine, column: openColumn }, `${at(openLine, openColumn)}: a quoted field is never closed (missing ")`);
        }
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') {
          line++;
          lineStart = i + 1;
        }
        field += q;
        i++;
      }
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\n') {
        const column = i - lineStart + 1;
        fail('data.csv.textAfterQuote', { line, column }, `${at(line, column)}: unexpected text after a closing quote; inside quotes write a quote as ""`);
      }
      if (after === ',') {
        endField();
        i++;
      } else {
        endRecord();
        if (after === '\n') {
          i++;
          line++;
          lineStart = i;
        }
        recordLine = line;
      }
      continue;
    }
    if (c === '"') {
      const column = i - lineStart + 1;
      fail('data.csv.quoteInField', { line, column }, `${at(line, column)}: a quote inside an unquoted field; put the whole field in quotes and write the quote as ""`);
    }
    if (c === ',') {
      endField();
    } else if (c === '\n') {
      endRecord();
      line++;
      lineStart = i + 1;
      recordLine = line;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
