import { describe, expect, it } from 'vitest';
import { csvField } from '../export/csv-field';
import { resultsToCsv } from './results-csv';

describe('results CSV', () => {
  it('quotes fields that need it and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-3')).toBe('-3');
  });

  it('writes one row per attempt with per-question answers and marks', () => {
    const csv = resultsToCsv(
      { version: 1, attempts: [{ at: '2026-01-01T00:00:00.000Z', seed: 3, score: 1, total: 2, answers: { 'ff-vs-rnn': 'a', bert: 'b' } }] },
      'Ada',
    );
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('learner,at,seed,score,total,ff-vs-rnn,ff-vs-rnn:correct,bert,bert:correct');
    expect(row).toBe('Ada,2026-01-01T00:00:00.000Z,3,1,2,a,1,b,0');
  });
});
