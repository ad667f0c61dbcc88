import { describe, expect, it } from 'vitest';
import { chainFromDetail } from './chain-data';
import { PALETTES } from './colour-scale';
import { computeLayout } from './layout';
import type { FrameState } from './scene/frame';
import { svgModel } from './svg-model';
import { NODE_LOWER_BACK } from './layout';
import { fakeDetail, fakeTwoLayerBidir } from './test-fixtures';

function frame(over: Partial<FrameState> = {}): FrameState {
  const chain = chainFromDetail(fakeDetail({ T: 5, H: 4 }), 'many-to-many', { hiddenSize: 4, bidirectional: false });
  return {
    chain, layout: computeLayout(chain, { expanded: false }), unroll: 1, pass: 'forward', cursor: 0, frac: 1,
    hoverMatrix: -1, selected: -1, palette: PALETTES.standard, largeLabels: false, expanded: false, ...over,
  };
}

describe('svgModel', () => {
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
});
