import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { placeholderChain } from './chain-data';
import { PALETTES } from './colour-scale';
import { computeLayout } from './layout';
import { Playback } from './playback.svelte';
import { stubResizeObserver } from './test-fixtures';
import UnrolledCanvas from './UnrolledCanvas.svelte';

/** jsdom has no WebGL: a scene that records what the component asks of it (hoisted with vi.mock). */
const { FakeScene, scenes } = vi.hoisted(() => {
  const scenes: InstanceType<typeof FakeScene>[] = [];
  class FakeScene {
    views = 0;
    renders = 0;
    ready = true;
    lastCalls = 9;
    unitsPerColumn = 4;
    writeStats(out: DOMStringMap) {
      out.drawCalls = String(this.lastCalls);
      out.units = String(this.unitsPerColumn);
    }
    readonly glCanvas = document.createElement('canvas');
    constructor() {
      scenes.push(this);
    }
    setPalette() {}
    setWords() {}
    setLayout() {}
    setData() {}
    update() {}
    render() {
      this.renders++;
    }
    resize() {}
    view() {
      this.views++;
    }
    follow() {}
    flyToCell() {}
    tick() {
      return false;
    }
    pickStep() {
      return -1;
    }
    pickMatrix() {
      return -1;
    }
    toPng() {
      return 'data:image/png;base64,';
    }
    dispose() {}
  }
  return { FakeScene, scenes };
});
vi.mock('./scene/unrolled-scene', () => ({ UnrolledScene: FakeScene }));

let app: ReturnType<typeof mount> | null = null;

function render(software: boolean) {
  const chain = placeholderChain('many-to-many', { hiddenSize: 4, bidirectional: false });
  const playback = new Playback();
  playback.setLength(chain.steps.length);
  const target = document.createElement('div');
  document.body.append(target);
  const noop = () => {};
  const props = $state({
    chain, layout: computeLayout(chain, { expanded: false }), playback, unrolled: true, expanded: false, selected: -1, hoverMatrix: -1,
    palette: PALETTES.standard, largeLabels: false, reducedMotion: true, software, preset: 'front' as const, viewToken: 0, zoomStep: -1, onarrive: () => {},
    onhoverstep: noop, onpickstep: noop, onhovermatrix: noop, onfail: noop,
  });
  app = mount(UnrolledCanvas, { target, props });
  flushSync();
  return { props, playback, scene: scenes.at(-1)!, host: target.querySelector('[data-testid="unrolled-webgl"]') as HTMLElement };
}

/** Let pending frames and draws run (software frames are tasks; hardware ones animation frames). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('UnrolledCanvas', () => {
  beforeAll(() => {
    stubResizeObserver();
  });
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    vi.useRealTimers();
  });

  it('software WebGL: updates in one task and draws in the next, then shows the test hooks', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const { scene, host } = render(true);
    expect(scene.renders).toBe(0);
    vi.advanceTimersToNextTimer();
    expect(scene.renders).toBe(0);
    vi.advanceTimersToNextTimer();
    expect(scene.renders).toBe(1);
    expect(host.dataset.drawCalls).toBe('9');
    expect(host.dataset.units).toBe('4');
  });

  it('playing or pausing does not re-frame the camera (a learner who orbited keeps the view)', async () => {
    for (const software of [true, false]) {
      const { props, playback, scene } = render(software);
      await settle();
      // The reset button, pressed while no frame is pending: the camera is framed once more.
      props.viewToken++;
      flushSync();
      const views = scene.views;
      await settle();
      playback.toggle();
      flushSync();
      playback.toggle();
      flushSync();
      expect(scene.views).toBe(views);
      if (app) unmount(app);
      app = null;
    }
  });
});
