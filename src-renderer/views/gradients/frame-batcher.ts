/**
 * Coalesce many updates into one per displayed frame: `request()` as often as data arrives, `flush` runs
 * at most once per requestAnimationFrame (or after a short timeout where frames do not run, e.g. tests or a
 * hidden tab). The DOM work the flush causes is done right away (flushSync) and timed, so views can check
 * that a live update stays well inside a frame budget.
 */
import { flushSync } from 'svelte';

export interface FrameBatcher {
  request(): void;
  cancel(): void;
  /** Longest flush so far, in ms (state changes plus the DOM updates they cause). */
  readonly maxMs: number;
  /** Every flush's duration in ms, oldest first (the latest 1,000). */
  readonly costs: readonly number[];
}

export function frameBatcher(flush: () => void): FrameBatcher {
  let pending = false;
  let handle: number | ReturnType<typeof setTimeout> | null = null;
  let maxMs = 0;
  const costs: number[] = [];
  const useRaf = typeof requestAnimationFrame === 'function';
  const run = () => {
    pending = false;
    handle = null;
    const t0 = performance.now();
    flush();
    flushSync();
    const ms = performance.now() - t0;
    maxMs = Math.max(maxMs, ms);
    costs.push(ms);
    if (costs.length > 1000) costs.shift();
  };
  return {
    request() {
      if (pending) return;
      pending = true;
      const hidden = typeof document !== 'undefined' && document.hidden;
      handle = useRaf && !hidden ? requestAnimationFrame(run) : setTimeout(run, 16);
    },
    cancel() {
      if (handle === null) return;
      if (typeof handle === 'number' && useRaf) cancelAnimationFrame(handle);
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
      handle = null;
      pending = false;
    },
    get maxMs() {
      return maxMs;
    },
    costs,
  };
}
