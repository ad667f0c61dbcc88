import * as v from 'valibot';
import { createModel, importParams } from '../../src-shared/engine/index';
import type { ModelConfig } from '../../src-shared/engine/types';
import { DemoSnapshotFileSchema, type DemoSnapshotFile } from '../../src-shared/protocol/demo-snapshot';
import { describeIssues } from '../../src-shared/protocol/documents';
import type { LessonSectionId } from '../../src-shared/protocol/lesson-pack';
import type { StepDetail } from '../../src-shared/protocol/trainer-messages';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';

/**
 * A lesson demo's model at first launch: the weights the engine trained at build time (demo-snapshots.json,
 * written by scripts/build-demo-snapshots.ts), checked here, then run through the engine's forward pass and
 * BPTT on the demo's example, so every value the view draws is computed live by the engine.
 */
export interface DemoRun {
  readonly detail: StepDetail;
  readonly config: TrainingConfig;
  /** I and O (vocabulary sizes) and the engine's parameter count, for the view's readout. */
  readonly inputSize: number;
  readonly outputSize: number;
  readonly paramCount: number;
}

export class DemoSnapshotError extends Error {
  override name = 'DemoSnapshotError';
}

/** Parse and validate the file's text; a bad file throws a DemoSnapshotError naming what is wrong. */
export function parseDemoSnapshots(text: string): DemoSnapshotFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DemoSnapshotError(`the demo models are not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = v.safeParse(DemoSnapshotFileSchema, raw);
  if (!parsed.success) throw new DemoSnapshotError(`the demo models are malformed: ${describeIssues(parsed.issues)}`);
  return parsed.output;
}

/** The engine's trace of a section's demo, or null when the file has no demo for it. Throws on weights of the wrong shape. */
export function traceDemo(file: DemoSnapshotFile, section: LessonSectionId): DemoRun | null {
  const demo = file.demos[section];
  const m = demo && file.models.find((x) => x.id === demo.model);
  if (!demo || !m) return null;
  const c = m.config;
  const modelConfig: ModelConfig = {
    cell: c.cell,
    activation: c.activation,
    inputSize: m.inputVocab.length,
    hiddenSize: c.hiddenSize,
    outputSize: m.outputVocab.length,
    layers: c.layers,
    bidirectional: c.bidirectional,
    shape: m.shape,
    loss: m.loss,
    init: { kind: c.initKind, spectralRadius: c.spectralRadius },
    seed: c.seed,
  };
  const model = createModel(modelConfig);
  try {
    importParams(model, m.params);
  } catch (err) {
    throw new DemoSnapshotError(`the demo model ${m.id} does not fit its configuration: ${err instanceof Error ? err.message : String(err)}`);
  }
  const example = { input: demo.input, target: demo.target };
  const { trace } = model.forwardBackward([example], { trace: true, truncate: 0 });
  if (!trace) throw new DemoSnapshotError(`the engine recorded no trace for the demo model ${m.id}`);
  const output = model.predict(example);
  const detail: StepDetail = {
    // Every traced quantity the engine records (chains, dc … when it has them), then what the view labels.
    ...trace,
    step: m.trainedSteps,
    spectralRadius: model.spectralRadius(),
    inputTokens: demo.input.map((id) => m.inputVocab[id] ?? '?'),
    outputTokens: output.map((id) => m.outputVocab[id] ?? '?'),
    targetTokens: demo.target.map((id) => m.outputVocab[id] ?? '?'),
  };
  return { detail, config: c, inputSize: m.inputVocab.length, outputSize: m.outputVocab.length, paramCount: model.paramCount };
}

let file: Promise<DemoSnapshotFile> | null = null;

/** Load (once) and trace a section's demo model. */
export async function loadDemo(section: LessonSectionId): Promise<DemoRun | null> {
  file ??= import('./snapshots/demo-snapshots.json?raw').then((m) => parseDemoSnapshots(m.default));
  const f = await file.catch((err: unknown) => {
    file = null;
    throw err;
  });
  return traceDemo(f, section);
}
