import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';
import { DetailRing, SNAPSHOT_CAP } from './detail-ring';

/**
 * The run's StepDetails the view can show, thinned over the whole run within a memory bound (detail-ring.ts): the newest (default) or one picked on the history scrubber.
 * Live details can arrive many times a second; the shown one changes at most every `throttleMs` so the chain
 * stays readable and the main thread free, always ending on the newest.
 */
export class DetailHistory {
  /** Bumped when the kept details or the shown one change. */
  version = $state(0);
  /** Index into the kept details (oldest first), or −1 to follow the newest. */
  index = $state(-1);
  readonly #ring: DetailRing;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #last = -Infinity;
  /** The newest detail as of the last throttled update. */
  #latest: StepDetail | null = null;

  constructor(
    readonly throttleMs = 700,
    capacity = SNAPSHOT_CAP,
  ) {
    this.#ring = new DetailRing(capacity);
  }

  /** The detail on screen. */
  get shown(): StepDetail | null {
    void this.version;
    return this.index < 0 ? this.#latest : this.#ring.get(this.index);
  }

  /** Training steps of the kept details, oldest first. */
  get steps(): number[] {
    void this.version;
    return Array.from({ length: this.#ring.size }, (_, i) => this.#ring.get(i)?.step ?? 0);
  }

  push(detail: StepDetail): void {
    if (!this.#ring.push(detail) || this.#timer !== null) return;
    // The first detail is shown at once. Later ones always go through a timer, so the view's recomputation runs
    // in a task of its own instead of adding to the task that delivered the training message.
    if (this.#latest === null && this.index < 0) this.#apply();
    else this.#timer = setTimeout(() => this.#apply(), Math.max(0, this.throttleMs - (performance.now() - this.#last)));
  }

  /** The kept details, oldest first (what a saved run carries). */
  all(): StepDetail[] {
    return this.#ring.all();
  }

  /** Show a saved run's details (the newest on screen). */
  load(details: readonly StepDetail[]): void {
    this.#ring.load(details);
    this.#latest = this.#ring.latest;
    this.index = -1;
    this.version++;
  }

  /** A new run: forget the old one's details. */
  clear(): void {
    this.#ring.clear();
    this.#latest = null;
    this.index = -1;
    this.version++;
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #apply(): void {
    this.#timer = null;
    this.#last = performance.now();
    this.#latest = this.#ring.latest;
    this.version++;
  }
}
