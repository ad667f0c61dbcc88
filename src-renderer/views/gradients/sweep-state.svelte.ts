/**
 * The two sweep experiments that fill in as short runs finish: the memory horizon (accuracy against the gap k
 * for each cell) and the bidirectional comparison (accuracy per word position, forward-only vs both ways).
 */
import type { CellKind } from '../../../src-shared/engine/types';
import type { JobsApi } from '../../backend/backend';
import { JobState } from './job-state.svelte';
import type { JobEvent } from '../../../src-shared/protocol/job-messages';

export type HorizonTask = 'memory' | 'sentiment';
/**
 * Distances swept per task, and run lengths. Measured here: on the memory task all three cells reach 100% up to
 * k = 10 and the vanilla RNN, which holds a single letter well, is not the first to fail at 100 steps; on the
 * sentiment task (carry "not" across filler words) the vanilla RNN stays at chance from 30 words while the LSTM learns it.
 */
export const HORIZON_SWEEPS: Record<HorizonTask, { ks: number[]; steps: number; chance: number }> = {
  memory: { ks: [5, 10, 20, 30, 40, 50], steps: 100, chance: 0.25 },
  sentiment: { ks: [0, 10, 20, 30, 40], steps: 250, chance: 0.5 },
};
export const HORIZON_MODEL = { hiddenSize: 24, batchSize: 32, learningRate: 0.01, seed: 3 } as const;
export const BIDIR_MODEL = { steps: 250, hiddenSize: 32, batchSize: 32, learningRate: 0.01, seed: 7, cell: 'gru' } as const;

export interface HorizonPoint {
  readonly cell: CellKind;
  readonly k: number;
  readonly testAccuracy: number;
}

export class HorizonState {
  /** The sweep's host job: status, progress, error, duration. */
  readonly job: JobState;
  /** Sentiment by default: it is where the vanilla RNN visibly runs out of memory (see HORIZON_SWEEPS). */
  task: HorizonTask = $state('sentiment');
  /** The task of the points on screen (the selector may have moved on since). */
  shownTask: HorizonTask = $state('sentiment');
  points: HorizonPoint[] = $state.raw([]);

  constructor(jobs: JobsApi) {
    this.job = new JobState(jobs, (e) => this.#receive(e));
  }

  get sweep() {
    return HORIZON_SWEEPS[this.task];
  }

  start(cells: CellKind[] = ['rnn', 'lstm', 'gru']): void {
    this.points = [];
    this.shownTask = this.task;
    const { ks, steps } = HORIZON_SWEEPS[this.task];
    this.job.start({ type: 'horizon', task: this.task, ks, steps, cells, ...HORIZON_MODEL });
  }

  #receive(e: JobEvent): void {
    if (e.type === 'horizon-point') this.points = [...this.points, { cell: e.cell, k: e.k, testAccuracy: e.testAccuracy }];
  }
}

export interface DirectionResult {
  readonly accuracy: number[];
  readonly counts: number[];
  readonly ambiguousAccuracy: number;
  readonly overall: number;
}

export class BidirState {
  /** The comparison's host job: status, progress, error, duration. */
  readonly job: JobState;
  forward: DirectionResult | null = $state.raw(null);
  both: DirectionResult | null = $state.raw(null);

  constructor(jobs: JobsApi) {
    this.job = new JobState(jobs, (e) => this.#receive(e));
  }

  start(): void {
    this.forward = this.both = null;
    this.job.start({ type: 'bidir', ...BIDIR_MODEL });
  }

  #receive(e: JobEvent): void {
    if (e.type !== 'bidir-result') return;
    const r: DirectionResult = { accuracy: e.accuracy, counts: e.counts, ambiguousAccuracy: e.ambiguousAccuracy, overall: e.overall };
    if (e.bidirectional) this.both = r;
    else this.forward = r;
  }
}
