/**
 * The clock and timers supervision runs on, injected so the same code runs in Electron main, a Node child, a Web
 * Worker and the page, and so tests can drive it with a fake clock. `systemTimers` reads the host's globals at call
 * time (ECMAScript hosts all have them), so a test's fake timers installed later still apply.
 */
export type TimerHandle = unknown;

export interface Timers {
  /** Milliseconds on a clock that only moves forward while the process runs (wall or monotonic). */
  now(): number;
  setTimeout(task: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(task: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}

type Globals = {
  setTimeout(task: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(task: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
};
const g = (): Globals => globalThis as unknown as Globals;

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (task, ms) => g().setTimeout(task, ms),
  clearTimeout: (handle) => g().clearTimeout(handle),
  setInterval: (task, ms) => g().setInterval(task, ms),
  clearInterval: (handle) => g().clearInterval(handle),
};
