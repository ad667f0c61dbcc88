/**
 * The teaching controls of a session: a run that stops by itself at a target (training-config.ts's
 * stopAtAccuracy / stopAtStep) and a steps-per-second cap ('pace'), counted over a fake clock.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { TrainerEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG, TrainingConfigSchema, type TrainingConfig } from '../protocol/training-config';
import { EVAL_EVERY_STEPS_PACED } from './eval-cadence';
import { Pacer } from './pacer';
import { createTrainingSession } from './training-session';

function harness(now?: () => number) {
  const events: TrainerEvent[] = [];
  const session = createTrainingSession((e) => {
    events.push(e);
    if (e.type === 'stats') queueMicrotask(() => session.handle({ type: 'ack', seq: e.seq }));
  }, now ? { now } : {});
  const of = <K extends TrainerEvent['type']>(type: K) =>
    events.filter((e): e is Extract<TrainerEvent, { type: K }> => e.type === type);
  const until = async (pred: () => boolean, ms = 20_000) => {
    const start = Date.now();
    while (!pred()) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { session, of, until };
}

const small: TrainingConfig = { ...DEFAULT_CONFIG, task: 'memory', taskParams: { k: 3 }, hiddenSize: 16, batchSize: 8 };

describe('stop conditions in the training config', () => {
  it('are optional, so a config saved before they existed is still valid, and out-of-range targets are refused by name', () => {
    expect(v.safeParse(TrainingConfigSchema, DEFAULT_CONFIG).success).toBe(true);
    expect(v.safeParse(TrainingConfigSchema, { ...DEFAULT_CONFIG, stopAtAccuracy: 0.9, stopAtStep: 500 }).success).toBe(true);
    const bad = v.safeParse(TrainingConfigSchema, { ...DEFAULT_CONFIG, stopAtAccuracy: 1.5 });
    expect(bad.success).toBe(false);
    expect(bad.issues?.[0].message).toBe('target accuracy must be at most 1');
    const zero = v.safeParse(TrainingConfigSchema, { ...DEFAULT_CONFIG, stopAtStep: 0 });
    expect(zero.issues?.[0].message).toBe('step limit must be at least 1');
  });

  it('stop a running session at exactly the step limit, paused, and say why', async () => {
    const { session, of, until } = harness();
    session.handle({ type: 'configure', config: { ...small, stopAtStep: 37 } });
    session.handle({ type: 'start' });
    await until(() => of('status').at(-1)?.state === 'paused');
    const last = of('status').at(-1)!;
    expect(last.step).toBe(37);
    expect(last.stoppedBy).toEqual({ kind: 'steps', step: 37 });
    expect(last.message).toBe('Stopped by itself at the step limit, step 37');
    expect(of('stats').flatMap((s) => s.points).at(-1)?.step).toBe(37);
    session.dispose();
  });

  it('stop a running session once a held-out evaluation reaches the target accuracy', async () => {
    const { session, of, until } = harness();
    session.handle({ type: 'configure', config: { ...DEFAULT_CONFIG, stopAtAccuracy: 0.8 } });
    session.handle({ type: 'start' });
    await until(() => of('status').at(-1)?.state === 'paused', 25_000);
    const last = of('status').at(-1)!;
    const evals = of('eval');
    expect(evals.at(-1)!.result.testAccuracy).toBeGreaterThanOrEqual(0.8);
    // every evaluation before the last one was below the target
    for (const e of evals.slice(0, -1)) expect(e.result.testAccuracy).toBeLessThan(0.8);
    expect(last.stoppedBy).toMatchObject({ kind: 'accuracy', target: 0.8, step: evals.at(-1)!.result.step });
    expect(last.message).toMatch(/^Stopped by itself at step \d+: held-out accuracy [\d.]+% reached the target 80%$/);
    session.dispose();
  }, 30_000);

  it('a session without targets keeps training', async () => {
    const { session, of, until } = harness();
    session.handle({ type: 'configure', config: small });
    session.handle({ type: 'start' });
    await until(() => of('stats').flatMap((s) => s.points).length >= 60);
    expect(of('status').at(-1)?.state).toBe('training');
    session.dispose();
  });
});

describe('the speed cap', () => {
  it('Pacer: never allows more than rate·t + 1 steps by time t, whatever the call times, and full speed is uncapped', () => {
    const pacer = new Pacer();
    expect(pacer.allowance(0)).toBe(Infinity);
    pacer.set(4, 1000);
    let taken = 0;
    for (let t = 1000; t <= 11_000; t += 37) {
      const n = Math.min(pacer.allowance(t), 3);
      pacer.took(n);
      taken += n;
      expect(taken).toBeLessThanOrEqual(Math.floor(((t - 1000) * 4) / 1000) + 1);
    }
    // the last call is at t = 10 990: floor(9.99 s · 4) + 1 = 40
    expect(taken).toBe(40);
    expect(() => pacer.set(-1, 0)).toThrow(/speed must be a finite number ≥ 0/);
  });

  it('holds in a running session: at 5 steps a second, steps ≤ 5·(fake seconds) + 1, then full speed again', async () => {
    // A fake clock that also ticks 1 ms per reading, so a slice at full speed still ends.
    let clock = 0;
    const { session, of, until } = harness(() => (clock += 1));
    session.handle({ type: 'configure', config: small });
    session.handle({ type: 'pace', stepsPerSecond: 5 });
    const start = clock;
    session.handle({ type: 'start' });
    const steps = () => of('stats').flatMap((s) => s.points).length;
    for (let i = 0; i < 80; i++) {
      clock += 50;
      await new Promise((r) => setTimeout(r, 2));
    }
    session.handle({ type: 'pause' });
    const fakeSeconds = (clock - start) / 1000;
    expect(steps()).toBeLessThanOrEqual(Math.floor(fakeSeconds * 5) + 1);
    expect(steps()).toBeGreaterThanOrEqual(Math.floor(fakeSeconds * 5 * 0.6));
    const slow = steps();
    session.handle({ type: 'pace', stepsPerSecond: 0 });
    session.handle({ type: 'start' });
    await until(() => steps() > slow + 50);
    session.dispose();
  });

  it('refuses a negative or non-numeric speed with a typed error', () => {
    const { session, of } = harness();
    session.handle({ type: 'pace', stepsPerSecond: -2 });
    session.handle({ type: 'pace', stepsPerSecond: 'fast' });
    expect(of('error').map((e) => e.problem.detail)).toEqual([
      expect.stringMatching(/speed must be at least 0/),
      expect.stringMatching(/speed must be a number/),
    ]);
    session.dispose();
  });

  it('in slow motion evaluates per EVAL_EVERY_STEPS_PACED steps, not once a second', async () => {
    let clock = 0;
    const { session, of } = harness(() => (clock += 1));
    session.handle({ type: 'configure', config: small });
    session.handle({ type: 'pace', stepsPerSecond: 5 });
    session.handle({ type: 'start' });
    for (let i = 0; i < 240; i++) {
      clock += 50;
      await new Promise((r) => setTimeout(r, 2));
    }
    session.handle({ type: 'pause' });
    const steps = of('stats').flatMap((s) => s.points).length;
    const fakeSeconds = clock / 1000;
    expect(fakeSeconds).toBeGreaterThan(12);
    expect(steps).toBeGreaterThan(2 * EVAL_EVERY_STEPS_PACED);
    // One a second would be ≥ 12 evaluations; per 20 steps of ~60 it is at most 4 (the first at step 1).
    const evals = of('eval').map((e) => e.result.step);
    expect(evals.length).toBeGreaterThanOrEqual(2);
    expect(evals.length).toBeLessThanOrEqual(Math.floor(steps / EVAL_EVERY_STEPS_PACED) + 1);
    for (let k = 1; k < evals.length; k++) expect(evals[k] - evals[k - 1]).toBeGreaterThanOrEqual(EVAL_EVERY_STEPS_PACED);
    session.dispose();
  });
});
