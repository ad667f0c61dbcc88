import { TASK_SPECS } from '../../src-shared/tasks/index';
import type { TaskId, TaskSpec } from '../../src-shared/tasks/types';

/*
 * The bundled tasks' specs, free of the catalogue and its rune module, so Node scripts (the demo snapshot builder)
 * and workers can use them; task-catalog.ts adds what the learner reads about each task.
 */

/** The bundled tasks in display order. */
export const TASKS: readonly TaskSpec[] = Object.values(TASK_SPECS);

export function taskSpec(id: TaskId): TaskSpec | undefined {
  return TASKS.find((t) => t.id === id);
}

/** Each knob of the task at its default value. */
export function defaultTaskParams(id: TaskId): Record<string, number> {
  return Object.fromEntries((taskSpec(id)?.params ?? []).map((p) => [p.key, p.default]));
}

