import { describe, expect, it } from 'vitest';
import { FakeJobs } from '../../testing/fake-jobs';
import type { JobOutput } from '../../../src-shared/jobs/jobs';
import type { JobEvent, JobRequest } from '../../../src-shared/protocol/job-messages';
import { problem } from '../../../src-shared/protocol/problem';
import { JobChannel } from '../../backend/job-channel';
import { locale } from '../../i18n/i18n.svelte';
import { FakeJobLink } from '../../testing/fake-job-link';
import { JobState } from './job-state.svelte';

const BIDIR: JobRequest = { type: 'bidir', steps: 10, hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1, cell: 'gru' };
const RACE: JobRequest = {
  type: 'race', task: 'memory', taskParams: { k: 5 }, cells: ['rnn'], steps: 10, hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1,
};
const HORIZON: JobRequest = {
  type: 'horizon', task: 'memory', ks: [5], steps: 10, cells: ['rnn'], hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1,
};
const progress = (done: number, total = 20): JobOutput => ({ type: 'progress', done, total, elapsedMs: done * 10 });
const done: JobOutput = { type: 'done', durationMs: 1234, results: [] };

function setup() {
  const client = new FakeJobs();
  const seen: JobEvent[] = [];
  const job = new JobState(client, (e) => seen.push(e));
  return { client, job, seen };
}

