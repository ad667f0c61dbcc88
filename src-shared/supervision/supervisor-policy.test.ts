import { vi, describe, expect, it } from 'vitest';
import type { TrainerHealth } from '../protocol/ipc-contract';
import type { SupervisorCommand } from '../protocol/trainer-messages';
import { TrainerSupervisor, backoffDelay, type SupervisorOptions } from './supervisor';
import { validPackedCheckpoint } from './testing/checkpoints';
import type { Timers } from './timers';
import type { TrainerChild } from './trainer-child';

/** Restart policy with in-process fake children: backoff, the give-up cap, startup timeouts, stale messages. */

class FakeChild implements TrainerChild {
  static nextPid = 1000;
  readonly pid = FakeChild.nextPid++;
  readonly sent: SupervisorCommand[] = [];
  killed = false;
  #message: (m: unknown) => void = () => {};
  #exit: (reason: string) => void = () => {};
  postMessage(command: SupervisorCommand) {
    this.sent.push(command);
  }
  onMessage(listener: (m: unknown) => void) {
    this.#message = listener;
  }
  onExit(listener: (reason: string) => void) {
    this.#exit = listener;
  }
  kill() {
    this.killed = true;
  }
  emit(message: unknown) {
    this.#message(message);
  }
  exit(reason: string) {
    this.#exit(reason);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A supervisor whose children are FakeChild instances, listed in the order it spawned them. */
function superviseFakes(options: Omit<SupervisorOptions<FakeChild>, 'spawn'>): { supervisor: TrainerSupervisor<FakeChild>; children: FakeChild[] } {
  const children: FakeChild[] = [];
  const spawn = () => {
    const child = new FakeChild();
    children.push(child);
    return child;
  };
  return { supervisor: new TrainerSupervisor<FakeChild>({ spawn, ...options }), children };
}

describe('backoffDelay(attempt, initial, max)', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 100, 1_000))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
});

