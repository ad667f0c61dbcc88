/**
 * The race: a vanilla RNN, an LSTM and a GRU trained by the trainer host on the same data and seed. Events land in
 * plain (non-reactive) buffers; `version` is bumped once per frame so charts redraw at display rate.
 */
import type { CellKind } from '../../../src-shared/engine/types';
import type { XY } from './chart-types';
import { frameBatcher } from './frame-batcher';
import { GradientGrid } from './gradient-grid';
import type { JobsApi } from '../../backend/backend';
import { JobState } from './job-state.svelte';
import { RACE_TRACE_EVERY, type JobEvent, type JobRequest } from '../../../src-shared/protocol/job-messages';
import { UnitGrid, unitGridOf } from './unit-grid';

export const RACE_CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
/** Weight of the past in the smoothed training-loss curve. */
const EMA = 0.9;

export interface RaceSettings {
  task: 'sentiment' | 'memory';
  /** The memory task's k or the sentiment task's gap. */
  distance: number;
  steps: number;
}

/**
 * Defaults measured on the 2-core project machine: with 30 filler words between "not" and the verdict, the LSTM
 * reaches 100% held-out accuracy within about 100 steps while the vanilla RNN (and, at this length, the GRU) stays
 * near chance (50%) through 600. 400 steps each take a few seconds with the engine's WebAssembly kernels.
 */
export const RACE_DEFAULTS: RaceSettings = { task: 'sentiment', distance: 30, steps: 400 };
export const RACE_MODEL = { hiddenSize: 24, batchSize: 32, learningRate: 0.01, seed: 3 } as const;

export class CellTrack {
  readonly grid: GradientGrid;
  loss: XY[] = [];
  testAccuracy: XY[] = [];
  /** |∂L/∂h_t[j]| per hidden unit at the latest step the host sent them for. */
  units: UnitGrid = unitGridOf(null);
  #ema = NaN;
  /** `rows`: gradient rows the race will record, so the heatmap is sized to fill exactly when it ends. */
  constructor(readonly cell: CellKind, rows = 500) {
    this.grid = new GradientGrid(Math.max(2, 2 * Math.ceil(rows / 2)));
  }

  add(e: Extract<JobEvent, { type: 'race-tick' }>): void {
    for (const p of e.points) {
      if (!Number.isFinite(p.loss)) continue;
      this.#ema = Number.isNaN(this.#ema) ? p.loss : EMA * this.#ema + (1 - EMA) * p.loss;
      this.loss.push({ x: p.step, y: this.#ema });
    }
    for (const r of e.dhRows) this.grid.push(r.step, r.dhNorms);
    for (const ev of e.evals) this.testAccuracy.push({ x: ev.step, y: ev.testAccuracy });
    if (e.latestDh) this.units = new UnitGrid(e.latestDh.step, e.latestDh.dh);
  }
}

export interface RaceResult {
  readonly cell: CellKind;
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly steps: number;
}

export class RaceState {
  settings: RaceSettings = $state({ ...RACE_DEFAULTS });
  /** The host job: status, progress, error, duration. */
  readonly job: JobState;
  results: RaceResult[] | null = $state.raw(null);
  /** Steps per model of the current (or last) race: the charts' fixed x range. */
  plannedSteps = $state(RACE_DEFAULTS.steps);
  /** Bumped once per frame while data arrives. */
  version = $state(0);
  tracks: Record<CellKind, CellTrack> = this.#fresh();
  /** Longest live update so far (ms of script and DOM work in one frame), as of the previous frame. */
  maxFrameMs = $state(0);
  frameCosts = $state('');
  readonly #frame = frameBatcher(() => {
    this.maxFrameMs = this.#frame.maxMs;
    this.frameCosts = this.#frame.costs.map((c) => Math.round(c)).join(' ');
    this.version++;
  });

  constructor(jobs: JobsApi) {
    this.job = new JobState(jobs, (e) => this.#receive(e));
  }

  /** A new race on the current settings (cancelling any race still running). */
  start(): void {
    this.tracks = this.#fresh();
    this.results = null;
    const { task, distance, steps } = this.settings;
    this.plannedSteps = steps;
    const request: JobRequest = {
      type: 'race', task, taskParams: task === 'memory' ? { k: distance } : { gap: distance },
      cells: [...RACE_CELLS], steps, ...RACE_MODEL,
    };
    this.job.start(request);
    this.version++;
  }

  dispose(): void {
    this.#frame.cancel();
    this.job.dispose();
  }

  /** The race's own data; every event of the race redraws at the next frame. */
  #receive(e: JobEvent): void {
    switch (e.type) {
      case 'race-tick':
        this.tracks[e.cell].add(e);
        break;
      case 'done':
        this.results = e.results;
        break;
      case 'progress':
      case 'paused':
      case 'error':
      case 'cancelled':
        break;
      default:
        return;
    }
    this.#frame.request();
  }

  #fresh(steps = this.settings.steps): Record<CellKind, CellTrack> {
    const rows = Math.ceil(steps / RACE_TRACE_EVERY);
    return { rnn: new CellTrack('rnn', rows), lstm: new CellTrack('lstm', rows), gru: new CellTrack('gru', rows) };
  }
}
