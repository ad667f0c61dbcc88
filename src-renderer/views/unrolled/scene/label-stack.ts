import { Vector3, type PerspectiveCamera } from 'three';

/**
 * Stacking one label under another on screen, whatever the view: the step number under its token, from the front,
 * at an angle or from above (where a fixed world offset shrinks to nothing and the two would overlap). Labels are
 * billboards, so moving an anchor along the camera's up vector keeps its depth and moves it on screen by exactly
 * that distance times the pixels per world unit at its depth.
 */

/** CSS pixels per world unit at `point`'s depth in front of `camera`, for a view `viewH` CSS pixels high (0 behind it). */
export function pxPerWorldAt(camera: PerspectiveCamera, viewH: number, point: Vector3, scratch = new Vector3()): number {
  const depth = -scratch.copy(point).applyMatrix4(camera.matrixWorldInverse).z;
  return depth > 1e-3 ? (camera.projectionMatrix.elements[5] / depth) * (viewH / 2) : 0;
}

/**
 * The anchor (centre) for a label `ownHalfPx` high (half, CSS px) so that it sits `gapPx` under a label centred at
 * `above` that is `aboveHalfPx` high, on screen; written to `out`. `pxPerWorld` is pxPerWorldAt(above).
 */
export function anchorUnder(camera: PerspectiveCamera, above: Vector3, pxPerWorld: number, aboveHalfPx: number, ownHalfPx: number, gapPx: number, out: Vector3): Vector3 {
  const up = out.set(0, 1, 0).applyQuaternion(camera.quaternion);
  const d = pxPerWorld > 0 ? (aboveHalfPx + gapPx + ownHalfPx) / pxPerWorld : 0;
  return up.multiplyScalar(-d).add(above);
}
