import { Vector3 } from 'three';

/** Longest camera move (into a cell and back out), in ms. */
export const FLIGHT_MS = 600;

/** Ease in and out (cubic): starts and ends at rest. */
export function easeInOut(u: number): number {
  const x = Math.min(1, Math.max(0, u));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/**
 * One eased camera move from where the camera is to a goal position and look-at target. `at(now)` writes the
 * camera's place at that time; a zero duration (reduced motion) lands at once.
 */
export class CameraFlight {
  readonly #fromPos = new Vector3();
  readonly #fromTarget = new Vector3();
  readonly #toPos = new Vector3();
  readonly #toTarget = new Vector3();
  #start = 0;
  #duration = 0;
  active = false;

  begin(pos: Vector3, target: Vector3, goalPos: Vector3, goalTarget: Vector3, now: number, durationMs: number): void {
    this.#fromPos.copy(pos);
    this.#fromTarget.copy(target);
    this.#toPos.copy(goalPos);
    this.#toTarget.copy(goalTarget);
    this.#start = now;
    this.#duration = Math.max(0, Math.min(FLIGHT_MS, durationMs));
    this.active = true;
  }

  /** Place the camera for time `now`; returns false once the move has landed (the last call lands it exactly). */
  at(now: number, pos: Vector3, target: Vector3): boolean {
    if (!this.active) return false;
    const u = this.#duration <= 0 ? 1 : (now - this.#start) / this.#duration;
    const e = easeInOut(u);
    pos.lerpVectors(this.#fromPos, this.#toPos, e);
    target.lerpVectors(this.#fromTarget, this.#toTarget, e);
    if (u >= 1) this.active = false;
    return this.active;
  }
}
