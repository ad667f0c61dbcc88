import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { CameraFlight, easeInOut, FLIGHT_MS } from './camera-flight';

describe('CameraFlight', () => {
  it('easeInOut(u) starts and ends at rest and passes the middle at u = 0.5', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
  });

  it('moves the camera from where it is to the goal in at most FLIGHT_MS, then stops', () => {
    const f = new CameraFlight();
    const pos = new Vector3(0, 0, 10), target = new Vector3();
    f.begin(pos, target, new Vector3(5, 0, 2), new Vector3(5, 0, 0), 1000, 5000);
    expect(f.at(1000 + FLIGHT_MS / 2, pos, target)).toBe(true);
    expect(pos.x).toBeCloseTo(2.5);
    expect(f.at(1000 + FLIGHT_MS, pos, target)).toBe(false);
    expect(pos.toArray()).toEqual([5, 0, 2]);
    expect(target.x).toBe(5);
  });

  it('lands at once with a zero duration (reduced motion)', () => {
    const f = new CameraFlight();
    const pos = new Vector3(0, 0, 10), target = new Vector3();
    f.begin(pos, target, new Vector3(1, 2, 3), new Vector3(1, 2, 0), 0, 0);
    expect(f.at(0, pos, target)).toBe(false);
    expect(pos.toArray()).toEqual([1, 2, 3]);
  });
});
