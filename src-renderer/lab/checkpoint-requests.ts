import type { Checkpoint } from '../../src-shared/protocol/trainer-messages';

/** Checkpoints asked of the trainer ('snapshot' requests), each answered by the 'snapshot' event of its id. */
export class CheckpointRequests {
  readonly #waiters = new Map<number, (checkpoint: Checkpoint) => void>();
  #nextId = 1;

  /** Ask with `send(requestId)`; resolves with the checkpoint the trainer answers. */
  request(send: (requestId: number) => void): Promise<Checkpoint> {
    const requestId = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiters.set(requestId, resolve);
      send(requestId);
    });
  }

  /** The trainer answered request `requestId`. */
  settle(requestId: number, checkpoint: Checkpoint): void {
    const resolve = this.#waiters.get(requestId);
    this.#waiters.delete(requestId);
    resolve?.(checkpoint);
  }
}
