import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import {
  PROTOCOL_VERSION,
  type EvalResult,
  type SessionState,
  type StepDetail,
  type StopReason,
  type TrainerEvent,
} from '../../src-shared/protocol/trainer-messages';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import type { TaskId } from '../../src-shared/tasks/types';
import type { TrainerStream } from '../backend/backend';
import { t } from '../i18n/i18n.svelte';
import { bestOf, collapseOf, type BestAccuracy, type Collapse } from './collapse';
import { LossHistory } from './history';
import { defaultTaskParams } from './task-catalog';

export type LabPhase = 'connecting' | SessionState;
export type StatusTone = 'neutral' | 'active' | 'warning' | 'error';

export interface LabOptions {
  trainer: TrainerStream;
  initialConfig: TrainingConfig;
  /** Called with every edited configuration (the app saves it as settings.lastConfig). */
  onConfigChange?: (config: TrainingConfig) => void;
  /** Runs `ack` once the latest stats are on screen; tests pass a synchronous one. */
  scheduleAck?: (ack: () => void) => void;
  /** Edits settle this long before the trainer is reconfigured (sliders fire continuously). */
  configureDelayMs?: number;
}

/** Least time between two acknowledgements, so at most ~10 stats messages are drawn per second. */
export const MIN_ACK_INTERVAL_MS = 100;

/**
 * A scheduler that runs each `ack` after the next frame is painted, and no sooner than `minIntervalMs` after
 * the previous one. The trainer coalesces steps while it waits, so this paces redraws without slowing training.
 * When the page is hidden (no frames) it acks on a timer instead, so training never stalls.
 */
export function createAckPacer(minIntervalMs = MIN_ACK_INTERVAL_MS): (ack: () => void) => void {
  let lastAckAt = -Infinity;
  return (ack) => {
    const run = () => {
      lastAckAt = performance.now();
      ack();
    };
    const wait = Math.max(0, lastAckAt + minIntervalMs - performance.now());
    setTimeout(() => {
      if (document.hidden) run();
      else requestAnimationFrame(() => setTimeout(run, 0));
    }, wait);
  };
}

/**
 * Everything the Lab screen shows, driven by trainer events; no DOM here, so tests drive it with a fake stream.
 * Changing the configuration starts a fresh run (the trainer rebuilds the model); Reset re-initialises it.
 */
export class LabState {
  config: TrainingConfig = $state() as TrainingConfig;
  phase: LabPhase = $state('connecting');
  step = $state(0);
  paramCount: number | null = $state(null);
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
  error: string | null = $state(null);
  /** Why the run last stopped by itself (a target of its config), until it trains again. */
  stoppedBy: StopReason | null = $state.raw(null);
  /** Best held-out accuracy of this run, for noticing a collapse. */
  best: BestAccuracy | null = $state.raw(null);
  /** Speed cap sent to the trainer, steps a second (0 = full speed). */
  pace = $state(0);

