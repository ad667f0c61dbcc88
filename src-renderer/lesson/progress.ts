import type { Progress } from '../../src-shared/protocol/documents';

/**
 * Progress maths, independent of storage and UI: where the learner is, what is done and how long is left.
 * `order` is the list of section ids being taught (the full lesson or a lesson pack's subset).
 */

export function initialProgress(order: readonly string[]): Progress {
  return { version: 1, currentSection: order[0] ?? '', completed: [] };
}

/** Keep a loaded document consistent with the sections being taught (a pack may have fewer). */
export function reconcile(progress: Progress | null, order: readonly string[]): Progress {
  if (!progress) return initialProgress(order);
  const completed = order.filter((id) => progress.completed.includes(id));
  const currentSection = order.includes(progress.currentSection) ? progress.currentSection : (order[0] ?? '');
  return { version: 1, currentSection, completed };
}

export function indexOf(progress: Progress, order: readonly string[]): number {
  return Math.max(0, order.indexOf(progress.currentSection));
}

/** Move to section `id`; the section being left counts as read when moving forward. */
export function goTo(progress: Progress, order: readonly string[], id: string): Progress {
  if (!order.includes(id)) return progress;
  const from = indexOf(progress, order);
  const to = order.indexOf(id);
  const completed = to > from ? markDone(progress.completed, order, progress.currentSection) : progress.completed.slice();
  return { version: 1, currentSection: id, completed };
}

export function next(progress: Progress, order: readonly string[]): Progress {
  const i = indexOf(progress, order);
  if (i >= order.length - 1) return { ...progress, completed: markDone(progress.completed, order, progress.currentSection) };
  return goTo(progress, order, order[i + 1]);
}

export function previous(progress: Progress, order: readonly string[]): Progress {
  const i = indexOf(progress, order);
  return i === 0 ? progress : goTo(progress, order, order[i - 1]);
}

function markDone(completed: readonly string[], order: readonly string[], id: string): string[] {
  const set = new Set([...completed, id]);
  return order.filter((s) => set.has(s));
}

/**
 * Minutes left: every section not yet completed, the current one included (we do not know how far into it the
 * reader is, so it counts in full).
 */
export function minutesLeft(progress: Progress, order: readonly string[], minutes: (id: string) => number): number {
  return order.filter((id) => !progress.completed.includes(id)).reduce((sum, id) => sum + minutes(id), 0);
}

/** Fraction of the sections completed, 0..1. */
export function fractionDone(progress: Progress, order: readonly string[]): number {
  return order.length === 0 ? 1 : order.filter((id) => progress.completed.includes(id)).length / order.length;
}
