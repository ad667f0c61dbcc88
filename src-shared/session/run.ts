import { createModel, createOptimizer, exportParamArrays, exportParams, hasNonFinite, importParams } from '../engine/index';
import type { Model, Optimizer } from '../engine/api';
import type { SequenceModel } from '../engine/model';
import type { Interrupt } from '../engine/interrupt';
import type { Example, FloatArray, ModelConfig, StepTrace } from '../engine/types';
import { makeTask } from '../tasks/index';
import { taskForRun } from '../tasks/user-data';
import type { TaskData } from '../tasks/types';
import type { Checkpoint, EvalResult, StepPoint, TrainerEvent } from '../protocol/trainer-messages';
import type { Attribution } from '../protocol/attribution';
import { toStepDetail, type StepDetail } from '../protocol/step-detail';
import type { TrainingConfig } from '../protocol/training-config';
import { packHistory, unpackHistory, type PackedCheckpoint } from '../protocol/packed-checkpoint';
import { batchForStep } from './batch-sampler';
import { capHistory } from './history-thinning';
import { SampleWriter, writesText } from './sample-writer';

/**
 * Most points kept in the run's history (the curve a checkpoint, a saved run and a reloaded window redraw); past it
 * the history is thinned to about half over its whole span (history-thinning.ts), never cut to its recent steps.
 */
const HISTORY_CAP = 20_000;
/** Held-out examples scored per evaluation, so an evaluation stays a few ms. */
const EVAL_CAP = 200;

export type StepOutcome =
  | { kind: 'ok'; point: StepPoint; detail: StepDetail | null }
  | { kind: 'diverged'; quantity: string };

/** One training run: a task's data, a model, its optimizer and its history; no timers, no messages. */
export class Run {
  readonly task: TaskData;
  readonly model: SequenceModel;
  readonly optimizer: Optimizer;
  step = 0;
  history: StepPoint[] = [];
  /** The latest connectivity sent with a detail, and how many traced steps there have been. */
  private lastAttribution: Attribution | null = null;
  private tracedSteps = 0;
  /** Copy of every parameter after the last finite update, restored on divergence. */
  private readonly lastGood: FloatArray[];

  constructor(readonly config: TrainingConfig) {
    this.task = taskForRun(config, config.seed, (id) => makeTask(id, config.taskParams, config.seed));
    this.model = createModel(modelConfigFor(config, this.task));
    this.optimizer = createOptimizer(
      { kind: config.optimizer, learningRate: config.learningRate, momentum: config.momentum, clipNorm: config.clipNorm },
      this.model,
    );
    this.lastGood = this.model.params().map((p) => p.value.slice());
  }

  /**
   * One forward + BPTT + update on the batch of step `this.step`; stops short of applying a non-finite update.
   * Throws StepInterrupted, with nothing changed, when `interrupt` answers true during the passes.
   */
  trainStep(trace: boolean, interrupt?: Interrupt): StepOutcome {
    const batch = batchForStep(this.task.train, this.config.batchSize, this.config.seed, this.step);
    const tally = this.model.forwardBackward(batch, { trace, traceChains: trace, truncate: this.config.truncateBptt, interrupt });
    if (!Number.isFinite(tally.loss)) return { kind: 'diverged', quantity: 'loss' };
    const badGrad = hasNonFinite(this.model);
    if (badGrad) return { kind: 'diverged', quantity: badGrad };
    const clip = this.optimizer.step(this.model);
    if (!Number.isFinite(clip.gradNormBefore)) return this.rollBack('gradient norm');
    const badParam = hasNonFinite(this.model);
    if (badParam) return this.rollBack(badParam);
    this.saveGood();
    this.step += 1;
    const point: StepPoint = {
      step: this.step,
      loss: tally.loss,
      accuracy: tally.total > 0 ? tally.correct / tally.total : 0,
      gradNormBefore: clip.gradNormBefore,
      gradNormAfter: clip.gradNormAfter,
      clipped: clip.clipped,
    };
    this.history.push(point);
    this.history = capHistory(this.history, HISTORY_CAP);
    return { kind: 'ok', point, detail: trace && tally.trace ? this.describe(batch[0], tally.trace) : null };
  }

  /** Loss and accuracy on held-out data, with a few examples rendered as text. */
  evaluate(): EvalResult {
    return this.startEvaluation().advance(Infinity)!;
  }

  /**
   * The same evaluation, done a chunk at a time by `advance` (the session interleaves chunks with its inbox so
   * a pause never waits for a whole evaluation). The parameters must not change until it completes.
   */
  startEvaluation(): Evaluation {
    const writer = writesText(this.task) ? new SampleWriter(this.model, this.task, sampleSeed(this.config.seed, this.step)) : null;
    return new Evaluation(this.task, this.model, this.step, this.task.test.slice(0, EVAL_CAP), writer);
  }

  toCheckpoint(): Checkpoint {
    return {
      version: 1,
      config: this.config,
      step: this.step,
      params: exportParams(this.model),
      optimizer: this.optimizer.exportState(),
      history: this.history.slice(),
    };
  }

  /** The same, packed for the supervisor (protocol/packed-checkpoint.ts). */
  toPackedCheckpoint(): PackedCheckpoint {
    return {
      version: 1,
      packed: true,
      config: this.config,
      step: this.step,
      params: exportParamArrays(this.model),
      optimizer: this.optimizer.exportStateArrays(),
      history: packHistory(this.history),
    };
  }

