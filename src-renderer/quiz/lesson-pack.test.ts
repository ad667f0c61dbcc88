import { describe, expect, it } from 'vitest';
import { LESSON_PACK_MAX_BYTES, LESSON_SECTION_IDS, QUIZ_QUESTION_IDS, parseLessonPack } from '../../src-shared/protocol/lesson-pack';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { makeLessonPack, packFileName, readLessonPackFile } from './lesson-pack-io';

const good = () =>
  makeLessonPack(
    { title: ' Year 12 — RNNs ', sections: ['why', 'cell', 'gates'], questions: ['ff-vs-rnn', 'rnn-params'], quizSeed: 11, demoSeed: 7, config: DEFAULT_CONFIG },
    new Date('2026-01-02T03:04:05Z'),
  );

describe('lesson packs', () => {
  it('round-trip through JSON unchanged', () => {
    const pack = good();
    const parsed = parseLessonPack(JSON.stringify(pack));
    expect(parsed).toEqual({ ok: true, pack });
    expect(pack.title).toBe('Year 12 — RNNs');
    expect(packFileName(pack)).toBe('year-12-rnns.rnnlab-pack.json');
  });

  it('accept the full lesson', () => {
    const pack = { ...good(), sections: [...LESSON_SECTION_IDS], questions: [...QUIZ_QUESTION_IDS] };
    expect(parseLessonPack(JSON.stringify(pack)).ok).toBe(true);
  });

  const rejects = (mutate: (p: Record<string, unknown>) => void, field: RegExp) => {
    const p = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
    mutate(p);
    const res = parseLessonPack(JSON.stringify(p));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(field);
  };

  it('name the bad field when a pack is corrupt', () => {
    rejects((p) => (p.questions = ['ff-vs-rnn', 'no-such-question']), /^questions\.1: each question must be a known question id/);
    rejects((p) => (p.sections = []), /^sections: sections must list at least one section/);
    rejects((p) => (p.sections = ['why', 'why']), /sections must not list the same id twice/);
    rejects((p) => (p.quizSeed = 1.5), /^quizSeed: quizSeed must be a whole number/);
    rejects((p) => (p.format = 'something-else'), /^format: format must be "rnn-lab-lesson-pack"/);
    rejects((p) => ((p.config as Record<string, unknown>).hiddenSize = 9999), /^config\.hiddenSize: hidden size must be at most 256/);
    rejects((p) => (p.extra = true), /extra/);
    rejects((p) => delete p.title, /title/);
  });

  it('explain a file that is not JSON', () => {
    const res = parseLessonPack('{"format": "rnn-lab-lesson-pack", ');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/^not a JSON file/);
  });
});

describe('reading a pack file', () => {
  it('refuses a file over the limit by its size, without reading it', async () => {
    const file = new Blob([new Uint8Array(LESSON_PACK_MAX_BYTES + 1).fill(0x5b)]);
    let read = false;
    const spied = Object.assign(file, { text: () => ((read = true), Promise.resolve('')) });
    expect(await readLessonPackFile(spied)).toEqual({ ok: false, error: expect.stringMatching(/over the 65536-byte limit/) });
    expect(read).toBe(false);
  });

  it('parses a pack file within the limit', async () => {
    const pack = good();
    expect(await readLessonPackFile(new Blob([JSON.stringify(pack)]))).toEqual({ ok: true, pack });
  });
});
