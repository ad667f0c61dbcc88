/** Shortest gap between two software-WebGL frames while the animation plays (~20 frames a second). */
export const SOFTWARE_FRAME_MS = 50;

/**
 * When the unrolled view's frames run, so that drawing stays off the main thread's critical path.
 *
 * Hardware WebGL updates and draws in animation frames. Software WebGL (SwiftShader, llvmpipe) draws into a
 * detached canvas whose frames reach the page through AsyncPresenter, so it needs no animation frame: its
 * work runs in tasks of its own (update in one, draw in the next), never piled onto the page's style, layout
 * and paint, and at most one frame every SOFTWARE_FRAME_MS while the animation plays.
 * At most one frame and one draw are pending at a time; asking again meanwhile changes nothing.
 */
export class FrameLoop {
  #frameId = 0;
  #framePending = false;
  #drawId = 0;
  #drawPending = false;
  /** Time of the last frame (performance.now() in software mode, the animation-frame time otherwise). */
  #lastFrame = -Infinity;
  #stopped = false;

  constructor(
    /** Software WebGL: frames and draws in tasks, throttled while playing. */
    readonly software: boolean,
    /** Update the scene for this frame; it calls `present` once the frame is ready to draw. */
    readonly frame: (now: number) => void,
    /** Draw the updated scene. */
    readonly draw: () => void,
    /** The animation is playing (read only in software mode, when a frame is asked for and none is pending). */
    readonly playing: () => boolean,
  ) {}

  /** A frame is waiting to run. */
  get pending(): boolean {
    return this.#framePending;
  }

  /** Ask for the next frame; while playing, software frames are held SOFTWARE_FRAME_MS apart. */
  request(): void {
    if (!this.software) this.soon();
    else if (!this.#framePending && !this.#stopped) this.#after(this.playing() ? Math.max(0, SOFTWARE_FRAME_MS - (performance.now() - this.#lastFrame)) : 0);
  }

  /** Ask for a frame as soon as possible (work that continues in the next task or animation frame). */
  soon(): void {
    if (!this.software) {
      if (this.#framePending || this.#stopped) return;
      this.#framePending = true;
      this.#frameId = requestAnimationFrame((now) => this.#run(now));
    } else this.#after(0);
  }

  /** The frame is updated: draw it now (hardware) or in a task of its own (software). */
  present(): void {
    if (!this.software) {
      this.draw();
      return;
    }
    if (this.#drawPending || this.#stopped) return;
    this.#drawPending = true;
    this.#drawId = window.setTimeout(() => {
      this.#drawPending = false;
      this.draw();
    }, 0);
  }

  /** Cancel whatever is pending and ask for nothing more. */
  stop(): void {
    this.#stopped = true;
    if (this.#framePending) {
      if (this.software) clearTimeout(this.#frameId);
      else cancelAnimationFrame(this.#frameId);
    }
    if (this.#drawPending) clearTimeout(this.#drawId);
    this.#framePending = this.#drawPending = false;
  }

  #after(wait: number): void {
    if (this.#framePending || this.#stopped) return;
    this.#framePending = true;
    this.#frameId = window.setTimeout(() => this.#run(performance.now()), wait);
  }

  #run(now: number): void {
    this.#framePending = false;
    this.#lastFrame = now;
    this.frame(now);
  }
}
