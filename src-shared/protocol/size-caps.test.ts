import { describe, expect, it } from 'vitest';
import { jsonBytesWithin } from './doc-json';
import { parseDoc } from './documents';
import { LESSON_PACK_MAX_BYTES, parseLessonPack } from './lesson-pack';
import { DEFAULT_CONFIG } from './training-config';

describe('size caps apply before anything is parsed or validated', () => {
  it('parseLessonPack refuses text over the pack limit without parsing it', () => {
    const brackets = '['.repeat(LESSON_PACK_MAX_BYTES + 1);
    const result = parseLessonPack(brackets);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`over the ${LESSON_PACK_MAX_BYTES}-byte limit`)) });
  });

  it('jsonBytesWithin(value, max) is the JSON length when it fits, and null as soon as it would not', () => {
    const doc = { a: [1, -2.5, 'x"y', null, true], b: { c: 'é' } };
    expect(jsonBytesWithin(doc, 1000)).toBe(new TextEncoder().encode(JSON.stringify(doc)).length);
    expect(jsonBytesWithin(doc, 10)).toBeNull();
    expect(jsonBytesWithin(new Array(6_000_000).fill(0.5), 5_000_000)).toBeNull();
    // Deep nesting and cycles end too: the budget runs out.
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(jsonBytesWithin(deep, 100_000)).toBeNull();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonBytesWithin(cyclic, 1000)).toBeNull();
  });
});

describe('error text quoting a bad value is truncated', () => {
  it('a megabyte of text in a settings field gives a short, readable error', () => {
    const bad = { version: 1, theme: 'x'.repeat(1_000_000), largeText: false, reducedMotion: 'system', locale: 'en', lastConfig: DEFAULT_CONFIG };
    const parsed = parseDoc('settings', bad);
    expect(parsed.ok).toBe(false);
    const error = parsed.ok ? '' : parsed.error;
    expect(error).toMatch(/^theme: /);
    expect(error.length).toBeLessThan(400);
  });

  it('so does a lesson pack whose JSON error quotes the file', () => {
    const result = parseLessonPack(`{"title": "${'y'.repeat(LESSON_PACK_MAX_BYTES - 20)}`);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.length).toBeLessThan(400);
  });
});
