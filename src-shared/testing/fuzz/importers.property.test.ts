import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ProblemError, ProblemSchema } from '../../protocol/problem';
import { createTrainingSession } from '../../session/training-session';
import { taskFromCsv, taskFromText } from '../../tasks/index';
import type { TrainerEvent } from '../../protocol/trainer-messages';
import { anyValue } from './mutate';
import { runs } from './runs';

/**
 * An importer either returns data or throws a ProblemError: a problem code the renderer words in the learner's
 * language, valid as it would cross a process boundary, with a readable English detail for the console. Never a
 * TypeError, a plain English-only Error, or a hang.
 */
function expectCleanOutcome(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ProblemError);
    const { problem } = err as ProblemError;
    expect(v.safeParse(ProblemSchema, problem).success).toBe(true);
    expect((err as Error).message.length).toBeGreaterThan(5);
  }
}

const csvCell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"quoted, text"', '"unterminated', '""', 'pos', 'neg', '\u0000', '\r'));
const csvText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.array(fc.tuple(csvCell, csvCell), { maxLength: 60 }).map((rows) => ['text,label', ...rows.map(([a, b]) => `${a},${b}`)].join('\n')),
  fc.array(fc.tuple(fc.lorem({ maxCount: 8 }), fc.constantFrom('pos', 'neg', 'meh')), { minLength: 10, maxLength: 40 }).map((rows) => ['text,label', ...rows.map(([a, b]) => `${a},${b}`)].join('\n')),
);

describe('importers of learner-supplied data', () => {
  it(`pasted text for the language model (${runs(200, 10_000)} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.lorem({ mode: 'sentences', maxCount: 40 }), fc.string({ unit: 'binary', maxLength: 600 })), (text) =>
        expectCleanOutcome(() => taskFromText(text, 1)),
      ),
      { numRuns: runs(200, 10_000), seed: 7 },
    );
  });

  it(`labelled CSV of sequences (${runs(500, 10_000)} cases)`, () => {
    fc.assert(fc.property(csvText, (csv) => expectCleanOutcome(() => taskFromCsv(csv, 1))), { numRuns: runs(500, 10_000), seed: 8 });
  });
});

describe('the training session fed junk over its stream', () => {
  it(`answers every malformed message with an error event and keeps working (${runs(2000)} cases)`, () => {
    const events: TrainerEvent[] = [];
    const session = createTrainingSession((e) => events.push(e));
    fc.assert(
      fc.property(anyValue, (junk) => {
        const before = events.length;
        expect(() => session.handle(junk)).not.toThrow();
        const reply = events.slice(before);
        for (const e of reply) expect(['error', 'status', 'stats', 'configured']).toContain(e.type);
      }),
      { numRuns: runs(2000), seed: 9 },
    );
    session.dispose();
  });
});
