import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';

/** The last few StepDetails, oldest first, so the learner can scrub back through recent training steps. */
export class DetailRing {
  readonly #items: (StepDetail | undefined)[];
  #start = 0;
  #size = 0;

  constructor(readonly capacity = 24) {
    this.#items = new Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a detail; the same object again is ignored, a step not after the newest (a new run) clears first. */
  push(detail: StepDetail): boolean {
    const newest = this.latest;
    if (newest === detail) return false;
    if (newest && detail.step <= newest.step) this.clear();
    const i = (this.#start + this.#size) % this.capacity;
    this.#items[i] = detail;
    if (this.#size < this.capacity) this.#size++;
    else this.#start = (this.#start + 1) % this.capacity;
    return true;
  }

  /** i = 0 is the oldest kept detail, size − 1 the newest. */
  get(i: number): StepDetail | null {
    if (i < 0 || i >= this.#size) return null;
    return this.#items[(this.#start + i) % this.capacity] ?? null;
  }

  get latest(): StepDetail | null {
    return this.get(this.#size - 1);
  }

  clear(): void {
    this.#start = 0;
    this.#size = 0;
    this.#items.fill(undefined);
  }
}
