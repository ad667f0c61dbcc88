import type { ForkOptions } from 'electron';

/**
 * How main forks the trainer utility process, as a pure function (utility-trainer.ts, which needs Electron at
 * runtime, only passes this on), so Node tests can check the heap cap without the Electron binary.
 */
export const TRAINER_SERVICE_NAME = 'RNN Lab Trainer';

/** V8 old-space cap for the trainer: the largest allowed run fits well inside it; a runaway one dies ('oom'). */
export const TRAINER_MAX_OLD_SPACE_MB = 1024;
export const HEAP_CAP_RANGE_MB = { min: 64, max: 8192 } as const;

export function trainerForkOptions(maxOldSpaceMb: number = TRAINER_MAX_OLD_SPACE_MB): ForkOptions & { execArgv: string[] } {
  const { min, max } = HEAP_CAP_RANGE_MB;
  if (!Number.isInteger(maxOldSpaceMb) || maxOldSpaceMb < min || maxOldSpaceMb > max) {
    throw new RangeError(`trainer heap cap must be a whole number of MB from ${min} to ${max}, got ${maxOldSpaceMb}`);
  }
  return {
    serviceName: TRAINER_SERVICE_NAME,
    execArgv: [`--max-old-space-size=${maxOldSpaceMb}`],
    stdio: 'inherit',
  };
}
