import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field';
import { resultsToCsv } from '../quiz/results-csv';
import { parseCsv, toCsv } from '../views/gradients/csv';

/** What a spreadsheet opening the file would see in the cell: the field unquoted. */
const cell = (field: string) => parseCsv(`${field}\r\n`)[0][0];

describe('csvField(value) writes one CSV field a spreadsheet shows as text, never runs', () => {
  it.each([
    ['=SUM(A1:A9)'],
    ['+1+cmd|" /C calc"!A0'],
    ["-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['-'],
    ['+'],
    ['-1e3x'],
    ['- 3'],
    ['-Infinity'],
    ['-0x10'],
  ])('defuses %j with a leading apostrophe', (value) => {
    expect(cell(csvField(value))).toBe(`'${value}`);
  });

  it.each([['-3'], ['+5'], ['-0.25'], ['-1.5e-7'], ['+.5'], ['3']])('leaves the number %j as it is', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it('writes numbers as numbers and quotes commas, quotes and line breaks', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('every CSV export goes through csvField', () => {
  it('quiz results defuse a formula typed as an answer or as the learner name', () => {
    const csv = resultsToCsv(
      { version: 1, attempts: [{ at: '2026-01-01T00:00:00.000Z', seed: 3, score: 0, total: 1, answers: { bert: "-2+3+cmd|' /C calc'!A0" } }] },
      '=HYPERLINK("http://x")',
    );
    const [, row] = parseCsv(csv);
    expect(row[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[5]).toBe(`'-2+3+cmd|' /C calc'!A0`);
  });

  it('chart CSVs defuse formulas in headers and text fields, and keep negative numbers', () => {
    const csv = toCsv(['=cmd', 'v'], [['@label', -0.5], ['-x', '-2']]);
    expect(parseCsv(csv)).toEqual([["'=cmd", 'v'], ["'@label", '-0.5'], ["'-x", '-2']]);
  });
});
