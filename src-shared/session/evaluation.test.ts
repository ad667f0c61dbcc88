import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../protocol/training-config';
import { Run } from './run';

/**
 * The session scores held-out data a chunk per slice (so pause/stop are read between chunks): chunked scoring
 * must give the one-shot result, and report nothing until every example is scored.
 */
describe('Run.startEvaluation', () => {
  it('scored in chunks of 32 equals scoring every example at once', () => {
    const run = new Run({ ...DEFAULT_CONFIG, task: 'sentiment', hiddenSize: 16, batchSize: 8 });
    for (let i = 0; i < 5; i++) run.trainStep(false);
    const whole = run.model.evaluate(run.task.test.slice(0, 200));

    const evaluation = run.startEvaluation();
    let result = evaluation.advance(32);
    let chunks = 1;
    while (!result) {
      result = evaluation.advance(32);
      chunks += 1;
    }
    expect(chunks).toBe(Math.ceil(Math.min(200, run.task.test.length) / 32));
    expect(result.step).toBe(5);
    expect(result.testLoss).toBeCloseTo(whole.loss, 10);
    expect(result.testAccuracy).toBe(whole.correct / whole.total);
    expect(result).toEqual({ ...run.evaluate(), testLoss: result.testLoss });
    expect(evaluation.advance(32)).toEqual(result); // finished: asking again changes nothing
  });
});
