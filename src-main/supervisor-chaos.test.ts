import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src-shared/protocol/training-config';
import type { TrainerEvent } from '../src-shared/protocol/trainer-messages';
import { createRng } from '../src-shared/tasks/random';
import type { SupervisorOptions, TrainerSupervisor } from '../src-shared/supervision/supervisor';
import type { NodeTrainerChild } from './trainer/node-spawn';
import { sleep, superviseNodeTrainers, until } from './trainer/supervision-harness';

/**
 * Chaos: real trainer processes (node-child.ts hosting the real training session) killed with SIGKILL at
 * seeded random moments while they train. Every kill must be reported by a 'crashed' health event (what the
 * renderer shows at once) and answered by a 'restarted' one, each within 500 ms, the replacement must resume from (at least) the checkpoint the supervisor held when the child died,
 * never from step 0, and no child may ever report a step at or below the step it resumed from.
 *
 * 5 kills in the fast tier, 20 with RNN_LAB_LONG=1 (`npm run test:long`).
 */
const LONG = process.env.RNN_LAB_LONG === '1';
const KILLS = LONG ? 20 : 5;
const SEED = 0x5eed_c4a0;
/** Longest random wait, after the live child has trained past its resume point, before it is killed. */
const MAX_KILL_DELAY_MS = 600;
const DETECTION_LIMIT_MS = 500;

let active: TrainerSupervisor<NodeTrainerChild> | null = null;

function supervise(options: Partial<SupervisorOptions<NodeTrainerChild>> = {}) {
  const run = superviseNodeTrainers(
    { heartbeatMs: 100, checkpointMs: 200 },
    // Generous: a starved child (2 cores, nice 19) must not look hung; this test is about crashes.
    { hangTimeoutMs: 5_000, startupTimeoutMs: 20_000, ...options },
  );
  active = run.supervisor;
  return run;
}

afterEach(() => {
  active?.stop();
  active = null;
});


/** Steps a child streamed after its 'training' status (history replayed on restore comes before it). */
function trainedSteps(stream: readonly TrainerEvent[]): { resumedAt: number; steps: number[] } | null {
  const at = stream.findIndex((e) => e.type === 'status' && e.state === 'training');
  if (at < 0) return null;
  const status = stream[at];
  const resumedAt = status.type === 'status' ? status.step : 0;
  const steps = stream.slice(at + 1).flatMap((e) => (e.type === 'stats' ? e.points.map((p) => p.step) : []));
  return { resumedAt, steps };
}

const SMALL = { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 };

