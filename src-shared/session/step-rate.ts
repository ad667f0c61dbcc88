/** Steps a second over windows of at least WINDOW_MS, what the stats messages report as `stepsPerSecond`. */
const WINDOW_MS = 250;

export class StepRate {
  #steps = 0;
  #since = 0;
  /** The last measured rate; kept across a pause so the display does not drop to 0 between runs. */
  perSecond = 0;

  /** Training (re)starts at `now`: count afresh, keep the last rate until the next window ends. */
  restart(now: number): void {
    this.#steps = 0;
    this.#since = now;
  }

  /** One step was taken. */
  count(): void {
    this.#steps += 1;
  }

  /** At the end of a stretch: once the window is long enough, measure and start the next one. */
  update(now: number): void {
    const elapsed = now - this.#since;
    if (elapsed <= WINDOW_MS) return;
    this.perSecond = (this.#steps * 1000) / elapsed;
    this.#steps = 0;
    this.#since = now;
  }
}
