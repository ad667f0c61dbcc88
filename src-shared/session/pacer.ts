/**
 * A steps-per-second cap for teaching: training slowed down to a few steps a second so a class can follow
 * each update, up to full speed (0). A token bucket one step deep: step k may start at since + k / rate, so
 * the steps taken by time t never exceed rate·(t − since) + 1, however the session's slices fall.
 */
export class Pacer {
  /** Steps a second; 0 = no cap. */
  private rate = 0;
  /** When the cap was set or training (re)started, in ms. */
  private since = 0;
  /** Steps taken since `since`. */
  private taken = 0;

  get stepsPerSecond(): number {
    return this.rate;
  }

  /** Change the cap (0 = full speed); counting restarts at `now`. */
  set(stepsPerSecond: number, now: number): void {
    if (!(Number.isFinite(stepsPerSecond) && stepsPerSecond >= 0)) throw new Error(`speed must be a finite number ≥ 0, got ${stepsPerSecond}`);
    this.rate = stepsPerSecond;
    this.restart(now);
  }

  /** Training (re)starts at `now`: a pause does not bank steps. */
  restart(now: number): void {
    this.since = now;
    this.taken = 0;
  }

  /** Steps that may be taken at `now` (Infinity without a cap). */
  allowance(now: number): number {
    if (this.rate === 0) return Infinity;
    return Math.max(0, Math.floor(((now - this.since) * this.rate) / 1000) + 1 - this.taken);
  }

  /** Record `n` steps taken. */
  took(n: number): void {
    this.taken += n;
  }

  /** Milliseconds from `now` until the next step may start (0 when one may start now). */
  waitMs(now: number): number {
    if (this.rate === 0) return 0;
    const next = this.since + (this.taken * 1000) / this.rate;
    return Math.max(0, next - now);
  }
}
