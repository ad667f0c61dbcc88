/**
 * The Lab's live run as the Gradients lab needs it: every StepDetail's ‖∂L/∂h_t‖ row into a heatmap grid,
 * gradient norms (before and after clipping) and clipping events per step, the held-out scores, and what the
 * trainer is doing (training, paused, idle). It listens to the same trainer stream as the Lab state, for as long
 * as the app runs (the shell creates it with the Lab's state, not the Gradients screen), so the heatmap holds the
 * run from its first step whenever the screen is opened. Redraws are coalesced to one per frame.
 */
import type { SessionState, StepDetail, TrainerEvent } from '../../../src-shared/protocol/trainer-messages';
import type { XY } from './chart-types';
import { frameBatcher } from './frame-batcher';
import { GradientGrid } from './gradient-grid';
import { SeriesBuffer } from './series-buffer';

export interface TrainerEventSource {
  onEvent(listener: (event: TrainerEvent) => void): () => void;
}

export class LiveFeed {
  readonly grid = new GradientGrid(500);
  readonly gradBefore = new SeriesBuffer();
  readonly gradAfter = new SeriesBuffer();
  readonly loss = new SeriesBuffer();
  readonly accuracy = new SeriesBuffer();
  /** Steps at which the update was clipped (capped to the latest 2,000). */
  clippedSteps: number[] = [];
  testAccuracy: XY[] = [];
  testLoss: XY[] = [];
  /** The latest rich detail (for the per-unit view). */
  latest: StepDetail | null = $state.raw(null);
  /** What the Lab's session is doing, as its last status said ('connecting' until the trainer has said anything). */
  phase: 'connecting' | SessionState = $state('connecting');
  /** The run's latest step. */
  step = $state(0);
  /**
   * Step of the heatmap's first row, when steps before it went untraced: this window joined a run in progress (a
   * reload, or a trainer restored after a crash), whose history the trainer replays without gradient rows. Null
   * when the heatmap holds the run from its start (or is empty).
   */
  joinedAt: number | null = $state(null);
  /** The run's replayed history arrived without traces, and no row has been recorded since. */
  #untraced = false;
  /** Bumped at most once per frame when anything above changed. */
  version = $state(0);
  readonly #frame = frameBatcher(() => this.version++);
  readonly #off: () => void;

  constructor(source: TrainerEventSource) {
    this.#off = source.onEvent((e) => this.handle(e));
  }

  handle(e: TrainerEvent): void {
    switch (e.type) {
      case 'configured':
        this.clear();
        break;
      case 'synced':
        if (e.config === null) this.phase = 'idle';
        return;
      case 'status':
        this.phase = e.state;
        this.step = e.step;
        return;
      case 'stats':
        if (e.points.length > 0) this.step = e.points[e.points.length - 1].step;
        if (!e.detail && e.points.length > 0 && this.grid.rows === 0) this.#untraced = true;
        for (const p of e.points) {
          this.gradBefore.push(p.step, p.gradNormBefore);
          this.gradAfter.push(p.step, p.gradNormAfter);
          this.loss.push(p.step, p.loss);
          this.accuracy.push(p.step, p.accuracy);
          if (p.clipped) this.clippedSteps.push(p.step);
        }
        if (this.clippedSteps.length > 2000) this.clippedSteps = this.clippedSteps.slice(-2000);
        if (e.detail) {
          if (this.grid.rows === 0) this.joinedAt = this.#untraced ? e.detail.step : null;
          this.grid.push(e.detail.step, e.detail.dhNorms);
          this.latest = e.detail;
        }
        break;
      case 'eval':
        this.testAccuracy.push({ x: e.result.step, y: e.result.testAccuracy });
        this.testLoss.push({ x: e.result.step, y: e.result.testLoss });
        break;
      default:
        return;
    }
    this.#frame.request();
  }

  clear(): void {
    this.grid.clear();
    this.gradBefore.clear();
    this.gradAfter.clear();
    this.loss.clear();
    this.accuracy.clear();
    this.clippedSteps = [];
    this.testAccuracy = [];
    this.testLoss = [];
    this.latest = null;
    this.joinedAt = null;
    this.#untraced = false;
  }

  dispose(): void {
    this.#off();
    this.#frame.cancel();
  }
}
