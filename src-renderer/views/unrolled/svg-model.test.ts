import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../i18n/i18n.svelte';
import { chainFromDetail } from './chain-data';
import { PALETTES } from './colour-scale';
import { computeLayout } from './layout';
import type { FrameState } from './scene/frame';
import { sceneWords } from './scene/scene-words';
import { svgModel as svgModelIn } from './svg-model';
import { NODE_LOWER_BACK } from './layout';
import { fakeDetail, fakeTwoLayerBidir } from './test-fixtures';

function frame(over: Partial<FrameState> = {}): FrameState {
  const chain = chainFromDetail(fakeDetail({ T: 5, H: 4 }), 'many-to-many', { hiddenSize: 4, bidirectional: false });
  return {
    chain, layout: computeLayout(chain, { expanded: false }), unroll: 1, pass: 'forward', cursor: 0, frac: 1,
    hoverMatrix: -1, selected: -1, palette: PALETTES.standard, largeLabels: false, expanded: false, ...over,
  };
}

/** The diagram with the row titles of the current language. */
const svgModel = (f: FrameState) => svgModelIn(f, sceneWords());

/** A model of `T` steps with the given rows traced: layer 1 (`lower`), right to left (`bidir`), or both. */
function model(T: number, rows: { lower?: boolean; bidir?: boolean }): FrameState {
  const base = fakeDetail({ T, H: 4 });
  const traced = fakeTwoLayerBidir(T, 4).chains!;
  const chains = { ...(rows.bidir ? { backward: traced.backward } : {}), ...(rows.lower ? { lower: traced.lower } : {}), ...(rows.bidir && rows.lower ? { lowerBackward: traced.lowerBackward } : {}) };
  const chain = chainFromDetail({ ...base, chains }, 'many-to-many', { hiddenSize: 4, bidirectional: !!rows.bidir });
  return frame({ chain, layout: computeLayout(chain, { expanded: false }) });
}

/** The world y of row `nodes`' first copy. */
const rowY = (f: FrameState, nodes: Int32Array | readonly number[]) => f.layout.unrolled[nodes[0] * 3 + 1];

