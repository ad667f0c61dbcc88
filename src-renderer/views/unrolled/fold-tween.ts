/** Milliseconds the fold from the rolled cell to the unrolled chain (or back) takes. */
export const FOLD_MS = 700;
/** Longest frame gap the fold advances by at once (a stalled tab does not jump to the end). */
const MAX_DT_MS = 100;
/** Frame gap assumed for the first frame after a rest. */
const FIRST_DT_MS = 16;

/**
 * The unroll amount the scene draws: 0 = one rolled cell with its loop, 1 = the unrolled chain.
 * It moves toward the toggle's target by frame time, at once under reduced motion.
 */
export class FoldTween {
  #last = 0;

  constructor(public value: number) {}

  /** Advance to frame time `now` (ms) toward `target`; true while it has not reached the target. */
  step(now: number, target: number, reducedMotion: boolean): boolean {
    const dt = this.#last ? Math.min(MAX_DT_MS, now - this.#last) : FIRST_DT_MS;
    this.#last = now;
    if (this.value !== target) {
      const by = reducedMotion ? 1 : dt / FOLD_MS;
      this.value = target > this.value ? Math.min(target, this.value + by) : Math.max(target, this.value - by);
    }
    return this.value !== target;
  }

  /** Frames stopped: the next one starts from FIRST_DT_MS, not from the time since the last. */
  rest(): void {
    this.#last = 0;
  }
}
