import { Vector3, type PerspectiveCamera } from 'three';
import { CameraFlight } from './camera-flight';

/** The framed box fills at most this share of the view, in normalised device coordinates. */
const FRAME_MARGIN = 0.94;

/**
 * Puts the camera where a box (the chain, or one copy of the cell) fills the view from a given direction, by
 * projecting the box's corners, and eases it there when asked (CameraFlight). Moves `camera` and `target` (the
 * orbit controls' target); the caller updates the controls.
 */
export class CameraFramer {
  readonly #v = new Vector3();
  readonly #dir = new Vector3();
  readonly #right = new Vector3();
  readonly #up = new Vector3();
  readonly #corners = Array.from({ length: 8 }, () => new Vector3());
  readonly #fromPos = new Vector3();
  readonly #fromTarget = new Vector3();
  readonly #flight = new CameraFlight();

  constructor(
    readonly camera: PerspectiveCamera,
    readonly target: Vector3,
  ) {}

  get flying(): boolean {
    return this.#flight.active;
  }

  /** Advance the flight; false once it has landed. */
  tick(now: number): boolean {
    return this.#flight.at(now, this.camera.position, this.target);
  }

  /** Fit the camera to a box seen from (azimuth, elevation); with flyMs > 0 ease there from where it is now. */
  frameBox(x0: number, x1: number, y0: number, y1: number, azimuth: number, elevation: number, flyMs: number, now: number): void {
    this.#fromPos.copy(this.camera.position);
    this.#fromTarget.copy(this.target);
    this.#dir.set(Math.sin(azimuth) * Math.cos(elevation), Math.sin(elevation), Math.cos(azimuth) * Math.cos(elevation));
    const box = this.#corners;
    for (let i = 0; i < 8; i++) box[i].set(i & 1 ? x1 : x0, i & 2 ? y1 : y0, i & 4 ? 0.4 : -0.4);
    const t = this.target.set((x0 + x1) / 2, (y0 + y1) / 2, 0);
    this.camera.far = 1e5;
    let dist = 4;
    // Fit the distance, re-centre the box on screen, fit again (perspective moves the centre).
    for (let pass = 0; pass < 3; pass++) {
      dist = this.#fitDistance(t);
      this.#place(t, dist);
      let nx0 = Infinity, nx1 = -Infinity, ny0 = Infinity, ny1 = -Infinity;
      for (const c of box) {
        this.#v.copy(c).project(this.camera);
        nx0 = Math.min(nx0, this.#v.x);
        nx1 = Math.max(nx1, this.#v.x);
        ny0 = Math.min(ny0, this.#v.y);
        ny1 = Math.max(ny1, this.#v.y);
      }
      const halfH = dist * Math.tan(((this.camera.fov / 2) * Math.PI) / 180);
      const right = this.#right.setFromMatrixColumn(this.camera.matrixWorld, 0);
      const up = this.#up.setFromMatrixColumn(this.camera.matrixWorld, 1);
      t.addScaledVector(right, ((nx0 + nx1) / 2) * halfH * this.camera.aspect).addScaledVector(up, ((ny0 + ny1) / 2) * halfH);
    }
    dist = this.#fitDistance(t);
    this.#place(t, dist);
    this.camera.far = dist * 4 + 100;
    this.camera.updateProjectionMatrix();
    if (flyMs > 0) {
      // Keep the far plane of the wider of the two views for the whole move.
      this.camera.far = Math.max(this.camera.far, this.#fromPos.distanceTo(t) * 4 + 100);
      this.camera.updateProjectionMatrix();
      this.#flight.begin(this.#fromPos, this.#fromTarget, this.camera.position, t, now, flyMs);
      this.camera.position.copy(this.#fromPos);
      t.copy(this.#fromTarget);
    } else this.#flight.active = false;
  }

  #place(target: Vector3, dist: number): void {
    this.camera.position.copy(target).addScaledVector(this.#dir, dist);
    this.camera.lookAt(target);
    this.camera.updateMatrixWorld();
    this.camera.updateProjectionMatrix();
  }

  /** Smallest camera distance along #dir from `target` at which every corner of the box projects inside the margin. */
  #fitDistance(target: Vector3): number {
    let lo = 0.5, hi = 4000;
    for (let i = 0; i < 32; i++) {
      const mid = (lo + hi) / 2;
      this.#place(target, mid);
      let fits = true;
      for (const c of this.#corners) {
        this.#v.copy(c).project(this.camera);
        if (this.#v.z >= 1 || this.#v.z <= -1 || Math.abs(this.#v.x) > FRAME_MARGIN || Math.abs(this.#v.y) > FRAME_MARGIN) {
          fits = false;
          break;
        }
      }
      if (fits) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}
