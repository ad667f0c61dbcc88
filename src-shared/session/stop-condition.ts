/**
 * When a run stops by itself: the config's optional targets (training-config.ts), checked by the session
 * after every stretch of steps and after every held-out evaluation.
 */
import type { EvalResult, StopReason } from '../protocol/trainer-messages';
import type { TrainingConfig } from '../protocol/training-config';

/** The step limit, once `step` steps are done. */
export function stopForSteps(config: TrainingConfig, step: number): StopReason | null {
  return config.stopAtStep !== undefined && step >= config.stopAtStep ? { kind: 'steps', step } : null;
}

/** The accuracy target, once a held-out evaluation reaches it. */
export function stopForAccuracy(config: TrainingConfig, result: EvalResult): StopReason | null {
  const target = config.stopAtAccuracy;
  if (target === undefined || !(result.testAccuracy >= target)) return null;
  return { kind: 'accuracy', accuracy: result.testAccuracy, target, step: result.step };
}

/** How many more steps training may take before the step limit (Infinity without one). */
export function stepsLeft(config: TrainingConfig, step: number): number {
  return config.stopAtStep === undefined ? Infinity : Math.max(0, config.stopAtStep - step);
}

/** The session's English status message (the renderer words its own status line from `stoppedBy`). */
export function describeStop(reason: StopReason): string {
  if (reason.kind === 'steps') return `Stopped by itself at the step limit, step ${reason.step}`;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return `Stopped by itself at step ${reason.step}: held-out accuracy ${pct(reason.accuracy)} reached the target ${pct(reason.target)}`;
}
