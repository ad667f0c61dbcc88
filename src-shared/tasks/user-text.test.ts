import { describe, expect, it } from 'vitest';
import { CORPUS, taskFromText, TEXT_LIMITS } from './index';

describe('taskFromText', () => {
  it('builds a char-lm task titled "Your text" that keeps case', () => {
    const d = taskFromText(CORPUS, 1);
    expect(d.spec.id).toBe('char-lm');
    expect(d.spec.title).toBe('Your text');
    expect(d.spec.params).toEqual([]);
    expect(d.inputVocab).toContain('M');
    expect(d.train[0].input).toHaveLength(TEXT_LIMITS.seqLen);
    expect(d.spec.targetAccuracy).toBeGreaterThan(0.05);
    expect(d.spec.targetAccuracy).toBeLessThan(0.4);
  });

  it('is deterministic by seed', () => {
    expect(taskFromText(CORPUS, 3).train).toEqual(taskFromText(CORPUS, 3).train);
    expect(taskFromText(CORPUS, 4).train).not.toEqual(taskFromText(CORPUS, 3).train);
  });

  it('turns CRLF into LF and drops a byte-order mark', () => {
    const d = taskFromText('\uFEFF' + CORPUS.replace(/\n/g, '\r\n'), 1);
    expect(d.inputVocab).not.toContain('\r');
    expect(d.inputVocab).not.toContain('\uFEFF');
  });

  it('rejects text that is too short, naming the minimum', () => {
    expect(() => taskFromText('hello world', 1)).toThrow('the text has 11 characters; at least 300 are needed');
  });

  it('rejects text over the length cap', () => {
    expect(() => taskFromText('a'.repeat(TEXT_LIMITS.maxChars + 1), 1)).toThrow('the cap is 500,000');
  });

  it('rejects control characters with their line and column, but allows tabs', () => {
    const text = 'line one\nline\ttwo\nline \u0007three\n' + 'x'.repeat(400);
    expect(() => taskFromText(text, 1)).toThrow('text line 3, column 6: control character U+0007');
    expect(() => taskFromText('ok\tfine '.repeat(60), 1)).not.toThrow();
  });

  it('rejects undecodable bytes and NUL (binary files)', () => {
    expect(() => taskFromText('abc\uFFFD' + 'x'.repeat(400), 1)).toThrow('undecodable byte');
    expect(() => taskFromText('\u0000'.repeat(400), 1)).toThrow('control character U+0000');
  });

  it('rejects more than 256 distinct characters', () => {
    const many = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(() => taskFromText(many, 1)).toThrow('the text uses 300 different characters; the cap is 256');
  });
});
