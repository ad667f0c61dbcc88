import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../protocol/documents';
import { compactDetail, parseRunFile, runFileText, snapshotNumbers, thinSnapshots, type SavedRun } from '../protocol/saved-run';
import type { StepDetail, TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG, type TrainingConfig } from '../protocol/training-config';
import { createTrainingSession } from './training-session';

/** Train a few steps and save the run the way the Lab does: checkpoint plus the thinned, rounded snapshots. */
function savedRun(config: TrainingConfig, steps = 4): { run: SavedRun; details: StepDetail[] } {
  const events: TrainerEvent[] = [];
  const s = createTrainingSession((e) => events.push(e));
  s.handle({ type: 'configure', config });
  const details: StepDetail[] = [];
  for (let i = 0; i < steps; i++) {
    s.handle({ type: 'step', count: 1 });
    for (const e of events.splice(0)) if (e.type === 'stats' && e.detail) details.push(e.detail);
  }
  s.handle({ type: 'snapshot', requestId: 1 });
  const snap = events.find((e) => e.type === 'snapshot');
  s.dispose();
  if (snap?.type !== 'snapshot') throw new Error('no snapshot');
  const run = { id: 'r1', name: 'Mine', savedAt: '2026-12-03T09:00:00Z', checkpoint: snap.checkpoint, snapshots: thinSnapshots(details).map(compactDetail) };
  return { run, details };
}

const small = { ...DEFAULT_CONFIG, hiddenSize: 6, batchSize: 2, seed: 3 };
const cases: [string, TrainingConfig, (d: StepDetail) => void][] = [
  ['a vanilla RNN', { ...small, cell: 'rnn' }, (d) => expect(d.attribution?.matrix.length).toBeGreaterThan(0)],
  ['an LSTM, with its cell states and ∂L/∂c_t', { ...small, cell: 'lstm' }, (d) => {
    expect(d.cells?.length).toBeGreaterThan(0);
    expect(d.dc?.length).toBe(d.cells?.length);
  }],
  ['a GRU', { ...small, cell: 'gru' }, (d) => expect(Object.keys(d.gates).sort()).toEqual(['n', 'r', 'z'])],
  ['a bidirectional two-layer LSTM, every chain', { ...small, cell: 'lstm', task: 'pos-tagging', bidirectional: true, layers: 2 }, (d) => {
    expect(d.hiddenBackward?.length).toBeGreaterThan(0);
    expect(Object.keys(d.chains ?? {}).sort()).toEqual(['backward', 'lower', 'lowerBackward']);
    expect(d.chains?.backward?.dc?.length).toBeGreaterThan(0);
  }],
  ['an encoder-decoder, with the decoder chain', { ...small, cell: 'gru', task: 'number-words' }, (d) => expect(d.chains?.decoder?.hidden.length).toBeGreaterThan(0)],
];

describe('saved snapshots keep every traced field through a save and a reopen', () => {
  for (const [what, config, has] of cases) {
    it(`save → run file → load is deep-equal for ${what}`, () => {
      const { run } = savedRun(config);
      expect(run.snapshots.length).toBeGreaterThan(0);
      for (const d of run.snapshots) has(d);

      const file = parseRunFile(runFileText(run));
      if (!file.ok) throw new Error(file.error);
      expect(file.run.snapshots).toEqual(run.snapshots);
      expect(file.run).toEqual(run);

      const doc = parseDoc('run:r1', JSON.parse(JSON.stringify(run)));
      if (!doc.ok) throw new Error(doc.error);
      expect(doc.value.snapshots).toEqual(run.snapshots);
    });
  }

  it('compactDetail rounds every chain and the attribution to 4 significant digits, and keeps their shape', () => {
    const { details } = savedRun({ ...small, cell: 'lstm', task: 'number-words' }, 1);
    const d = details[0];
    const c = compactDetail(d);
    const digits = (x: number) => x === Number(x.toPrecision(4));
    expect(c.chains?.decoder?.dc?.flat().every(digits)).toBe(true);
    expect(c.dc?.flat().every(digits)).toBe(true);
    expect(c.chains?.decoder?.hidden.map((r) => r.length)).toEqual(d.chains?.decoder?.hidden.map((r) => r.length));
    expect(snapshotNumbers(c)).toBe(snapshotNumbers(d));
  });
});

describe('the saved snapshot schema is capped and strict', () => {
  const { run } = savedRun({ ...small, cell: 'lstm' }, 1);
  const text = runFileText(run);
  const edit = (f: (snap: Record<string, unknown> & { hidden: number[][] }) => void) => {
    const data = JSON.parse(text);
    f(data.run.snapshots[0]);
    return parseRunFile(JSON.stringify(data));
  };

  it('refuses more than 200 time steps, more than 512 units, an unknown field and a bad chain, naming the field', () => {
    expect(edit((s) => (s.hidden = Array.from({ length: 201 }, () => [0])))).toMatchObject({ ok: false, error: expect.stringContaining('run.snapshots.0.hidden') });
    expect(edit((s) => (s.hidden[0] = new Array(513).fill(0)))).toMatchObject({ ok: false, error: expect.stringContaining('run.snapshots.0.hidden.0') });
    expect(edit((s) => (s.surprise = 1))).toMatchObject({ ok: false, error: expect.stringContaining('run.snapshots.0.surprise') });
    expect(edit((s) => (s.chains = { decoder: { dhNorms: 'x' } }))).toMatchObject({ ok: false, error: expect.stringContaining('run.snapshots.0.chains.decoder') });
    expect(edit((s) => (s.attribution = { inputTokens: [], outputTokens: [], outputSteps: [0], matrix: [] }))).toMatchObject({ ok: false, error: expect.stringContaining('run.snapshots.0.attribution.outputSteps.0') });
  });

  it('thinSnapshots keeps the first and the newest and stays within the count and the number bound', () => {
    const { details } = savedRun({ ...small, cell: 'lstm' }, 40);
    expect(details).toHaveLength(40);
    const few = thinSnapshots(details, 16, Number.POSITIVE_INFINITY);
    expect(few.length).toBeLessThanOrEqual(16);
    expect(few[0]).toBe(details[0]);
    expect(few.at(-1)).toBe(details.at(-1));
    const budget = snapshotNumbers(details[0]) * 5;
    const tight = thinSnapshots(details, 16, budget);
    expect(tight.reduce((n, d) => n + snapshotNumbers(d), 0)).toBeLessThanOrEqual(budget);
    expect([tight[0], tight.at(-1)]).toEqual([details[0], details.at(-1)]);
  });
});

describe('a run file written before snapshots kept every field', () => {
  // Written by the previous build (its compactDetail rounded only the top chain; its schema dropped the rest on load).
  const text = readFileSync(new URL('../protocol/fixtures/run-file-v1-before-full-snapshots.rnnlab.json', import.meta.url), 'utf8');

  it('still imports, with its checkpoint and every snapshot field it carries', () => {
    const file = parseRunFile(text);
    if (!file.ok) throw new Error(file.error);
    const raw = JSON.parse(text).run;
    expect(file.run.id).toBe('run-fixture-v1');
    expect(file.run.checkpoint).toEqual(raw.checkpoint);
    expect(file.run.snapshots).toEqual(raw.snapshots);
    expect(file.run.snapshots[0].dc?.length).toBeGreaterThan(0);
    expect(file.run.snapshots[0].attribution).toBeDefined();
  });
});
