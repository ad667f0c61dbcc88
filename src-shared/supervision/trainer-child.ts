import type { PackedCheckpoint } from '../protocol/packed-checkpoint';
import type { SupervisorCommand } from '../protocol/trainer-messages';

/**
 * What the supervisor needs from one trainer, whatever started it: Electron's utilityProcess.fork in the app,
 * Node's child_process.fork in tests, `new Worker` in the browser build.
 */
export interface TrainerChild {
  /** OS process id once known (undefined while the process is still launching). */
  readonly pid: number | undefined;
  /** Send a supervision command on the control channel. */
  postMessage(command: SupervisorCommand): void;
  /** Every message the trainer sends on the control channel, unvalidated. */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process is gone, with a short human-readable reason. */
  onExit(listener: (reason: string) => void): void;
  /** Terminate at once (SIGKILL where possible: a stopped or spinning process must still die). */
  kill(): void;
}

/** The control-channel messages the supervisor acts on (a light shape check, not full validation). */
export type ControlMessage =
  | { type: 'heartbeat'; at: number }
  | { type: 'pong'; id: number }
  | { type: 'checkpoint'; checkpoint: PackedCheckpoint; training: boolean }
  | { type: 'training'; step: number };

/** Narrow an unknown control message; anything else is ignored by the supervisor. */
export function asControlMessage(message: unknown): ControlMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'heartbeat':
      return typeof m.at === 'number' ? (m as ControlMessage) : null;
    case 'pong':
      return typeof m.id === 'number' ? (m as ControlMessage) : null;
    case 'training':
      return typeof m.step === 'number' ? (m as ControlMessage) : null;
    case 'checkpoint': {
      const cp = m.checkpoint as Record<string, unknown> | null;
      const ok = typeof cp === 'object' && cp !== null && typeof cp.step === 'number' && typeof m.training === 'boolean';
      return ok ? (m as ControlMessage) : null;
    }
    default:
      return null;
  }
}
