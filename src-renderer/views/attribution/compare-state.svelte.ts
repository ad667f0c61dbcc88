/**
 * The RNN / LSTM / GRU connectivity comparison as the page holds it: a trainer-host 'attribution' job (same
 * sentiment data, seed and batches for the three cells) and, per cell, the latest connectivity of the job's review
 * with the step and held-out accuracy it was computed at.
 */
import type { CellKind } from '../../../src-shared/engine/types';
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { compareRequest, COMPARE_DEFAULTS, type CompareSettings } from '../../../src-shared/jobs/attribution-compare';
import type { JobEvent } from '../../../src-shared/protocol/job-messages';
import type { JobsApi } from '../../backend/backend';
import { JobState } from '../gradients/job-state.svelte';

export interface CellAttribution {
  readonly step: number;
  readonly testAccuracy: number;
  readonly attribution: Attribution;
}

export class CompareState {
  settings: CompareSettings = $state({ ...COMPARE_DEFAULTS });
  readonly job: JobState;
  cells: Partial<Record<CellKind, CellAttribution>> = $state.raw({});

  constructor(jobs: JobsApi) {
    this.job = new JobState(jobs, (e) => this.#receive(e));
  }

  start(): void {
    this.cells = {};
    this.job.start(compareRequest(this.settings));
  }

  dispose(): void {
    this.job.dispose();
  }

  #receive(e: JobEvent): void {
    if (e.type !== 'attribution-tick') return;
    this.cells = { ...this.cells, [e.cell]: { step: e.step, testAccuracy: e.testAccuracy, attribution: e.attribution } };
  }
}
