import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(toCsv(['t', 'norm'], [[1, 0.5], [2, 0.25]])).toBe('t,norm\r\n1,0.5\r\n2,0.25\r\n');
  });
  it('quotes fields with commas, quotes or newlines, and leaves non-finite numbers empty', () => {
    const text = toCsv(['label', 'v'], [['a, "b"', NaN], ['line\nbreak', Infinity]]);
    expect(text).toBe('label,v\r\n"a, ""b""",\r\n"line\nbreak",\r\n');
    expect(parseCsv(text)).toEqual([['label', 'v'], ['a, "b"', ''], ['line\nbreak', '']]);
  });
  it('rejects a row whose width differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/1 fields/);
  });
});
