import { csvField as field, type CsvValue } from '../../export/csv-field';

/**
 * Chart data as CSV (RFC 4180): a header row, then one row per record; fields quoted only when they must be, and
 * formula-like text neutralised (csv-field.ts). The header's column names come from the learner's locale (csv.*
 * keys); numbers are written the same in every locale (full stop as decimal separator, no grouping, full
 * precision), so a script reads any export.
 */

export type { CsvValue };

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`CSV row has ${row.length} fields; the header has ${header.length}`);
    lines.push(row.map(field).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Parse CSV written by toCsv (used by the tests and to check exports). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}
