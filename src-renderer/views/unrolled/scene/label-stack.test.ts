import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { IN_Y } from '../layout';
import { CameraFramer } from './camera-framer';
import { MIN_LABEL_PX } from './label-layer';
import { anchorUnder, pxPerWorldAt } from './label-stack';

const VIEW = { w: 1280, h: 430 };
/** A label's letters are 0.62 of the height it is given, its line box about 1.2 em (the bundled font). */
const EM = 0.62;
const LINE = 1.2;

/** A camera framing a 9-step chain (the lesson demo's length) the way a view preset does. */
function camera(elevation: number, azimuth = 0): PerspectiveCamera {
  const cam = new PerspectiveCamera(32, VIEW.w / VIEW.h, 0.1, 2000);
  new CameraFramer(cam, new Vector3()).frameBox(-0.9, 14.5, -3, 3.5, azimuth, elevation, 0, 0);
  cam.updateMatrixWorld();
  return cam;
}

/** Screen rectangle (CSS px) of a label of height h (world) centred at p, grown to the smallest size as the layer does. */
function rect(cam: PerspectiveCamera, p: Vector3, h: number) {
  const ppw = pxPerWorldAt(cam, VIEW.h, p);
  const emPx = Math.max(h * EM * ppw, MIN_LABEL_PX);
  const v = p.clone().project(cam);
  const cx = ((v.x + 1) / 2) * VIEW.w, cy = ((1 - v.y) / 2) * VIEW.h;
  return { cx, top: cy - (emPx * LINE) / 2, bottom: cy + (emPx * LINE) / 2, half: (emPx * LINE) / 2, ppw };
}

describe('stacking the step number under its token', () => {
  it.each([
    ['front', 0, 0],
    ['angled', 0.3, -0.55],
    ['from above', 0.95, 0],
  ])('%s: the step number sits just under the token on screen, centred under it, never on it', (_name, elevation, azimuth) => {
    const cam = camera(elevation, azimuth);
    for (const x of [0, 6.8, 13.6]) {
      const token = new Vector3(x, IN_Y, 0.05);
      const a = rect(cam, token, 0.32);
      const own = rect(cam, token, 0.32 * 0.7).half;
      const anchor = anchorUnder(cam, token, a.ppw, a.half, own, 1, new Vector3());
      const b = rect(cam, anchor, 0.32 * 0.7);
      expect(b.top).toBeGreaterThanOrEqual(a.bottom - 0.01);
      expect(b.top - a.bottom).toBeLessThan(2);
      expect(b.cx).toBeCloseTo(a.cx, 1);
      // Same depth as the token: the same scale, so it is drawn at the size it was measured at.
      expect(b.ppw).toBeCloseTo(a.ppw, 6);
    }
  });

  it('from above, the fixed world offset the step numbers had put them on their tokens (why they were hidden)', () => {
    const cam = camera(0.95);
    const token = new Vector3(6.8, IN_Y, 0.05);
    const a = rect(cam, token, 0.32);
    const b = rect(cam, new Vector3(6.8, IN_Y - 0.5, 0.05), 0.32 * 0.7);
    expect(b.top).toBeLessThan(a.bottom);
  });
});
