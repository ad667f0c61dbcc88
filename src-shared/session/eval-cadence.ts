/** Held-out evaluation at most this often while training, in ms. */
export const EVAL_EVERY_MS = 1000;
/**
 * In slow motion (a speed cap below full speed), at most one evaluation per this many steps as well: at a few steps
 * a second, one evaluation a second would spend the class's time scoring the held-out set instead of showing steps.
 */
export const EVAL_EVERY_STEPS_PACED = 20;

/** When the next held-out evaluation is due: by time at full speed, by time and steps in slow motion. */
export class EvalCadence {
  #lastAt = -Infinity;
  #lastStep = -Infinity;

  /** Whether an evaluation should start now, at `step`, with `paced` true while a speed cap is set. */
  due(now: number, step: number, paced: boolean): boolean {
    if (now - this.#lastAt < EVAL_EVERY_MS) return false;
    return !paced || step - this.#lastStep >= EVAL_EVERY_STEPS_PACED;
  }

  /** An evaluation starts at `now`, at `step`. */
  started(now: number, step: number): void {
    this.#lastAt = now;
    this.#lastStep = step;
  }

  /** A new or restored run: the first slice evaluates at once. */
  reset(): void {
    this.#lastAt = -Infinity;
    this.#lastStep = -Infinity;
  }
}
