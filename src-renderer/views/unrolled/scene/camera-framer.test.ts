import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { CameraFramer } from './camera-framer';

/** Largest |x| and |y| in normalised device coordinates of the box's corners, seen by the camera. */
function extent(camera: PerspectiveCamera, x0: number, x1: number, y0: number, y1: number): number {
  let m = 0;
  for (const x of [x0, x1]) for (const y of [y0, y1]) for (const z of [-0.4, 0.4]) {
    const v = new Vector3(x, y, z).project(camera);
    m = Math.max(m, Math.abs(v.x), Math.abs(v.y));
  }
  return m;
}

describe('CameraFramer', () => {
  it.each([
    ['front', 0, 0],
    ['angled', -0.55, 0.3],
    ['from above', 0, 0.95],
  ])('frames a long chain %s: every corner on screen, the box filling the view (not lost in it)', (_name, az, el) => {
    const camera = new PerspectiveCamera(32, 2.6, 0.1, 2000);
    const framer = new CameraFramer(camera, new Vector3());
    framer.frameBox(-1, 85, -3.5, 3.5, az, el, 0, 0);
    const e = extent(camera, -1, 85, -3.5, 3.5);
    expect(e).toBeLessThanOrEqual(0.95);
    expect(e).toBeGreaterThan(0.85);
  });

  it('eases the camera to the framed place over the flight, then stops', () => {
    const camera = new PerspectiveCamera(32, 1.5, 0.1, 2000);
    camera.position.set(0, 0, 50);
    const target = new Vector3();
    const framer = new CameraFramer(camera, target);
    framer.frameBox(9, 11, -1, 1, 0, 0, 500, 0);
    expect(camera.position.z).toBe(50);
    expect(framer.flying).toBe(true);
    expect(framer.tick(250)).toBe(true);
    expect(framer.tick(600)).toBe(false);
    expect(target.x).toBeCloseTo(10);
    expect(extent(camera, 9, 11, -1, 1)).toBeLessThanOrEqual(0.95);
  });
});
