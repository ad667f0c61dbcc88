import type { JobEvent, JobRequest } from '../../src-shared/protocol/job-messages';
import { problemLogLine, type Problem } from '../../src-shared/protocol/problem';
import type { JobHandle, JobsApi } from '../backend/backend';
import { t } from '../i18n/i18n.svelte';
import { jobError, type JobError } from '../i18n/job-error';
import { attributionRequest } from './attribution-question';
import { BIDIR_EXPERIMENT, RACE_EXPERIMENT } from './experiments';

export type Experiment = 'race' | 'bidir' | 'attribution';

/** Held-out accuracies (0..1) of the option-'a' model and the option-'b' model. */
export interface ExperimentOutcome {
  readonly accFirst: number;
  readonly accSecond: number;
  readonly seed: number;
  /** Attribution: the LSTM's verdict row a[T][s] of the job's review (accFirst is its held-out accuracy). */
  readonly verdict?: readonly number[];
}

/**
 * The run ended before its result: `replaced` when another experiment started on the trainer host (which runs
 * one job at a time), `cancelled` when its owner cancelled it. The learner can run it again; it is not retried here,
 * where two runners on one host would keep replacing each other.
 */
export class ExperimentCancelled extends Error {
  constructor(readonly reason: 'replaced' | 'cancelled') {
    super(t(reason === 'replaced' ? 'app.experimentReplaced' : 'app.experimentCancelled'));
    this.name = 'ExperimentCancelled';
  }
}

/** The trainer stopped (crashed or hung) during the run, which is lost; `reason` is the supervisor's. */
export class ExperimentInterrupted extends Error {
  constructor(readonly reason: Problem) {
    super(`the trainer stopped during the run: ${problemLogLine(reason)}`);
    this.name = 'ExperimentInterrupted';
  }
}

/** The job ended in error (refused, failed, diverged): `error` is worded when shown (jobErrorText). */
export class ExperimentFailed extends Error {
  constructor(readonly error: JobError) {
    super('code' in error ? problemLogLine(error) : error.key);
    this.name = 'ExperimentFailed';
  }
}

export function experimentRequest(experiment: Experiment, seed: number): JobRequest {
  if (experiment === 'attribution') return attributionRequest(seed);
  if (experiment === 'race') {
    const { k, steps, hiddenSize, batchSize, learningRate } = RACE_EXPERIMENT;
    return { type: 'race', task: 'memory', taskParams: { k }, cells: ['lstm', 'rnn'], steps, hiddenSize, batchSize, learningRate, seed };
  }
  const { cell, steps, hiddenSize, batchSize, learningRate } = BIDIR_EXPERIMENT;
  return { type: 'bidir', cell, steps, hiddenSize, batchSize, learningRate, seed };
}

/**
 * Run a known-good seeded experiment as a trainer-host job (Backend.jobs). First = LSTM (race) or bidirectional (tagging);
 * second = vanilla RNN or forward-only. Tagging is scored on the ambiguous words only. `onProgress` gets a fraction 0..1.
 * The promise always settles: with the outcome, the job's error, ExperimentInterrupted when the trainer died under it,
 * or ExperimentCancelled (also when `cancel` is called).
 */
export function runExperiment(
  jobs: JobsApi,
  experiment: Experiment,
  seed: number,
  onProgress: (fraction: number) => void,
): { promise: Promise<ExperimentOutcome>; cancel: () => void } {
  let job: JobHandle | null = null;
  let stop: (e: ExperimentCancelled) => void = () => {};
  const promise = new Promise<ExperimentOutcome>((resolve, reject) => {
    stop = reject;
    const bidir: { fwd?: number; bi?: number } = {};
    let verdict: readonly number[] | undefined;
    const listener = (e: JobEvent) => {
      switch (e.type) {
        case 'progress':
          onProgress(e.total > 0 ? e.done / e.total : 0);
          break;
        case 'attribution-tick':
          verdict = e.attribution.matrix.at(-1);
          break;
        case 'bidir-result':
          if (e.bidirectional) bidir.bi = e.ambiguousAccuracy;
          else bidir.fwd = e.ambiguousAccuracy;
          break;
        case 'done': {
          onProgress(1);
          if (experiment === 'attribution') {
            resolve({ accFirst: e.results[0]?.testAccuracy ?? NaN, accSecond: NaN, seed, verdict: verdict ?? [] });
          } else if (experiment === 'race') {
            const acc = (cell: string) => e.results.find((r) => r.cell === cell)?.testAccuracy ?? NaN;
            resolve({ accFirst: acc('lstm'), accSecond: acc('rnn'), seed });
          } else {
            resolve({ accFirst: bidir.bi ?? NaN, accSecond: bidir.fwd ?? NaN, seed });
          }
          break;
        }
        case 'error':
          reject(e.reason === 'interrupted' ? new ExperimentInterrupted(e.problem) : new ExperimentFailed(jobError(e)));
          break;
        case 'cancelled':
          reject(new ExperimentCancelled(e.replacedBy ? 'replaced' : 'cancelled'));
          break;
        default:
          break;
      }
    };
    job = jobs.start(experimentRequest(experiment, seed), listener);
  });
  const cancel = () => {
    job?.cancel();
    stop(new ExperimentCancelled('cancelled'));
  };
  return { promise, cancel };
}
