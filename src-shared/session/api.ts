import type { SessionInterrupt } from './interrupt-signal';
import type { PackedCheckpoint } from '../protocol/packed-checkpoint';
import type { Checkpoint, TrainerEvent } from '../protocol/trainer-messages';

/**
 * A training session hosted by the trainer utility process (Electron) or a Web Worker (browser).
 * The host forwards every raw message from the stream to `handle` and posts every event it emits.
 * Training runs in time slices (a few ms each) so commands like pause and stop take effect quickly.
 */
export interface TrainingSessionApi {
  /** Validate and act on one raw message from the stream; a bad message yields an 'error' event, never a throw. */
  handle(raw: unknown): void;
  /** The current run as a checkpoint, or null before the first configure. */
  checkpoint(): Checkpoint | null;
  /** The same in typed arrays, for the supervisor's periodic copy (cheap to build and to clone). */
  packedCheckpoint(): PackedCheckpoint | null;
  /** Continue from a checkpoint (after a trainer restart); resumes training when `resume` is true. */
  /** Adopt a checkpoint; whether it could be (a checkpoint that does not fit its model is refused, nothing changed). */
  restore(checkpoint: Checkpoint | PackedCheckpoint, resume: boolean): { ok: true } | { ok: false; error: string };
  readonly isTraining: boolean;
  /** Stop timers; the session must not post anything afterwards. */
  dispose(): void;
}

export type PostEvent = (event: TrainerEvent) => void;

/** How a session is created: its clock, and the host's interrupt signal and progress hook where it has them. */
export interface TrainingSessionOptions {
  /** Milliseconds, for slicing and the steps-per-second rate (performance.now by default). */
  readonly now?: () => number;
  /**
   * Where the host has one, lets a pause or stop cut the running training step short (see interrupt-signal.ts).
   * Without it, commands wait for the current step to finish.
   */
  readonly signal?: SessionInterrupt | null;
  /**
   * Called before every time step and block of the engine's passes, while training or evaluating: proof that the
   * session is making progress inside a step, however long the step (the trainer host heartbeats from it).
   */
  readonly progress?: (() => void) | null;
}
