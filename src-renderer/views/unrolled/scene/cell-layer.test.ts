import { Color, Object3D, SRGBColorSpace } from 'three';
import { describe, expect, it } from 'vitest';
import { chainFromDetail, type ChainData } from '../chain-data';
import { divergingColour, PALETTES, parseStops } from '../colour-scale';
import { computeLayout, type ChainLayout } from '../layout';
import { fakeDetail, fakeTwoLayerBidir } from '../test-fixtures';
import { CellLayer } from './cell-layer';
import type { FrameState } from './frame';

/** The colour the layer gives a fully revealed unit of value v. */
function expected(v: number): Color {
  const rgb = divergingColour(parseStops(PALETTES.standard.diverging), v, { r: 0, g: 0, b: 0 });
  return new Color().setRGB(rgb.r, rgb.g, rgb.b, SRGBColorSpace);
}

/** Equal up to float32 rounding (values and instance colours are stored as float32). */
const near = (a: Color, b: Color) => Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b)) < 1e-5;

/** The backward pass with its cursor on the first step: it has reached every step, and every step's values show in full. */
function backwardFrame(chain: ChainData, layout: ChainLayout, expanded: boolean): FrameState {
  return {
    chain, layout, unroll: 1, pass: 'backward', cursor: 0, frac: 1, hoverMatrix: -1, selected: -1,
    palette: PALETTES.standard, largeLabels: false, expanded,
  };
}

function drawn(expanded: boolean) {
  const detail = fakeDetail({ T: 3, H: 4, gates: ['i', 'f', 'g', 'o'], cells: true });
  const chain = chainFromDetail(detail, 'many-to-many', { hiddenSize: 4, bidirectional: false });
  const layout = computeLayout(chain, { expanded });
  const layer = new CellLayer(chain.steps.length);
  layer.setPalette(PALETTES.standard);
  layer.setData(chain, layout);
  layer.update(backwardFrame(chain, layout, expanded), new Object3D());
  const colourAt = (t: number, column: string, k: number) => {
    const cols = layout.columns.length, n = layer.unitsPerColumn;
    return layer.units.getColorAt((t * cols + layout.columns.indexOf(column)) * n + k, new Color());
  };
  return { detail, layout, layer, colourAt };
}

describe('CellLayer', () => {
  it('expanded LSTM cells colour a c column by c_t on the hidden-state scale, ends taken past ±1', () => {
    const { detail, layer, colourAt } = drawn(true);
    expect(layer.unitsPerColumn).toBe(4);
    expect(layer.units.count).toBe(3 * 6 * 4);
    const c = detail.cells!;
    for (const [t, k] of [[0, 1], [1, 0], [2, 3]]) {
      expect(near(colourAt(t, 'c', k), expected(c[t][k]))).toBe(true);
      expect(near(colourAt(t, 'h', k), expected(detail.hidden[t][k]))).toBe(true);
    }
    // c_0 unit 3 is about 1.49: the +1 end colour.
    expect(c[0][3]).toBeGreaterThan(1);
    expect(near(colourAt(0, 'c', 3), expected(1))).toBe(true);
    layer.dispose();
  });

  it('compact cells draw h alone', () => {
    const { layer } = drawn(false);
    expect(layer.units.count).toBe(3 * 4);
    layer.dispose();
  });

  it('two layers: the lower chain gets a row of copies coloured by layer 1’s h_t', () => {
    const detail = fakeDetail({ T: 3, H: 4 });
    const lowerHidden = detail.hidden.map((r) => r.map((v) => -v));
    const lower = { dhNorms: detail.dhNorms, hidden: lowerHidden, gates: {}, whhContrib: detail.whhContrib };
    const chain = chainFromDetail({ ...detail, chains: { lower } }, 'many-to-many', { hiddenSize: 4, bidirectional: false });
    const layout = computeLayout(chain, { expanded: false });
    const layer = new CellLayer(chain.steps.length * 3);
    layer.setPalette(PALETTES.standard);
    layer.setData(chain, layout);
    layer.update(backwardFrame(chain, layout, false), new Object3D());
    // Three copies of each cell, top and lower: units of both rows, and six frames.
    expect(layer.frames.count).toBe(6);
    expect(layer.units.count).toBe(2 * 3 * 4);
    // Nodes go cell, lower, input per step: units come in that order, 4 per copy.
    const n = layer.unitsPerColumn;
    for (let t = 0; t < 3; t++) {
      for (let k = 0; k < n; k++) {
        expect(near(layer.units.getColorAt((2 * t) * n + k, new Color()), expected(detail.hidden[t][k]))).toBe(true);
        expect(near(layer.units.getColorAt((2 * t + 1) * n + k, new Color()), expected(lowerHidden[t][k]))).toBe(true);
      }
    }
    layer.dispose();
  });

  it('bidirectional two layers: four rows of copies, layer 1’s h← row coloured by h←¹_t, every row with gradient markers', () => {
    const T = 3;
    const detail = fakeTwoLayerBidir(T, 4);
    const chain = chainFromDetail(detail, 'many-to-many', { hiddenSize: 4, bidirectional: true });
    const layout = computeLayout(chain, { expanded: false });
    const layer = new CellLayer(T * 4);
    layer.setPalette(PALETTES.standard);
    layer.setData(chain, layout);
    layer.update(backwardFrame(chain, layout, false), new Object3D());
    expect(layer.frames.count).toBe(4 * T);
    const n = layer.unitsPerColumn;
    expect(layer.units.count).toBe(4 * T * n);
    // Nodes go top h→, top h←, layer 1 h→, layer 1 h← per step: the fourth block of units is layer 1's h←.
    const rows = [detail.hidden, detail.chains!.backward!.hidden, detail.chains!.lower!.hidden, detail.chains!.lowerBackward!.hidden];
    for (let t = 0; t < T; t++) {
      for (const [r, hidden] of rows.entries()) {
        for (let k = 0; k < n; k++) expect(near(layer.units.getColorAt((4 * t + r) * n + k, new Color()), expected(hidden[t][k])), `step ${t} row ${r} unit ${k}`).toBe(true);
      }
    }
    // The backward pass has reached every step: one ‖∂L/∂h_t‖ marker per copy of each row.
    expect(layer.grads.count).toBe(4 * T);
    layer.dispose();
  });
});
