import type { Interrupt } from '../engine/interrupt';
import { interruptsTraining } from '../protocol/trainer-messages';

/**
 * How a command can stop a training step that is already running. The thread that receives the stream calls
 * `request()` for every command that should cut training short (pause, stop, reset, configure, step), before
 * forwarding it; the training session's thread calls `acknowledge()` as it handles each such command. In between,
 * `pending()` is true and the engine abandons its step at the next time step (see engine/interrupt.ts).
 *
 * The counter lives in a SharedArrayBuffer, so the session sees a request while it is still computing: where the
 * trainer runs in a thread of its own this bounds pause/stop latency by one time step, not one training step.
 */
/** The session's side of the signal. */
export interface SessionInterrupt {
  acknowledge(): void;
  pending(): boolean;
}

export interface InterruptSignal extends SessionInterrupt {
  /** Receiving side: an interrupting command is on its way. */
  request(): void;
  /** Session side: one interrupting command has been handled. */
  acknowledge(): void;
  /** Session side: a requested command has not been handled yet. */
  pending(): boolean;
  /** The shared counter, to hand to the other thread. */
  readonly buffer: SharedArrayBuffer;
}

export function createInterruptSignal(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)): InterruptSignal {
  const requested = new Int32Array(buffer, 0, 1);
  let handled = Atomics.load(requested, 0);
  /** Requests not yet handled (int32 arithmetic, so the counter may wrap). */
  const outstanding = () => (Atomics.load(requested, 0) - handled) | 0;
  return {
    buffer,
    request: () => void Atomics.add(requested, 0, 1),
    // A command that reached the session without passing the relay was never counted: it must not make the
    // session run ahead of the counter (the next real request would then go unnoticed).
    acknowledge: () => {
      if (outstanding() > 0) handled = (handled + 1) | 0;
    },
    pending: () => outstanding() > 0,
  };
}

/** Forward raw stream messages through `deliver`, raising the signal first for those that interrupt training. */
export function relayWithInterrupt(signal: InterruptSignal, deliver: (raw: unknown) => void): (raw: unknown) => void {
  return (raw) => {
    if (interruptsTraining(raw)) signal.request();
    deliver(raw);
  };
}

/** What the engine asks before every time step: report progress, then whether a command is waiting. */
export function interruptCheck(signal: SessionInterrupt | null, progress: (() => void) | null): Interrupt | undefined {
  if (signal && progress) {
    return () => {
      progress();
      return signal.pending();
    };
  }
  if (signal) return () => signal.pending();
  if (progress) {
    return () => {
      progress();
      return false;
    };
  }
  return undefined;
}
