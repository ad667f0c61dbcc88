/**
 * Cooperative interruption of a training step or an evaluation. The recurrence asks `interrupt()` before every
 * time step, forward and backward; when it answers true the pass throws StepInterrupted. Nothing the caller keeps
 * is left half-done: gradients are zeroed at the start of the next forwardBackward, and parameters only change in
 * the optimizer's step, which runs after a pass has completed.
 */
export type Interrupt = () => boolean;

export class StepInterrupted extends Error {
  constructor() {
    super('the step was interrupted');
    this.name = 'StepInterrupted';
  }
}

/** Throws StepInterrupted when the check says so (the chains call this once per time step). */
export function checkInterrupt(interrupt: Interrupt | null): void {
  if (interrupt !== null && interrupt()) throw new StepInterrupted();
}
