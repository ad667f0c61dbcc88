import { describe, expect, it } from 'vitest';
import type { StepDetail, StepPoint, TrainerEvent } from '../protocol/trainer-messages';
import { StatsOutbox } from './stats-outbox';

type Stats = Extract<TrainerEvent, { type: 'stats' }>;

function harness() {
  const sent: Stats[] = [];
  let stepsPerSecond = 0;
  const outbox = new StatsOutbox(
    (e) => {
      if (e.type !== 'stats') throw new Error(`the outbox posted a ${e.type}`);
      sent.push(e);
    },
    () => stepsPerSecond,
  );
  let step = 0;
  /** Queue `n` steps, each with its own detail when `withDetail`. */
  const train = (n: number, withDetail = false) => {
    for (let i = 0; i < n; i++) {
      step += 1;
      outbox.add(point(step), withDetail ? detail(step) : null);
    }
  };
  /** `n` slices of one step each, flushing after each, as the session does while training. */
  const slices = (n: number, withDetail = false) => {
    for (let i = 0; i < n; i++) {
      train(1, withDetail);
      outbox.flush(false);
    }
  };
  const seqs = () => sent.map((m) => m.seq);
  const steps = (message: Stats) => message.points.map((p) => p.step);
  const setRate = (r: number) => (stepsPerSecond = r);
  return { outbox, sent, train, slices, seqs, steps, setRate };
}

function point(step: number): StepPoint {
  return { step, loss: 1 / step, accuracy: 0, gradNormBefore: 1, gradNormAfter: 1, clipped: false };
}

function detail(step: number): StepDetail {
  return {
    step,
    dhNorms: [],
    hidden: [],
    gates: {},
    whhContrib: [],
    spectralRadius: 1,
    inputTokens: [],
    outputTokens: [],
    targetTokens: [],
  };
}

describe('stats outbox', () => {
  it('flush() sends the queued steps as one message with the next seq, then nothing until more steps come', () => {
    const { outbox, sent, train, seqs, steps } = harness();
    outbox.flush(false);
    expect(sent).toEqual([]);
    train(3);
    outbox.flush(false);
    expect(seqs()).toEqual([1]);
    expect(steps(sent[0])).toEqual([1, 2, 3]);
    outbox.flush(false);
    outbox.flush(true);
    expect(sent).toHaveLength(1);
  });

  it('keeps at most two messages unacknowledged and coalesces the steps after them into the next message', () => {
    const { outbox, sent, train, slices, seqs, steps } = harness();
    for (let slice = 0; slice < 5; slice++) {
      train(2);
      outbox.flush(false);
    }
    expect(seqs()).toEqual([1, 2]);
    outbox.ack(1);
    expect(seqs()).toEqual([1, 2, 3]);
    expect(steps(sent[2])).toEqual([5, 6, 7, 8, 9, 10]);
    // Two in flight again (2 and 3): more steps wait.
    slices(1);
    expect(sent).toHaveLength(3);
    outbox.ack(3);
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(sent.flatMap(steps)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('flush(true) sends past a full window, and what it sent counts against the window', () => {
    const { outbox, sent, train, slices, seqs } = harness();
    slices(2);
    train(1);
    outbox.flush(true);
    expect(seqs()).toEqual([1, 2, 3]);
    train(1);
    outbox.ack(1); // 2 and 3 still in flight
    expect(sent).toHaveLength(3);
    outbox.ack(2);
    expect(seqs()).toEqual([1, 2, 3, 4]);
  });

  it('sends the newest detail of the coalesced steps, and none when no step had one', () => {
    const { outbox, sent, train, slices } = harness();
    slices(2);
    train(2, true);
    train(1);
    outbox.ack(2);
    expect(sent[2].detail).toEqual(detail(4));
    train(1);
    outbox.flush(true);
    expect(sent[3].detail).toBeNull();
  });

  it('ack() of an old seq sends nothing and does not take back a later ack', () => {
    const { outbox, slices, seqs } = harness();
    slices(2);
    outbox.ack(2);
    slices(1); // 3 in flight
    outbox.ack(1); // arrives late
    outbox.ack(0);
    expect(seqs()).toEqual([1, 2, 3]);
    // Still only 3 unacknowledged, so there is room for one more.
    slices(1);
    expect(seqs()).toEqual([1, 2, 3, 4]);
  });

  it('ack() of a seq never sent counts as acknowledging only what was sent', () => {
    const { outbox, slices, seqs } = harness();
    slices(1);
    outbox.ack(1000);
    slices(4);
    // Had the ack of 1000 been taken at face value, all four would have gone out.
    expect(seqs()).toEqual([1, 2, 3]);
  });

  it('reset() drops unsent steps and detail and stops waiting for the acks of earlier messages', () => {
    const { outbox, sent, slices, seqs, steps } = harness();
    slices(3, true);
    expect(sent).toHaveLength(2);
    outbox.reset();
    outbox.flush(true);
    expect(sent).toHaveLength(2);
    slices(3);
    // seq keeps counting across runs; the window starts empty after the reset.
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(sent.slice(2).map(steps)).toEqual([[4], [5]]);
    expect(sent[2].detail).toBeNull();
  });

  it('replay() sends the history at once, in place of the unsent steps, and opens the window behind it', () => {
    const { outbox, sent, slices, seqs, steps } = harness();
    slices(3);
    const history = [1, 2, 3].map(point);
    outbox.replay(history);
    expect(seqs()).toEqual([1, 2, 3]);
    expect(steps(sent[2])).toEqual([1, 2, 3]);
    // The message holds a copy: the run's history may grow after it was sent.
    history.push(point(4));
    expect(steps(sent[2])).toEqual([1, 2, 3]);
    // Only the replay is unacknowledged now, so one more message goes out before the window fills.
    slices(2);
    expect(seqs()).toEqual([1, 2, 3, 4]);
  });

  it('replay() keeps the unsent detail, and sends it even with an empty history', () => {
    const { outbox, sent, slices } = harness();
    outbox.replay([]);
    expect(sent).toEqual([]);
    slices(3, true);
    outbox.replay([]);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ seq: 3, points: [], detail: detail(3) });
  });

  it('reports the training speed as it is when each message goes out', () => {
    const { sent, slices, setRate } = harness();
    setRate(40);
    slices(1);
    setRate(55);
    slices(1);
    expect(sent.map((m) => m.stepsPerSecond)).toEqual([40, 55]);
  });
});
