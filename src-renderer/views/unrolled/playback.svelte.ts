/**
 * The animation clock of the unrolled view: a cursor over 2T positions, forward pass first (steps 1..T,
 * left to right), then the backward pass (steps T..1, right to left), looping while playing.
 * `pos` is reactive and changes a few times a second; the in-between fraction `frac` is plain, read
 * by the render loop every frame without waking Svelte.
 */

export type Pass = 'forward' | 'backward';

export const SPEEDS = [1, 2, 4, 8, 16] as const;

export class Playback {
  /** Integer cursor in [0, 2T). */
  pos = $state(0);
  playing = $state(false);
  /** Steps per second. */
  speed = $state(4);
  /** Number of steps in the chain. */
  T = $state(1);
  /** 0..1 progress of the step at the cursor; always 1 with reduced motion. */
  frac = 1;
  reducedMotion = false;
  #acc = 0;

  get pass(): Pass {
    return this.pos < this.T ? 'forward' : 'backward';
  }

  /** The time step (0-based) under the cursor. */
  get step(): number {
    return this.pos < this.T ? this.pos : 2 * this.T - 1 - this.pos;
  }

  get length(): number {
    return 2 * this.T;
  }

  setLength(T: number): void {
    const t = Math.max(1, Math.floor(T));
    if (t === this.T) return;
    const pass = this.pass;
    const step = Math.min(this.step, t - 1);
    this.T = t;
    this.pos = pass === 'forward' ? step : 2 * t - 1 - step;
  }

  seek(pos: number): void {
    const n = this.length;
    this.pos = ((Math.round(pos) % n) + n) % n;
    this.frac = 1;
    this.#acc = 0;
  }

  /** Move by delta positions (wrapping), e.g. ±1 for the step buttons and arrow keys. */
  stepBy(delta: number): void {
    this.seek(this.pos + delta);
  }

  /** Jump to a time step in the current pass. */
  seekStep(step: number): void {
    const s = Math.min(this.T - 1, Math.max(0, Math.round(step)));
    this.seek(this.pass === 'forward' ? s : 2 * this.T - 1 - s);
  }

  toggle(): void {
    this.playing = !this.playing;
    this.#acc = 0;
  }

  /** Advance the clock; returns true when anything drawn changed. */
  tick(dtMs: number): boolean {
    if (!this.playing) return false;
    this.#acc += (Math.min(dtMs, 250) / 1000) * this.speed;
    let moved = false;
    while (this.#acc >= 1) {
      this.#acc -= 1;
      this.pos = (this.pos + 1) % this.length;
      moved = true;
    }
    const frac = this.reducedMotion ? 1 : Math.min(1, this.#acc * 1.5);
    const changed = moved || frac !== this.frac;
    this.frac = frac;
    return changed;
  }
}

/** Tick the clock once per animation frame by the frame's duration; returns the function that stops it. */
export function animate(playback: Playback): () => void {
  let raf = 0;
  let last = 0;
  const tick = (now: number) => {
    playback.tick(last ? now - last : 16);
    last = now;
    raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(raf);
}
