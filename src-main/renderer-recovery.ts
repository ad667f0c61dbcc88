/**
 * What main does when the window's renderer process dies (a crash, an out-of-memory kill): reload the page,
 * which reconnects to the trainer and carries on with the run in progress ('sync'), unless the renderer keeps
 * dying, in which case reloading again would only loop.
 */
export interface RendererRecoveryOptions {
  /** Reloads allowed within `windowMs` before giving up. */
  readonly maxReloads?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Reasons Electron gives for a renderer that went away on purpose: nothing to recover. */
const DELIBERATE = new Set(['clean-exit', 'killed']);

export function createRendererRecovery(options: RendererRecoveryOptions = {}): (reason: string) => 'reload' | 'give-up' | 'ignore' {
  const maxReloads = options.maxReloads ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let reloads: number[] = [];
  return (reason) => {
    if (DELIBERATE.has(reason)) return 'ignore';
    const t = now();
    reloads = reloads.filter((at) => t - at < windowMs);
    if (reloads.length >= maxReloads) return 'give-up';
    reloads.push(t);
    return 'reload';
  };
}
