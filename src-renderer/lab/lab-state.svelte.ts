import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import { problem, type Problem } from '../../src-shared/protocol/problem';
import { logProblem } from '../i18n/problem-text';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import {
  PROTOCOL_VERSION,
  type Checkpoint,
  type EvalResult,
  type StepDetail,
  type StopReason,
  type TrainerEvent,
} from '../../src-shared/protocol/trainer-messages';
import type { Dataset, TrainingConfig } from '../../src-shared/protocol/training-config';
import type { KernelReport } from '../../src-shared/engine/api';
import type { TaskId } from '../../src-shared/tasks/types';
import { AckBatcher, createAckPacer } from './ack-pacer';
import { CheckpointRequests } from './checkpoint-requests';
import { SettleTimer } from './settle-timer';
import { withoutDataset, type LabOptions } from './lab-options';
import { bestOf, collapseOf, type BestAccuracy, type Collapse } from './collapse';
import { LossHistory } from './history';
import { nextLessonChange, type LessonChange } from './lesson-change';
import { statusText, statusTone, type LabPhase, type StatusTone } from './lab-status';
import { defaultTaskParams } from './task-catalog';
import { DetailHistory } from '../views/unrolled/detail-history.svelte';
import { YourData } from './your-data.svelte';

export type { LabPhase, StatusTone } from './lab-status';

export type { LabOptions } from './lab-options';

/**
 * Everything the Lab screen shows, driven by trainer events; no DOM here, so tests drive it with a fake stream.
 * Changing the configuration starts a fresh run (the trainer rebuilds the model); Reset re-initialises it.
 */
export class LabState {
  config: TrainingConfig = $state() as TrainingConfig;
  phase: LabPhase = $state('connecting');
  step = $state(0);
  paramCount: number | null = $state(null);
  /** What the trainer's model computes with ('wasm-fma', 'wasm-simd' or 'portable'); null until configured or from an older trainer. */
  kernels: KernelReport | null = $state(null);
  vocabSizes: { input: number; output: number } | null = $state(null);
  stepsPerSecond = $state(0);
  /** Bumped whenever `history` changes: views depend on it to redraw. */
  historyVersion = $state(0);
  readonly history = new LossHistory();
  evalResult: EvalResult | null = $state.raw(null);
  /** The latest step's rich trace (unrolled view). */
  detail: StepDetail | null = $state.raw(null);
  divergence: { step: number; quantity: string } | null = $state.raw(null);
  health: TrainerHealth | null = $state.raw(null);
  error: Problem | null = $state.raw(null);
  /** The last change the lesson made to this run (a demo, a lesson pack), until the learner undoes or keeps it. */
  lessonChange: LessonChange | null = $state.raw(null);
  /** Why the run last stopped by itself (a target of its config), until it trains again. */
  stoppedBy: StopReason | null = $state.raw(null);
  /** Best held-out accuracy of this run, for noticing a collapse. */
  best: BestAccuracy | null = $state.raw(null);
  /** Speed cap sent to the trainer, steps a second (0 = full speed). */
  pace = $state(0);

  /** The "Your data" editor: the learner's text or CSV, its preview and errors. */
  readonly data: YourData;
  /** The run's snapshots for the unrolled view, thinned over the whole run; a saved run carries them. */
  readonly snapshots = new DetailHistory();
  /** Checkpoints asked for by requestCheckpoint. */
  readonly #checkpoints = new CheckpointRequests();
  /** A reopened run's snapshots, shown once the trainer has rebuilt the run. */
  #pendingSnapshots: SavedRun['snapshots'] | null = null;
  readonly #opts: Required<Omit<LabOptions, 'openTextFile'>>;
  readonly #off: (() => void)[];
  /** Reconfigures the trainer (a fresh run) once edits settle. */
  readonly #configure: SettleTimer;
  readonly #acks: AckBatcher;
  /** Whether the trainer has answered 'sync' (until then this window has not configured anything). */
  #synced = false;

