import type { StepDetail, StepPoint } from '../protocol/trainer-messages';
import type { PostEvent } from './api';

/** Stats messages allowed in flight before the outbox coalesces (backpressure window). */
const UNACKED_WINDOW = 2;

/**
 * The training session's stats stream, with backpressure. Each stats message carries a `seq`; the renderer acks
 * the last one it has drawn. While `UNACKED_WINDOW` messages are unacknowledged, further steps wait here and go
 * out together in the next message, so a renderer that falls behind gets fewer, larger messages instead of a
 * growing queue, and no step is ever dropped. No timers: the session says when to flush.
 */
export class StatsOutbox {
  /** Steps not yet sent: the session has not flushed since, or the renderer is behind. */
  private points: StepPoint[] = [];
  /** The latest step detail (activations of one example) not yet sent. */
  private detail: StepDetail | null = null;
  /** `seq` of the last stats message posted. */
  private sentSeq = 0;
  /** Highest `seq` the renderer has acknowledged, never ahead of `sentSeq`. */
  private ackedSeq = 0;

  constructor(
    private readonly post: PostEvent,
    /** Training speed to report with each message. */
    private readonly stepsPerSecond: () => number,
  ) {}

  /** Queue one step; a newer detail replaces an unsent older one. */
  add(point: StepPoint, detail: StepDetail | null): void {
    this.points.push(point);
    if (detail) this.detail = detail;
  }

  /** The renderer has drawn every message up to `seq`: a stale one changes nothing, one never sent counts as the last. */
  ack(seq: number): void {
    this.ackedSeq = Math.max(this.ackedSeq, Math.min(seq, this.sentSeq));
    this.flush(false);
  }

  /** Send what is pending unless the renderer is behind; `force` ignores the window (state changes, steps). */
  flush(force: boolean): void {
    if (this.points.length === 0 && !this.detail) return;
    if (!force && this.sentSeq - this.ackedSeq >= UNACKED_WINDOW) return;
    this.sentSeq += 1;
    this.post({
      type: 'stats',
      seq: this.sentSeq,
      points: this.points,
      detail: this.detail,
      stepsPerSecond: this.stepsPerSecond(),
    });
    this.points = [];
    this.detail = null;
  }

  /** Drop the unsent steps and detail (a new run), and stop waiting for acks of what was already sent. */
  reset(): void {
    this.points = [];
    this.detail = null;
    this.ackedSeq = this.sentSeq;
  }

  /** Send `history` as one message now, in place of the unsent steps, whatever the renderer has acknowledged. */
  replay(history: readonly StepPoint[]): void {
    this.points = history.slice();
    this.ackedSeq = this.sentSeq;
    this.flush(true);
  }
}
