import { describe, expect, it } from 'vitest';
import { PointerPick, type Pickable } from './pointer-pick';

/** A scene whose step is the x pixel / 100 and whose matrix is the y pixel / 100. */
const scene: Pickable & { calls: number } = {
  calls: 0,
  pickStep(x) {
    this.calls++;
    return Math.floor(x / 100);
  },
  pickMatrix(_x, y) {
    return Math.floor(y / 100);
  },
};

function setup() {
  const el = document.createElement('canvas');
  el.getBoundingClientRect = () => ({ left: 10, top: 20, right: 0, bottom: 0, width: 0, height: 0, x: 10, y: 20, toJSON: () => ({}) });
  const seen: string[] = [];
  const pick = new PointerPick({ hoverStep: (s) => seen.push(`step ${s}`), hoverMatrix: (k) => seen.push(`matrix ${k}`), pickStep: (s) => seen.push(`pick ${s}`) });
  return { el, seen, pick };
}

const at = (type: string, clientX: number, clientY: number, buttons = 0) => new MouseEvent(type, { clientX, clientY, buttons }) as PointerEvent;

describe('PointerPick', () => {
  it('picks once per frame from the latest position, in canvas pixels', () => {
    const { el, seen, pick } = setup();
    scene.calls = 0;
    expect(pick.move(at('pointermove', 50, 50), el)).toBe(true);
    expect(pick.move(at('pointermove', 320, 240), el)).toBe(true);
    pick.pick(scene);
    pick.pick(scene);
    expect(seen).toEqual(['matrix 2', 'step 3']);
    expect(scene.calls).toBe(1);
  });

  it('ignores moves while a button is held (the drag orbits the camera)', () => {
    const { el, seen, pick } = setup();
    expect(pick.move(at('pointermove', 320, 240, 1), el)).toBe(false);
    pick.pick(scene);
    expect(seen).toEqual([]);
  });

  it('a click picks the step under it; leaving clears the hover', () => {
    const { el, seen, pick } = setup();
    pick.click(at('click', 510, 0), el, scene);
    pick.leave();
    expect(seen).toEqual(['pick 5', 'matrix -1', 'step -1']);
  });
});
