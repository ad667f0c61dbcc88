import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src-shared/protocol/training-config';
import type { SupervisorOptions, TrainerSupervisor } from '../src-shared/supervision/supervisor';
import type { NodeTrainerChild } from './trainer/node-spawn';
import { superviseNodeTrainers, until, type Seen } from './trainer/supervision-harness';

/**
 * Supervision against real trainer processes: node-child.ts runs the same host and the real training
 * session as the Electron utility process, forked with child_process and killed with real signals.
 */

let active: TrainerSupervisor<NodeTrainerChild> | null = null;

function supervise(options: Partial<SupervisorOptions<NodeTrainerChild>> = {}): { supervisor: TrainerSupervisor<NodeTrainerChild>; seen: Seen } {
  const run = superviseNodeTrainers(
    { heartbeatMs: 100, checkpointMs: 250 },
    // Generous: other test files load the 2 cores too, and a starved child must not look hung.
    { hangTimeoutMs: 2_500, startupTimeoutMs: 15_000, backoffInitialMs: 50, ...options },
  );
  active = run.supervisor;
  return run;
}
const stopped = new Set<number>();

afterEach(() => {
  active?.stop();
  active = null;
  for (const pid of stopped) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  stopped.clear();
});

const SMALL = { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 };

/** Start the supervisor, configure and start training, and wait for a checkpoint past `minStep`. */
async function trainUntilCheckpoint(supervisor: TrainerSupervisor<NodeTrainerChild>, seen: Seen, minStep: number) {
  supervisor.start();
  await until('the first child to be ready', () => seen.streams[0]?.some((e) => e.type === 'ready'));
  const child = seen.children[0];
  child.postStream({ type: 'configure', config: SMALL });
  child.postStream({ type: 'start' });
  const saved = await until(`a training checkpoint past step ${minStep}`, () => {
    const last = supervisor.lastCheckpoint;
    return last && last.training && last.checkpoint.step >= minStep ? last : null;
  });
  // The victim is whichever child is live now, and what it streams after a restart goes to the next one.
  const index = seen.children.indexOf(supervisor.child!);
  expect(index).toBeGreaterThanOrEqual(0);
  return { saved, index, pid: seen.children[index].pid!, since: Date.now() };
}

/** The first 'restarted' health event reported at or after `since`. */
/** The first announcement of a replacement after `since`: 'restoring' (a checkpoint was sent) or 'restarted'. */
function replacementHealth(seen: Seen, since: number) {
  const found = seen.health.find((h) => (h.health.kind === 'restoring' || h.health.kind === 'restarted') && h.at >= since);
  return found ? { at: found.at, health: found.health } : null;
}

function restartedHealth(seen: Seen, since: number) {
  const found = seen.health.find((h) => h.health.kind === 'restarted' && h.at >= since);
  return found && found.health.kind === 'restarted' ? { at: found.at, health: found.health } : null;
}

