/**
 * The renderer's side of the trainer host's job family, the same for both shells: gives every job an id,
 * validates every job event with the protocol's schema and routes it to the job's listener. One job runs at a
 * time; starting one cancels the last. Every listener hears exactly one ending, even when the job was replaced,
 * cancelled or disposed of before the trainer answered, or when the trainer crashed under it: a supervision
 * event ('crashed', 'restarted', 'gave-up') ends every job still out with an 'interrupted' error, since a restarted
 * trainer restores the Lab's session but not the jobs.
 * Between a 'crashed' and the replacement's 'restarted', commands are held and sent once it is up: a job started
 * then (the learner pressing "run it again" at once) runs on the new trainer instead of going to the dead one or
 * being ended by the restart it waited for.
 */
import * as v from 'valibot';
import { endsJob, JobStreamEventSchema, type JobCommand, type JobEvent, type JobRequest } from '../../src-shared/protocol/job-messages';
import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { JobHandle, JobLink, JobListener, JobsApi } from './backend';

export class JobChannel implements JobsApi {
  #nextId = 1;
  readonly #listeners = new Map<number, JobListener>();
  /** Ids of one-shot requests (explore): never cancelled by a new job. */
  readonly #oneShot = new Set<number>();
  readonly #off: (() => void)[];
  /** Set from a 'crashed' until the replacement's 'restarted': commands wait in #held meanwhile. */
  #down = false;
  #held: JobCommand[] = [];
  /** Set once the supervisor gave up: no trainer will answer again. */
  #gaveUp: Exclude<TrainerHealth, { kind: 'started' }> | null = null;

  constructor(private readonly link: JobLink) {
    this.#off = [link.onJobMessage((raw) => this.#receive(raw)), link.onHealth((h) => this.#onHealth(h))];
  }

  start(request: JobRequest, listener: JobListener): JobHandle {
    const replaced: [number, JobListener][] = [];
    if (request.type !== 'explore') {
      for (const [old, l] of [...this.#listeners]) {
        if (this.#oneShot.has(old)) continue;
        this.#listeners.delete(old);
        replaced.push([old, l]);
      }
    }
    const id = this.#nextId++;
    const gaveUp = this.#gaveUp;
    if (gaveUp) {
      if (request.type !== 'explore') for (const [old, l] of replaced) l({ type: 'cancelled', id: old, replacedBy: request.type });
      queueMicrotask(() => listener(interrupted(id, gaveUp)));
      return { id, cancel: () => {}, pause: () => {}, resume: () => {} };
    }
    this.#listeners.set(id, listener);
    if (request.type === 'explore') this.#oneShot.add(id);
    // The host cancels the job it replaces itself (and says so); the page has already let go of it.
    this.#send({ type: 'start', id, request });
    if (request.type !== 'explore') for (const [old, l] of replaced) l({ type: 'cancelled', id: old, replacedBy: request.type });
    return {
      id,
      cancel: () => this.#cancel(id),
      pause: () => this.#listeners.has(id) && this.#send({ type: 'pause', id }),
      resume: () => this.#listeners.has(id) && this.#send({ type: 'resume', id }),
    };
  }

  /** Drop every listener: running jobs hear 'cancelled' (and the trainer is told); one-shot requests go unanswered. */
  dispose(): void {
    for (const off of this.#off) off();
    const jobs = [...this.#listeners].filter(([id]) => !this.#oneShot.has(id));
    this.#listeners.clear();
    this.#oneShot.clear();
    for (const [id, l] of jobs) {
      this.#send({ type: 'cancel', id });
      l({ type: 'cancelled', id });
    }
  }

  #cancel(id: number): void {
    const listener = this.#listeners.get(id);
    if (!listener) return;
    this.#forget(id);
    this.#send({ type: 'cancel', id });
    listener({ type: 'cancelled', id });
  }

  #send(command: JobCommand): void {
    if (this.#down) this.#held.push(command);
    else this.link.sendJob({ type: 'job', command });
  }

  #forget(id: number): void {
    this.#listeners.delete(id);
    this.#oneShot.delete(id);
  }

  #receive(raw: unknown): void {
    const parsed = v.safeParse(JobStreamEventSchema, raw);
    if (!parsed.success) {
      console.warn('RNN Lab: ignored a malformed job message from the trainer', parsed.issues[0]?.message);
      return;
    }
    const e = parsed.output.event;
    const listener = this.#listeners.get(e.id);
    if (!listener) return;
    if (endsJob(e)) this.#forget(e.id);
    listener(e);
  }

  #onHealth(health: TrainerHealth): void {
    if (health.kind === 'started') return;
    // The replacement is restoring the Lab's session, or is up: what was held was started after the crash, for it.
    if (this.#down && health.kind === 'restoring') return;
    if (this.#down && health.kind === 'restarted') {
      this.#down = false;
      for (const command of this.#held.splice(0)) this.#send(command);
      return;
    }
    this.#down = health.kind === 'crashed' || health.kind === 'gave-up';
    this.#held = [];
    if (health.kind === 'gave-up') this.#gaveUp = health;
    const out = [...this.#listeners];
    this.#listeners.clear();
    this.#oneShot.clear();
    for (const [id, l] of out) l(interrupted(id, health));
  }
}

function interrupted(id: number, health: Exclude<TrainerHealth, { kind: 'started' }>): JobEvent {
  // The supervisor's reason, as a problem the page words in the learner's language (its detail is logged).
  return { type: 'error', id, reason: 'interrupted', problem: health.reason };
}
