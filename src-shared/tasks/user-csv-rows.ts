/**
 * Reading a learner's labelled CSV into rows: a header naming a `text` column and either a `label` column
 * (one class per text: many-to-one) or a `tags` column (one tag per word, separated by spaces: many-to-many),
 * in any order, other columns ignored. Every problem names its line and column and what was expected.
 */
import { LIMITS } from '../protocol/training-config';
import { parseCsv } from './csv-parse';
import { checkCharacters, checkSize, normalizeNewlines } from './text-checks';
import { fail } from '../protocol/problem';

export const CSV_LIMITS = {
  minRows: 10,
  maxRows: 5000,
  maxLabels: 20,
  maxLabelChars: 40,
  /** Words and punctuation marks per text. */
  maxTokens: LIMITS.seqLen,
  testShare: 0.2,
} as const;

/** Lowercase words (letters, digits, apostrophes) and single punctuation marks. */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}']/gu) ?? [];
}

/** `label`: one class per row (many-to-one); `tags`: one tag per word (many-to-many). */
export type CsvKind = 'label' | 'tags';

export interface CsvRow {
  readonly line: number;
  readonly words: string[];
  /** One label (kind 'label') or one tag per word (kind 'tags'). */
  readonly targets: string[];
}

export interface CsvRows {
  readonly kind: CsvKind;
  readonly rows: CsvRow[];
}

export function readCsvRows(raw: string): CsvRows {
  checkSize(raw, 'csv');
  const csv = normalizeNewlines(raw);
  checkCharacters(csv, 'csv');
  const records = parseCsv(csv).filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
  if (records.length === 0) fail('data.csv.empty', undefined, 'the CSV is empty; expected a header line "text,label" (or "text,tags") and rows below it');
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  const textCol = header.indexOf('text');
  const labelCol = header.indexOf('label');
  const tagsCol = header.indexOf('tags');
  if (textCol < 0 || (labelCol < 0 && tagsCol < 0)) {
    fail(
      'data.csv.badHeader',
      { line: records[0].line, found: header.join(', ') },
      `line ${records[0].line}: the header must name a "text" and a "label" column, or a "text" and a "tags" column (found: ${header.join(', ')})`,
    );
  }
  const kind: CsvKind = labelCol >= 0 ? 'label' : 'tags';
  const targetCol = kind === 'label' ? labelCol : tagsCol;
  const body = records.slice(1);
  if (body.length > CSV_LIMITS.maxRows) {
    fail('data.csv.tooManyRows', { rows: body.length, cap: CSV_LIMITS.maxRows }, `the CSV has ${body.length} rows; the cap is ${CSV_LIMITS.maxRows}`);
  }
  if (body.length < CSV_LIMITS.minRows) {
    fail('data.csv.tooFewRows', { rows: body.length, min: CSV_LIMITS.minRows }, `the CSV has ${body.length} rows; at least ${CSV_LIMITS.minRows} are needed to train and test`);
  }
  const where = (line: number, col: number) => `line ${line}, column ${col + 1} (${header[col]})`;
  /** The cell a problem is in: its line, its column from 1 and the column's name in the header. */
  const cellAt = (line: number, col: number) => ({ line, column: col + 1, name: header[col] });
  const rows = body.map(({ line, fields }): CsvRow => {
    if (fields.length > header.length) {
      fail(
        'data.csv.tooManyFields',
        { line, fields: fields.length, expected: header.length },
        `line ${line}, column ${header.length + 1}: ${fields.length} fields but the header has ${header.length}; put text containing commas in double quotes`,
      );
    }
    const words = tokenizeWords(fields[textCol] ?? '');
    if (words.length === 0) fail('data.csv.missingText', cellAt(line, textCol), `${where(line, textCol)}: missing text; expected some words`);
    if (words.length > CSV_LIMITS.maxTokens) {
      fail(
        'data.csv.tooManyWords',
        { ...cellAt(line, textCol), words: words.length, cap: CSV_LIMITS.maxTokens },
        `${where(line, textCol)}: the text has ${words.length} words and symbols; the cap is ${CSV_LIMITS.maxTokens}`,
      );
    }
    const cell = (fields[targetCol] ?? '').trim();
    const targets = kind === 'label' ? (cell === '' ? [] : [cell]) : cell.split(/\s+/).filter((s) => s !== '');
    if (targets.length === 0) {
      fail(
        kind === 'label' ? 'data.csv.missingLabel' : 'data.csv.missingTags',
        cellAt(line, targetCol),
        `${where(line, targetCol)}: missing ${kind === 'label' ? 'label; expected a class name' : 'tags; expected one tag per word'}`,
      );
    }
    if (kind === 'tags' && targets.length !== words.length) {
      fail(
        'data.csv.tagCount',
        { ...cellAt(line, targetCol), tags: targets.length, words: words.length },
        `${where(line, targetCol)}: ${targets.length} tags for ${words.length} words and symbols (${words.join(' ')}); expected one tag per word, separated by spaces`,
      );
    }
    for (const target of targets) {
      if (target.length > CSV_LIMITS.maxLabelChars) {
        fail(
          'data.csv.labelTooLong',
          { ...cellAt(line, targetCol), chars: target.length, cap: CSV_LIMITS.maxLabelChars },
          `${where(line, targetCol)}: the ${kind === 'label' ? 'label' : 'tag'} is ${target.length} characters long; the cap is ${CSV_LIMITS.maxLabelChars}`,
        );
      }
    }
    return { line, words, targets };
  });
  return { kind, rows };
}
