import type { Checkpoint } from '../../src-shared/protocol/trainer-messages';
import type { TrainerStream } from '../backend/backend';

let nextRequest = 1_000_000;

/** Ask the trainer for a checkpoint of the current run; null when none arrives in time (no run yet). */
export function requestSnapshot(trainer: TrainerStream, timeoutMs = 3000): Promise<Checkpoint | null> {
  const requestId = nextRequest++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(null);
    }, timeoutMs);
    const off = trainer.onEvent((e) => {
      if (e.type === 'snapshot' && e.requestId === requestId) {
        clearTimeout(timer);
        off();
        resolve(e.checkpoint);
      }
    });
    trainer.send({ type: 'snapshot', requestId });
  });
}
