/**
 * Runs an action once edits have settled: each `schedule` restarts the wait, `flush` runs a waiting action at once
 * (a command must act on the config as edited), `cancel` drops it (a reopened run replaces the edits).
 */
export class SettleTimer {
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly action: () => void,
  ) {}

  get pending(): boolean {
    return this.#timer !== null;
  }

  schedule(): void {
    this.cancel();
    this.#timer = setTimeout(() => this.now(), this.delayMs);
  }

  /** Run the action now, whether or not it was waiting. */
  now(): void {
    this.cancel();
    this.action();
  }

  /** Run the action now only if it was waiting. */
  flush(): void {
    if (this.pending) this.now();
  }

  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
