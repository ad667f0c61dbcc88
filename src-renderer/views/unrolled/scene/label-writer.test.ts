import { Object3D, type Color } from 'three';
import { describe, expect, it } from 'vitest';
import { chainFromDetail } from '../chain-data';
import { PALETTES } from '../colour-scale';
import { computeLayout } from '../layout';
import { fakeDetail, fakeTwoLayerBidir } from '../test-fixtures';
import type { ArrowLayer } from './arrow-layer';
import type { FrameState } from './frame';
import type { LabelLayer } from './label-layer';
import { LabelWriter } from './label-writer';
import { sceneWords } from './scene-words';

interface Call { text: string; x: number; y: number; align: number; under: boolean }

/** A label layer that records what it is asked to draw, in order (the real one places them in that order). */
function recorder() {
  const calls: Call[] = [];
  const layer = {
    begin() {},
    end() {},
    add(_d: Object3D, text: string, x: number, y: number, _z: number, _h: number, _c: Color, align = 0) {
      calls.push({ text, x, y, align, under: false });
    },
    addUnder(_d: Object3D, text: string) {
      calls.push({ text, x: NaN, y: NaN, align: 0, under: true });
    },
  };
  return { calls, layer: layer as unknown as LabelLayer };
}

const noArrows = { drawn: 0, midArrow: new Int32Array(0), mid: new Float32Array(0) } as unknown as ArrowLayer;

function write(detail: ReturnType<typeof fakeDetail>, bidirectional: boolean) {
  const chain = chainFromDetail(detail, 'many-to-many', { hiddenSize: 4, bidirectional });
  const layout = computeLayout(chain, { expanded: false });
  const f: FrameState = {
    chain, layout, unroll: 1, pass: 'forward', cursor: 0, frac: 1, hoverMatrix: -1, selected: -1,
    palette: PALETTES.standard, largeLabels: false, expanded: false,
  };
  const { calls, layer } = recorder();
  new LabelWriter(sceneWords()).write(f, layer, noArrows, new Object3D());
  return { calls, layout };
}

describe('LabelWriter', () => {
  it('bidirectional two layers: the four row titles come first (they win any overlap), each beside its row, left of it', () => {
    const { calls, layout } = write(fakeTwoLayerBidir(4, 4), true);
    const w = sceneWords();
    const rows = [
      [w.upperBackward, layout.backNode[0]],
      [w.upperForward, layout.cellNode[0]],
      [w.lowerBackward, layout.lowerBackNode[0]],
      [w.lowerForward, layout.lowerNode[0]],
    ] as const;
    rows.forEach(([title, node], i) => {
      const c = calls[i];
      expect(c.text).toBe(title);
      expect(c.y).toBeCloseTo(layout.unrolled[node * 3 + 1]);
      // Right-aligned, ending left of the first copy (and of its gradient marker).
      expect(c.align).toBe(1);
      expect(c.x).toBeLessThan(layout.bounds.minX);
    });
    expect(layout.titlesBeside).toBe(true);
  });

  it('every step number is stacked under its token (addUnder right after the token)', () => {
    const { calls } = write(fakeDetail({ T: 5, H: 4 }), false);
    for (let t = 0; t < 5; t++) {
      const i = calls.findIndex((c) => c.text === `w${t}`);
      expect(calls[i + 1]).toMatchObject({ text: String(t + 1), under: true });
    }
  });
});
