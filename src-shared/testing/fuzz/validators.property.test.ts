import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DOC_SCHEMAS, describeIssues, parseDoc } from '../../protocol/documents';
import { INVOKE_REQUEST_SCHEMAS } from '../../protocol/ipc-contract';
import { parseLessonPack } from '../../protocol/lesson-pack';
import { CheckpointSchema, SupervisorCommandSchema, TrainerCommandSchema } from '../../protocol/trainer-messages';
import { DEFAULT_CONFIG, LIMITS, TrainingConfigSchema } from '../../protocol/training-config';
import { anyValue, mutationsOf } from './mutate';
import { runs } from './runs';

const validCheckpoint = {
  version: 1,
  config: DEFAULT_CONFIG,
  step: 3,
  params: { 'l0.fwd.Whh': [0.1, -0.2], 'head.by': [0] },
  optimizer: { 'l0.fwd.Whh.m': [0, 0] },
  history: [{ step: 1, loss: 0.7, accuracy: 0.5, gradNormBefore: 1, gradNormAfter: 1, clipped: false }],
};
/** The same run as the supervisor's packed copy (typed arrays, history in columns). */
const validPacked = {
  version: 1,
  packed: true,
  config: DEFAULT_CONFIG,
  step: 3,
  params: { 'l0.fwd.Whh': Float32Array.of(0.1, -0.2), 'head.by': Float64Array.of(0) },
  optimizer: { step: Float64Array.of(3), 'l0.fwd.Whh.m': Float64Array.of(0, 0) },
  history: {
    step: Float64Array.of(1),
    loss: Float64Array.of(0.7),
    accuracy: Float64Array.of(0.5),
    gradNormBefore: Float64Array.of(1),
    gradNormAfter: Float64Array.of(1),
    clipped: Uint8Array.of(0),
  },
};
const validSettings = { version: 1, theme: 'dark', largeText: false, reducedMotion: 'system', locale: 'en', lastConfig: DEFAULT_CONFIG };

/** Parse with a schema; it must never throw, and every rejection must come with a readable reason. */
function checkSchema(schema: v.GenericSchema, input: unknown): { ok: boolean; output?: unknown } {
  const result = v.safeParse(schema, input);
  if (!result.success) {
    const reason = describeIssues(result.issues);
    expect(reason.length).toBeGreaterThan(0);
    expect(reason.length).toBeLessThan(1000);
    return { ok: false };
  }
  return { ok: true, output: result.output };
}

function property<T>(name: string, arb: fc.Arbitrary<T>, check: (value: T) => void, numRuns = runs(2000)) {
  it(`${name} (${numRuns} cases)`, () => {
    fc.assert(fc.property(arb, check), { numRuns, seed: 20261126 });
  });
}

describe('every validator at a process boundary rejects junk cleanly and never crashes', () => {
  property('training config', mutationsOf(DEFAULT_CONFIG), (input) => {
    const r = checkSchema(TrainingConfigSchema, input);
    if (r.ok) {
      const c = r.output as typeof DEFAULT_CONFIG;
      expect(c.hiddenSize).toBeLessThanOrEqual(LIMITS.hiddenSize);
      expect(c.batchSize).toBeLessThanOrEqual(LIMITS.batchSize);
      expect(Number.isFinite(c.learningRate)).toBe(true);
    }
  });

  property('trainer commands', fc.oneof(mutationsOf({ type: 'configure', config: DEFAULT_CONFIG }), mutationsOf({ type: 'step', count: 3 }), mutationsOf({ type: 'ack', seq: 9 }), anyValue), (input) => {
    checkSchema(TrainerCommandSchema, input);
  });

  property('supervisor commands (packed checkpoints)', fc.oneof(mutationsOf({ type: 'restore', checkpoint: validPacked, resume: true }), mutationsOf({ type: 'ping', id: 1 })), (input) => {
    const r = checkSchema(SupervisorCommandSchema, input);
    if (r.ok && (r.output as { type: string }).type === 'restore') {
      const cp = (r.output as { checkpoint: typeof validPacked }).checkpoint;
      for (const values of [...Object.values(cp.params), ...Object.values(cp.optimizer)]) expect(Array.from(values).every(Number.isFinite)).toBe(true);
      for (const column of Object.values(cp.history)) expect(column.length).toBe(cp.history.step.length);
    }
  });

  property('checkpoints (model and run files)', mutationsOf(validCheckpoint), (input) => {
    const r = checkSchema(CheckpointSchema, input);
    if (r.ok) {
      const cp = r.output as typeof validCheckpoint;
      for (const values of Object.values(cp.params)) expect(values.every(Number.isFinite)).toBe(true);
    }
  });

  property('settings documents', mutationsOf(validSettings), (input) => {
    const r = parseDoc('settings', input);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });

  property('every document kind against junk', fc.tuple(fc.constantFrom(...(Object.keys(DOC_SCHEMAS) as (keyof typeof DOC_SCHEMAS)[])), anyValue), ([kind, input]) => {
    const r = parseDoc(kind, input);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });

  property('IPC requests of every channel', fc.tuple(fc.constantFrom(...(Object.keys(INVOKE_REQUEST_SCHEMAS) as (keyof typeof INVOKE_REQUEST_SCHEMAS)[])), anyValue), ([channel, input]) => {
    checkSchema(INVOKE_REQUEST_SCHEMAS[channel], input);
  });

  property('lesson packs as text, including truncated and hostile JSON', fc.oneof(fc.string({ maxLength: 300 }), anyValue.map((x) => JSON.stringify(x) ?? ''), fc.string().map((s) => `{"format":"rnn-lab-lesson-pack","version":1,${s}`)), (text) => {
    const r = parseLessonPack(text);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });

  it('refuses a document nested far deeper than any real one without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = { lastConfig: deep };
    const r = parseDoc('settings', deep);
    expect(r.ok).toBe(false);
  });
});
