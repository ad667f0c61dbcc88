import { describe, expect, it } from 'vitest';
import { ChainWork, gateCount } from './chain-work';
import { jsKernels } from './kernels';

describe('ChainWork.ensure(T, B)', () => {
  it('sizes buffers for T steps of B rows, with two extra state slots for h_0 of either direction', () => {
    const w = new ChainWork('lstm', 'tanh', 3, 'f32', jsKernels);
    w.ensure(5, 2);
    expect(w.gates.length).toBe(5 * 2 * 4 * 3);
    expect(w.hs.length).toBe(7 * 2 * 3);
    expect(w.cs.length).toBe(7 * 2 * 3);
    expect(w.dzh).toBe(w.dz);
  });
  it('does not reallocate for a batch that fits, and grows only for a bigger one', () => {
    const w = new ChainWork('gru', 'tanh', 4, 'f64', jsKernels);
    w.ensure(10, 8);
    const { gates, hs, dz, dzh, dh } = w;
    w.ensure(10, 8);
    w.ensure(3, 2);
    expect([w.gates, w.hs, w.dz, w.dzh, w.dh]).toEqual([gates, hs, dz, dzh, dh]);
    expect(w.gates).toBe(gates);
    w.ensure(12, 8);
    expect(w.gates).not.toBe(gates);
    expect(w.capT).toBe(12);
    expect(w.dh).toBe(dh); // per-row buffers only grow with B
    expect(w.dzh).not.toBe(w.dz); // the GRU keeps the recurrent-side gradient apart
  });
  it('counts gate blocks: rnn 1, lstm 4, gru 3', () => {
    expect([gateCount('rnn'), gateCount('lstm'), gateCount('gru')]).toEqual([1, 4, 3]);
  });
});
