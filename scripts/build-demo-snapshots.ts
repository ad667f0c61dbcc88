/**
 * Train each unrolled lesson demo's small model with the engine, from a fixed seed, and write its weights, its
 * configuration and the example the demo runs to src-renderer/lesson/snapshots/demo-snapshots.json. The renderer
 * validates that file and runs the engine's forward and backward pass on the weights when a demo opens, so a
 * learner sees a trained model at first launch without a visit to the Lab (and without a training worker).
 *
 *   npm run build:snapshots            rewrite the committed file
 *   npm run build:snapshots -- --out=F write somewhere else (the staleness test does)
 *
 * The run is deterministic: same engine, same seed, same number of steps, same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportParams, getKernels, jsKernels, setKernels } from '../src-shared/engine/index';
import { createWasmKernels } from '../src-shared/engine/wasm-kernels';
import { DEMO_SNAPSHOT_VERSION, type DemoExample, type DemoModel, type DemoSnapshotFile } from '../src-shared/protocol/demo-snapshot';
import type { LessonSectionId } from '../src-shared/protocol/lesson-pack';
import { DEFAULT_CONFIG, type TrainingConfig } from '../src-shared/protocol/training-config';
import { Run } from '../src-shared/session/run';
import { DEMO_PRESETS, presetConfig } from '../src-renderer/lesson/demo-presets';

export const SNAPSHOT_PATH = 'src-renderer/lesson/snapshots/demo-snapshots.json';
/** Training steps per model: a few hundred Adam steps take well under a second here and reach full test accuracy. */
export const TRAIN_STEPS = 600;
/** The seed every demo model starts from (the Lab's default). */
export const SNAPSHOT_SEED = 42;
/** Significant digits kept per weight (f32 holds about 7). */
const DIGITS = 7;

const round = (x: number) => Number(x.toPrecision(DIGITS));

function modelId(c: TrainingConfig): string {
  return `${c.task}-${c.cell}-h${c.hiddenSize}`;
}

function train(config: TrainingConfig): { run: Run; model: DemoModel } {
  const run = new Run(config);
  for (let i = 0; i < TRAIN_STEPS; i++) {
    const out = run.trainStep(false);
    if (out.kind !== 'ok') throw new Error(`demo model ${modelId(config)} diverged (${out.quantity}) at step ${i}`);
  }
  const params = Object.fromEntries(Object.entries(exportParams(run.model)).map(([k, xs]) => [k, xs.map(round)]));
  const model: DemoModel = {
    id: modelId(config),
    config,
    shape: run.task.spec.shape,
    loss: run.task.spec.loss,
    inputVocab: [...run.task.inputVocab],
    outputVocab: [...run.task.outputVocab],
    trainedSteps: run.step,
    params,
  };
  return { run, model };
}

/** The held-out example whose length is closest to what the preset asks for (the first of those). */
function pickExample(run: Run, steps: number, model: string): DemoExample {
  let best = run.task.test[0];
  for (const ex of run.task.test) if (Math.abs(ex.input.length - steps) < Math.abs(best.input.length - steps)) best = ex;
  return { model, input: [...best.input], target: [...best.target] };
}

export function buildDemoSnapshots(): DemoSnapshotFile {
  // The plain SIMD build on every runtime: the fused build (where a newer Node runs it) differs in the last bits.
  const previous = getKernels();
  setKernels(createWasmKernels('simd') ?? jsKernels);
  try {
    return buildWithCurrentKernels();
  } finally {
    setKernels(previous);
  }
}

function buildWithCurrentKernels(): DemoSnapshotFile {
  const base: TrainingConfig = { ...DEFAULT_CONFIG, seed: SNAPSHOT_SEED };
  const trained = new Map<string, { run: Run; model: DemoModel }>();
  const demos: Partial<Record<LessonSectionId, DemoExample>> = {};
  for (const [section, preset] of Object.entries(DEMO_PRESETS) as [LessonSectionId, (typeof DEMO_PRESETS)[LessonSectionId]][]) {
    if (preset.view !== 'unrolled') continue;
    const config = presetConfig(preset, base);
    if (!config) continue;
    const id = modelId(config);
    let entry = trained.get(id);
    if (!entry) {
      entry = train(config);
      trained.set(id, entry);
    }
    demos[section] = pickExample(entry.run, preset.steps, id);
  }
  return { version: DEMO_SNAPSHOT_VERSION, models: [...trained.values()].map((e) => e.model), demos };
}

/** The file's text: one model or demo per line block, stable key order. */
export function demoSnapshotText(file: DemoSnapshotFile = buildDemoSnapshots()): string {
  return `${JSON.stringify(file)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv.find((a) => a.startsWith('--out='));
  const out = arg ? arg.slice('--out='.length) : join(import.meta.dirname, '..', SNAPSHOT_PATH);
  const t0 = performance.now();
  writeFileSync(out, demoSnapshotText());
  console.log(`wrote ${out} in ${Math.round(performance.now() - t0)} ms`);
}
