/**
 * Shared scaffolding for the tests that supervise real trainer processes (node-child.ts hosting the real session):
 * a supervisor whose children ack every stats message like a renderer that keeps up, a record of what it saw, and
 * polling helpers. Test-only; nothing in the app imports it.
 */
import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { TrainerSupervisor, type SupervisorOptions } from '../../src-shared/supervision/supervisor';
import { spawnNodeTrainer, type NodeTrainerChild } from './node-spawn';

export interface Seen {
  readonly health: { at: number; health: TrainerHealth }[];
  /** Stream events per child, in spawn order. */
  readonly streams: TrainerEvent[][];
  readonly children: NodeTrainerChild[];
}

export interface HarnessTiming {
  readonly heartbeatMs: number;
  readonly checkpointMs: number;
}

export function superviseNodeTrainers(
  timing: HarnessTiming,
  options: Partial<SupervisorOptions<NodeTrainerChild>>,
): { supervisor: TrainerSupervisor<NodeTrainerChild>; seen: Seen } {
  const seen: Seen = { health: [], streams: [], children: [] };
  const supervisor = new TrainerSupervisor<NodeTrainerChild>({
    spawn: () => spawnNodeTrainer(timing),
    onHealth: (health) => seen.health.push({ at: Date.now(), health }),
    onChild: (child) => {
      const events: TrainerEvent[] = [];
      seen.streams.push(events);
      seen.children.push(child);
      child.onStream((raw) => {
        const event = raw as TrainerEvent;
        events.push(event);
        if (event.type === 'stats') child.postStream({ type: 'ack', seq: event.seq });
      });
    },
    ...options,
  });
  return { supervisor, seen };
}

/** Poll `probe` every 5 ms until it returns something truthy, or fail naming `what`. */
export async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
