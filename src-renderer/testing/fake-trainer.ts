import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { StepPoint, TrainerCommand, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { Listeners, type TrainerStream } from '../backend/backend';

/**
 * A TrainerStream that records commands and lets a test play the trainer's part. It answers 'sync' at once, as
 * a fresh trainer does (no run), unless it was made with the config of a run already in progress.
 */
export class FakeTrainer implements TrainerStream {
  readonly sent: TrainerCommand[] = [];
  readonly events = new Listeners<TrainerEvent>();
  readonly health = new Listeners<TrainerHealth>();

  constructor(private readonly running: TrainingConfig | null = null) {}

  send(cmd: TrainerCommand): void {
    this.sent.push(cmd);
    if (cmd.type === 'sync') this.emit({ type: 'synced', config: this.running });
  }
  onEvent(listener: (event: TrainerEvent) => void): () => void {
    return this.events.add(listener);
  }
  onHealth(listener: (health: TrainerHealth) => void): () => void {
    return this.health.add(listener);
  }
  emit(event: TrainerEvent): void {
    this.events.emit(event);
  }
  types(): string[] {
    return this.sent.map((c) => c.type);
  }
}

export function points(from: number, to: number, loss: (step: number) => number = (s) => 1 / s): StepPoint[] {
  const out: StepPoint[] = [];
  for (let step = from; step <= to; step++) {
    out.push({ step, loss: loss(step), accuracy: 0.5, gradNormBefore: 1, gradNormAfter: 1, clipped: false });
  }
  return out;
}

/** jsdom has no ResizeObserver; Svelte's bind:clientWidth needs one. */
export function installResizeObserverStub(): void {
  if (typeof globalThis.ResizeObserver === 'function') return;
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}
