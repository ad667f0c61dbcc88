import { describe, expect, it } from 'vitest';
import type { JobEvent, JobRequest } from '../../src-shared/protocol/job-messages';
import { FakeJobLink } from '../testing/fake-job-link';
import { JobChannel } from './job-channel';

const BIDIR: JobRequest = { type: 'bidir', steps: 10, hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1, cell: 'gru' };
const HORIZON: JobRequest = {
  type: 'horizon', task: 'memory', ks: [5], steps: 10, cells: ['rnn'], hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1,
};
const EXPLORE = { type: 'explore', rho: 0.9, T: 10, activation: 'tanh', clip: 0 } as const;

function setup() {
  const link = new FakeJobLink();
  const jobs = new JobChannel(link);
  const heard = (): { events: JobEvent[]; listener: (e: JobEvent) => void } => {
    const events: JobEvent[] = [];
    return { events, listener: (e) => events.push(e) };
  };
  return { link, jobs, heard };
}

describe('JobChannel (Backend.jobs)', () => {
  it('start(request) sends the request with a fresh id and routes that job’s validated events to its listener', () => {
    const { link, jobs, heard } = setup();
    const job = heard();
    const { id } = jobs.start(BIDIR, job.listener);
    expect(link.sent).toEqual([{ type: 'job', command: { type: 'start', id, request: BIDIR } }]);
    link.deliver({ type: 'progress', id, done: 1, total: 10, elapsedMs: 5 });
    link.deliver({ type: 'progress', id, done: 'two' }); // malformed: dropped with a warning
    link.deliver({ type: 'progress', id, done: 2, total: 10, elapsedMs: 6 }, false); // not in its envelope: dropped
    link.deliver({ type: 'done', id, durationMs: 9, results: [] });
    link.deliver({ type: 'progress', id, done: 10, total: 10, elapsedMs: 9 }); // after done: the job is over
    expect(job.events.map((e) => e.type)).toEqual(['progress', 'done']);
  });

  it('starting a job tells the job it replaces that it was cancelled, and by what, then drops the host’s late events for it', () => {
    const { link, jobs, heard } = setup();
    const race = heard();
    const first = jobs.start(BIDIR, race.listener).id;
    const second = jobs.start(HORIZON, () => {}).id;
    expect(link.commands).toEqual([{ type: 'start', id: first, request: BIDIR }, { type: 'start', id: second, request: HORIZON }]);
    expect(race.events).toEqual([{ type: 'cancelled', id: first, replacedBy: 'horizon' }]);
    link.deliver({ type: 'cancelled', id: first, replacedBy: 'horizon' });
    link.deliver({ type: 'done', id: first, durationMs: 1, results: [] });
    expect(race.events).toHaveLength(1);
  });

  it('an explore request is neither cancelled by a new job nor told about it, and does not replace the running job', () => {
    const { link, jobs, heard } = setup();
    const explore = heard();
    const race = heard();
    jobs.start(BIDIR, race.listener);
    const ask = jobs.start(EXPLORE, explore.listener).id;
    jobs.start(BIDIR, () => {});
    expect(link.commands).not.toContainEqual({ type: 'cancel', id: ask });
    expect(explore.events).toEqual([]);
    expect(race.events.map((e) => e.type)).toEqual(['cancelled']); // by the second bidir, not by the explore
    link.deliver({ type: 'explore-result', id: ask, exact: [1], ideal: [1], clipped: [1], clipScale: 1, rho: 0.9 });
    expect(explore.events.map((e) => e.type)).toEqual(['explore-result']);
  });

  it('cancel() sends a cancel and tells the job’s listener at once; a second cancel, or a pause after it, sends nothing', () => {
    const { link, jobs, heard } = setup();
    const job = heard();
    const handle = jobs.start(BIDIR, job.listener);
    const { id } = handle;
    handle.cancel();
    handle.cancel();
    handle.pause();
    expect(link.commands).toEqual([{ type: 'start', id, request: BIDIR }, { type: 'cancel', id }]);
    expect(job.events).toEqual([{ type: 'cancelled', id }]);
    link.deliver({ type: 'cancelled', id });
    expect(job.events).toHaveLength(1);
  });

  it('pause() and resume() reach the host for a running job, whose confirmations reach the listener', () => {
    const { link, jobs, heard } = setup();
    const job = heard();
    const handle = jobs.start(BIDIR, job.listener);
    handle.pause();
    link.deliver({ type: 'paused', id: handle.id, paused: true });
    handle.resume();
    link.deliver({ type: 'paused', id: handle.id, paused: false });
    expect(link.commands.slice(1)).toEqual([{ type: 'pause', id: handle.id }, { type: 'resume', id: handle.id }]);
    expect(job.events).toEqual([
      { type: 'paused', id: handle.id, paused: true },
      { type: 'paused', id: handle.id, paused: false },
    ]);
  });

  it('a trainer crash ends every waiting job, explore included, with an interrupted error naming the cause', () => {
    const { link, jobs, heard } = setup();
    const job = heard();
    const explore = heard();
    const { id } = jobs.start(BIDIR, job.listener);
    const ask = jobs.start(EXPLORE, explore.listener).id;
    link.health({ kind: 'started' }); // a first start is no failure
    expect(job.events).toEqual([]);
    link.health({ kind: 'crashed', attempt: 1, reason: { code: 'trainer.exited', detail: 'trainer exited (signal SIGKILL)' }, restartInMs: 100 });
    const exited = { code: 'trainer.exited', detail: 'trainer exited (signal SIGKILL)' };
    expect(job.events).toEqual([{ type: 'error', id, reason: 'interrupted', problem: exited }]);
    expect(explore.events).toEqual([{ type: 'error', id: ask, reason: 'interrupted', problem: exited }]);
    // The replacement's 'restarted' (the browser build's only signal) finds nothing left to end.
    link.health({ kind: 'restarted', attempt: 1, reason: { code: 'trainer.exited', detail: 'trainer exited (signal SIGKILL)' }, restoredStep: null });
    expect(job.events).toHaveLength(1);
    const again = heard();
    const next = jobs.start(BIDIR, again.listener).id;
    link.deliver({ type: 'done', id: next, durationMs: 3, results: [] });
    expect(again.events.map((e) => e.type)).toEqual(['done']);
  });

  it('a job started between a crash and the replacement\'s restart waits for it, runs there, and is not ended by that restart', () => {
    const { link, jobs, heard } = setup();
    const reason = { code: 'trainer.exited', detail: 'trainer exited (signal SIGKILL)' } as const;
    link.health({ kind: 'crashed', attempt: 1, reason, restartInMs: 100 });
    const retry = heard();
    const { id, pause } = jobs.start(BIDIR, retry.listener);
    pause();
    expect(link.commands).toEqual([]); // nothing goes to the dead trainer
    link.health({ kind: 'restoring', attempt: 1, reason, step: 12 });
    expect(link.commands).toEqual([]); // the session's restore comes first
    link.health({ kind: 'restarted', attempt: 1, reason, restoredStep: 12 });
    expect(link.commands).toEqual([{ type: 'start', id, request: BIDIR }, { type: 'pause', id }]);
    expect(retry.events).toEqual([]);
    link.deliver({ type: 'done', id, durationMs: 3, results: [] });
    expect(retry.events.map((e) => e.type)).toEqual(['done']);
  });

  it('a job held through a restart that fails is ended with the new crash, and after giving up every new job is ended at once', async () => {
    const { link, jobs, heard } = setup();
    const reason = { code: 'trainer.exited', detail: 'trainer exited (signal SIGKILL)' } as const;
    link.health({ kind: 'crashed', attempt: 1, reason, restartInMs: 100 });
    const held = heard();
    const { id } = jobs.start(BIDIR, held.listener);
    link.health({ kind: 'crashed', attempt: 2, reason, restartInMs: 200 });
    expect(held.events).toEqual([{ type: 'error', id, reason: 'interrupted', problem: reason }]);
    link.health({ kind: 'gave-up', reason });
    const late = heard();
    const next = jobs.start(HORIZON, late.listener).id;
    await Promise.resolve();
    expect(late.events).toEqual([{ type: 'error', id: next, reason: 'interrupted', problem: reason }]);
    expect(link.commands).toEqual([]);
  });

  it('dispose tells the host and a running job it was cancelled, but not a one-shot request, and stops listening', () => {
    const { link, jobs, heard } = setup();
    const job = heard();
    const explore = heard();
    const { id } = jobs.start(BIDIR, job.listener);
    jobs.start(EXPLORE, explore.listener);
    jobs.dispose();
    expect(link.commands.at(-1)).toEqual({ type: 'cancel', id });
    expect(job.events).toEqual([{ type: 'cancelled', id }]);
    expect(explore.events).toEqual([]);
    link.health({ kind: 'gave-up', reason: { code: 'trainer.exited', detail: 'x' } });
    expect(job.events).toHaveLength(1);
  });
});
