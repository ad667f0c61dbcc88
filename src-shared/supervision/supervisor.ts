import * as v from 'valibot';
import { describeIssues } from '../protocol/documents';
import type { TrainerHealth } from '../protocol/ipc-contract';
import { problem, problemLogLine, type Problem } from '../protocol/problem';
import type { PackedCheckpoint } from '../protocol/packed-checkpoint';
import { SupervisorEventSchema } from '../protocol/trainer-messages';
import { systemTimers, type TimerHandle, type Timers } from './timers';
import type { TrainerChild } from './trainer-child';

/**
 * Keeps one trainer alive: the utility process in Electron (from main), the Web Worker in the browser (from the page).
 *
 * - crash: the child's exit (or Electron's 'child-process-gone') → restart;
 * - hang: no heartbeat for `hangTimeoutMs` (or none at all within `startupTimeoutMs` of launch) → kill, restart
 *   (unless the supervisor itself was suspended that long: a sleeping laptop, a frozen page);
 * - a failure is reported ('crashed') as soon as it is detected, and the replacement after the backoff ('restoring'
 *   step N while it adopts the checkpoint, then 'restarted' with the step it confirmed, or none);
 * - restarts back off exponentially (initial · 2^(n−1), capped), and after `maxRestarts` restarts inside
 *   `restartWindowMs` the supervisor gives up instead of looping;
 * - every restart gets the last checkpoint the old child reported that passed the contract's schema, with
 *   `resume` = whether it was training; a message that fails the schema changes nothing and is logged.
 *
 * It never sees the training stream itself: `onChild` wires a fresh stream for each child (a MessagePort pair
 * in Electron, so main is not in the hot path; the worker's own port in the browser).
 */
export interface SupervisorOptions<C extends TrainerChild> {
  spawn: () => C;
  onHealth: (health: TrainerHealth) => void;
  /** Called for each new child, after a replacement's restore command is sent: connect its training stream here. */
  onChild?: (child: C, reason: 'initial' | 'restarted') => void;
  hangTimeoutMs?: number;
  startupTimeoutMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Clock and timers (the host's own by default). */
  timers?: Timers;
  log?: (line: string) => void;
}

export type SupervisorState = 'idle' | 'running' | 'restarting' | 'gave-up' | 'stopped';

export interface SavedCheckpoint {
  readonly checkpoint: PackedCheckpoint;
  readonly training: boolean;
}

const DEFAULTS = {
  hangTimeoutMs: 3_000,
  startupTimeoutMs: 20_000,
  backoffInitialMs: 100,
  backoffMaxMs: 5_000,
  maxRestarts: 5,
  restartWindowMs: 60_000,
};

/** Delay before restart number `attempt` (1-based): initial, 2·initial, 4·initial … up to max. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

export class TrainerSupervisor<C extends TrainerChild = TrainerChild> {
  readonly #opts: Required<Omit<SupervisorOptions<C>, 'onChild'>> & Pick<SupervisorOptions<C>, 'onChild'>;
  #child: C | null = null;
  #state: SupervisorState = 'idle';
  #saved: SavedCheckpoint | null = null;
  /** Times of recent restarts, oldest first (pruned to the window). */
  #restarts: number[] = [];
  #lastBeat = 0;
  #sawBeat = false;
  /** When the watchdog last looked. */
  #lastCheck = 0;
  #watchdog: TimerHandle | null = null;
  #pendingRestart: TimerHandle | null = null;
  /** A replacement sent a checkpoint to restore, whose answer the "restarted" health waits for. */
  #awaitingRestore: { child: C; attempt: number; reason: Problem; step: number } | null = null;

