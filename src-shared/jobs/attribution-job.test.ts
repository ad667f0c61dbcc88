import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobEventSchema, JobRequestSchema, type AttributionRequest } from '../protocol/job-messages';
import { Run } from '../session/run';
import { attributionExample, attributionJob } from './attribution-job';
import { trainingConfig, type JobOutput } from './jobs';

const REQ: AttributionRequest = {
  type: 'attribution', cells: ['rnn', 'lstm', 'gru'], steps: 12, every: 5, gap: 3,
  hiddenSize: 6, batchSize: 4, learningRate: 0.01, seed: 5,
};

function run(req: AttributionRequest): JobOutput[] {
  const out: JobOutput[] = [];
  const job = attributionJob(req, (o) => out.push(o));
  while (!job.next().done);
  return out;
}

describe('attributionJob (RNN vs LSTM vs GRU connectivity on one review)', () => {
  it('is a valid request, and every event it sends passes the stream schema', () => {
    expect(v.safeParse(JobRequestSchema, REQ).success).toBe(true);
    expect(v.safeParse(JobRequestSchema, { ...REQ, every: 0 }).success).toBe(false);
    for (const o of run(REQ)) expect(v.safeParse(JobEventSchema, { ...o, id: 1 }).issues).toBeUndefined();
  });

  it('sends each cell’s connectivity every `every` steps and after the last, then done with each cell’s score', () => {
    const out = run(REQ);
    const ticks = out.filter((o) => o.type === 'attribution-tick');
    expect(ticks.map((t) => `${t.cell}@${t.step}`)).toEqual(['rnn@5', 'lstm@5', 'gru@5', 'rnn@10', 'lstm@10', 'gru@10', 'rnn@12', 'lstm@12', 'gru@12']);
    const done = out.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.results.map((r) => r.cell)).toEqual(REQ.cells);
    for (const r of done.results) {
      expect(r.steps).toBe(REQ.steps);
      expect(r.testAccuracy).toBe(ticks.filter((t) => t.cell === r.cell).at(-1)!.testAccuracy);
    }
    // One example for every cell and tick: a review with a "but", one verdict row over all its words.
    const words = ticks[0].attribution.inputTokens;
    expect(words).toContain('but');
    for (const t of ticks) {
      expect(t.attribution.inputTokens).toEqual(words);
      expect(t.attribution.outputSteps).toEqual([words.length]);
      expect(t.attribution.matrix).toHaveLength(1);
      expect(t.attribution.matrix[0]).toHaveLength(words.length);
      expect(t.attribution.matrix[0].some((w) => w > 0)).toBe(true);
    }
  });

  it('each cell’s final attribution equals engine/attribution.ts on the same cell trained alone to the same step', () => {
    const ticks = run(REQ).filter((o) => o.type === 'attribution-tick');
    for (const cell of REQ.cells) {
      const alone = new Run(trainingConfig(REQ, 'sentiment', { gap: REQ.gap }, cell));
      for (let s = 0; s < REQ.steps; s++) expect(alone.trainStep(false).kind).toBe('ok');
      const ex = attributionExample(alone.task);
      const engine = alone.model.connectivity(ex);
      const sent = ticks.filter((t) => t.cell === cell).at(-1)!.attribution;
      expect(sent.matrix).toEqual(engine.matrix);
      expect(sent.outputTokens).toEqual(engine.predicted.map((c) => alone.task.outputVocab[c]));
      expect(sent.inputTokens).toEqual(ex.input.map((id) => alone.task.inputVocab[id]));
    }
  });

  it('follows the held-out review whose "but" stands furthest from the end', () => {
    const task = new Run(trainingConfig(REQ, 'sentiment', { gap: REQ.gap }, 'rnn')).task;
    const but = task.inputVocab.indexOf('but');
    const ex = attributionExample(task);
    const back = (e: { input: readonly number[] }) => e.input.length - 1 - e.input.lastIndexOf(but);
    expect(ex.input).toContain(but);
    for (const other of task.test.slice(0, 64)) if (other.input.includes(but)) expect(back(other)).toBeLessThanOrEqual(back(ex));
  });
});
