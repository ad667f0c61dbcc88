import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JobStreamCommand } from '../../src-shared/protocol/job-messages';
import type { SupervisorCommand, TrainerCommand } from '../../src-shared/protocol/trainer-messages';
import type { TrainerChild } from '../../src-shared/supervision/trainer-child';
import type { Socket } from 'node:net';
import { framedChannel, STREAM_FD } from './framed-socket';

/** A Node-forked trainer: a TrainerChild plus the training stream, on a socket of its own. */
export interface NodeTrainerChild extends TrainerChild {
  postStream(command: TrainerCommand | JobStreamCommand): void;
  onStream(listener: (event: unknown) => void): void;
}

export interface NodeTrainerOptions {
  heartbeatMs?: number;
  checkpointMs?: number;
}

const CHILD_ENTRY = fileURLToPath(new URL('./node-child.ts', import.meta.url));

/** Fork node-child.ts through tsx, so tests exercise the same host code the utility process runs. */
export function spawnNodeTrainer(options: NodeTrainerOptions = {}): NodeTrainerChild {
  const child = fork(CHILD_ENTRY, [], {
    execPath: process.execPath,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      RNN_LAB_HEARTBEAT_MS: String(options.heartbeatMs ?? 500),
      RNN_LAB_CHECKPOINT_MS: String(options.checkpointMs ?? 2_000),
    },
    // fd 3: supervision (IPC); fd 4: the training stream's own socket (framed-socket.ts).
    stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'],
    // Structured clone, as Electron's utility process and MessagePorts use; JSON would spend ~100 ms on each side
    // per checkpoint of a realistic model (H=128: 6.7 MB of JSON) and stall both event loops.
    serialization: 'advanced',
  });
  const controlListeners: ((message: unknown) => void)[] = [];
  child.on('message', (message: unknown) => {
    for (const l of controlListeners) l(message);
  });
  const stream = framedChannel(child.stdio[STREAM_FD] as Socket);
  // A send after the child died raises asynchronously through 'error'; the exit is what matters.
  child.on('error', () => {});

  const safeSend = (message: unknown) => {
    if (child.connected) child.send(message as object, (err) => void err);
  };

  return {
    get pid() {
      return child.pid;
    },
    postMessage: (command: SupervisorCommand) => safeSend(command),
    onMessage: (listener) => void controlListeners.push(listener),
    onExit(listener) {
      if (child.exitCode !== null || child.signalCode !== null) {
        queueMicrotask(() => listener(describe(child.exitCode, child.signalCode)));
        return;
      }
      child.once('exit', (code, signal) => listener(describe(code, signal)));
    },
    kill: () => void child.kill('SIGKILL'),
    postStream: (command) => stream.send(command),
    onStream: (listener) => stream.onMessage(listener),
  };
}

function describe(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}