  constructor(options: SupervisorOptions<C>) {
    this.#opts = {
      ...DEFAULTS,
      timers: systemTimers,
      log: () => {},
      ...options,
    };
  }

  get state(): SupervisorState {
    return this.#state;
  }

  /** The live child, or null between a failure and its replacement. */
  get child(): C | null {
    return this.#child;
  }

  /** The last checkpoint any child reported (what a restart restores). */
  get lastCheckpoint(): SavedCheckpoint | null {
    return this.#saved;
  }

  /** Launch the first child; after 'gave-up' this starts over with a clean restart count. */
  start(): void {
    if (this.#state === 'running' || this.#state === 'restarting') return;
    this.#restarts = [];
    this.#startWatchdog();
    this.#launch('initial', 0, problem('trainer.exited', undefined, 'first launch'));
  }

  /** Kill the child and stop supervising (app quit). */
  stop(): void {
    this.#state = 'stopped';
    if (this.#pendingRestart) this.#opts.timers.clearTimeout(this.#pendingRestart);
    this.#pendingRestart = null;
    this.#stopWatchdog();
    const child = this.#child;
    this.#child = null;
    child?.kill();
  }

  #launch(kind: 'initial' | 'restarted', attempt: number, reason: Problem): void {
    this.#pendingRestart = null;
    let child: C;
    try {
      child = this.#opts.spawn();
    } catch (err) {
      this.#state = 'running';
      this.#fail(problem('trainer.spawnFailed', undefined, `could not start the trainer: ${err instanceof Error ? err.message : String(err)}`));
      return;
    }
    this.#child = child;
    this.#state = 'running';
    this.#lastBeat = this.#opts.timers.now();
    this.#sawBeat = false;
    child.onMessage((message) => this.#onMessage(child, message));
    child.onExit((why) => {
      if (this.#child === child) this.#fail(problem('trainer.exited', undefined, `trainer exited (${why})`));
    });
    if (kind === 'initial') {
      this.#opts.onChild?.(child, kind);
      this.#opts.onHealth({ kind: 'started' });
      return;
    }
    // The restore goes out before the stream is wired, so a window asking 'sync' on the new stream (a reload at
    // the same moment) is answered by the restored run, never by an empty one it would then replace.
    const saved = this.#saved;
    if (saved) child.postMessage({ type: 'restore', checkpoint: saved.checkpoint, resume: saved.training });
    this.#opts.onChild?.(child, kind);
    // With a checkpoint, 'restarted' waits for the child's 'restored' answer: a restore that fails in the child
    // must not have been announced as done.
    if (saved) {
      this.#awaitingRestore = { child, attempt, reason, step: saved.checkpoint.step };
      this.#opts.onHealth({ kind: 'restoring', attempt, reason, step: saved.checkpoint.step });
    } else this.#opts.onHealth({ kind: 'restarted', attempt, reason, restoredStep: null });
  }

  /** The child's answer to the restore it was sent: now the health line can say what it holds. */
  #onRestored(child: C, message: { step: number; ok: boolean; error?: string }): void {
    const pending = this.#awaitingRestore;
    if (!pending || pending.child !== child || pending.step !== message.step) return;
    this.#awaitingRestore = null;
    if (!message.ok) this.#opts.log(`the restarted trainer could not restore step ${message.step}: ${message.error ?? 'no reason given'}`);
    this.#opts.onHealth({ kind: 'restarted', attempt: pending.attempt, reason: pending.reason, restoredStep: message.ok ? message.step : null });
  }

  #onMessage(child: C, raw: unknown): void {
    if (child !== this.#child) return; // a retired child's last words
    const parsed = v.safeParse(SupervisorEventSchema, raw);
    if (!parsed.success) {
      const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      const what = type === 'checkpoint' ? 'an invalid checkpoint (the last good one is kept)' : 'a malformed control message';
      this.#opts.log(`ignored ${what}: ${describeIssues(parsed.issues)}`);
      return;
    }
    const message = parsed.output;
    this.#lastBeat = this.#opts.timers.now();
    this.#sawBeat = true;
    if (message.type === 'restored') this.#onRestored(child, message);
    else if (message.type === 'checkpoint') this.#saved = { checkpoint: message.checkpoint, training: message.training };
    else if (message.type === 'training' && this.#saved?.checkpoint.step === message.step) this.#saved = { ...this.#saved, training: true };
  }

  /** Retire the current child (killing it if still there) and schedule a replacement or give up. */
  #fail(reason: Problem): void {
    if (this.#state !== 'running') return;
    const old = this.#child;
    this.#child = null;
    old?.kill();
    this.#opts.log(`trainer failed: ${problemLogLine(reason)}`);

    const now = this.#opts.timers.now();
    this.#restarts = this.#restarts.filter((t) => now - t < this.#opts.restartWindowMs);
    const attempt = this.#restarts.length + 1;
    if (attempt > this.#opts.maxRestarts) {
      this.#state = 'gave-up';
      this.#stopWatchdog();
      this.#opts.onHealth({
        kind: 'gave-up',
        reason: { ...reason, detail: `${problemLogLine(reason)}; ${this.#opts.maxRestarts} restarts within ${Math.round(this.#opts.restartWindowMs / 1000)} s` },
      });
      return;
    }
    this.#restarts.push(now);
    this.#state = 'restarting';
    const delay = backoffDelay(attempt, this.#opts.backoffInitialMs, this.#opts.backoffMaxMs);
    this.#opts.onHealth({ kind: 'crashed', attempt, reason, restartInMs: delay });
    this.#pendingRestart = this.#opts.timers.setTimeout(() => this.#launch('restarted', attempt, reason), delay);
  }

  #startWatchdog(): void {
    if (this.#watchdog) return;
    const every = Math.max(20, Math.min(250, this.#opts.hangTimeoutMs / 4));
    this.#lastCheck = this.#opts.timers.now();
    this.#watchdog = this.#opts.timers.setInterval(() => this.#checkHeartbeat(), every);
  }

  #stopWatchdog(): void {
    if (this.#watchdog) this.#opts.timers.clearInterval(this.#watchdog);
    this.#watchdog = null;
  }

  #checkHeartbeat(): void {
    const now = this.#opts.timers.now();
    const sinceLastCheck = now - this.#lastCheck;
    this.#lastCheck = now;
    if (this.#state !== 'running' || !this.#child) return;
    // The watchdog itself did not run for longer than the limit (the machine slept, the page was frozen): the
    // child was stopped with it, so its silence says nothing. It gets a fresh window rather than a restart.
    if (sinceLastCheck > this.#opts.hangTimeoutMs) {
      this.#lastBeat = now;
      return;
    }
    const silent = now - this.#lastBeat;
    const limit = this.#sawBeat ? this.#opts.hangTimeoutMs : this.#opts.startupTimeoutMs;
    if (silent > limit) {
      this.#fail(
        this.#sawBeat
          ? problem('trainer.hung', { seconds: Math.round(silent / 100) / 10 }, `trainer hung: no heartbeat for ${silent} ms`)
          : problem('trainer.noStart', { seconds: Math.round(limit / 100) / 10 }, `trainer did not start within ${limit} ms`),
      );
    }
  }
}
