import { describe, expect, it } from 'vitest';
import { parseDoc } from '../protocol/documents';
import { parseRunFile, runFileText, type SavedRun } from '../protocol/saved-run';
import type { StepPoint, TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG, type TrainingConfig } from '../protocol/training-config';
import { CORPUS } from '../tasks/corpus';
import { createTrainingSession } from './training-session';

function session() {
  const events: TrainerEvent[] = [];
  const s = createTrainingSession((e) => events.push(e));
  const points = (): StepPoint[] => events.flatMap((e) => (e.type === 'stats' ? e.points : []));
  const last = <K extends TrainerEvent['type']>(type: K) => events.filter((e): e is Extract<TrainerEvent, { type: K }> => e.type === type).at(-1);
  return { s, events, points, last };
}

/** Save a run the way the Lab does: ask for a snapshot, wrap it as a saved run. */
function save(src: ReturnType<typeof session>): SavedRun {
  src.s.handle({ type: 'snapshot', requestId: 1 });
  const snap = src.last('snapshot')!;
  return { id: 'r1', name: 'Mine', savedAt: '2026-12-03T07:00:00Z', checkpoint: snap.checkpoint, snapshots: [] };
}

const configs: [string, TrainingConfig][] = [
  ['a bundled task with Adam', { ...DEFAULT_CONFIG, hiddenSize: 12, batchSize: 8, seed: 11 }],
  ['pasted text with SGD and momentum, a GRU', { ...DEFAULT_CONFIG, task: 'char-lm', taskParams: {}, cell: 'gru', optimizer: 'sgd', learningRate: 0.3, hiddenSize: 10, batchSize: 4, seed: 5, dataset: { kind: 'text', name: 'austen.txt', source: CORPUS.slice(0, 2500) } }],
];

describe('reopening a saved run', () => {
  for (const [what, config] of configs) {
    it(`trains on bit-identically from the reopened run: ${what}`, () => {
      const original = session();
      original.s.handle({ type: 'configure', config });
      original.s.handle({ type: 'step', count: 25 });
      const saved = save(original);

      // Through the run's document (as stored) and through a run file (as exported), then reopened in a fresh trainer.
      const doc = parseDoc('run:r1', JSON.parse(JSON.stringify(saved)));
      expect(doc.ok).toBe(true);
      const file = parseRunFile(runFileText(doc.ok ? doc.value : saved));
      if (!file.ok) throw new Error(file.error);
      const reopened = session();
      reopened.s.handle({ type: 'restore', checkpoint: file.run.checkpoint });
      expect(reopened.last('status')).toMatchObject({ state: 'paused', step: 25 });
      expect(reopened.points()).toEqual(original.points());

      original.s.handle({ type: 'step', count: 15 });
      reopened.s.handle({ type: 'step', count: 15 });
      const tail = (o: ReturnType<typeof session>) => o.points().filter((p) => p.step > 25);
      expect(tail(reopened)).toHaveLength(15);
      expect(tail(reopened)).toEqual(tail(original));
      expect(reopened.s.checkpoint()!.params).toEqual(original.s.checkpoint()!.params);
      expect(reopened.s.checkpoint()!.optimizer).toEqual(original.s.checkpoint()!.optimizer);
      original.s.dispose();
      reopened.s.dispose();
    });
  }
});

describe('run files', () => {
  const original = session();
  original.s.handle({ type: 'configure', config: configs[0][1] });
  original.s.handle({ type: 'step', count: 3 });
  const text = runFileText(save(original));

  it('refuses a truncated file, another format, another version and a hostile field, naming the field', () => {
    expect(parseRunFile(text.slice(0, text.length - 40))).toMatchObject({ ok: false, error: expect.stringContaining('cut short') });
    const data = JSON.parse(text);
    expect(parseRunFile(JSON.stringify({ ...data, format: 'other' }))).toEqual({ ok: false, error: 'format: expected "rnnlab-run", found "other"', problem: expect.objectContaining({ code: 'runFile.wrongFormat' }) });
    expect(parseRunFile(JSON.stringify({ ...data, version: 2 }))).toMatchObject({ ok: false, error: expect.stringContaining('version: this RNN Lab reads run files of version 1, the file is version 2') });
    const hostile = structuredClone(data);
    hostile.run.checkpoint.config.hiddenSize = 100_000;
    expect(parseRunFile(JSON.stringify(hostile))).toEqual({
      ok: false,
      error: 'run.checkpoint.config.hiddenSize: hidden size must be at most 256',
      problem: expect.objectContaining({ code: 'runFile.invalid' }),
    });
    const proto = structuredClone(data);
    proto.run.checkpoint.config.__proto__x = 1;
    expect(parseRunFile(JSON.stringify(proto))).toMatchObject({ ok: false, error: expect.stringContaining('run.checkpoint.config.__proto__x') });
    expect(parseRunFile('x'.repeat(40_000_001))).toMatchObject({ ok: false, error: expect.stringContaining('the cap is 40,000,000') });
  });

  it('a checkpoint whose weights do not fit the model is refused by the trainer with the parameter named, and nothing changes', () => {
    const data = JSON.parse(text);
    const name = Object.keys(data.run.checkpoint.params)[0];
    data.run.checkpoint.params[name] = data.run.checkpoint.params[name].slice(1);
    const file = parseRunFile(JSON.stringify(data));
    if (!file.ok) throw new Error(file.error);
    const target = session();
    target.s.handle({ type: 'configure', config: { ...configs[0][1], seed: 99 } });
    target.s.handle({ type: 'restore', checkpoint: file.run.checkpoint });
    expect(target.last('error')?.problem.detail).toContain(name);
    expect(target.s.checkpoint()!.config.seed).toBe(99);
  });
});
