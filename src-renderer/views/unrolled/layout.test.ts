import { describe, expect, it } from 'vitest';
import { CELL_W, GATE_W } from './cell-columns';
import { chainFromDetail } from './chain-data';
import {
  ARROW_CC, ARROW_CTX, ARROW_HH, ARROW_HY, ARROW_XH, BACK_Y, GAP, IN_Y, IN_Y_LOWER, LOWER_Y, NODE_CTX, NODE_LOWER_BACK, OUT_Y, OUT_Y_BIDIR,
  TOKEN_HALF, boxCut, computeLayout, nodePosition,
} from './layout';
import { MATRIX_NAMES, matrixName, matrixOwner } from './matrix-names';
import { fakeDetail, fakeTwoLayerBidir } from './test-fixtures';

const opts = { hiddenSize: 4, bidirectional: false };
const xy = (l: ReturnType<typeof computeLayout>, node: number) => [l.unrolled[node * 3], l.unrolled[node * 3 + 1]];
const MATRIX_NAMES_INDEX = (name: string) => [...MATRIX_NAMES.keys()].find((i) => matrixName(i) === name) ?? -1;
const count = (l: ReturnType<typeof computeLayout>, kind: number) => [...l.arrowKind].filter((k) => k === kind).length;

describe('computeLayout', () => {
  it('places step t at x = t·(cell width + gap), inputs below, outputs above', () => {
    const l = computeLayout(chainFromDetail(fakeDetail({ T: 4, H: 4 }), 'many-to-many', opts), { expanded: false });
    const S = CELL_W + GAP;
    for (let t = 0; t < 4; t++) {
      expect(xy(l, l.cellNode[t])).toEqual([expect.closeTo(t * S), 0]);
      expect(xy(l, l.inNode[t])).toEqual([expect.closeTo(t * S), expect.closeTo(IN_Y)]);
      expect(xy(l, l.outNode[t])).toEqual([expect.closeTo(t * S), expect.closeTo(OUT_Y)]);
    }
    expect(count(l, ARROW_XH)).toBe(4);
    expect(count(l, ARROW_HH)).toBe(3);
    expect(count(l, ARROW_HY)).toBe(4);
  });

  it('two layers: the lower chain gets a row of its own between the inputs and the top layer, with its own matrices', () => {
    const T = 4;
    const base = fakeDetail({ T, H: 4 });
    const lower = { dhNorms: base.dhNorms, hidden: base.hidden.map((r) => r.map((v) => -v)), gates: {}, whhContrib: base.whhContrib };
    const chain = chainFromDetail({ ...base, chains: { lower } }, 'many-to-many', opts);
    expect(chain.hasLower).toBe(true);
    expect(chain.steps[2].hLower).toEqual(lower.hidden[2]);
    const l = computeLayout(chain, { expanded: false });
    const S = CELL_W + GAP;
    for (let t = 0; t < T; t++) {
      expect(xy(l, l.lowerNode[t])).toEqual([expect.closeTo(t * S), expect.closeTo(LOWER_Y)]);
      expect(xy(l, l.inNode[t])).toEqual([expect.closeTo(t * S), expect.closeTo(IN_Y_LOWER)]);
    }
    expect(l.inY).toBe(IN_Y_LOWER);
    // x → layer 1 and layer 1 → layer 2 at every step; h→h along both rows.
    expect(count(l, ARROW_XH)).toBe(2 * T);
    expect(count(l, ARROW_HH)).toBe(2 * (T - 1));
    const names = new Set<string>();
    for (let i = 0; i < l.arrowCount; i++) {
      if (l.arrowFrom[i] === l.lowerNode[1] && l.arrowTo[i] === l.cellNode[1]) expect(matrixName(l.arrowMatrix[i])).toBe('Wxh');
      if (l.arrowTo[i] === l.lowerNode[1]) names.add(matrixName(l.arrowMatrix[i]) ?? '');
    }
    expect([...names].sort()).toEqual(['Whh₁', 'Wxh₁']);
    expect(matrixOwner(MATRIX_NAMES_INDEX('Whh₁'))).toBe('ui.unrolled.owner.lower');
    // One layer: no lower row, the inputs where they were.
    const one = computeLayout(chainFromDetail(base, 'many-to-many', opts), { expanded: false });
    expect([...one.lowerNode].every((n) => n < 0)).toBe(true);
    expect(one.inY).toBe(IN_Y);
  });

  it('bidirectional two layers: four rows of T copies, layer 1’s h← row with its own matrices and arrows right to left', () => {
    const T = 5;
    const chain = chainFromDetail(fakeTwoLayerBidir(T, 4), 'many-to-many', { hiddenSize: 4, bidirectional: true });
    expect(chain.hasLowerBack).toBe(true);
    const l = computeLayout(chain, { expanded: false });
    // Per step: four copies, an input and an output.
    expect(l.nodeCount).toBe(6 * T);
    expect([...l.nodeKind].filter((k) => k === NODE_LOWER_BACK)).toHaveLength(T);
    for (let t = 0; t < T; t++) {
      const ys = [l.inNode[t], l.lowerNode[t], l.lowerBackNode[t], l.cellNode[t], l.backNode[t], l.outNode[t]].map((n) => xy(l, n)[1]);
      // Bottom to top: x, h→¹, h←¹, h→², h←², y; every copy of a step in its column.
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      expect(new Set(ys).size).toBe(6);
      expect(xy(l, l.lowerBackNode[t])[0]).toBeCloseTo(xy(l, l.cellNode[t])[0]);
    }
    // x → both layer-1 rows, both layer-1 rows → both top rows; h→h along four rows; two h→y per step.
    expect(count(l, ARROW_XH)).toBe(6 * T);
    expect(count(l, ARROW_HH)).toBe(4 * (T - 1));
    expect(count(l, ARROW_HY)).toBe(2 * T);
    const into = (node: number, kind: number) => {
      const from: number[] = [];
      for (let i = 0; i < l.arrowCount; i++) if (l.arrowTo[i] === node && l.arrowKind[i] === kind) from.push(l.arrowFrom[i]);
      return from.sort();
    };
    for (let t = 0; t < T; t++) {
      // Both top chains read [h→¹_t ; h←¹_t]: an arrow from each lower copy.
      expect(into(l.cellNode[t], ARROW_XH)).toEqual([l.lowerNode[t], l.lowerBackNode[t]].sort());
      expect(into(l.backNode[t], ARROW_XH)).toEqual([l.lowerNode[t], l.lowerBackNode[t]].sort());
      expect(into(l.lowerBackNode[t], ARROW_XH)).toEqual([l.inNode[t]]);
      // Layer 1's h← reads h←¹_{t+1}: its h→h arrows point right to left.
      expect(into(l.lowerBackNode[t], ARROW_HH)).toEqual(t < T - 1 ? [l.lowerBackNode[t + 1]] : []);
    }
    const names = new Set<string>();
    for (let i = 0; i < l.arrowCount; i++) if (l.arrowTo[i] === l.lowerBackNode[2]) names.add(matrixName(l.arrowMatrix[i]) ?? '');
    expect([...names].sort()).toEqual(['Whh₁←', 'Wxh₁←']);
    expect(matrixOwner(MATRIX_NAMES_INDEX('Whh₁←'))).toBe('ui.unrolled.owner.lowerBackward');
    // Arrows that share a stretch of a step's column run in different lanes, so each one can be seen.
    for (let t = 0; t < T; t++) {
      const vertical: { lo: number; hi: number; lane: number }[] = [];
      for (let i = 0; i < l.arrowCount; i++) {
        if (l.arrowKind[i] === ARROW_HH || l.arrowStep[i] !== t) continue;
        const ya = xy(l, l.arrowFrom[i])[1], yb = xy(l, l.arrowTo[i])[1];
        vertical.push({ lo: Math.min(ya, yb), hi: Math.max(ya, yb), lane: l.arrowLane[i] });
      }
      for (const [j, a] of vertical.entries()) {
        for (const b of vertical.slice(j + 1)) if (a.lo < b.hi && b.lo < a.hi) expect(a.lane, `step ${t}`).not.toBeCloseTo(b.lane);
      }
    }
    // The bounds hold all six rows.
    expect(l.bounds.minY).toBeLessThanOrEqual(xy(l, l.inNode[0])[1]);
    expect(l.bounds.maxY).toBeGreaterThanOrEqual(xy(l, l.outNode[0])[1]);
  });

  it('many-to-one has one output and one h→y arrow, at the last step', () => {
    const l = computeLayout(chainFromDetail(fakeDetail({ T: 6, H: 4, outputs: 1 }), 'many-to-one', opts), { expanded: false });
    expect([...l.outNode].filter((n) => n >= 0)).toHaveLength(1);
    expect(l.outNode[5]).toBeGreaterThanOrEqual(0);
    expect(count(l, ARROW_HY)).toBe(1);
  });

  it('one-to-many has one input arrow and T outputs', () => {
    const l = computeLayout(chainFromDetail(fakeDetail({ T: 5, H: 4, inputs: 1 }), 'one-to-many', opts), { expanded: false });
    expect(count(l, ARROW_XH)).toBe(1);
    expect(count(l, ARROW_HY)).toBe(5);
  });

  it('encoder-decoder: a context vector bridges the gap, no h→h arrow crosses it', () => {
    const c = chainFromDetail(fakeDetail({ T: 7, H: 4, inputs: 4, outputs: 3 }), 'encoder-decoder', opts);
    const l = computeLayout(c, { expanded: false });
    const S = l.spacing;
    const ctx = [...l.nodeKind].indexOf(NODE_CTX);
    expect(xy(l, ctx)[0]).toBeCloseTo(4 * S);
    expect(xy(l, l.cellNode[3])[0]).toBeCloseTo(3 * S);
    expect(xy(l, l.cellNode[4])[0]).toBeCloseTo(5 * S);
    expect(count(l, ARROW_CTX)).toBe(2);
    expect(count(l, ARROW_HH)).toBe(3 + 2);
    expect(count(l, ARROW_HY)).toBe(3);
  });

  it('bidirectional: a mirrored chain above whose h→h arrows point right to left, both feeding each output', () => {
    const c = chainFromDetail(fakeDetail({ T: 4, H: 4 }), 'many-to-many', { hiddenSize: 4, bidirectional: true });
    const l = computeLayout(c, { expanded: false });
    for (let t = 0; t < 4; t++) {
      expect(xy(l, l.backNode[t])).toEqual([xy(l, l.cellNode[t])[0], expect.closeTo(BACK_Y)]);
      expect(xy(l, l.outNode[t])[1]).toBeCloseTo(OUT_Y_BIDIR);
    }
    const back = new Set([...l.backNode]);
    for (let i = 0; i < l.arrowCount; i++) {
      if (l.arrowKind[i] === ARROW_HH && back.has(l.arrowFrom[i])) {
        expect(xy(l, l.arrowTo[i])[0]).toBeLessThan(xy(l, l.arrowFrom[i])[0]);
      }
    }
    expect(count(l, ARROW_HY)).toBe(8);
    expect(count(l, ARROW_XH)).toBe(8);
  });

  it('bidirectional many-to-one reads h← of the first step', () => {
    const c = chainFromDetail(fakeDetail({ T: 4, H: 4, outputs: 1 }), 'many-to-one', { hiddenSize: 4, bidirectional: true });
    const l = computeLayout(c, { expanded: false });
    const froms = [];
    for (let i = 0; i < l.arrowCount; i++) if (l.arrowKind[i] === ARROW_HY) froms.push(l.arrowFrom[i]);
    expect(froms.sort()).toEqual([l.cellNode[3], l.backNode[0]].sort());
  });

  it('rolled: every copy of a section sits at its first cell; unroll interpolates', () => {
    const l = computeLayout(chainFromDetail(fakeDetail({ T: 5, H: 4 }), 'many-to-many', opts), { expanded: false });
    const p = [0, 0, 0];
    nodePosition(l, l.cellNode[4], 0, p);
    expect(p[0]).toBe(0);
    nodePosition(l, l.cellNode[4], 0.5, p);
    expect(p[0]).toBeCloseTo(2 * l.spacing);
    expect(l.loopNodes).toEqual([l.cellNode[0]]);
  });

  it('expanded LSTM cells are wider and carry the cell-state path', () => {
    const c = chainFromDetail(fakeDetail({ T: 3, H: 4, gates: ['i', 'f', 'g', 'o'] }), 'many-to-many', opts);
    const narrow = computeLayout(c, { expanded: false });
    const wide = computeLayout(c, { expanded: true });
    expect(wide.cellWidth).toBeGreaterThan(narrow.cellWidth);
    expect(count(wide, ARROW_CC)).toBe(2);
    expect(count(narrow, ARROW_CC)).toBe(0);
  });

  it('expanded LSTM cells with a traced c_t draw a c column between the gates and h, one column wider', () => {
    const lstm = (cells: boolean) => chainFromDetail(fakeDetail({ T: 3, H: 4, gates: ['i', 'f', 'g', 'o'], cells }), 'many-to-many', opts);
    const withC = computeLayout(lstm(true), { expanded: true });
    const withoutC = computeLayout(lstm(false), { expanded: true });
    expect(withC.columns).toEqual(['f', 'g', 'i', 'o', 'c', 'h']);
    expect(withoutC.columns).toEqual(['f', 'g', 'i', 'o', 'h']);
    expect(withC.cellWidth - withoutC.cellWidth).toBeCloseTo(GATE_W);
    expect(computeLayout(lstm(true), { expanded: false }).columns).toEqual(['h']);
    const gru = chainFromDetail(fakeDetail({ T: 3, H: 4, gates: ['r', 'z', 'n'] }), 'many-to-many', opts);
    expect(computeLayout(gru, { expanded: true }).columns).toEqual(['n', 'r', 'z', 'h']);
  });

  it('bounds cover T = 100 and the node count grows linearly', () => {
    const l = computeLayout(chainFromDetail(fakeDetail({ T: 100, H: 4 }), 'many-to-many', opts), { expanded: false });
    expect(l.bounds.maxX - l.bounds.minX).toBeCloseTo(99 * l.spacing + 2 * Math.max(CELL_W / 2, TOKEN_HALF.x), 3);
    expect(l.nodeCount).toBe(300);
  });

  it('matrix ids: the decoder and the right-to-left chain have their own Wxh and Whh; Why is one', () => {
    const ed = computeLayout(chainFromDetail(fakeDetail({ T: 7, H: 4, inputs: 4, outputs: 3 }), 'encoder-decoder', opts), { expanded: false });
    const ids = (l: ReturnType<typeof computeLayout>) => new Set([...l.arrowMatrix].map((id) => matrixName(id)));
    expect(ids(ed)).toEqual(new Set(['Wxh', 'Whh', 'Wxh′', 'Whh′', 'Why', null]));
    const bi = computeLayout(chainFromDetail(fakeDetail({ T: 3, H: 4 }), 'many-to-many', { hiddenSize: 4, bidirectional: true }), { expanded: false });
    expect(ids(bi)).toEqual(new Set(['Wxh', 'Whh', 'Wxh←', 'Whh←', 'Why']));
  });

  it('boxCut stops a line at the edge of a box', () => {
    expect(boxCut(2, 0, { x: 0.5, y: 1 })).toBeCloseTo(0.25);
    expect(boxCut(0, 4, { x: 0.5, y: 1 })).toBeCloseTo(0.25);
  });
});
