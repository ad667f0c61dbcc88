import { MessageChannelMain, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import type { SupervisorCommand } from '../src-shared/protocol/trainer-messages';
import { sendEvent } from './renderer-events';
import type { TrainerChild } from '../src-shared/supervision/trainer-child';
import { trainerForkOptions } from './trainer-fork-options';
import { PORT_MESSAGE } from './trainer/port-message';

/** The trainer as an Electron utility process, plus the ability to hand it a stream port. */
export interface UtilityTrainerChild extends TrainerChild {
  sendPort(port: MessagePortMain): void;
}

export interface UtilityTrainerOptions {
  /** out/main/trainer.js */
  readonly entry: string;
  /** V8 old-space cap: a runaway run dies with 'oom' (and is restarted) instead of eating the machine. Default TRAINER_MAX_OLD_SPACE_MB. */
  readonly maxOldSpaceMb?: number;
}

export function spawnUtilityTrainer(options: UtilityTrainerOptions): UtilityTrainerChild {
  const proc = utilityProcess.fork(options.entry, [], trainerForkOptions(options.maxOldSpaceMb));
  let fatal: string | null = null;
  proc.on('error', (type, location) => {
    fatal = `${type} at ${location}`;
  });
  return {
    get pid() {
      return proc.pid;
    },
    postMessage: (command: SupervisorCommand) => proc.postMessage(command),
    onMessage: (listener) => void proc.on('message', listener),
    // 'exit' fires for every ending (clean, crash, kill, OOM). app's 'child-process-gone' carries no pid, so
    // it cannot tell this trainer from one being retired; index.ts only logs it.
    onExit: (listener) => void proc.once('exit', (code) => listener(fatal ? `${fatal}, exit code ${code}` : `exit code ${code}`)),
    kill() {
      // SIGKILL, not the SIGTERM of proc.kill(): a hung (or stopped) trainer must go now.
      const pid = proc.pid;
      if (pid === undefined) {
        proc.kill();
        return;
      }
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        proc.kill();
      }
    },
    sendPort: (port) => proc.postMessage(PORT_MESSAGE, [port]),
  };
}

/**
 * Give the renderer a direct line to the trainer: a fresh MessageChannelMain, one end to each.
 * After this, training traffic flows renderer ⇄ trainer without passing through main.
 */
export function connectRendererToTrainer(child: UtilityTrainerChild, contents: WebContents | null, reason: 'initial' | 'restarted'): boolean {
  if (!contents || contents.isDestroyed()) return false;
  const { port1, port2 } = new MessageChannelMain();
  child.sendPort(port1);
  return sendEvent(contents, 'trainerPort', { reason }, [port2]);
}
