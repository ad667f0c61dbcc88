/**
 * The explorer's sliders and its latest result. The Jacobian product (T·H³ plus a norm per step) is computed
 * by the trainer host, as a one-shot job, so dragging a slider never blocks the page; while one request is out, newer settings wait
 * and only the latest is sent next.
 */
import type { Activation } from '../../../src-shared/engine/types';
import type { ExplorerData, ExplorerInput } from '../../../src-shared/jobs/explorer';
import type { JobsApi } from '../../backend/backend';
import { jobError, type JobError } from '../../i18n/job-error';

export class ExplorerState {
  rho = $state(0.9);
  T = $state(100);
  activation: Activation = $state('tanh');
  clip = $state(0);
  data: ExplorerData | null = $state.raw(null);
  /** Why the last computation failed, kept as data and worded when shown. */
  error: JobError | null = $state(null);
  #inFlight = false;
  #queued: ExplorerInput | null = null;

  constructor(private readonly jobs: JobsApi) {}

  get input(): ExplorerInput {
    return { rho: this.rho, T: this.T, activation: this.activation, clip: this.clip };
  }

  /** Ask for the current settings (call whenever a slider moves). */
  request(input: ExplorerInput): void {
    if (this.#inFlight) {
      this.#queued = input;
      return;
    }
    this.#inFlight = true;
    this.jobs.start({ type: 'explore', ...input }, (e) => {
      this.#inFlight = false;
      if (e.type === 'explore-result') {
        this.data = { input, exact: e.exact, ideal: e.ideal, clipped: e.clipped, clipScale: e.clipScale, rho: e.rho };
        this.error = null;
      } else if (e.type === 'error') this.error = jobError(e);
      const next = this.#queued;
      this.#queued = null;
      if (next) this.request(next);
    });
  }
}
