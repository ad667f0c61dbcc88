import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';

/** Where the intake hands details on (DetailHistory). */
export interface DetailSink {
  push(detail: StepDetail): void;
  clear(): void;
}

/**
 * The door between training messages and the view's history. New details arrive inside the task that handles
 * a training message (with the loss chart and the metrics); the history takes them one task later, so the
 * view's own recomputation never adds to that task. The detail given at mount is taken at once, so the view
 * opens with it.
 */
export class DetailIntake {
  readonly #queue: StepDetail[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #mounted = false;

  constructor(readonly sink: DetailSink) {}

  /** The detail prop changed (the first call is the one at mount). */
  offer(detail: StepDetail | null): void {
    if (!this.#mounted) {
      this.#mounted = true;
      if (detail) this.sink.push(detail);
      return;
    }
    if (!detail) return;
    this.#queue.push(detail);
    this.#timer ??= setTimeout(() => this.#take(), 0);
  }

  /** A different model or task is a new run: forget the old one's details, queued ones too. */
  newRun(): void {
    this.#queue.length = 0;
    this.sink.clear();
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #take(): void {
    this.#timer = null;
    for (const d of this.#queue) this.sink.push(d);
    this.#queue.length = 0;
  }
}