describe('svgModel', () => {
  afterEach(() => locale.set('en'));

  it('forward pass: every copy shows its values; steps the pass has not reached yet are dimmed, not grey', () => {
    const m = svgModel(frame({ cursor: 1 }));
    const full = svgModel(frame({ cursor: 4 }));
    const pending = PALETTES.standard.pending;
    expect(m.units.every((u) => u.fill !== pending)).toBe(true);
    m.units.forEach((u, i) => {
      if (u.step <= 1) expect(u.fill).toBe(full.units[i].fill);
      else expect(u.fill).not.toBe(full.units[i].fill);
    });
    expect(m.circles).toHaveLength(0);
  });

  it('backward pass: every step has its gradient marker, shrinking from the last step back; unreached ones are dimmed', () => {
    const m = svgModel(frame({ pass: 'backward', cursor: 2 }));
    const done = svgModel(frame({ pass: 'backward', cursor: 0 }));
    expect(m.circles).toHaveLength(5);
    const r = m.circles.map((c) => c.r);
    expect(r[0]).toBeLessThan(r[4]);
    expect(m.circles.map((c) => c.r)).toEqual(done.circles.map((c) => c.r));
    expect(m.circles[4].fill).toBe(done.circles[4].fill);
    expect(m.circles[1].fill).not.toBe(done.circles[1].fill);
  });

  it('hovering a matrix highlights every arrow of that kind', () => {
    const m = svgModel(frame({ hoverMatrix: 1 }));
    const hh = m.lines.filter((l) => l.kind === 1);
    expect(hh).toHaveLength(4);
    expect(hh.every((l) => l.stroke === PALETTES.standard.highlight)).toBe(true);
    expect(m.lines.filter((l) => l.kind !== 1).every((l) => l.stroke !== PALETTES.standard.highlight)).toBe(true);
  });

  it('bidirectional two layers: every copy of all four rows drawn with its own values; each row’s gradient markers', () => {
    const T = 4;
    const chain = chainFromDetail(fakeTwoLayerBidir(T, 4), 'many-to-many', { hiddenSize: 4, bidirectional: true });
    const layout = computeLayout(chain, { expanded: false });
    const f = frame({ chain, layout });
    const m = svgModel(f);
    expect(m.frames).toHaveLength(4 * T);
    // Units of layer 1's h← copies: at its row's height, coloured by h←¹_t (differing from step to step).
    const y0 = layout.unrolled[layout.lowerBackNode[0] * 3 + 1];
    const rowUnits = m.units.filter((u) => Math.abs(u.y + u.h / 2 - y0) < 1.2);
    expect(new Set(rowUnits.map((u) => u.step))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(rowUnits.map((u) => u.fill)).size).toBeGreaterThan(3);
    const other = svgModel(frame({ chain: chainFromDetail({ ...fakeTwoLayerBidir(T, 4), chains: { ...fakeTwoLayerBidir(T, 4).chains, lowerBackward: undefined } }, 'many-to-many', { hiddenSize: 4, bidirectional: true }), layout }));
    // Without layer 1's h← trace those copies are pending grey: the colours above came from that chain.
    const pendingRow = other.units.filter((u) => Math.abs(u.y + u.h / 2 - y0) < 1.2);
    expect(pendingRow.every((u) => u.fill === PALETTES.standard.pending)).toBe(true);
    // Backward pass: a ‖∂L/∂h_t‖ marker per copy of every row, right of the right-to-left copies.
    const back = svgModel({ ...f, pass: 'backward', cursor: 0 });
    expect(back.circles).toHaveLength(4 * T);
    const x0 = layout.unrolled[layout.lowerBackNode[0] * 3];
    expect(back.circles.some((c) => Math.abs(c.y - y0) < 1e-6 && c.x > x0)).toBe(true);
    expect([...layout.nodeKind].filter((k) => k === NODE_LOWER_BACK)).toHaveLength(T);
  });

  it('rolled: one cell drawn', () => {
    const m = svgModel(frame({ unroll: 0 }));
    expect(m.frames).toHaveLength(1);
  });

  describe('row titles, the words and places of the 3D scene’s', () => {
    it('one layer: a single row, no title', () => {
      expect(svgModel(model(5, {})).titles).toEqual([]);
    });

    it('two layers: layer 1 named under its row, layer 2 above its own, both from the first copy’s left edge', () => {
      const f = model(5, { lower: true });
      const m = svgModel(f);
      expect(m.titles.map((t) => t.text)).toEqual(['layer 1 reads x_t', 'layer 2 reads layer 1']);
      const [lower, upper] = m.titles;
      expect(lower.y).toBeLessThan(rowY(f, f.layout.lowerNode));
      expect(upper.y).toBeGreaterThan(rowY(f, f.layout.cellNode));
      expect(m.titles.every((t) => t.anchor === 'start' && Math.abs(t.x - (f.layout.unrolled[f.layout.cellNode[0] * 3] - f.layout.cellWidth / 2)) < 1e-6)).toBe(true);
    });

    it('bidirectional, two layers: each of the four rows named beside its first copy, level with it, inside the view box', () => {
      const f = model(4, { lower: true, bidir: true });
      const m = svgModel(f);
      const { layout } = f;
      const rows: [Int32Array | readonly number[], string][] = [
        [layout.backNode, '← layer 2, right to left'],
        [layout.cellNode, 'layer 2, left to right →'],
        [layout.lowerBackNode, '← layer 1, right to left'],
        [layout.lowerNode, 'layer 1, left to right →'],
      ];
      expect(m.titles.map((t) => t.text)).toEqual(rows.map(([, text]) => text));
      const firstX = layout.unrolled[layout.cellNode[0] * 3];
      const left = Number(m.viewBox.split(' ')[0]);
      m.titles.forEach((t, i) => {
        expect(t.anchor).toBe('end');
        expect(t.x).toBeLessThan(firstX - layout.spacing / 2);
        // Level with its row (its baseline a third of its size below the row's centre).
        expect(t.y + t.size / 3).toBeCloseTo(rowY(f, rows[i][0]));
        // The view box leaves room left of the chain for the whole title.
        expect(left).toBeLessThan(t.x - t.text.length * t.size * 0.5);
      });
      expect(left).toBeLessThan(layout.bounds.minX - 0.8);
    });

    it('bidirectional, one layer: the two directions named; rolled, the two-layer titles go with the chain', () => {
      expect(svgModel(model(4, { bidir: true })).titles.map((t) => t.text)).toEqual(['left to right →', '← right to left']);
      expect(svgModel({ ...model(4, { lower: true, bidir: true }), unroll: 0 }).titles).toEqual([]);
    });

    it('never smaller than the size asked for: a view scaled down keeps them readable, and its box makes room for them', () => {
      const f = model(4, { lower: true, bidir: true });
      const fitted = svgModel(f), least = svgModelIn(f, sceneWords(), 0.9);
      expect(least.titles.every((t) => t.size === 0.9)).toBe(true);
      expect(fitted.titles.every((t) => t.size < 0.9)).toBe(true);
      expect(Number(least.viewBox.split(' ')[0])).toBeLessThan(Number(fitted.viewBox.split(' ')[0]));
    });

    it('in the current language', () => {
      locale.set('fr');
      expect(svgModel(model(4, { lower: true, bidir: true })).titles.map((t) => t.text)).toContain('← couche 1, de droite à gauche');
      locale.set('es');
      expect(svgModel(model(4, { lower: true })).titles.map((t) => t.text)).toEqual(['capa 1, lee x_t', 'capa 2, lee la 1']);
    });
  });
});