  readonly #opts: Required<LabOptions>;
  readonly #off: (() => void)[];
  #configureTimer: ReturnType<typeof setTimeout> | null = null;
  #ackSeq = -1;
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
    const { trainer } = opts;
    this.#off = [trainer.onEvent((e) => this.handle(e)), trainer.onHealth((h) => (this.health = h))];
    // The trainer may still be training from before this window (re)loaded: ask before configuring a fresh run.
    trainer.send({ type: 'sync' });
  }

  get training(): boolean {
    return this.phase === 'training';
  }

  get statusTone(): StatusTone {
    if (this.health?.kind === 'gave-up' || this.error || this.phase === 'error') return 'error';
    if (this.divergence || this.collapse || this.health?.kind === 'restarted' || this.health?.kind === 'crashed') return 'warning';
    return this.training ? 'active' : 'neutral';
  }

  /** Held-out accuracy far below this run's best, while it trains (collapse.ts). */
  get collapse(): Collapse | null {
    return this.training ? collapseOf(this.best, this.evalResult) : null;
  }

  /** One sentence for the status line (announced politely, so it changes on state changes only). */
  get statusText(): string {
    const h = this.health;
    if (h?.kind === 'gave-up') return t('ui.lab.status.gaveUp', { reason: h.reason });
    if (this.error) return t('ui.lab.status.error', { error: this.error });
    if (this.divergence) {
      const { step, quantity } = this.divergence;
      return t('ui.lab.status.divergedAt', { step, quantity });
    }
    if (h?.kind === 'crashed') {
      if (h.restartInMs < 1000) return t('ui.lab.status.crashedNow', { reason: h.reason });
      return t('ui.lab.status.crashedIn', { reason: h.reason, seconds: Math.round(h.restartInMs / 1000) });
    }
    const base = this.#phaseText();
    if (h?.kind === 'restarted') {
      if (h.restoredStep === null) return t('ui.lab.status.restartedFresh', { attempt: h.attempt, status: base });
      return t('ui.lab.status.restartedFrom', { attempt: h.attempt, step: h.restoredStep, status: base });
    }
    return base;
  }

  #phaseText(): string {
    switch (this.phase) {
      case 'connecting':
        return t('ui.lab.status.connecting');
      case 'idle':
        return this.step === 0 ? t('ui.lab.status.ready') : t('ui.lab.status.stopped', { step: this.step });
      case 'training':
        if (this.collapse) {
          const { best, bestStep, now } = this.collapse;
          return t('ui.lab.status.collapsed', { best: pct(best), bestStep, now: pct(now) });
        }
        return t('ui.lab.status.training');
      case 'paused':
        if (this.stoppedBy?.kind === 'accuracy') {
          return t('ui.lab.status.reachedAccuracy', { step: this.stoppedBy.step, accuracy: pct(this.stoppedBy.accuracy), target: pct(this.stoppedBy.target) });
        }
        if (this.stoppedBy?.kind === 'steps') return t('ui.lab.status.reachedSteps', { step: this.stoppedBy.step });
        return t('ui.lab.status.paused', { step: this.step });
      case 'diverged':
        return t('ui.lab.status.diverged');
      case 'error':
        return t('ui.lab.status.trainerError');
    }
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
  patch(patch: Partial<TrainingConfig>): void {
    this.config = { ...this.config, ...patch };
    this.#opts.onConfigChange($state.snapshot(this.config) as TrainingConfig);
    if (this.#configureTimer !== null) clearTimeout(this.#configureTimer);
    this.#configureTimer = setTimeout(() => this.#configureNow(), this.#opts.configureDelayMs);
  }

  setTask(task: TaskId): void {
    if (task !== this.config.task) this.patch({ task, taskParams: defaultTaskParams(task) });
  }

  setTaskParam(key: string, value: number): void {
    this.patch({ taskParams: { ...this.config.taskParams, [key]: value } });
  }

  dispose(): void {
    if (this.#configureTimer !== null) clearTimeout(this.#configureTimer);
    for (const off of this.#off) off();
  }

  // ── events ───────────────────────────────────────────────────────────────

  handle(event: TrainerEvent): void {
    switch (event.type) {
      case 'ready':
        if (event.protocolVersion !== PROTOCOL_VERSION) {
          this.error = `the trainer speaks protocol ${event.protocolVersion}, this window expects ${PROTOCOL_VERSION}`;
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
          this.#configureNow();
        } else {
          // Carry on with the run in progress; its model, history and state follow.
          this.config = event.config;
          this.#opts.onConfigChange(event.config);
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
        return;
      case 'stats':
        this.history.append(event.points);
        this.historyVersion++;
        this.step = this.history.lastStep;
        this.stepsPerSecond = event.stepsPerSecond;
        if (event.detail) this.detail = event.detail;
        this.#scheduleAck(event.seq);
        return;
      case 'eval':
        this.evalResult = event.result;
        this.best = bestOf(this.best, event.result);
        return;
      case 'diverged':
        this.divergence = { step: event.step, quantity: event.quantity };
        return;
      case 'snapshot':
        return;
      case 'error':
        this.error = event.message;
        return;
    }
  }

  #scheduleAck(seq: number): void {
    const pending = this.#ackSeq >= 0;
    this.#ackSeq = Math.max(this.#ackSeq, seq);
    if (pending) return;
    this.#opts.scheduleAck(() => {
      const ackSeq = this.#ackSeq;
      this.#ackSeq = -1;
      this.#opts.trainer.send({ type: 'ack', seq: ackSeq });
    });
  }

  #beforeCommand(): void {
    if (this.#configureTimer !== null) this.#configureNow();
    this.error = null;
    if (this.health?.kind === 'restarted') this.health = null;
  }

  #configureNow(): void {
    if (this.#configureTimer !== null) clearTimeout(this.#configureTimer);
    this.#configureTimer = null;
    this.#opts.trainer.send({ type: 'configure', config: $state.snapshot(this.config) as TrainingConfig });
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
