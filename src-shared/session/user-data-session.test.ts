import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG, LIMITS, type TrainingConfig } from '../protocol/training-config';
import { CORPUS } from '../tasks/corpus';
import { createTrainingSession } from './training-session';

const text = CORPUS.slice(0, 4000);
const csvRows = Array.from({ length: 40 }, (_, i) => (i % 2 ? `a lovely bright day ${i},happy` : `a grim cold night ${i},sad`));
const base: TrainingConfig = { ...DEFAULT_CONFIG, hiddenSize: 16, batchSize: 8, seed: 7 };

function session() {
  const events: TrainerEvent[] = [];
  const s = createTrainingSession((e) => events.push(e));
  const of = <K extends TrainerEvent['type']>(type: K) => events.filter((e): e is Extract<TrainerEvent, { type: K }> => e.type === type);
  return { s, of };
}

describe('training on the learner\'s own data', () => {
  it('trains a character model on pasted text carried in the config, and its loss falls', () => {
    const { s, of } = session();
    s.handle({ type: 'configure', config: { ...base, task: 'char-lm', dataset: { kind: 'text', name: '', source: text } } });
    const vocab = new Set(text).size;
    expect(of('configured')[0]).toMatchObject({ inputVocab: expect.any(Array) });
    expect(of('configured')[0].inputVocab).toHaveLength(vocab);
    s.handle({ type: 'step', count: 120 });
    const losses = of('stats').flatMap((e) => e.points.map((p) => p.loss));
    expect(losses).toHaveLength(120);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)) * 0.85);
    s.dispose();
  });

  it('trains a classifier from a CSV and a restarted trainer rebuilds the same run from the checkpoint alone', () => {
    const { s, of } = session();
    const config: TrainingConfig = { ...base, task: 'sentiment', dataset: { kind: 'csv', name: 'moods.csv', source: ['text,label', ...csvRows].join('\n') } };
    s.handle({ type: 'configure', config });
    expect(of('configured')[0].outputVocab).toEqual(['sad', 'happy']);
    s.handle({ type: 'step', count: 5 });
    const checkpoint = JSON.parse(JSON.stringify(s.checkpoint()));
    const other = session();
    other.s.restore(checkpoint, false);
    expect(other.of('configured')[0]).toEqual(of('configured')[0]);
    s.handle({ type: 'step', count: 3 });
    other.s.handle({ type: 'step', count: 3 });
    const tail = (o: ReturnType<typeof session>) => o.of('stats').flatMap((e) => e.points).slice(-3);
    expect(tail(other)).toEqual(tail({ s, of }));
    s.dispose();
    other.s.dispose();
  });

  it('refuses a bad CSV with its line and column, and a dataset whose shape disagrees with the task', () => {
    const { s, of } = session();
    const bad = ['text,label', 'fine day,happy', 'no label here', ...csvRows].join('\n');
    s.handle({ type: 'configure', config: { ...base, task: 'sentiment', dataset: { kind: 'csv', name: '', source: bad } } });
    expect(of('error').at(-1)).toMatchObject({ code: 'bad-config', problem: { code: 'data.csv.missingLabel', detail: expect.stringContaining('line 3, column 2 (label): missing label') } });
    s.handle({ type: 'configure', config: { ...base, task: 'melody', dataset: { kind: 'text', name: '', source: text } } });
    expect(of('error').at(-1)?.problem.detail).toContain('your data trains the "char-lm" shape');
    s.dispose();
  });

  it('rejects a dataset over the cap at the schema, before anything parses it', () => {
    const { s, of } = session();
    const source = 'x'.repeat(LIMITS.datasetChars + 1);
    s.handle({ type: 'configure', config: { ...base, task: 'char-lm', dataset: { kind: 'text', name: '', source } } });
    expect(of('error').at(-1)).toMatchObject({ code: 'bad-message', problem: { code: 'trainer.badMessage', detail: expect.stringContaining('config.dataset.source: dataset source must be at most 1,000,000 characters') } });
    expect(of('configured')).toHaveLength(0);
    s.dispose();
  });
});
