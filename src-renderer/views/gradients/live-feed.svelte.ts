/**
 * The Lab's live run as the Gradients lab needs it: every StepDetail's ‖∂L/∂h_t‖ row into a heatmap grid,
 * gradient norms (before and after clipping) and clipping events per step, and the held-out scores.
 * It listens to the same trainer stream as the Lab state; redraws are coalesced to one per frame.
 */
import type { StepDetail, TrainerEvent } from '../../../src-shared/protocol/trainer-messages';
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
      case 'stats':
        for (const p of e.points) {
          this.gradBefore.push(p.step, p.gradNormBefore);
          this.gradAfter.push(p.step, p.gradNormAfter);
          this.loss.push(p.step, p.loss);
          this.accuracy.push(p.step, p.accuracy);
          if (p.clipped) this.clippedSteps.push(p.step);
        }
        if (this.clippedSteps.length > 2000) this.clippedSteps = this.clippedSteps.slice(-2000);
        if (e.detail) {
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
  }

  dispose(): void {
    this.#off();
    this.#frame.cancel();
  }
}
