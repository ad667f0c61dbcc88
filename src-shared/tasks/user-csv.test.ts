import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse';
import { taskFromCsv, UNK } from './index';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `great fun number ${i},pos` : `"dull, slow number ${i}",neg`));
const csv = (lines: string[]) => ['text,label', ...lines].join('\n');

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and numbers records by start line', () => {
    const recs = parseCsv('a,b\n"x, ""y""",1\n"two\nlines",2\n"",3');
    expect(recs.map((r) => r.fields)).toEqual([['a', 'b'], ['x, "y"', '1'], ['two\nlines', '2'], ['', '3']]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('reports an unclosed quote and a stray quote with their line', () => {
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow('line 2, column 1: a quoted field is never closed');
    expect(() => parseCsv('a,b\nsay "hi",1')).toThrow('line 2, column 5: a quote inside an unquoted field');
    expect(() => parseCsv('a,b\n"x"y,1')).toThrow('line 2, column 4: unexpected text after a closing quote');
  });
});

describe('taskFromCsv', () => {
  it('builds a many-to-one task with word tokens and labels in order of appearance', () => {
    const d = taskFromCsv(csv(rows(50)), 1);
    expect(d.spec.title).toBe('Your CSV');
    expect(d.spec.shape).toBe('many-to-one');
    expect(d.outputVocab).toEqual(['pos', 'neg']);
    expect(d.inputVocab[0]).toBe(UNK);
    expect(d.train).toHaveLength(40);
    expect(d.test).toHaveLength(10);
    const neg = [...d.train, ...d.test].find((e) => e.target[0] === 1)!;
    expect(d.formatInput(neg.input)).toMatch(/^dull , slow number (\d+|<unk>)$/);
    expect(d.spec.targetAccuracy).toBeGreaterThanOrEqual(0.5);
  });

  it('accepts any column order, extra columns, CRLF, a BOM and blank lines', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `${i},${i % 3 ? 'yes' : 'no'},"text, number ${i}"`);
    const d = taskFromCsv('\uFEFFid,Label,Text\r\n' + lines.join('\r\n') + '\r\n\r\n', 1);
    expect(d.outputVocab).toEqual(['no', 'yes']);
    expect(d.train.length + d.test.length).toBe(12);
    expect(d.inputVocab).not.toContain('\r');
  });

  it('is deterministic by seed', () => {
    expect(taskFromCsv(csv(rows(40)), 5).test).toEqual(taskFromCsv(csv(rows(40)), 5).test);
    expect(taskFromCsv(csv(rows(40)), 6).test).not.toEqual(taskFromCsv(csv(rows(40)), 5).test);
  });

  it('maps words beyond the 255 most frequent to <unk>', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `word${i} common,${i % 2 ? 'a' : 'b'}`);
    const d = taskFromCsv(csv(lines), 1);
    expect(d.inputVocab).toHaveLength(256);
    expect(d.inputVocab[1]).toBe('common');
  });

  it('names the line of a missing label or text', () => {
    const lines = rows(20);
    lines[15] = 'no label here';
    expect(() => taskFromCsv(csv(lines), 1)).toThrow('line 17, column 2 (label): missing label; expected a class name');
    lines[15] = ' ,pos';
    expect(() => taskFromCsv(csv(lines), 1)).toThrow('line 17, column 1 (text): missing text');
    lines[15] = 'a,b,c';
    expect(() => taskFromCsv(csv(lines), 1)).toThrow('line 17, column 3: 3 fields but the header has 2');
  });

  it('rejects a bad header, too few or too many rows, one label, too many labels and long texts', () => {
    expect(() => taskFromCsv('', 1)).toThrow('the CSV is empty');
    expect(() => taskFromCsv('sentence,class\na,b', 1)).toThrow('line 1: the header must name a "text" and a "label" column, or a "text" and a "tags" column (found: sentence, class)');
    expect(() => taskFromCsv(csv(rows(5)), 1)).toThrow('the CSV has 5 rows; at least 10 are needed');
    expect(() => taskFromCsv(csv(rows(5001)), 1)).toThrow('the CSV has 5001 rows; the cap is 5000');
    expect(() => taskFromCsv(csv(Array.from({ length: 12 }, (_, i) => `t ${i},same`)), 1)).toThrow('every row has the label "same"');
    expect(() => taskFromCsv(csv(Array.from({ length: 30 }, (_, i) => `t ${i},L${i}`)), 1)).toThrow('the CSV has 30 different labels; the cap is 20');
    const long = rows(12);
    long[3] = `${'w '.repeat(201)},pos`;
    expect(() => taskFromCsv(csv(long), 1)).toThrow('line 5, column 1 (text): the text has 201 words and symbols; the cap is 200');
    expect(() => taskFromCsv(csv([...rows(12), `bad,${'x'.repeat(41)}`]), 1)).toThrow('line 14, column 2 (label): the label is 41 characters long; the cap is 40');
  });

  it('rejects binary content with its position', () => {
    expect(() => taskFromCsv(csv([...rows(12), 'a\u0001b,pos']), 1)).toThrow('CSV line 14, column 2: control character U+0001');
  });

  it('builds a many-to-many tagger from a "tags" column with one tag per word', () => {
    const lines = Array.from({ length: 20 }, (_, i) => (i % 2 ? `the dog runs ${i},DET NOUN VERB NUM` : `cats sleep,NOUN VERB`));
    const d = taskFromCsv(['text,tags', ...lines].join('\n'), 3);
    expect(d.spec.shape).toBe('many-to-many');
    expect(d.spec.id).toBe('pos-tagging');
    expect(d.outputVocab).toEqual(['NOUN', 'VERB', 'DET', 'NUM']);
    for (const e of [...d.train, ...d.test]) expect(e.target).toHaveLength(e.input.length);
  });

  it('names the line and column of a row whose tags do not match its words', () => {
    const lines = ['text,tags', 'the dog,DET NOUN', 'a cat sat,DET NOUN', ...Array.from({ length: 10 }, () => 'we go,PRON VERB')];
    expect(() => taskFromCsv(lines.join('\n'), 1)).toThrow('line 3, column 2 (tags): 2 tags for 3 words and symbols (a cat sat); expected one tag per word');
  });
});