  constructor(opts: LabOptions) {
    this.#opts = {
      trainer: opts.trainer,
      initialConfig: opts.initialConfig,
      onConfigChange: opts.onConfigChange ?? (() => {}),
      scheduleAck: opts.scheduleAck ?? createAckPacer(),
      configureDelayMs: opts.configureDelayMs ?? 250,
    };
    this.config = $state.snapshot(opts.initialConfig) as TrainingConfig;
    this.#configure = new SettleTimer(this.#opts.configureDelayMs, () =>
      this.#opts.trainer.send({ type: 'configure', config: $state.snapshot(this.config) as TrainingConfig }),
    );
    this.#acks = new AckBatcher(this.#opts.scheduleAck, (seq) => this.#opts.trainer.send({ type: 'ack', seq }));
    this.data = new YourData({
      seed: () => this.config.seed,
      loaded: () => this.config.dataset,
      use: (dataset, data) => this.useDataset(dataset, data.spec.id),
      openTextFile: opts.openTextFile,
    });
    const { trainer } = opts;
    this.#off = [trainer.onEvent((e) => this.handle(e)), trainer.onHealth((h) => (this.health = h))];
    // The trainer may still be training from before this window (re)loaded: ask before configuring a fresh run.
    trainer.send({ type: 'sync' });
  }

  get training(): boolean {
    return this.phase === 'training';
  }

  get statusTone(): StatusTone {
    return statusTone(this);
  }

  /** Held-out accuracy far below this run's best, while it trains (collapse.ts). */
  get collapse(): Collapse | null {
    return this.training ? collapseOf(this.best, this.evalResult) : null;
  }

  /** One sentence for the status line (announced politely, so it changes on state changes only). */
  get statusText(): string {
    return statusText(this);
  }

  // ── commands ─────────────────────────────────────────────────────────────

  train(): void {
    this.#beforeCommand();
    this.#opts.trainer.send({ type: 'start' });
  }

  pause(): void {
    this.#opts.trainer.send({ type: 'pause' });
  }

  toggle(): void {
    if (this.training) this.pause();
    else this.train();
  }

  stepOnce(): void {
    this.#beforeCommand();
    this.#opts.trainer.send({ type: 'step', count: 1 });
  }

  /** Cap training at `stepsPerSecond` (0 = full speed); takes effect at once, without a fresh run. */
  setPace(stepsPerSecond: number): void {
    this.pace = stepsPerSecond;
    this.#opts.trainer.send({ type: 'pace', stepsPerSecond });
  }

  reset(): void {
    this.#beforeCommand();
    this.divergence = null;
    this.#opts.trainer.send({ type: 'reset' });
  }

  /** Edit the configuration; the trainer is reconfigured (a fresh run) once edits settle. */
  patch(patch: Partial<TrainingConfig>, discrete = false): void {
    this.config = { ...this.config, ...patch };
    this.#opts.onConfigChange($state.snapshot(this.config) as TrainingConfig, discrete);
    this.#configure.schedule();
  }

  /** Apply a configuration from the lesson: said in the Lab, with an undo back to the learner's own settings. */
  applyFromLesson(config: TrainingConfig): void {
    const change = nextLessonChange(this.lessonChange, $state.snapshot(this.config) as TrainingConfig, config);
    if (!change) return;
    this.lessonChange = change;
    this.patch(config, true);
  }

  undoLessonChange(): void {
    const change = this.lessonChange;
    this.lessonChange = null;
    if (change) this.patch(change.previous, true);
  }

  keepLessonChange(): void {
    this.lessonChange = null;
  }

  /** The trainer's current run as a checkpoint (config, weights, optimizer state, history). */
  requestCheckpoint(): Promise<Checkpoint> {
    this.#beforeCommand();
    return this.#checkpoints.request((requestId) => this.#opts.trainer.send({ type: 'snapshot', requestId }));
  }

  /** Reopen a saved run exactly where it was: its config, weights, optimizer state, history and snapshots. */
  reopen(run: SavedRun): void {
    this.#configure.cancel();
    this.config = structuredClone(run.checkpoint.config);
    this.#opts.onConfigChange($state.snapshot(this.config) as TrainingConfig);
    this.data.follow(this.config.dataset);
    this.error = null;
    this.divergence = null;
    this.#pendingSnapshots = run.snapshots;
    this.#opts.trainer.send({ type: 'restore', checkpoint: run.checkpoint });
  }

  /** Start a fresh run from a whole config (a share link's): nothing of the previous config is kept. */
  applyConfig(config: TrainingConfig): void {
    this.#replaceConfig(structuredClone(config));
    this.data.follow(config.dataset);
  }

  /** A bundled task (dropping the learner's dataset, if one was loaded). */
  setTask(task: TaskId): void {
    if (task === this.config.task && !this.config.dataset) return;
    this.#replaceConfig({ ...withoutDataset(this.config), task, taskParams: defaultTaskParams(task) });
    this.data.follow(undefined);
  }

  /** Train on the learner's own data: the task id follows the shape it implies (character model, classifier, tagger). */
  useDataset(dataset: Dataset, task: TaskId): void {
    this.#replaceConfig({ ...this.config, task, taskParams: {}, dataset });
  }

  /** Replace the whole configuration (keys absent from it are dropped), as patch does otherwise. */
  #replaceConfig(config: TrainingConfig): void {
    this.config = config;
    this.patch({});
  }

  setTaskParam(key: string, value: number): void {
    this.patch({ taskParams: { ...this.config.taskParams, [key]: value } });
  }

  dispose(): void {
    this.data.dispose();
    this.snapshots.dispose();
    this.#configure.cancel();
    for (const off of this.#off) off();
  }

  // ── events ───────────────────────────────────────────────────────────────

  handle(event: TrainerEvent): void {
    switch (event.type) {
      case 'ready':
        if (event.protocolVersion !== PROTOCOL_VERSION) {
          this.error = problem('trainer.protocol', { got: event.protocolVersion, want: PROTOCOL_VERSION }, `the trainer speaks protocol ${event.protocolVersion}, this window expects ${PROTOCOL_VERSION}`);
          logProblem('trainer', this.error);
        }
        // A (re)started trainer runs at full speed until told otherwise.
        if (this.pace > 0) this.#opts.trainer.send({ type: 'pace', stepsPerSecond: this.pace });
        // A trainer that started after the first 'sync' was sent may never have seen it.
        if (!this.#synced) this.#opts.trainer.send({ type: 'sync' });
        return;
      case 'synced':
        if (this.#synced) return;
        this.#synced = true;
        if (event.config === null) {
          this.#configure.now();
        } else {
          // Carry on with the run in progress; its model, history and state follow.
          this.config = event.config;
          this.#opts.onConfigChange(event.config);
          this.data.follow(event.config.dataset);
        }
        return;
      case 'status':
        this.phase = event.state;
        this.step = event.step;
        this.stoppedBy = event.stoppedBy ?? null;
        if (event.state !== 'diverged') this.divergence = null;
        return;
      case 'configured':
        this.paramCount = event.paramCount;
        this.kernels = event.kernels ?? null;
        this.vocabSizes = { input: event.inputVocab.length, output: event.outputVocab.length };
        this.history.clear();
        this.historyVersion++;
        this.step = 0;
        this.stepsPerSecond = 0;
        this.evalResult = null;
        this.best = null;
        this.detail = null;
        this.divergence = null;
        this.error = null;
        if (this.#pendingSnapshots) {
          this.snapshots.load(this.#pendingSnapshots);
          this.#pendingSnapshots = null;
        }
        return;
      case 'stats':
        this.history.append(event.points);
        this.historyVersion++;
        this.step = this.history.lastStep;
        this.stepsPerSecond = event.stepsPerSecond;
        if (event.detail) this.detail = event.detail;
        this.#acks.add(event.seq);
        return;
      case 'eval':
        this.evalResult = event.result;
        this.best = bestOf(this.best, event.result);
        return;
      case 'diverged':
        this.divergence = { step: event.step, quantity: event.quantity };
        return;
      case 'snapshot':
        this.#checkpoints.settle(event.requestId, event.checkpoint);
        return;
      case 'error':
        this.error = event.problem;
        logProblem(`trainer refused a command (${event.code})`, event.problem);
        this.#pendingSnapshots = null;
        return;
    }
  }

  #beforeCommand(): void {
    this.#configure.flush();
    this.error = null;
    if (this.health?.kind === 'restarted') this.health = null;
  }
}
