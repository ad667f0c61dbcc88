import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { serialize, deserialize } from 'node:v8';
import { describeIssues } from './documents';
import { PackedCheckpointSchema, packHistory, unpackHistory } from './packed-checkpoint';
import { DEFAULT_CONFIG } from './training-config';
import { Run } from '../session/run';

const config = { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 };

describe('packed checkpoints (the supervisor copy)', () => {
  it('survive a structured clone and rebuild the same run as the plain checkpoint', () => {
    const run = new Run(config);
    for (let i = 0; i < 5; i++) run.trainStep(false);
    const cloned: unknown = deserialize(serialize(run.toPackedCheckpoint()));
    const parsed = v.safeParse(PackedCheckpointSchema, cloned);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const fromPacked = Run.fromCheckpoint(parsed.output);
    const fromPlain = Run.fromCheckpoint(run.toCheckpoint());
    expect(fromPacked.toCheckpoint()).toEqual(fromPlain.toCheckpoint());
    expect(fromPacked.step).toBe(5);
    expect(fromPacked.history.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    // Training on from either copy gives the same next step, bit for bit.
    expect(fromPacked.trainStep(false)).toEqual(fromPlain.trainStep(false));
  });

  it('keep every history field through packing', () => {
    const points = [
      { step: 1, loss: 0.69, accuracy: 0.5, gradNormBefore: 7.5, gradNormAfter: 5, clipped: true },
      { step: 2, loss: 0.6, accuracy: 0.75, gradNormBefore: 1.25, gradNormAfter: 1.25, clipped: false },
    ];
    expect(unpackHistory(packHistory(points))).toEqual(points);
  });

  it('reject non-finite parameters, plain arrays and ragged history with a message naming the problem', () => {
    const good = new Run(config).toPackedCheckpoint();
    const name = Object.keys(good.params)[0];
    const nan = structuredClone(good);
    nan.params[name][0] = NaN;
    const plain = { ...structuredClone(good), params: { ...good.params, [name]: Array.from(good.params[name]) } };
    const ragged = structuredClone(good);
    ragged.history.loss = Float64Array.of(1);
    for (const [bad, words] of [
      [nan, /finite/],
      [plain, /Float32Array or Float64Array/],
      [ragged, /as many entries/],
    ] as const) {
      const r = v.safeParse(PackedCheckpointSchema, bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(describeIssues(r.issues)).toMatch(words);
    }
  });
});
