import { describe, expect, it } from 'vitest';
import { chainFromDetail, placeholderChain } from './chain-data';
import { fakeDetail } from './test-fixtures';

const opts = { hiddenSize: 4, bidirectional: false };

describe('chainFromDetail', () => {
  it('many-to-one: one step per input, the output only at the last step', () => {
    const c = chainFromDetail(fakeDetail({ T: 5, H: 4, outputs: 1 }), 'many-to-one', opts);
    expect(c.steps).toHaveLength(5);
    expect(c.steps.map((s) => s.y)).toEqual([null, null, null, null, 'y0']);
    expect(c.steps[4].target).toBe('z0');
    expect(c.steps[0].x).toBe('w0');
    expect(c.steps[2].dhNorm).toBeCloseTo(0.49);
  });

  it('many-to-many: an output at every step', () => {
    const c = chainFromDetail(fakeDetail({ T: 3, H: 4 }), 'many-to-many', opts);
    expect(c.steps.map((s) => s.y)).toEqual(['y0', 'y1', 'y2']);
  });

  it('one-to-many: the input only at the first step, outputs at every step', () => {
    const c = chainFromDetail(fakeDetail({ T: 4, H: 4, inputs: 1 }), 'one-to-many', opts);
    expect(c.steps.map((s) => s.x)).toEqual(['w0', null, null, null]);
    expect(c.steps.every((s) => s.y !== null)).toBe(true);
  });

  it('encoder-decoder: encoder then decoder; the decoder reads <bos> then the previous target', () => {
    const d = fakeDetail({ T: 7, H: 4, inputs: 4, outputs: 3, targets: 3 });
    const c = chainFromDetail(d, 'encoder-decoder', opts);
    expect(c.encoderLength).toBe(4);
    expect(c.steps.map((s) => s.section)).toEqual(['encoder', 'encoder', 'encoder', 'encoder', 'decoder', 'decoder', 'decoder']);
    expect(c.steps.slice(4).map((s) => s.x)).toEqual(['<bos>', 'z0', 'y1']);
    expect(c.steps[4].h).toEqual(d.hidden[4]);
    expect(c.steps[4].local).toBe(0);
  });

  it('encoder-decoder with an encoder-only trace leaves the decoder states unrecorded', () => {
    const d = fakeDetail({ T: 4, H: 4, inputs: 4, outputs: 2, targets: 2 });
    const c = chainFromDetail(d, 'encoder-decoder', opts);
    expect(c.steps[3].h).toEqual(d.hidden[3]);
    expect(c.steps[4].h).toBeNull();
    expect(c.steps[4].dhNorm).toBeNaN();
  });

  it('bidirectional: rows of 2H are split into h→ and h←', () => {
    const d = fakeDetail({ T: 3, H: 4, rowLen: 8 });
    const c = chainFromDetail(d, 'many-to-many', { hiddenSize: 4, bidirectional: true });
    expect(c.hasBackStates).toBe(true);
    expect(c.steps[1].h).toEqual(d.hidden[1].slice(0, 4));
    expect(c.steps[1].hBack).toEqual(d.hidden[1].slice(4));
    const fwdOnly = chainFromDetail(fakeDetail({ T: 3, H: 4 }), 'many-to-many', { hiddenSize: 4, bidirectional: true });
    expect(fwdOnly.hasBackStates).toBe(false);
    expect(fwdOnly.steps[0].hBack).toBeNull();
  });

  it('bidirectional: h←_t is taken per step from hiddenBackward when the trainer sends it', () => {
    const d = fakeDetail({ T: 3, H: 4, hiddenBackward: true });
    const c = chainFromDetail(d, 'many-to-many', { hiddenSize: 4, bidirectional: true });
    expect(c.hasBackStates).toBe(true);
    c.steps.forEach((s, t) => {
      expect(s.h).toEqual(d.hidden[t]);
      expect(s.hBack).toEqual(d.hiddenBackward![t]);
    });
    // A unidirectional view ignores it.
    const uni = chainFromDetail(d, 'many-to-many', opts);
    expect(uni.hasBackStates).toBe(false);
    expect(uni.steps.every((s) => s.hBack === null)).toBe(true);
  });

  it('encoder-decoder with a bidirectional encoder has h←_t for the encoder steps only', () => {
    const d = fakeDetail({ T: 4, H: 4, inputs: 4, outputs: 2, targets: 2, hiddenBackward: true });
    const c = chainFromDetail(d, 'encoder-decoder', { hiddenSize: 4, bidirectional: true });
    expect(c.steps[3].hBack).toEqual(d.hiddenBackward![3]);
    expect(c.steps[4].hBack).toBeNull();
  });

  it('gates are picked per step by name', () => {
    const c = chainFromDetail(fakeDetail({ T: 3, H: 4, gates: ['i', 'f', 'g', 'o'] }), 'many-to-many', opts);
    expect(c.gateNames).toEqual(['f', 'g', 'i', 'o']);
    expect(c.steps[2].gates.f).toHaveLength(4);
  });

  it('LSTM cell states c_t are picked per step; other cells and older trainers have none', () => {
    const d = fakeDetail({ T: 3, H: 4, gates: ['i', 'f', 'g', 'o'], cells: true });
    const c = chainFromDetail(d, 'many-to-many', opts);
    expect(c.hasCells).toBe(true);
    expect(c.steps[2].c).toEqual(d.cells![2]);
    const gru = chainFromDetail(fakeDetail({ T: 3, H: 4, gates: ['r', 'z', 'n'] }), 'many-to-many', opts);
    expect(gru.hasCells).toBe(false);
    expect(gru.steps.every((s) => s.c === null)).toBe(true);
  });

  it('encoder-decoder with an encoder-only trace has c_t for the encoder steps only', () => {
    const c = chainFromDetail(fakeDetail({ T: 4, H: 4, inputs: 4, outputs: 2, targets: 2, cells: true }), 'encoder-decoder', opts);
    expect(c.steps[3].c).toHaveLength(4);
    expect(c.steps[4].c).toBeNull();
  });

  it('placeholderChain gives a drawable chain before any trace', () => {
    const c = placeholderChain('encoder-decoder', opts, 3);
    expect(c.steps.length).toBe(6);
    expect(c.steps.every((s) => s.h === null)).toBe(true);
  });

  it("draws the decoder's own states from the engine's decoder chain trace (StepTrace.chains.decoder)", () => {
    const enc = fakeDetail({ T: 4, H: 3, inputs: 4, outputs: 2, targets: 2 });
    const decoder = { dhNorms: [0.5, 0.25], hidden: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], gates: {}, whhContrib: [0.07, 0.03] };
    const c = chainFromDetail({ ...enc, chains: { decoder } }, 'encoder-decoder', { hiddenSize: 3, bidirectional: false });
    const dec = c.steps.filter((s) => s.section === 'decoder');
    expect(dec.map((s) => s.h)).toEqual(decoder.hidden);
    expect(dec.map((s) => s.dhNorm)).toEqual([0.5, 0.25]);
    expect(dec.map((s) => s.whhShare)).toEqual([0.07, 0.03]);
    expect(c.steps[0].h).toEqual(enc.hidden[0]);
  });

  it("draws h←_t from the engine's right-to-left chain trace (StepTrace.chains.backward)", () => {
    const d = fakeDetail({ T: 3, H: 2 });
    const backward = { dhNorms: [1, 1, 1], hidden: [[0.9, -0.9], [0.8, -0.8], [0.7, -0.7]], gates: {}, whhContrib: [0, 0, 0] };
    const c = chainFromDetail({ ...d, chains: { backward } }, 'many-to-many', { hiddenSize: 2, bidirectional: true });
    expect(c.hasBackStates).toBe(true);
    expect(c.steps.map((s) => s.hBack)).toEqual(backward.hidden);
  });
});
