import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG, LIMITS, type TrainingConfig } from '../protocol/training-config';
import { createTrainingSession } from './training-session';

/**
 * Memory guard: a configuration over a cap is refused by the session's configure before any model or dataset is
 * built (so nothing is allocated and nothing trains), with a message that names the cap.
 */
function harness() {
  const events: TrainerEvent[] = [];
  const session = createTrainingSession((e) => events.push(e));
  return { events, session };
}

const base: TrainingConfig = { ...DEFAULT_CONFIG, task: 'memory', taskParams: { k: 3 }, hiddenSize: 16, batchSize: 8 };

const OVERSIZED: { what: string; config: unknown; message: RegExp }[] = [
  { what: 'hiddenSize 100000', config: { ...base, hiddenSize: 100_000 }, message: new RegExp(`hidden size must be at most ${LIMITS.hiddenSize}`) },
  { what: 'batchSize 10000', config: { ...base, batchSize: 10_000 }, message: new RegExp(`batch size must be at most ${LIMITS.batchSize}`) },
  { what: 'BPTT window past the sequence cap', config: { ...base, truncateBptt: LIMITS.seqLen + 1 }, message: new RegExp(`BPTT truncation must be at most ${LIMITS.seqLen}`) },
  // Task knobs that set the sequence length are capped by the task, so no sequence can pass LIMITS.seqLen.
  { what: 'memory k = 100000 distractors', config: { ...base, taskParams: { k: 100_000 } }, message: /memory: parameter "k" must be in 1–100 \(got 100000\)/ },
  { what: 'sentiment gap = 10000', config: { ...base, task: 'sentiment', taskParams: { gap: 10_000 } }, message: /sentiment: parameter "gap" must be in 0–40/ },
  { what: 'char-lm length = 100000', config: { ...base, task: 'char-lm', taskParams: { length: 100_000 } }, message: /char-lm: parameter "length" must be in 8–64/ },
  { what: 'a task parameter past the schema bound', config: { ...base, taskParams: { k: 1e9 } }, message: /task parameter must be at most 1000000/ },
];

describe('oversized configurations are refused before training starts', () => {
  for (const { what, config, message } of OVERSIZED) {
    it(`${what}: refused with a message naming the cap`, () => {
      const { session, events } = harness();
      const started = performance.now();
      session.handle({ type: 'configure', config });
      const elapsed = performance.now() - started;

      const errors = events.filter((e) => e.type === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ problem: { detail: expect.stringMatching(message) } });
      expect(['bad-message', 'bad-config']).toContain(errors[0].type === 'error' && errors[0].code);
      // Nothing was built: no 'configured', no checkpoint, and a start has nothing to train.
      expect(events.some((e) => e.type === 'configured')).toBe(false);
      expect(session.checkpoint()).toBeNull();
      expect(elapsed).toBeLessThan(250);
      session.handle({ type: 'start' });
      expect(events.filter((e) => e.type === 'error').at(-1)).toMatchObject({ problem: { code: 'trainer.badMessage', detail: 'Configure a run before training' } });
      expect(session.isTraining).toBe(false);
      expect(events.some((e) => e.type === 'stats' || (e.type === 'status' && e.state === 'training'))).toBe(false);
      session.dispose();
    });
  }

  it('an oversized configure after a good one leaves the current run untouched', () => {
    const { session, events } = harness();
    session.handle({ type: 'configure', config: base });
    session.handle({ type: 'step', count: 3 });
    const before = session.checkpoint()!;
    session.handle({ type: 'configure', config: { ...base, hiddenSize: 100_000, batchSize: 10_000 } });
    expect(events.at(-1)).toMatchObject({ type: 'error', problem: { detail: expect.stringMatching(/hidden size must be at most 256/) } });
    const after = session.checkpoint()!;
    expect(after.step).toBe(3);
    expect(after.config).toEqual(before.config);
    session.dispose();
  });
});
