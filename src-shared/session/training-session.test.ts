import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG, type TrainingConfig } from '../protocol/training-config';
import { createTrainingSession } from './training-session';

function harness() {
  const events: TrainerEvent[] = [];
  const session = createTrainingSession((e) => events.push(e));
  const of = <K extends TrainerEvent['type']>(type: K) =>
    events.filter((e): e is Extract<TrainerEvent, { type: K }> => e.type === type);
  const until = async (pred: () => boolean, ms = 20_000) => {
    const start = Date.now();
    while (!pred()) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { events, session, of, until };
}

const small: TrainingConfig = { ...DEFAULT_CONFIG, task: 'memory', taskParams: { k: 3 }, hiddenSize: 16, batchSize: 8 };

describe('training session', () => {
  it('announces itself, then reports the parameter count once configured', () => {
    const { session, of } = harness();
    expect(of('ready')[0].protocolVersion).toBe(1);
    session.handle({ type: 'configure', config: small });
    expect(of('configured')[0].paramCount).toBeGreaterThan(0);
    // Node 20 runs the WebAssembly SIMD kernels, and the trainer says so
    expect(of('configured')[0].kernels).toBe('wasm-simd');
    expect(of('status').at(-1)?.state).toBe('idle');
    session.dispose();
  });

  it('describes the run in progress to a window that (re)connects, history and state included', () => {
    const { session, events, of } = harness();
    session.handle({ type: 'sync' });
    expect(events.at(-1)).toEqual({ type: 'synced', config: null });
    session.handle({ type: 'configure', config: small });
    session.handle({ type: 'step', count: 5 });
    const before = events.length;
    session.handle({ type: 'sync' });
    const reply = events.slice(before);
    expect(reply.map((e) => e.type)).toEqual(['synced', 'configured', 'stats', 'status']);
    expect(reply[0]).toEqual({ type: 'synced', config: small });
    expect(reply[1]).toEqual(of('configured')[0]);
    expect(reply[2].type === 'stats' && reply[2].points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(reply[3]).toMatchObject({ type: 'status', state: 'paused', step: 5 });
    session.dispose();
  });

  it('answers a malformed command with a typed error instead of throwing', () => {
    const { session, of } = harness();
    session.handle({ type: 'step', count: -4 });
    session.handle('garbage');
    session.handle({ type: 'launch-missiles' });
    expect(of('error').map((e) => e.code)).toEqual(['bad-message', 'bad-message', 'bad-message']);
    expect(of('error').map((e) => e.problem.code)).toEqual(['trainer.badMessage', 'trainer.badMessage', 'trainer.badMessage']);
    session.dispose();
  });

  it('rejects an out-of-range configuration with a message that names the cap', () => {
    const { session, of } = harness();
    session.handle({ type: 'configure', config: { ...small, hiddenSize: 100_000 } });
    expect(of('error')[0].problem).toMatchObject({ code: 'trainer.badMessage', detail: expect.stringMatching(/hidden size must be at most 256/) });
    session.dispose();
  });

  it('steps exactly the requested number of times and streams every point', () => {
    const { session, of } = harness();
    session.handle({ type: 'configure', config: small });
    session.handle({ type: 'step', count: 5 });
    const points = of('stats').flatMap((s) => s.points);
    expect(points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(of('status').at(-1)?.state).toBe('paused');
    session.dispose();
  });

  it('trains in the background, pauses promptly and never has more than two unacknowledged stats in flight', async () => {
    const { session, of, until } = harness();
    session.handle({ type: 'configure', config: small });
    session.handle({ type: 'start' });
    await until(() => of('stats').length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    // Nothing acknowledged: the session must coalesce instead of queueing.
    expect(of('stats').length).toBe(2);
    session.handle({ type: 'ack', seq: 2 });
    await until(() => of('stats').length >= 3);
    const third = of('stats')[2];
    expect(third.points.length).toBeGreaterThan(1);
    session.handle({ type: 'pause' });
    const pausedAt = of('stats').length;
    expect(of('status').at(-1)?.state).toBe('paused');
    await new Promise((r) => setTimeout(r, 100));
    session.handle({ type: 'ack', seq: 1000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(of('stats').length).toBeLessThanOrEqual(pausedAt + 1);
    // The stream is gap-free: every step number appears once, in order.
    const steps = of('stats').flatMap((s) => s.points.map((p) => p.step));
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    session.dispose();
  });

  it('sends the LSTM cell state c_t with each step detail, shaped like h_t, and none for a GRU', () => {
    const detailOf = (cell: TrainingConfig['cell']) => {
      const { session, of } = harness();
      session.handle({ type: 'configure', config: { ...small, cell } });
      session.handle({ type: 'step', count: 1 });
      session.dispose();
      return of('stats').at(-1)!.detail!;
    };
    const lstm = detailOf('lstm');
    expect(lstm.cells).toHaveLength(lstm.hidden.length);
    lstm.cells!.forEach((row, t) => expect(row).toHaveLength(lstm.hidden[t].length));
    expect(lstm.cells!.flat().every(Number.isFinite)).toBe(true);
    expect(detailOf('gru').cells).toBeUndefined();
  });

  it('sends h←_t with each step detail of a bidirectional run, shaped like h_t, and none for a unidirectional one', () => {
    const detailOf = (bidirectional: boolean) => {
      const { session, of } = harness();
      session.handle({ type: 'configure', config: { ...small, bidirectional } });
      session.handle({ type: 'step', count: 1 });
      session.dispose();
      return of('stats').at(-1)!.detail!;
    };
    const bi = detailOf(true);
    expect(bi.hiddenBackward).toHaveLength(bi.hidden.length);
    bi.hiddenBackward!.forEach((row, t) => expect(row).toHaveLength(bi.hidden[t].length));
    expect(bi.hiddenBackward!.flat().every(Number.isFinite)).toBe(true);
    expect(bi.hiddenBackward).not.toEqual(bi.hidden);
    expect(detailOf(false).hiddenBackward).toBeUndefined();
  });

  it('sends every chain with each step detail: both directions of both layers, ∂L/∂c_t, and the decoder', () => {
    const detailOf = (config: TrainingConfig) => {
      const { session, of } = harness();
      session.handle({ type: 'configure', config });
      session.handle({ type: 'step', count: 1 });
      session.dispose();
      return of('stats').at(-1)!.detail!;
    };
    const deep = detailOf({ ...small, cell: 'lstm', layers: 2, bidirectional: true });
    expect(deep.dc).toHaveLength(deep.hidden.length);
    const { backward, lower, lowerBackward, decoder } = deep.chains!;
    for (const c of [backward!, lower!, lowerBackward!]) {
      expect(c.hidden).toHaveLength(deep.hidden.length);
      expect(c.dh).toHaveLength(deep.hidden.length);
      expect(c.dc).toHaveLength(deep.hidden.length);
      expect(c.dh!.flat().every(Number.isFinite)).toBe(true);
    }
    expect(backward!.hidden).toEqual(deep.hiddenBackward);
    expect(decoder).toBeUndefined();
    const words = detailOf({ ...small, task: 'number-words', taskParams: {}, cell: 'gru' });
    expect(words.chains!.decoder!.hidden).toHaveLength(words.targetTokens.length);
    expect(words.chains!.decoder!.dc).toBeUndefined();
  });

  it('is reproducible: the same config and seed give an identical loss curve', () => {
    const curve = () => {
      const { session, of } = harness();
      session.handle({ type: 'configure', config: small });
      session.handle({ type: 'step', count: 15 });
      session.dispose();
      return of('stats').flatMap((s) => s.points.map((p) => p.loss));
    };
    expect(curve()).toEqual(curve());
  });

  it('restores a checkpoint and continues exactly where the original run would have been', () => {
    const a = harness();
    a.session.handle({ type: 'configure', config: small });
    a.session.handle({ type: 'step', count: 10 });
    const checkpoint = a.session.checkpoint()!;
    a.session.handle({ type: 'step', count: 5 });
    const original = a.of('stats').flatMap((s) => s.points).slice(10).map((p) => p.loss);

    const b = harness();
    b.session.restore(JSON.parse(JSON.stringify(checkpoint)), false);
    b.session.handle({ type: 'step', count: 5 });
    const resumed = b.of('stats').flatMap((s) => s.points).filter((p) => p.step > 10).map((p) => p.loss);
    expect(resumed).toEqual(original);
    a.session.dispose();
    b.session.dispose();
  });

  it('stops with a diverged state, names the quantity and keeps the last good parameters', () => {
    const { session, of } = harness();
    session.handle({
      type: 'configure',
      config: { ...small, cell: 'rnn', activation: 'relu', optimizer: 'sgd', momentum: 0, learningRate: 10, clipNorm: 0, initKind: 'spectral', spectralRadius: 3 },
    });
    session.handle({ type: 'step', count: 1000 });
    const diverged = of('diverged');
    expect(diverged.length).toBe(1);
    expect(diverged[0].quantity.length).toBeGreaterThan(0);
    expect(of('status').at(-1)?.state).toBe('diverged');
    const checkpoint = session.checkpoint()!;
    for (const values of Object.values(checkpoint.params)) expect(values.every(Number.isFinite)).toBe(true);
    session.dispose();
  });
});
