import { StepInterrupted, type Interrupt } from '../engine/interrupt';
import type { EvalResult } from '../protocol/trainer-messages';
import type { Evaluation, Run } from './run';

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

/**
 * Held-out examples scored per slice: an evaluation runs as slices of its own (training waits, so every chunk
 * sees the same parameters) and the inbox is read between them, so a pause never waits for a whole evaluation.
 */
export const EVAL_CHUNK = 32;

/** The held-out evaluation of a training session: when one starts (EvalCadence), and the one in progress. */
export class EvalLoop {
  readonly #cadence = new EvalCadence();
  #current: Evaluation | null = null;

  /** Whether an evaluation is in progress (the session's next slices go to it, not to training). */
  get running(): boolean {
    return this.#current !== null;
  }

  /** Start one on `run` if it is due at `now` (`paced`: a speed cap is set). */
  maybeStart(now: number, run: Run, paced: boolean): void {
    if (this.#current || !this.#cadence.due(now, run.step, paced)) return;
    this.#cadence.started(now, run.step);
    this.#current = run.startEvaluation();
  }

  /** Score the next chunk; the result once the last one is scored, else null (also when a command cut it short). */
  advance(interrupt: Interrupt | undefined): EvalResult | null {
    if (!this.#current) return null;
    let result: EvalResult | null;
    try {
      result = this.#current.advance(EVAL_CHUNK, interrupt);
    } catch (err) {
      if (err instanceof StepInterrupted) return null;
      throw err;
    }
    if (result) this.#current = null;
    return result;
  }

  /** Drop an unfinished evaluation (the parameters may change under it). */
  drop(): void {
    this.#current = null;
  }

  /** A new or restored run: nothing in progress, and the first slice evaluates at once. */
  reset(): void {
    this.#current = null;
    this.#cadence.reset();
  }
}
