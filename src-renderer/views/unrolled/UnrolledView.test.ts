import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src-shared/protocol/training-config';
import { standaloneSvg } from './svg-raster';
import { fakeDetail, fakeTwoLayerBidir, stubResizeObserver } from './test-fixtures';
import UnrolledView from './UnrolledView.svelte';

let app: ReturnType<typeof mount> | null = null;

function render(props: Record<string, unknown>) {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(UnrolledView, { target, props: { config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4 }, detail: null, ...props } });
  flushSync();
  return target;
}

const q = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;

describe('UnrolledView', () => {
  beforeAll(() => {
    // jsdom has no WebGL: getContext returns null, exactly what the fallback must handle.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    stubResizeObserver();
  });
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    document.body.innerHTML = '';
  });

  it('without WebGL says so and draws the SVG diagram of the chain', () => {
    const root = render({ detail: fakeDetail({ T: 5, H: 4, outputs: 1 }) });
    expect(q(root, 'unrolled-view').dataset.mode).toBe('svg');
    expect(root.textContent).toMatch(/3D view is not available/);
    const svg = q(root, 'unrolled-svg');
    expect(svg).toBeTruthy();
    // 5 cells with 4 units each
    expect(svg.querySelectorAll('rect').length).toBeGreaterThanOrEqual(5 + 20);
    expect(svg.textContent).toContain('w0');
    expect(svg.textContent).toContain('y0');
  });

  it('arrow keys move the cursor through time and space toggles play; the live region describes the state', () => {
    const root = render({ detail: fakeDetail({ T: 4, H: 4 }), shape: 'many-to-many', forceFallback: true });
    const view = q(root, 'unrolled-view');
    expect(q(root, 'unrolled-live').textContent).toMatch(/Forward pass, step 1 of 4: input “w0”/);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(q(root, 'unrolled-live').textContent).toMatch(/step 2 of 4/);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    flushSync();
    expect(q(root, 'unrolled-live').textContent).toMatch(/Backward pass, step 1 of 4: the gradient reaching this state has norm 0\.343/);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    flushSync();
    expect(q(root, 'unrolled-play').textContent?.trim()).toBe('Pause');
  });

  it('one story with clicker keys: PageDown fills the forward pass, then each backward step adds a copy\'s share into the Whh badge', () => {
    const root = render({ detail: fakeDetail({ T: 4, H: 4 }), shape: 'many-to-many', forceFallback: true });
    const view = q(root, 'unrolled-view');
    const key = (k: string) => {
      view.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      flushSync();
    };
    for (let i = 0; i < 3; i++) key('PageDown');
    expect(q(root, 'unrolled-live').textContent).toMatch(/Forward pass, step 4 of 4/);
    expect(q(root, 'whh-badge')).toBeNull();
    key('PageDown');
    expect(q(root, 'unrolled-live').textContent).toMatch(/Backward pass, step 4 of 4/);
    expect(q(root, 'whh-badge').dataset.added).toBe('1');
    key('PageDown');
    key('PageDown');
    expect(q(root, 'whh-badge').dataset.added).toBe('3');
    expect(q(root, 'whh-badge').textContent).toMatch(/3 of 4 copies added, Σ‖share‖ = 0\.300/);
    key('PageUp');
    expect(q(root, 'whh-badge').dataset.added).toBe('2');
  });

  it('Enter opens the copy at the cursor as data flow with its live values, and Escape goes back to the chain', () => {
    const root = render({ detail: fakeDetail({ T: 4, H: 4, gates: ['f', 'g', 'i', 'o'], cells: true }), config: { ...DEFAULT_CONFIG, cell: 'lstm', hiddenSize: 4 }, shape: 'many-to-many', forceFallback: true });
    const view = q(root, 'unrolled-view');
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    flushSync();
    const flow = q(root, 'cell-flow');
    expect(flow.dataset.cell).toBe('lstm');
    expect(flow.dataset.step).toBe('1');
    const live = [...flow.querySelectorAll('g.wire[data-values="live"]')].map((g) => g.getAttribute('data-label'));
    for (const name of ['f_t', 'i_t', 'g_t', 'o_t', 'c_t', 'c_t−1', 'f_t ⊙ c_t−1', 'h_t']) expect(live).toContain(name);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(q(root, 'cell-flow')).toBeNull();
  });

  it('reads out x_t, h_t, y_t and ‖∂L/∂h_t‖ with the actual numbers', () => {
    const d = fakeDetail({ T: 3, H: 4 });
    const root = render({ detail: d, shape: 'many-to-many', forceFallback: true });
    const text = q(root, 'unrolled-readout').textContent ?? '';
    expect(text).toContain('w0');
    expect(text).toContain(d.hidden[0][1].toFixed(2).replace('-', '−'));
    expect(text).toContain('y0 (target z0)');
    expect(text).toContain('0.490');
  });

  it('for an LSTM also reads out the cell state c_t with the same number format as h_t, and describes it', () => {
    const d = fakeDetail({ T: 3, H: 4, gates: ['i', 'f', 'g', 'o'], cells: true });
    const root = render({ detail: d, config: { ...DEFAULT_CONFIG, cell: 'lstm', hiddenSize: 4 }, shape: 'many-to-many', forceFallback: true });
    const readout = q(root, 'unrolled-readout');
    const row = [...readout.querySelectorAll('dt')].find((dt) => dt.textContent === 'c_t (cell state)');
    const fmt = (v: number) => v.toFixed(2).replace('-', '−');
    expect(row?.nextElementSibling?.textContent).toBe(`[${d.cells![0].map(fmt).join(', ')}]`);
    expect(readout.textContent).toContain('h, c value ≤ −1');
    expect(q(root, 'unrolled-live').textContent).toContain(`cell state [${d.cells![0].slice(0, 3).map(fmt).join(', ')}, … 1 more]`);
    // Moving to step 2 reads out that step's c_t.
    q(root, 'unrolled-view').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(row?.nextElementSibling?.textContent).toBe(`[${d.cells![1].map(fmt).join(', ')}]`);
  });

  it('has no cell-state row for a vanilla RNN', () => {
    const root = render({ detail: fakeDetail({ T: 3, H: 4 }), shape: 'many-to-many', forceFallback: true });
    const text = q(root, 'unrolled-readout').textContent ?? '';
    expect(text).not.toContain('cell state');
    expect(text).toContain('h value −1');
  });

  it('for a bidirectional run reads out h←_t as numbers, per step, next to h→_t', () => {
    const d = fakeDetail({ T: 3, H: 4, hiddenBackward: true });
    const root = render({ detail: d, config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4, bidirectional: true }, shape: 'many-to-many', forceFallback: true });
    const readout = q(root, 'unrolled-readout');
    const valueOf = (label: string) => [...readout.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling;
    const fmt = (v: number) => v.toFixed(2).replace('-', '−');
    expect(readout.textContent).not.toContain('not in the trace');
    expect(valueOf('h→_t')?.textContent).toBe(`[${d.hidden[0].map(fmt).join(', ')}]`);
    expect(valueOf('h←_t')?.textContent).toBe(`[${d.hiddenBackward![0].map(fmt).join(', ')}]`);
    // Moving to step 2 reads out that step's h←_t.
    q(root, 'unrolled-view').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(valueOf('h←_t')?.textContent).toBe(`[${d.hiddenBackward![1].map(fmt).join(', ')}]`);
  });

  it('for a bidirectional two-layer run also reads out layer 1’s h→¹_t and h←¹_t at the cursor step', () => {
    const d = fakeTwoLayerBidir(3, 4);
    const root = render({ detail: d, config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4, layers: 2, bidirectional: true }, shape: 'many-to-many', forceFallback: true });
    const readout = q(root, 'unrolled-readout');
    const valueOf = (label: string) => [...readout.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent;
    const fmt = (row: number[]) => `[${row.map((v) => v.toFixed(2).replace('-', '−')).join(', ')}]`;
    const { lower, lowerBackward } = d.chains!;
    expect(valueOf('h→¹_t (layer 1)')).toBe(fmt(lower!.hidden[0]));
    expect(valueOf('h←¹_t (layer 1)')).toBe(fmt(lowerBackward!.hidden[0]));
    q(root, 'unrolled-view').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(valueOf('h→¹_t (layer 1)')).toBe(fmt(lower!.hidden[1]));
    expect(valueOf('h←¹_t (layer 1)')).toBe(fmt(lowerBackward!.hidden[1]));
  });

  it('a one-layer run lists no layer-1 rows', () => {
    const root = render({ detail: fakeDetail({ T: 3, H: 4 }), config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4, bidirectional: true }, shape: 'many-to-many', forceFallback: true });
    expect(q(root, 'unrolled-readout').textContent).not.toContain('layer 1');
  });

  it('says h←_t is not in the trace when a bidirectional run\'s trainer sends no backward states', () => {
    const root = render({ detail: fakeDetail({ T: 3, H: 4 }), config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4, bidirectional: true }, shape: 'many-to-many', forceFallback: true });
    expect(q(root, 'unrolled-readout').textContent).toContain('not in the trace');
  });

  it('shows the parameter formula and the engine count', () => {
    const root = render({ detail: fakeDetail({ T: 3, H: 4 }), shape: 'many-to-many', forceFallback: true, inputSize: 5, outputSize: 2, paramCount: 48 });
    const text = q(root, 'unrolled-readout').textContent ?? '';
    expect(text).toContain('H·I + H·H + H = 4·5 + 4·4 + 4 = 40');
    expect(text).toContain('O·H + O = 2·4 + 2 = 10');
    expect(text).toContain('reports 48 parameters');
  });

  it('pointing at a Whh arrow names the shared matrix and lights every Whh arrow', () => {
    const root = render({ detail: fakeDetail({ T: 4, H: 4 }), shape: 'many-to-many', forceFallback: true });
    const whh = [...q(root, 'unrolled-svg').querySelectorAll('line.matrix')].find((l) => l.getAttribute('y1') === l.getAttribute('y2'))!;
    whh.dispatchEvent(new Event('pointerenter'));
    flushSync();
    expect(q(root, 'unrolled-readout').textContent).toMatch(/Whh is one matrix/);
    const lit = [...q(root, 'unrolled-svg').querySelectorAll('line')].filter((l) => l.getAttribute('stroke') === '#0a7d6e');
    expect(lit).toHaveLength(3);
  });

  it('the unroll toggle folds the chain into one cell with its loop', () => {
    const root = render({ detail: fakeDetail({ T: 6, H: 4 }), shape: 'many-to-many', forceFallback: true });
    const before = q(root, 'unrolled-svg').querySelectorAll('rect').length;
    (q(root, 'unrolled-toggle') as HTMLInputElement).click();
    flushSync();
    const svg = q(root, 'unrolled-svg');
    expect(svg.querySelectorAll('rect').length).toBeLessThan(before / 3);
    expect(svg.querySelector('path:not(marker path)')).toBeTruthy();
    expect(q(root, 'unrolled-live').textContent).toMatch(/Rolled view/);
  });

  it('keeps recent details for the history scrubber and follows the newest by default', async () => {
    const root = render({ detail: fakeDetail({ T: 3, H: 4, step: 1 }), shape: 'many-to-many', forceFallback: true });
    expect(root.textContent).toMatch(/Training step 1 \(newest\)/);
  });

  it('the flat diagram offers a PNG export, like the 3D view, from a well-formed standalone SVG', () => {
    const root = render({ detail: fakeDetail({ T: 4, H: 4 }), shape: 'many-to-many', forceFallback: true });
    const exportButton = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith('Export'));
    expect(exportButton?.textContent?.trim()).toBe('Export PNG');
    const live = q(root, 'unrolled-svg') as unknown as SVGSVGElement;
    const doc = new DOMParser().parseFromString(standaloneSvg(live, 800, 300), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('width')).toBe('800');
    expect(doc.querySelectorAll('rect').length).toBe(live.querySelectorAll('rect').length);
    expect(doc.documentElement.textContent).toContain('w0');
  });
});
