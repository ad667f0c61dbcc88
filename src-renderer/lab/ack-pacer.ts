/** Least time between two acknowledgements, so at most ~10 stats messages are drawn per second. */
export const MIN_ACK_INTERVAL_MS = 100;

/**
 * A scheduler that runs each `ack` after the next frame is painted, and no sooner than `minIntervalMs` after
 * the previous one. The trainer coalesces steps while it waits, so this paces redraws without slowing training.
 * When the page is hidden (no frames) it acks on a timer instead, so training never stalls.
 */
export function createAckPacer(minIntervalMs = MIN_ACK_INTERVAL_MS): (ack: () => void) => void {
  let lastAckAt = -Infinity;
  return (ack) => {
    const run = () => {
      lastAckAt = performance.now();
      ack();
    };
    const wait = Math.max(0, lastAckAt + minIntervalMs - performance.now());
    setTimeout(() => {
      if (document.hidden) run();
      else requestAnimationFrame(() => setTimeout(run, 0));
    }, wait);
  };
}

/**
 * Acknowledges stats messages once they are drawn: one scheduled ack at a time, for the newest message seen by
 * the time it runs, so a burst of messages costs one acknowledgement.
 */
export class AckBatcher {
  #seq = -1;

  constructor(
    private readonly schedule: (ack: () => void) => void,
    private readonly send: (seq: number) => void,
  ) {}

  /** A stats message `seq` arrived. */
  add(seq: number): void {
    const pending = this.#seq >= 0;
    this.#seq = Math.max(this.#seq, seq);
    if (pending) return;
    this.schedule(() => {
      const seq = this.#seq;
      this.#seq = -1;
      this.send(seq);
    });
  }
}
