import type { OpenTextFileRequest, OpenTextFileResult } from '../../src-shared/protocol/ipc-contract';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import type { TrainerStream } from '../backend/backend';

/** What the Lab's state is wired to: the trainer, the starting config, and the shell's hooks. */
export interface LabOptions {
  trainer: TrainerStream;
  initialConfig: TrainingConfig;
  /** Called with every edited configuration (the app saves it as settings.lastConfig). */
  /** `discrete`: one deliberate action (a lesson change or its undo), to be kept at once rather than after a pause. */
  onConfigChange?: (config: TrainingConfig, discrete?: boolean) => void;
  /** Runs `ack` once the latest stats are on screen; tests pass a synchronous one. */
  scheduleAck?: (ack: () => void) => void;
  /** Edits settle this long before the trainer is reconfigured (sliders fire continuously). */
  configureDelayMs?: number;
  /** Desktop: the native open dialog for "Your data" (the browser build uses a file input). */
  openTextFile?: (req: OpenTextFileRequest) => Promise<OpenTextFileResult>;
}

/** A config without the learner's dataset (a bundled task again). */
export function withoutDataset(config: TrainingConfig): TrainingConfig {
  const { dataset: _dropped, ...rest } = config;
  return rest;
}