describe('TrainerSupervisor under random SIGKILLs (real trainer processes)', () => {
  it(
    `restarts within ${DETECTION_LIMIT_MS} ms and resumes from the held checkpoint, ${KILLS} kills`,
    async () => {
      const rng = createRng(SEED);
      const { supervisor, seen } = supervise({
        // The cap must not be what this test hits: one restart per kill, plus slack.
        maxRestarts: KILLS + 5,
        restartWindowMs: 60_000,
        // Backoff doubles per restart inside the window; capped at 100 ms so even the 20th restart lands well within
        // 500 ms. (With the production defaults, 100 ms doubling to 5 s, the 4th quick restart already takes 800 ms.)
        backoffInitialMs: 20,
        backoffMaxMs: 100,
      });
      supervisor.start();
      await until('the first child to be ready', () => seen.streams[0]?.some((e) => e.type === 'ready'));
      seen.children[0].postStream({ type: 'configure', config: SMALL });
      seen.children[0].postStream({ type: 'start' });

      const latencies: number[] = [];
      const delays: number[] = [];
      let lastHeld = 0;
      let lastRestored = 0;
      for (let kill = 1; kill <= KILLS; kill++) {
        const index = seen.children.indexOf(supervisor.child!);
        expect(index, `kill ${kill}: a live child`).toBe(kill - 1);
        // Let the live child train past where it started, and report a training checkpoint, so every kill
        // lands mid-training with something to lose.
        await until(`kill ${kill}: child ${index} to train past its resume step`, () => {
          const trained = trainedSteps(seen.streams[index]);
          return trained !== null && trained.steps.some((s) => s > trained.resumedAt);
        });
        await until(`kill ${kill}: a training checkpoint`, () => supervisor.lastCheckpoint?.training);
        const delay = Math.floor(rng.next() * MAX_KILL_DELAY_MS);
        delays.push(delay);
        await sleep(delay);

        const held = supervisor.lastCheckpoint!.checkpoint.step;
        expect(held, `kill ${kill}: held checkpoint never goes backwards`).toBeGreaterThanOrEqual(lastHeld);
        lastHeld = held;
        const victim = seen.children[index].pid!;
        const killedAt = Date.now();
        process.kill(victim, 'SIGKILL');

        // The replacement is announced ('restoring' step N) within the limit; 'restarted' with the step it holds
        // follows once the new child has adopted the checkpoint.
        const announced = await until(
          `kill ${kill}: the replacement announced`,
          () => seen.health.find((h) => (h.health.kind === 'restoring' || h.health.kind === 'restarted') && h.at >= killedAt),
          5_000,
        );
        const restarted = await until(
          `kill ${kill}: a restarted health event`,
          () => {
            const found = seen.health.find((h) => h.health.kind === 'restarted' && h.at >= killedAt);
            return found && found.health.kind === 'restarted' ? { at: found.at, health: found.health } : null;
          },
          10_000,
        );
        const crashed = seen.health.find((h) => h.health.kind === 'crashed' && h.at >= killedAt);
        expect(crashed, `kill ${kill}: a crashed health event before the restart`).toBeDefined();
        expect(crashed!.at - killedAt, `kill ${kill}: crash reported`).toBeLessThan(DETECTION_LIMIT_MS);
        expect(crashed!.at).toBeLessThanOrEqual(announced.at);
        const latency = announced.at - killedAt;
        latencies.push(latency);
        expect(latency, `kill ${kill}: detection latency`).toBeLessThan(DETECTION_LIMIT_MS);
        expect(restarted.health.attempt).toBe(kill);
        expect(restarted.health.reason).toMatchObject({ code: 'trainer.exited', detail: expect.stringMatching(/SIGKILL/) });
        expect(restarted.health.restoredStep, `kill ${kill}: restored from a checkpoint, not from scratch`).not.toBeNull();
        const restoredStep = restarted.health.restoredStep!;
        expect(restoredStep, `kill ${kill}: never from 0`).toBeGreaterThan(0);
        expect(restoredStep, `kill ${kill}: at least the checkpoint held at the kill`).toBeGreaterThanOrEqual(held);
        expect(restoredStep, `kill ${kill}: later than the previous restore`).toBeGreaterThanOrEqual(lastRestored);
        lastRestored = restoredStep;

        // The replacement says where it resumed: exactly the restored step, and it is training again.
        const next = seen.children.indexOf(supervisor.child!);
        expect(next).toBe(index + 1);
        expect(seen.children[next].pid).not.toBe(victim);
        const resumed = await until(`kill ${kill}: the replacement to resume training`, () =>
          seen.streams[next]?.find((e) => e.type === 'status' && e.state !== 'idle'),
        );
        expect(resumed).toMatchObject({ type: 'status', state: 'training', step: restoredStep });
      }

      // The last replacement keeps training past its restored step.
      const lastIndex = seen.children.length - 1;
      await until('the last replacement to train past its restored step', () => {
        const trained = trainedSteps(seen.streams[lastIndex]);
        return trained !== null && trained.steps.some((s) => s > lastRestored);
      });
      expect(supervisor.state).toBe('running');
      expect(seen.health.filter((h) => h.health.kind === 'gave-up')).toEqual([]);
      expect(seen.children).toHaveLength(KILLS + 1);

      // Per child: after its 'training' status, steps run resumedAt+1, resumedAt+2, … with no gap or repeat,
      // and every replacement starts where the supervisor's checkpoint said.
      const restored = seen.health.flatMap((h) => (h.health.kind === 'restarted' ? [h.health.restoredStep] : []));
      for (let i = 0; i < seen.streams.length; i++) {
        const trained = trainedSteps(seen.streams[i]);
        expect(trained, `child ${i} trained`).not.toBeNull();
        expect(trained!.resumedAt).toBe(i === 0 ? 0 : restored[i - 1]);
        expect(trained!.steps, `child ${i}: steps after resuming at ${trained!.resumedAt}`).toEqual(
          trained!.steps.map((_, k) => trained!.resumedAt + 1 + k),
        );
      }

      const worst = Math.max(...latencies);
      const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
      console.log(
        `[chaos] ${KILLS} SIGKILLs, ${KILLS} restarts, 0 gave-up; detection latency worst ${worst} ms, mean ${mean.toFixed(1)} ms; ` +
          `kill delays ${Math.min(...delays)}–${Math.max(...delays)} ms; restored steps ${restored.join(',')}`,
      );
    },
    LONG ? 600_000 : 90_000,
  );

  it('gives up after maxRestarts real crashes inside the window and spawns no more children', async () => {
    const { supervisor, seen } = supervise({ maxRestarts: 2, backoffInitialMs: 20, backoffMaxMs: 50 });
    supervisor.start();
    for (let kill = 1; kill <= 3; kill++) {
      const child = await until(`child ${kill} to have a pid`, () => (seen.children.length === kill && seen.children[kill - 1].pid) || null);
      process.kill(child, 'SIGKILL');
      if (kill < 3) await until(`restart ${kill}`, () => seen.health.filter((h) => h.health.kind === 'restarted').length === kill, 5_000);
    }
    const gaveUp = await until('gave-up', () => seen.health.find((h) => h.health.kind === 'gave-up'), 5_000);
    expect(gaveUp.health).toMatchObject({ kind: 'gave-up', reason: { code: 'trainer.exited', detail: expect.stringMatching(/SIGKILL.*2 restarts within 60 s/) } });
    expect(supervisor.state).toBe('gave-up');
    expect(supervisor.child).toBeNull();
    await sleep(300);
    expect(seen.children).toHaveLength(3);
    expect(seen.health.map((h) => h.health.kind)).toEqual(['started', 'crashed', 'restarted', 'crashed', 'restarted', 'gave-up']);
  });
});
