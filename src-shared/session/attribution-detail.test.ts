import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TrainerEventSchema } from '../protocol/trainer-events';
import { DEFAULT_CONFIG } from '../protocol/training-config';
import { Run } from './run';

describe("a step's detail carries the connectivity of a fixed held-out example", () => {
  it('sentiment (many-to-one): one row over the review\'s words, the same review at every step, changing as the model learns', () => {
    const run = new Run(DEFAULT_CONFIG);
    const first = run.trainStep(true);
    if (first.kind !== 'ok' || !first.detail?.attribution) throw new Error('expected a detail with attribution');
    const a = first.detail.attribution;
    expect(a.matrix).toHaveLength(1);
    expect(a.matrix[0]).toHaveLength(a.inputTokens.length);
    expect(a.outputSteps).toEqual([a.inputTokens.length]);
    expect(['negative', 'positive']).toContain(a.outputTokens[0]);
    for (let i = 0; i < 30; i++) run.trainStep(false);
    const later = run.trainStep(true);
    if (later.kind !== 'ok' || !later.detail?.attribution) throw new Error('expected a detail with attribution');
    expect(later.detail.attribution.inputTokens).toEqual(a.inputTokens);
    expect(later.detail.attribution.matrix[0]).not.toEqual(a.matrix[0]);
    // it crosses the stream: the event schema accepts it, and refuses a malformed one
    const event = { type: 'stats', seq: 0, points: [], detail: later.detail, stepsPerSecond: 0 };
    expect(v.safeParse(TrainerEventSchema, event).success).toBe(true);
    const bad = { ...event, detail: { ...later.detail, attribution: { ...later.detail.attribution, outputSteps: [0] } } };
    expect(v.safeParse(TrainerEventSchema, bad).success).toBe(false);
  });

  it('pos-tagging (many-to-many): a lower triangle, one row per word', () => {
    const run = new Run({ ...DEFAULT_CONFIG, task: 'pos-tagging' });
    const out = run.trainStep(true);
    if (out.kind !== 'ok' || !out.detail?.attribution) throw new Error('expected a detail with attribution');
    const { matrix, inputTokens } = out.detail.attribution;
    expect(matrix).toHaveLength(inputTokens.length);
    for (let t = 0; t < matrix.length; t++) for (let s = t + 1; s < matrix.length; s++) expect(matrix[t][s]).toBe(0);
  });
});