describe('JobState', () => {
  it('is idle with an empty bar before any job', () => {
    const { job } = setup();
    expect([job.status, job.running, job.error, job.progress]).toEqual(['idle', false, null, { done: 0, total: 0, elapsedMs: 0 }]);
  });

  it('start → progress → done: runs with the worker’s progress, then is done with its duration and a full bar', () => {
    const { client, job } = setup();
    job.start(BIDIR);
    expect(client.started.map((j) => j.request)).toEqual([BIDIR]);
    expect([job.status, job.running]).toEqual(['running', true]);
    client.emit(progress(5));
    expect(job.progress).toEqual({ done: 5, total: 20, elapsedMs: 50 });
    client.emit(progress(15));
    client.emit(done);
    expect([job.status, job.running, job.durationMs, job.error]).toEqual(['done', false, 1234, null]);
    expect(job.progress).toEqual({ done: 20, total: 20, elapsedMs: 150 });
  });

  it('cancel mid-run: tells the client which job, shows cancelled, and ignores that job’s late events', () => {
    const { client, job, seen } = setup();
    job.start(BIDIR);
    client.emit(progress(5));
    job.cancel();
    expect(client.cancelled).toEqual([client.lastId]);
    expect(job.status).toBe('cancelled');
    const before = seen.length;
    client.emit(progress(10));
    client.emit(done);
    expect(job.status).toBe('cancelled');
    expect(job.progress.done).toBe(5);
    expect(job.durationMs).toBe(0);
    expect(seen).toHaveLength(before);
  });

  it('error: shows the message and stops; the next start clears it and resets the bar', () => {
    const { client, job } = setup();
    job.start(BIDIR);
    client.emit(progress(5));
    client.emit({ type: 'error', reason: 'failed', problem: problem('job.failed', undefined, 'gru diverged (loss)'), diverged: { cell: 'gru', quantity: 'loss' } });
    expect([job.status, job.running, job.interrupted]).toEqual(['error', false, false]);
    expect(job.errorText).toBe('the GRU diverged (loss is no longer a finite number)');
    // Kept as data: a switch of language rewords the error already on screen, with no English left in it.
    locale.set('fr');
    expect(job.errorText).not.toMatch(/diverged|finite/);
    expect(job.errorText).toContain('GRU');
    locale.set('en');
    job.cancel();
    expect(client.cancelled).toEqual([]); // nothing is running to cancel
    job.start(BIDIR);
    expect([job.status, job.error, job.progress.done]).toEqual(['running', null, 0]);
  });

  it('a cancelled event from the worker ends the job as cancelled', () => {
    const { client, job } = setup();
    job.start(BIDIR);
    client.emit({ type: 'cancelled' });
    expect([job.status, job.running]).toEqual(['cancelled', false]);
  });

  it('a second start cancels the first; the first job’s stale events never land', () => {
    const { client, job, seen } = setup();
    job.start(BIDIR);
    const first = client.lastId;
    client.emit(progress(5), first);
    job.start(BIDIR);
    const second = client.lastId;
    expect(second).not.toBe(first);
    expect(client.cancelled).toEqual([first]);
    expect([job.status, job.progress.done]).toEqual(['running', 0]);

    client.emit(progress(19), first);
    client.emit({ type: 'error', reason: 'failed', problem: problem('job.failed', undefined, 'stale') }, first);
    client.emit(done, first);
    expect([job.status, job.error, job.progress.done, job.durationMs]).toEqual(['running', null, 0, 0]);
    expect(seen.every((e) => e.id === first || e.id === second)).toBe(true);
    expect(seen.filter((e) => e.id === first)).toHaveLength(1); // only the progress it sent while it was current

    client.emit(progress(3), second);
    client.emit(done, second);
    expect([job.status, job.durationMs]).toEqual(['done', 1234]);
  });

  it('passes every event of the current job to its owner after taking it in, and none after the job ends', () => {
    const client = new FakeJobs();
    const statuses: string[] = [];
    const job: JobState = new JobState(client, (e) => statuses.push(`${e.type}:${job.status}`));
    job.start(BIDIR);
    client.emit(progress(5));
    client.emit({ type: 'bidir-result', bidirectional: false, accuracy: [1], counts: [1], ambiguousAccuracy: 1, overall: 1 });
    client.emit(done);
    client.emit(progress(20)); // the runner's final progress, sent after done
    expect(statuses).toEqual(['progress:running', 'bidir-result:running', 'done:done']);
  });

  it('dispose cancels a running job without changing what is shown, and does nothing when idle', () => {
    const { client, job } = setup();
    job.dispose();
    expect(client.cancelled).toEqual([]);
    job.start(BIDIR);
    job.dispose();
    expect(client.cancelled).toEqual([client.lastId]);
    expect(job.status).toBe('running');
    client.emit(done);
    expect(job.status).toBe('running');
  });

  it('with the real jobs channel, a second start cancels the first job and drops its later events', () => {
    const port = new FakeJobLink();
    const job = new JobState(new JobChannel(port));
    job.start(BIDIR);
    job.start(BIDIR);
    expect(port.commands).toEqual([
      { type: 'start', id: 1, request: BIDIR },
      { type: 'cancel', id: 1 },
      { type: 'start', id: 2, request: BIDIR },
    ]);
    port.deliver({ type: 'done', id: 1, durationMs: 5, results: [] });
    expect(job.status).toBe('running');
    port.deliver({ type: 'progress', id: 2, done: 4, total: 20, elapsedMs: 40 });
    port.deliver({ type: 'done', id: 2, durationMs: 7, results: [] });
    expect([job.status, job.durationMs, job.progress]).toEqual(['done', 7, { done: 20, total: 20, elapsedMs: 40 }]);
  });

  it('two jobs on one jobs channel: starting one shows the running other as cancelled, replaced by it', () => {
    const port = new FakeJobLink();
    const client = new JobChannel(port);
    const seen: JobEvent[] = [];
    const race = new JobState(client, (e) => seen.push(e));
    const sweep = new JobState(client);
    race.start(RACE);
    port.deliver({ type: 'progress', id: 1, done: 4, total: 20, elapsedMs: 40 });
    sweep.start(HORIZON);
    expect([race.status, race.running, race.replacedBy, race.progress.done]).toEqual(['cancelled', false, 'horizon', 4]);
    expect(seen.at(-1)).toEqual({ type: 'cancelled', id: 1, replacedBy: 'horizon' });
    expect([sweep.status, sweep.replacedBy]).toEqual(['running', null]);
    // The host's own reply to the replacement, and anything it had already sent, change nothing.
    port.deliver({ type: 'progress', id: 1, done: 5, total: 20, elapsedMs: 50 });
    port.deliver({ type: 'cancelled', id: 1 });
    expect([race.status, race.progress.done]).toEqual(['cancelled', 4]);

    race.start(RACE);
    expect([race.status, race.replacedBy]).toEqual(['running', null]);
    expect([sweep.status, sweep.replacedBy]).toEqual(['cancelled', 'race']);
  });

  it('pause and resume: asks the host, shows paused once the host confirms, and cancel clears it', () => {
    const { client, job } = setup();
    job.start(BIDIR);
    job.togglePause();
    expect([client.paused, job.paused]).toEqual([[client.lastId], false]); // not until the host says so
    client.emit({ type: 'paused', paused: true });
    expect([job.status, job.paused, job.running]).toEqual(['running', true, true]);
    job.togglePause();
    expect(client.resumed).toEqual([client.lastId]);
    client.emit({ type: 'paused', paused: false });
    expect(job.paused).toBe(false);
    client.emit({ type: 'paused', paused: true });
    job.cancel();
    expect([job.status, job.paused]).toEqual(['cancelled', false]);
  });

  it('a trainer crash under the job ends it as interrupted, and the next start clears that', () => {
    const port = new FakeJobLink();
    const job = new JobState(new JobChannel(port));
    job.start(BIDIR);
    port.health({ kind: 'crashed', attempt: 1, reason: { code: 'trainer.exited', detail: 'trainer exited (exit code 1)' }, restartInMs: 100 });
    expect([job.status, job.running, job.interrupted, job.errorText]).toEqual(['error', false, true, 'its process ended']);
    job.start(BIDIR);
    expect([job.status, job.interrupted, job.error]).toEqual(['running', false, null]);
  });

  it('its own cancel shows cancelled without a replacement', () => {
    const job = new JobState(new JobChannel(new FakeJobLink()));
    job.start(BIDIR);
    job.cancel();
    expect([job.status, job.replacedBy]).toEqual(['cancelled', null]);
  });
});