describe('TrainerSupervisor restart policy', () => {
  it('gives up after maxRestarts crashes inside the window, with growing delays between restarts', async () => {
    const health: { at: number; health: TrainerHealth }[] = [];
    const { supervisor, children } = superviseFakes({
      onHealth: (h) => health.push({ at: Date.now(), health: h }),
      backoffInitialMs: 20,
      maxRestarts: 3,
    });
    supervisor.start();
    for (let i = 0; i < 4; i++) {
      children[i].exit('crashed');
      await sleep(20 * 2 ** i + 40);
    }
    supervisor.stop();
    expect(health.map((h) => h.health.kind)).toEqual(['started', 'crashed', 'restarted', 'crashed', 'restarted', 'crashed', 'restarted', 'gave-up']);
    const restarts = health.filter((h) => h.health.kind === 'restarted');
    expect(restarts.map((h) => (h.health.kind === 'restarted' ? h.health.attempt : 0))).toEqual([1, 2, 3]);
    expect(children).toHaveLength(4);
    expect(health[7].health).toMatchObject({ kind: 'gave-up', reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/crashed.*3 restarts/) }) });
  });

  it('reports every crash the moment it is detected, however long the backoff has grown (production defaults)', () => {
    vi.useFakeTimers();
    try {
      const health: TrainerHealth[] = [];
      const { supervisor, children } = superviseFakes({
        onHealth: (h) => health.push(h),
      });
      supervisor.start();
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        health.length = 0;
        children[children.length - 1].exit('crashed');
        // Synchronously, before any backoff timer fires: the renderer is told now.
        expect(health).toEqual([expect.objectContaining({ kind: 'crashed', attempt: i + 1, reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/crashed/) }) })]);
        const delay = health[0].kind === 'crashed' ? health[0].restartInMs : -1;
        delays.push(delay);
        vi.advanceTimersByTime(delay - 1);
        expect(children, 'no replacement before the backoff').toHaveLength(i + 1);
        vi.advanceTimersByTime(1);
        expect(children).toHaveLength(i + 2);
        expect(health.at(-1)).toMatchObject({ kind: 'restarted', attempt: i + 1 });
      }
      supervisor.stop();
      expect(delays).toEqual([100, 200, 400, 800, 1600]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('restarts the count after a give-up when started again', async () => {
    const kinds: string[] = [];
    const { supervisor, children } = superviseFakes({
      onHealth: (h) => kinds.push(h.kind),
      backoffInitialMs: 5,
      maxRestarts: 1,
    });
    supervisor.start();
    children[0].exit('crashed');
    await sleep(30);
    children[1].exit('crashed');
    expect(supervisor.state).toBe('gave-up');
    supervisor.start();
    expect(supervisor.state).toBe('running');
    supervisor.stop();
    expect(kinds).toEqual(['started', 'crashed', 'restarted', 'gave-up', 'started']);
  });

  it('replaces a child that never sends its first heartbeat within the startup timeout', async () => {
    const health: TrainerHealth[] = [];
    const { supervisor, children } = superviseFakes({
      onHealth: (h) => health.push(h),
      startupTimeoutMs: 100,
      hangTimeoutMs: 10_000,
      backoffInitialMs: 5,
    });
    supervisor.start();
    await sleep(400);
    supervisor.stop();
    expect(children[0].killed).toBe(true);
    expect(health[1]).toMatchObject({ kind: 'crashed', attempt: 1, reason: expect.objectContaining({ code: 'trainer.noStart', detail: expect.stringMatching(/did not start/) }) });
    expect(health[2]).toMatchObject({ kind: 'restarted', reason: expect.objectContaining({ code: 'trainer.noStart', detail: expect.stringMatching(/did not start/) }), restoredStep: null });
  });

  it('sends the last checkpoint to the replacement and ignores messages from a retired child', async () => {
    const { supervisor, children } = superviseFakes({
      onHealth: () => {},
      backoffInitialMs: 5,
    });
    supervisor.start();
    const checkpoint = validPackedCheckpoint(42);
    children[0].emit({ type: 'checkpoint', checkpoint, training: true });
    children[0].emit({ type: 'checkpoint', checkpoint: 'not a checkpoint', training: true });
    children[0].exit('crashed');
    children[0].emit({ type: 'checkpoint', checkpoint: validPackedCheckpoint(99), training: false });
    await sleep(40);
    supervisor.stop();
    expect(children[1].sent).toEqual([{ type: 'restore', checkpoint, resume: true }]);
    expect(children[0].killed).toBe(true);
    expect(children[1].killed).toBe(true);
  });

  it('a replacement has its restore before its stream is wired, so a window syncing at once meets the restored run', async () => {
    const wired: { reason: string; sentBefore: SupervisorCommand[] }[] = [];
    const { supervisor, children } = superviseFakes({
      onHealth: () => {},
      onChild: (child, reason) => wired.push({ reason, sentBefore: [...child.sent] }),
      backoffInitialMs: 5,
    });
    supervisor.start();
    const checkpoint = validPackedCheckpoint(7);
    children[0].emit({ type: 'checkpoint', checkpoint, training: false });
    children[0].exit('crashed');
    await sleep(40);
    supervisor.stop();
    expect(wired).toEqual([
      { reason: 'initial', sentBefore: [] },
      { reason: 'restarted', sentBefore: [{ type: 'restore', checkpoint, resume: false }] },
    ]);
  });

  it('marks the held checkpoint as training when the child says training resumed from its step, and only then', async () => {
    const { supervisor, children } = superviseFakes({
      onHealth: () => {},
      backoffInitialMs: 5,
    });
    supervisor.start();
    const checkpoint = validPackedCheckpoint(42);
    children[0].emit({ type: 'checkpoint', checkpoint, training: false });
    children[0].emit({ type: 'training', step: 41 }); // not the held step: ignored
    expect(supervisor.lastCheckpoint?.training).toBe(false);
    children[0].emit({ type: 'training', step: 42 });
    expect(supervisor.lastCheckpoint).toEqual({ checkpoint, training: true });
    children[0].exit('crashed');
    await sleep(40);
    supervisor.stop();
    expect(children[1].sent).toEqual([{ type: 'restore', checkpoint, resume: true }]);
  });

  it('replaces its checkpoint only with one that passes the schema, and reports the step it really holds (defect 7)', async () => {
    const health: TrainerHealth[] = [];
    const lines: string[] = [];
    const { supervisor, children } = superviseFakes({ onHealth: (h) => health.push(h), backoffInitialMs: 5, log: (l) => lines.push(l) });
    supervisor.start();
    const good = validPackedCheckpoint(10);
    children[0].emit({ type: 'checkpoint', checkpoint: good, training: true });
    children[0].emit({ type: 'checkpoint', checkpoint: { step: 99 }, training: true });
    children[0].emit({ type: 'checkpoint', checkpoint: { ...validPackedCheckpoint(98), params: { Whh: new Float32Array([NaN]) } }, training: true });
    children[0].emit({ type: 'checkpoint', checkpoint: { ...validPackedCheckpoint(97), config: { hiddenSize: 'big' } }, training: true });
    expect(supervisor.lastCheckpoint).toEqual({ checkpoint: good, training: true });
    expect(lines.filter((l) => /invalid checkpoint/.test(l))).toHaveLength(3);
    children[0].exit('crashed');
    await sleep(40);
    children[1].emit({ type: 'restored', step: 10, ok: true });
    supervisor.stop();
    expect(children[1].sent).toEqual([{ type: 'restore', checkpoint: good, resume: true }]);
    expect(health).toContainEqual(expect.objectContaining({ kind: 'restarted', restoredStep: 10 }));
  });

  it('says "restored step N" only once the child confirms it, and "restarted fresh" when its restore failed', async () => {
    const health: TrainerHealth[] = [];
    const lines: string[] = [];
    const { supervisor, children } = superviseFakes({ onHealth: (h) => health.push(h), backoffInitialMs: 5, log: (l) => lines.push(l) });
    supervisor.start();
    children[0].emit({ type: 'checkpoint', checkpoint: validPackedCheckpoint(10), training: false });
    children[0].exit('crashed');
    await sleep(40);
    expect(children[1].sent).toHaveLength(1);
    // The replacement is announced at once, as restoring step 10, not as having restored it.
    expect(health.map((h) => h.kind)).toEqual(['started', 'crashed', 'restoring']);
    expect(health[2]).toEqual({ kind: 'restoring', attempt: 1, reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/crashed/) }), step: 10 });
    children[1].emit({ type: 'restored', step: 9, ok: true }); // not the step it was sent: ignored
    expect(health.map((h) => h.kind)).toEqual(['started', 'crashed', 'restoring']);
    children[1].emit({ type: 'restored', step: 10, ok: false, error: 'parameter Whh has 9 values; the model needs 16' });
    supervisor.stop();
    expect(health.at(-1)).toMatchObject({ kind: 'restarted', attempt: 1, restoredStep: null });
    expect(health.filter((h) => h.kind === 'restarted')).toHaveLength(1);
    expect(lines.some((l) => /could not restore step 10: parameter Whh/.test(l))).toBe(true);
  });

  it('with no valid checkpoint, restores nothing and says so', async () => {
    const health: TrainerHealth[] = [];
    const { supervisor, children } = superviseFakes({ onHealth: (h) => health.push(h), backoffInitialMs: 5, log: () => {} });
    supervisor.start();
    children[0].emit({ type: 'checkpoint', checkpoint: { step: 99 }, training: true });
    children[0].exit('crashed');
    await sleep(40);
    supervisor.stop();
    expect(children[1].sent).toEqual([]);
    expect(health).toContainEqual(expect.objectContaining({ kind: 'restarted', restoredStep: null }));
  });

  it('declares a silent child hung within the limit, but not after the supervisor itself was suspended (a sleeping laptop)', () => {
    let now = 0;
    let tick: () => void = () => {};
    const timers: Timers = {
      now: () => now,
      setTimeout: () => 0,
      clearTimeout: () => {},
      setInterval: (task) => ((tick = task), 1),
      clearInterval: () => {},
    };
    const health: TrainerHealth[] = [];
    const { supervisor, children } = superviseFakes({ onHealth: (h) => health.push(h), hangTimeoutMs: 1_000, timers });
    supervisor.start();
    const advance = (ms: number, beat: boolean) => {
      for (let t = 0; t < ms; t += 250) {
        now += 250;
        if (beat) children[0].emit({ type: 'heartbeat', at: now });
        tick();
      }
    };
    advance(1_000, true);
    now += 60_000; // asleep: neither the child nor the watchdog ran
    tick();
    expect(health.map((h) => h.kind), 'woken up: no restart for a silence the supervisor slept through').toEqual(['started']);
    advance(1_000, true);
    advance(1_250, false);
    expect(health.map((h) => h.kind)).toEqual(['started', 'crashed']);
    expect(health[1]).toMatchObject({ reason: { code: 'trainer.hung', params: { seconds: 1.3 }, detail: 'trainer hung: no heartbeat for 1250 ms' } });
    supervisor.stop();
  });
});