describe('TrainerSupervisor with real trainer processes', () => {
  it('announces the replacement within 500 ms of a SIGKILL, "restarted" from the checkpoint once the child took it, and resumes', async () => {
    const { supervisor, seen } = supervise();
    const { saved, index, pid: victim } = await trainUntilCheckpoint(supervisor, seen, 5);
    expect(seen.health[0].health).toEqual({ kind: 'started' });

    const killedAt = Date.now();
    process.kill(victim, 'SIGKILL');

    const announced = await until('the replacement announced', () => replacementHealth(seen, killedAt), 5_000);
    expect(announced.at - killedAt).toBeLessThan(500);
    expect(announced.health).toMatchObject({ kind: 'restoring', attempt: index + 1, step: saved.checkpoint.step });
    // "Restored step N" only once the replacement has adopted the checkpoint (it boots, then answers 'restored').
    const restarted = await until('a restarted health event', () => restartedHealth(seen, killedAt), 10_000);
    expect(restarted.health.attempt).toBe(index + 1);
    expect(restarted.health.reason).toMatchObject({ code: 'trainer.exited', detail: expect.stringMatching(/SIGKILL/) });
    expect(restarted.health.restoredStep).not.toBeNull();
    expect(restarted.health.restoredStep!).toBeGreaterThanOrEqual(saved.checkpoint.step);

    // The new child resumes from the checkpoint (not from 0) and keeps training past it.
    const restoredStep = restarted.health.restoredStep!;
    const stream = () => seen.streams[index + 1] ?? [];
    const resumed = await until('the new child to resume training', () =>
      stream().find((e) => e.type === 'status' && e.state === 'training'),
    );
    expect(resumed.type === 'status' && resumed.step).toBe(restoredStep);
    await until('a step past the restored one', () =>
      stream().some((e) => e.type === 'stats' && e.points.some((p) => p.step > restoredStep)),
    );
    expect(seen.children[index + 1].pid).not.toBe(victim);
    expect(supervisor.state).toBe('running');
  });

  it('detects a trainer that stops heartbeating (SIGSTOP), kills it and replaces it', async () => {
    const { supervisor, seen } = supervise({ hangTimeoutMs: 1_500 });
    const { index, pid: frozen } = await trainUntilCheckpoint(supervisor, seen, 3);

    stopped.add(frozen);
    const frozenAt = Date.now();
    process.kill(frozen, 'SIGSTOP');

    const announced = await until('the replacement announced', () => replacementHealth(seen, frozenAt), 8_000);
    expect(announced.health).toMatchObject({ reason: { code: 'trainer.hung', detail: expect.stringMatching(/hung/) } });
    expect(announced.at - frozenAt).toBeGreaterThanOrEqual(1_400);
    expect(announced.at - frozenAt).toBeLessThan(4_000);
    const restarted = await until('a restarted health event', () => restartedHealth(seen, frozenAt), 10_000);
    await until('the frozen child to be gone', () => !isAlive(frozen), 3_000);

    const restoredStep = restarted.health.restoredStep!;
    expect(restoredStep).toBeGreaterThan(0);
    await until('the replacement to train past the restored step', () =>
      (seen.streams[index + 1] ?? []).some((e) => e.type === 'stats' && e.points.some((p) => p.step > restoredStep)),
    );
  });

  it('does not take a healthy trainer for hung when one training step outlasts the hang limit (defect 1)', async () => {
    // Steps of about a second here (several under load), against a hang limit of 600 ms and heartbeats every 100 ms.
    const { supervisor, seen } = supervise({ hangTimeoutMs: 600 });
    supervisor.start();
    await until('the first child to be ready', () => seen.streams[0]?.some((e) => e.type === 'ready'));
    const child = seen.children[0];
    child.postStream({ type: 'configure', config: { ...DEFAULT_CONFIG, task: 'memory', taskParams: { k: 30 }, hiddenSize: 128, layers: 2, bidirectional: true, batchSize: 32 } });
    child.postStream({ type: 'start' });
    const stepped = (n: number) => seen.streams[0].some((e) => e.type === 'stats' && e.points.some((p) => p.step >= n));
    await until('three training steps', () => stepped(3) || seen.health.some((h) => h.health.kind !== 'started'), 30_000);
    child.postStream({ type: 'pause' });
    expect(seen.health.map((h) => h.health)).toEqual([{ kind: 'started' }]);
    expect(seen.children).toHaveLength(1);
    expect(stepped(3)).toBe(true);
  });

  it('restores a paused run paused, without resuming it', async () => {
    const { supervisor, seen } = supervise();
    const { index, pid } = await trainUntilCheckpoint(supervisor, seen, 3);
    seen.children[index].postStream({ type: 'pause' });
    const paused = await until('a paused checkpoint', () => {
      const s = supervisor.lastCheckpoint;
      return s && !s.training ? s : null;
    });
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const restarted = await until('a restarted health event', () => restartedHealth(seen, killedAt), 5_000);
    expect(restarted.health.restoredStep).toBe(paused.checkpoint.step);
    const status = await until('the restored status', () => (seen.streams[index + 1] ?? []).find((e) => e.type === 'status'));
    expect(status).toMatchObject({ type: 'status', state: 'paused', step: paused.checkpoint.step });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
