import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../protocol/training-config';
import { Run } from './run';
import { SAMPLE_SETTINGS } from './sample-writer';

const lm: TrainingConfig = { ...DEFAULT_CONFIG, task: 'char-lm', taskParams: { length: 16 }, hiddenSize: 16, batchSize: 8, seed: 3 };

describe('samples from a language model', () => {
  it('every evaluation of a character model writes text from a held-out prime, in its vocabulary', () => {
    const run = new Run(lm);
    const result = run.evaluate();
    expect(result.generated).toBeDefined();
    const { prime, text } = result.generated!;
    expect(prime).toBe(run.task.formatInput(run.task.test[0].input).slice(0, SAMPLE_SETTINGS.primeChars));
    expect([...text]).toHaveLength(SAMPLE_SETTINGS.length);
    for (const c of text) expect(run.task.outputVocab).toContain(c);
  });

  it('is the same text for the same parameters and step, and changes as the model learns', () => {
    const a = new Run(lm);
    const b = new Run(lm);
    expect(a.evaluate().generated).toEqual(b.evaluate().generated);
    const before = a.evaluate().generated!.text;
    for (let i = 0; i < 40; i++) a.trainStep(false);
    expect(a.evaluate().generated!.text).not.toBe(before);
  });

  it('writes the sample a few characters per chunk, so an evaluation in slices still ends with it', () => {
    const run = new Run(lm);
    const evaluation = run.startEvaluation();
    let chunks = 0;
    let result = null;
    while (!(result = evaluation.advance(32))) chunks++;
    expect(chunks).toBeGreaterThan(SAMPLE_SETTINGS.length / 10);
    expect(result.generated).toEqual(run.evaluate().generated);
  });

  it('a classifier writes nothing', () => {
    expect(new Run({ ...lm, task: 'sentiment', taskParams: {} }).evaluate().generated).toBeUndefined();
  });
});
