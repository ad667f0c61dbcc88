import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';

/**
 * Memory bound of the view's history of snapshots: at most SNAPSHOT_CAP snapshots and at most SNAPSHOT_NUMBERS
 * numbers in them (8 bytes each, so about 16 MB), whichever is reached first. A default run (T = 32, H = 24, LSTM)
 * has about 8k numbers a snapshot, so the count binds; the largest (T = 200, H = 256, 2 layers, bidirectional)
 * about 300k, so the number budget keeps about 6. The first and the newest snapshot are always kept.
 */
export const SNAPSHOT_CAP = 48;
export const SNAPSHOT_NUMBERS = 2_000_000;

/** How many numbers a snapshot holds (its per-step arrays), the unit of the memory bound. */
export function detailNumbers(d: StepDetail): number {
  const grid = (rows: readonly (readonly number[])[] | undefined) => (rows ? rows.reduce((n, r) => n + r.length, 0) : 0);
  let n = d.dhNorms.length + d.whhContrib.length + grid(d.hidden) + grid(d.dh) + grid(d.cells) + grid(d.hiddenBackward);
  for (const g of Object.values(d.gates)) n += grid(g);
  return n;
}

/**
 * The run's StepDetails, oldest first, thinned over the whole run so the learner can scrub back to its very first
 * step: kept snapshots are at least `stride` steps apart, the newest always replaces the one after the last of
 * them, and when the bound is reached every other snapshot between the first and the newest is dropped and the
 * stride doubles. A long run therefore keeps snapshots spread evenly from its first step to its latest.
 */
export class DetailRing {
  #items: StepDetail[] = [];
  #numbers: number[] = [];
  #stride = 1;

  constructor(
    readonly capacity = SNAPSHOT_CAP,
    readonly maxNumbers = SNAPSHOT_NUMBERS,
  ) {
    if (capacity < 2) throw new Error('DetailRing: capacity must be at least 2 (the first and the newest)');
  }

  get size(): number {
    return this.#items.length;
  }

  /** Numbers held in all kept snapshots (at most maxNumbers, unless the first and newest alone exceed it). */
  get numbers(): number {
    return this.#numbers.reduce((a, b) => a + b, 0);
  }

  /** Adds a detail; the same object again is ignored, a step not after the newest (a new run) clears first. */
  push(detail: StepDetail): boolean {
    const newest = this.latest;
    if (newest === detail) return false;
    if (newest && detail.step <= newest.step) this.clear();
    const n = this.#items.length;
    // The newest slot is provisional: it is kept for good only once it is `stride` past the snapshot before it.
    if (n >= 2 && this.#items[n - 1].step - this.#items[n - 2].step < this.#stride) {
      this.#items[n - 1] = detail;
      this.#numbers[n - 1] = detailNumbers(detail);
    } else {
      this.#items.push(detail);
      this.#numbers.push(detailNumbers(detail));
    }
    this.#fit();
    return true;
  }

  /** i = 0 is the oldest kept detail, size − 1 the newest. */
  get(i: number): StepDetail | null {
    return this.#items[i] ?? null;
  }

  get latest(): StepDetail | null {
    return this.get(this.#items.length - 1);
  }

  /** The kept details, oldest first (what a saved run carries). */
  all(): StepDetail[] {
    return this.#items.slice();
  }

  /** Replace the history with saved details (ascending steps), thinned to the bound if need be. */
  load(details: readonly StepDetail[]): void {
    this.clear();
    for (const d of details) this.push(d);
  }

  clear(): void {
    this.#items = [];
    this.#numbers = [];
    this.#stride = 1;
  }

  /** Halve the middle until both bounds hold (the first and the newest stay). */
  #fit(): void {
    while (this.#items.length > 2 && (this.#items.length > this.capacity || this.numbers > this.maxNumbers)) {
      const last = this.#items.length - 1;
      const keep = (_: unknown, i: number) => i === 0 || i === last || i % 2 === 0;
      this.#items = this.#items.filter(keep);
      this.#numbers = this.#numbers.filter(keep);
      this.#stride *= 2;
    }
  }
}