  /** Rebuild a run from either kind of checkpoint; throws with a message naming the bad field. */
  static fromCheckpoint(cp: Checkpoint | PackedCheckpoint): Run {
    const run = new Run(cp.config);
    importParams(run.model, cp.params);
    run.optimizer.importState(cp.optimizer);
    run.step = cp.step;
    run.history = 'packed' in cp ? unpackHistory(cp.history) : cp.history.slice();
    run.saveGood();
    return run;
  }

  private describe(example: Example, trace: StepTrace): StepDetail {
    const output = this.model.predict(example);
    return toStepDetail(trace, {
      step: this.step,
      spectralRadius: this.model.spectralRadius(),
      inputTokens: example.input.map((id) => this.task.inputVocab[id] ?? '?'),
      outputTokens: output.map((id) => this.task.outputVocab[id] ?? '?'),
      targetTokens: example.target.map((id) => this.task.outputVocab[id] ?? '?'),
      ...(this.task.spec.shape === 'one-to-many' ? {} : { attribution: this.attribution() }),
    });
  }

  /**
   * Connectivity of the held-out example the views follow: the longest of the first 16 (a review long enough to
   * have a "but"), the same one at every step so its picture changes only as the model learns.
   */
  private attribution(): Attribution {
    // Many-to-many costs one pass per output step (≈ 8 ms for char-lm): refresh it on every 8th traced step only.
    const rows = this.task.spec.shape === 'many-to-one' ? 1 : 8;
    if (this.lastAttribution && this.tracedSteps++ % rows !== 0) return this.lastAttribution;
    this.lastAttribution = this.computeAttribution();
    return this.lastAttribution;
  }

  private computeAttribution(): Attribution {
    const ex = this.attributionExample();
    const c = this.model.connectivity(ex);
    return {
      inputTokens: ex.input.map((id) => this.task.inputVocab[id] ?? '?'),
      outputTokens: c.predicted.map((id) => this.task.outputVocab[id] ?? '?'),
      outputSteps: c.outputSteps,
      matrix: c.matrix,
    };
  }

  private attributionExample(): Example {
    const pool = this.task.test.length > 0 ? this.task.test.slice(0, 16) : this.task.train.slice(0, 16);
    return pool.reduce((a, b) => (b.input.length > a.input.length ? b : a));
  }

  private saveGood(): void {
    const params = this.model.params();
    for (let i = 0; i < params.length; i++) this.lastGood[i].set(params[i].value);
  }

  private rollBack(quantity: string): StepOutcome {
    const params = this.model.params();
    for (let i = 0; i < params.length; i++) params[i].value.set(this.lastGood[i]);
    return { kind: 'diverged', quantity };
  }
}

/** A held-out evaluation in progress (see Run.startEvaluation). */
export class Evaluation {
  private next = 0;
  private lossSum = 0;
  private correct = 0;
  private total = 0;
  private readonly outputs: number[][] = [];

  constructor(
    private readonly task: TaskData,
    private readonly model: Model,
    readonly step: number,
    private readonly examples: readonly Example[],
    /** A language model also writes a sample, a few characters per chunk, once the examples are scored. */
    private readonly writer: SampleWriter | null = null,
  ) {}

  /**
   * Score up to `count` more examples; the result once every example is scored, null before. An interrupted
   * chunk (StepInterrupted) leaves the evaluation where it was.
   */
  advance(count: number, interrupt?: Interrupt): EvalResult | null {
    const end = Math.min(this.examples.length, this.next + count);
    if (end > this.next) {
      const part = this.model.evaluate(this.examples.slice(this.next, end), interrupt);
      this.lossSum += part.loss * part.total;
      this.correct += part.correct;
      this.total += part.total;
      this.outputs.push(...part.outputs);
      this.next = end;
    }
    if (this.next < this.examples.length) return null;
    if (this.writer && !this.writer.done) {
      this.writer.advance(Number.isFinite(count) ? SAMPLE_CHARS_PER_CHUNK : Infinity);
      if (!this.writer.done) return null;
    }
    const samples = this.examples.slice(0, 4).map((ex, i) => ({
      input: this.task.formatInput(ex.input),
      target: this.task.formatOutput(ex.target),
      output: this.task.formatOutput(this.outputs[i] ?? []),
    }));
    return {
      step: this.step,
      testLoss: this.total > 0 ? this.lossSum / this.total : 0,
      testAccuracy: this.total > 0 ? this.correct / this.total : 0,
      samples,
      ...(this.writer ? { generated: this.writer.result() } : {}),
    };
  }
}

/** Characters a language model writes per evaluation chunk, so a pause never waits for a whole sample. */
const SAMPLE_CHARS_PER_CHUNK = 8;

/** Each evaluation's sample has its own seed, from the run's seed and the step. */
function sampleSeed(seed: number, step: number): number {
  return (Math.imul(seed, 0x9e3779b1) + step) >>> 0;
}

/** The engine's model configuration for a learner's choices on a task. */
export function modelConfigFor(config: TrainingConfig, task: TaskData): ModelConfig {
  return {
    cell: config.cell,
    activation: config.activation,
    inputSize: task.inputVocab.length,
    hiddenSize: config.hiddenSize,
    outputSize: task.outputVocab.length,
    layers: config.layers,
    bidirectional: config.bidirectional,
    shape: task.spec.shape,
    loss: task.spec.loss,
    init: { kind: config.initKind, spectralRadius: config.spectralRadius },
    seed: config.seed,
  };
}

/** The 'configured' event for a run: its model's size and kernels and the task's vocabularies. */
export function describeRun(run: Run): Extract<TrainerEvent, { type: 'configured' }> {
  return {
    type: 'configured',
    paramCount: run.model.paramCount,
    kernels: run.model.kernels,
    inputVocab: run.task.inputVocab.slice(),
    outputVocab: run.task.outputVocab.slice(),
  };
}
