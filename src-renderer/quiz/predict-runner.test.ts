import { describe, expect, it } from 'vitest';
import { JobChannel } from '../backend/job-channel';
import { FakeJobLink } from '../testing/fake-job-link';
import { locale } from '../i18n/i18n.svelte';
import { jobErrorText } from '../i18n/job-error';
import { problemText } from '../i18n/problem-text';
import { ExperimentCancelled, ExperimentFailed, ExperimentInterrupted, experimentRequest, runExperiment } from './predict-runner';

/** How a promise has settled so far: without waiting on one that may never settle. */
async function state<T>(p: Promise<T>): Promise<{ value: T } | { error: unknown } | 'pending'> {
  const pending = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 0));
  return Promise.race([p.then((value) => ({ value }), (error: unknown) => ({ error })), pending]);
}

function setup() {
  const port = new FakeJobLink();
  return { port, client: new JobChannel(port) };
}

describe('runExperiment', () => {
  it('race: reports progress and resolves with the LSTM’s and the RNN’s held-out accuracy', async () => {
    const { port, client } = setup();
    const fractions: number[] = [];
    const job = runExperiment(client, 'race', 11, (f) => fractions.push(f));
    expect(port.commands).toEqual([{ type: 'start', id: 1, request: experimentRequest('race', 11) }]);
    port.deliver({ type: 'progress', id: 1, done: 50, total: 200, elapsedMs: 10 });
    port.deliver({
      type: 'done', id: 1, durationMs: 20, results: [
        { cell: 'rnn', testAccuracy: 0.3, testLoss: 1, steps: 100 },
        { cell: 'lstm', testAccuracy: 0.9, testLoss: 0.1, steps: 100 },
      ],
    });
    await expect(job.promise).resolves.toEqual({ accFirst: 0.9, accSecond: 0.3, seed: 11 });
    expect(fractions).toEqual([0.25, 1]);
  });

  it('a second experiment on the same jobs API rejects the first, saying another experiment replaced it', async () => {
    const { client } = setup();
    const first = runExperiment(client, 'race', 1, () => {});
    runExperiment(client, 'bidir', 1, () => {});
    const settled = await state(first.promise);
    expect(settled).toEqual({ error: expect.any(ExperimentCancelled) });
    const error = (settled as { error: ExperimentCancelled }).error;
    expect([error.reason, error.message]).toEqual(['replaced', 'another experiment started and replaced this run; run it again']);
  });

  it('cancel() rejects the run at once, so nothing waits on it forever', async () => {
    const { port, client } = setup();
    const job = runExperiment(client, 'bidir', 1, () => {});
    job.cancel();
    const settled = await state(job.promise);
    expect(settled).toEqual({ error: expect.any(ExperimentCancelled) });
    expect((settled as { error: ExperimentCancelled }).error.reason).toBe('cancelled');
    expect(port.commands).toContainEqual({ type: 'cancel', id: 1 });
  });

  it('cancel() rejects even with a client that never reports the cancellation', async () => {
    const handle = { id: 7, cancel: () => {}, pause: () => {}, resume: () => {} };
    const job = runExperiment({ start: () => handle }, 'race', 1, () => {});
    job.cancel();
    expect(await state(job.promise)).toEqual({ error: expect.any(ExperimentCancelled) });
  });

  it('a job error rejects with it as data, worded in the learner’s language when shown', async () => {
    const { port, client } = setup();
    const job = runExperiment(client, 'bidir', 1, () => {});
    port.deliver({ type: 'error', id: 1, reason: 'failed', problem: { code: 'job.failed', detail: 'lstm diverged (loss)' }, diverged: { cell: 'lstm', quantity: 'loss' } });
    const settled = await state(job.promise);
    expect(settled).toEqual({ error: expect.any(ExperimentFailed) });
    const { error } = (settled as { error: ExperimentFailed });
    expect(jobErrorText(error.error)).toBe('the LSTM diverged (loss is no longer a finite number)');
    locale.set('es');
    expect(jobErrorText(error.error)).not.toMatch(/diverged|finite/);
    locale.set('en');
  });

  it('a job error that does not pass the contract is not trusted: the run waits, it does not show the message', async () => {
    const { port, client } = setup();
    const job = runExperiment(client, 'bidir', 1, () => {});
    port.deliver({ type: 'error', id: 1, reason: 'failed', message: 'gru diverged' } as never);
    job.cancel();
    expect(await state(job.promise)).toEqual({ error: expect.any(ExperimentCancelled) });
  });

  it('a trainer crash during the run rejects it as interrupted, with the supervisor’s reason, instead of hanging', async () => {
    const { port, client } = setup();
    const job = runExperiment(client, 'race', 1, () => {});
    port.health({ kind: 'crashed', attempt: 1, reason: { code: 'trainer.hung', params: { seconds: 3.1 }, detail: 'trainer hung: no heartbeat for 3100 ms' }, restartInMs: 100 });
    const settled = await state(job.promise);
    expect(settled).toEqual({ error: expect.any(ExperimentInterrupted) });
    const { reason } = (settled as { error: ExperimentInterrupted }).error;
    expect(problemText(reason)).toBe('it stopped answering for 3.1 s');
    locale.set('fr');
    expect(problemText(reason)).toMatch(/^il n’a plus répondu pendant 3,1\s/);
    locale.set('en');
  });
});
