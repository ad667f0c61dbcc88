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
