import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../protocol/training-config';
import { createInterruptSignal, relayWithInterrupt } from './interrupt-signal';
import { createTrainingSession } from './training-session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('interrupt signal', () => {
  it('is pending from a request until the session has acknowledged as many commands', () => {
    const receiver = createInterruptSignal();
    const session = createInterruptSignal(receiver.buffer);
    expect(session.pending()).toBe(false);
    receiver.request();
    receiver.request();
    expect(session.pending()).toBe(true);
    session.acknowledge();
    expect(session.pending()).toBe(true);
    session.acknowledge();
    expect(session.pending()).toBe(false);
    // A command that never passed the relay does not put the session ahead of the counter.
    session.acknowledge();
    receiver.request();
    expect(session.pending()).toBe(true);
    session.acknowledge();
    // The counter may wrap at the top of int32.
    const top = new SharedArrayBuffer(4);
    new Int32Array(top)[0] = 2 ** 31 - 1;
    const near = createInterruptSignal(top);
    near.request();
    expect(near.pending()).toBe(true);
    near.acknowledge();
    expect(near.pending()).toBe(false);
  });

  it('is raised by the relay only for commands that cut training short, malformed ones included', () => {
    const signal = createInterruptSignal();
    const seen = createInterruptSignal(signal.buffer);
    const delivered: unknown[] = [];
    const relay = relayWithInterrupt(signal, (raw) => delivered.push(raw));
    for (const raw of [{ type: 'ack', seq: 1 }, { type: 'start' }, { type: 'snapshot', requestId: 1 }, 'junk', null, { type: 'pause' }]) relay(raw);
    expect(delivered).toHaveLength(6);
    seen.acknowledge();
    expect(seen.pending()).toBe(false); // exactly one: the pause
    for (const raw of [{ type: 'stop' }, { type: 'reset' }, { type: 'configure' }, { type: 'step', count: 'x' }]) relay(raw);
    for (let i = 0; i < 4; i++) seen.acknowledge();
    expect(seen.pending()).toBe(false);
  });
});

describe('training session with an interrupt signal', () => {
  it('stops taking steps while a command is on its way, and acts on it at the step it reached', async () => {
    const events: TrainerEvent[] = [];
    const relaySide = createInterruptSignal();
    const session = createTrainingSession((e) => events.push(e), { signal: createInterruptSignal(relaySide.buffer) });
    const steps = () => events.flatMap((e) => (e.type === 'stats' ? e.points.map((p) => p.step) : []));
    const ackAll = () => {
      for (const e of events) if (e.type === 'stats') session.handle({ type: 'ack', seq: e.seq });
    };
    session.handle({ type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 16, batchSize: 8 } });
    session.handle({ type: 'start' });
    while (steps().length < 5) {
      ackAll();
      await sleep(5);
    }
    // The relay has seen a pause; the session has not been handed it yet. Every slice is abandoned meanwhile.
    relaySide.request();
    await sleep(30);
    ackAll();
    const reached = Math.max(...steps());
    await sleep(60);
    ackAll();
    expect(Math.max(...steps()), 'no step completes while the pause is pending').toBe(reached);
    session.handle({ type: 'pause' });
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'paused', step: reached });
    // And once the pause is handled, training resumes normally.
    session.handle({ type: 'start' });
    while (Math.max(...steps()) < reached + 3) {
      ackAll();
      await sleep(5);
    }
    session.dispose();
  });
});
