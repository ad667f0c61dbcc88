import { describe, expect, it } from 'vitest';
import { chainFromDetail } from './chain-data';
import { PALETTES } from './colour-scale';
import { computeLayout } from './layout';
import type { FrameState } from './scene/frame';
import { svgModel } from './svg-model';
import { fakeDetail } from './test-fixtures';

function frame(over: Partial<FrameState> = {}): FrameState {
  const chain = chainFromDetail(fakeDetail({ T: 5, H: 4 }), 'many-to-many', { hiddenSize: 4, bidirectional: false });
  return {
    chain, layout: computeLayout(chain, { expanded: false }), unroll: 1, pass: 'forward', cursor: 0, frac: 1,
    hoverMatrix: -1, selected: -1, palette: PALETTES.standard, largeLabels: false, expanded: false, ...over,
  };
}

describe('svgModel', () => {
  it('forward pass: units of steps after the cursor are still pending', () => {
    const m = svgModel(frame({ cursor: 1 }));
    const pending = PALETTES.standard.pending;
    expect(m.units.filter((u) => u.step <= 1).every((u) => u.fill !== pending)).toBe(true);
    expect(m.units.filter((u) => u.step > 1).every((u) => u.fill === pending)).toBe(true);
    expect(m.circles).toHaveLength(0);
  });

  it('backward pass: gradient markers appear from the last step back to the cursor, shrinking', () => {
    const m = svgModel(frame({ pass: 'backward', cursor: 2 }));
    expect(m.circles).toHaveLength(3);
    const r = m.circles.map((c) => c.r);
    expect(r[0]).toBeLessThan(r[2]);
  });

  it('hovering a matrix highlights every arrow of that kind', () => {
    const m = svgModel(frame({ hoverMatrix: 1 }));
    const hh = m.lines.filter((l) => l.kind === 1);
    expect(hh).toHaveLength(4);
    expect(hh.every((l) => l.stroke === PALETTES.standard.highlight)).toBe(true);
    expect(m.lines.filter((l) => l.kind !== 1).every((l) => l.stroke !== PALETTES.standard.highlight)).toBe(true);
  });

  it('rolled: one cell drawn', () => {
    const m = svgModel(frame({ unroll: 0 }));
    expect(m.frames).toHaveLength(1);
  });
});
