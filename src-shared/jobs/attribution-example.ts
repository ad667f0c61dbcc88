/**
 * The held-out review the connectivity comparison and its quiz question follow, chosen from the task data alone
 * (no model), so the page can show the review's words before any run.
 */
import type { Example } from '../engine/types';
import type { TaskData } from '../tasks/types';

/** Held-out reviews searched for the job's example. */
const EXAMPLE_POOL = 64;

/**
 * The review the comparison follows: among the first EXAMPLE_POOL held-out reviews with a "but", the one whose
 * "but" stands furthest from the end (a verdict that has to be carried the furthest); the first such on a tie.
 * Falls back to the longest review when none has a "but" (a task without one).
 */
export function attributionExample(task: TaskData): Example {
  const pool = (task.test.length > 0 ? task.test : task.train).slice(0, EXAMPLE_POOL);
  const but = task.inputVocab.indexOf('but');
  let best: Example | null = null;
  let bestBack = -1;
  for (const ex of pool) {
    const at = but >= 0 ? ex.input.lastIndexOf(but) : -1;
    if (at < 0) continue;
    const back = ex.input.length - 1 - at;
    if (back > bestBack) {
      best = ex;
      bestBack = back;
    }
  }
  return best ?? pool.reduce((a, b) => (b.input.length > a.input.length ? b : a));
}
