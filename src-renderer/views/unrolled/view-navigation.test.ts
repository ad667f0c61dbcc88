import { describe, expect, it } from 'vitest';
import { ViewNavigation } from './view-navigation.svelte';

function nav(opts: { steps?: number; webgl?: boolean } = {}) {
  const playback = { step: 2, moved: 0, toggled: 0, stepBy(d: number) { this.moved += d; }, toggle() { this.toggled++; } };
  let steps = opts.steps ?? 5;
  const n = new ViewNavigation({ playback, steps: () => steps, webgl: () => opts.webgl ?? true });
  return { n, playback, setSteps: (k: number) => (steps = k) };
}

const key = (k: string, target: EventTarget | null = null) => {
  const e = new KeyboardEvent('keydown', { key: k, cancelable: true, bubbles: true });
  if (target) Object.defineProperty(e, 'target', { value: target });
  return e;
};

describe('ViewNavigation', () => {
  it('reads the hovered step first, then the picked one, then the playback cursor', () => {
    const { n } = nav();
    expect(n.focusStep).toBe(2);
    n.selected = 4;
    expect(n.focusStep).toBe(4);
    n.hovered = 1;
    expect(n.focusStep).toBe(1);
  });

  it('Enter goes into the focused copy; the 3D view waits for the camera, the flat one is there at once', () => {
    const three = nav({ webgl: true });
    three.n.onkeydown(key('Enter'));
    expect([three.n.zoomStep, three.n.selected, three.n.arrived]).toEqual([2, 2, false]);
    const flat = nav({ webgl: false });
    flat.n.enterCell(3);
    expect([flat.n.zoomStep, flat.n.arrived]).toEqual([3, true]);
  });

  it('Escape comes back out; steps outside the chain are not entered', () => {
    const { n } = nav();
    n.enterCell(7);
    expect(n.zoomStep).toBe(-1);
    n.enterCell(1);
    n.arrived = true;
    const e = key('Escape');
    n.onkeydown(e);
    expect([n.zoomStep, n.arrived, e.defaultPrevented]).toEqual([-1, false, true]);
  });

  it('the playback keys move in time and are kept from the Lab; keys typed into the view’s own inputs are theirs', () => {
    const { n, playback } = nav();
    const right = key('ArrowRight');
    n.onkeydown(right);
    expect([playback.moved, right.defaultPrevented]).toEqual([1, true]);
    const typed = key(' ', document.createElement('input'));
    n.onkeydown(typed);
    expect([playback.toggled, typed.defaultPrevented]).toEqual([0, false]);
    const enter = key('Enter', document.createElement('button'));
    n.onkeydown(enter);
    expect(n.zoomStep).toBe(-1);
  });

  it('a new, shorter chain takes the view back out of a copy it no longer has', () => {
    const { n, setSteps } = nav();
    n.enterCell(4);
    setSteps(6);
    n.fitChain();
    expect(n.zoomStep).toBe(4);
    setSteps(3);
    n.fitChain();
    expect(n.zoomStep).toBe(-1);
  });
});
