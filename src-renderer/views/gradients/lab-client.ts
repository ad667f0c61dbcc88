/**
 * The page's side of the Gradients lab worker: starts it on first use, gives every job an id, validates
 * every event and routes it to the job's listener. One job runs at a time; starting one cancels the last.
 * Every job's listener hears exactly one ending (done, error or cancelled), even when the job was replaced,
 * cancelled or disposed of before the worker could answer, so no owner is left showing a job that is gone.
 */
import * as v from 'valibot';
import { t } from '../../i18n/i18n.svelte';
import { LabEventSchema, type LabCommand, type LabEvent } from './lab-messages';

type Listener = (e: LabEvent) => void;
/** A command without its id (the client assigns it). */
export type JobRequest = LabCommand extends infer C ? (C extends { type: 'cancel' | 'explore' } ? never : Omit<C, 'id'>) : never;
export type ExploreRequest = Omit<Extract<LabCommand, { type: 'explore' }>, 'id'>;

export interface WorkerPort {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

function createLabWorker(): WorkerPort {
  return new Worker(new URL('./race.worker.ts', import.meta.url), { type: 'module', name: 'rnn-lab-gradients' });
}

export class LabClient {
  #worker: WorkerPort | null = null;
  #nextId = 1;
  #listeners = new Map<number, Listener>();
  /** Ids of one-shot requests: never cancelled by a new job. */
  #oneShot = new Set<number>();

  constructor(private readonly create: () => WorkerPort = createLabWorker) {}

  /**
   * Start a job; `listener` receives its validated events. Returns the job id. A job still running is cancelled,
   * and its listener told so (`replacedBy`) once the new job is under way.
   */
  start(request: JobRequest, listener: Listener): number {
    const replaced: [number, Listener][] = [];
    for (const [old, l] of [...this.#listeners]) {
      if (this.#oneShot.has(old)) continue;
      this.#drop(old);
      replaced.push([old, l]);
    }
    const id = this.#nextId++;
    this.#listeners.set(id, listener);
    this.#port().postMessage({ ...request, id });
    for (const [old, l] of replaced) l({ type: 'cancelled', id: old, replacedBy: request.type });
    return id;
  }

  /** A one-shot request answered between job slices; it does not cancel the running job. */
  request(request: ExploreRequest, listener: Listener): number {
    const id = this.#nextId++;
    this.#oneShot.add(id);
    this.#listeners.set(id, listener);
    this.#port().postMessage({ ...request, id });
    return id;
  }

  /** Cancel a job: its listener hears 'cancelled' now, and nothing the worker sends for it later. */
  cancel(id: number): void {
    this.#drop(id)?.({ type: 'cancelled', id });
  }

  /** End the worker. Running jobs hear 'cancelled'; one-shot requests are dropped unanswered. */
  dispose(): void {
    const jobs = [...this.#listeners].filter(([id]) => !this.#oneShot.has(id));
    this.#listeners.clear();
    this.#oneShot.clear();
    this.#worker?.terminate();
    this.#worker = null;
    for (const [id, l] of jobs) l({ type: 'cancelled', id });
  }

  /** Tell the worker to stop job `id` and forget its listener, which is returned (undefined if it had ended). */
  #drop(id: number): Listener | undefined {
    const listener = this.#listeners.get(id);
    if (!listener) return undefined;
    this.#listeners.delete(id);
    this.#oneShot.delete(id);
    this.#port().postMessage({ type: 'cancel', id });
    return listener;
  }

  #port(): WorkerPort {
    if (this.#worker) return this.#worker;
    const w = this.create();
    w.addEventListener('message', (e) => this.#receive(e.data));
    w.addEventListener('error', (e) => {
      for (const [id, l] of this.#listeners) l({ type: 'error', id, message: e.message || t('grad.error.crashed') });
      this.#listeners.clear();
      this.#worker?.terminate();
      this.#worker = null;
    });
    this.#worker = w;
    return w;
  }

  #receive(raw: unknown): void {
    const parsed = v.safeParse(LabEventSchema, raw);
    if (!parsed.success) {
      console.warn('ignored a malformed message from the gradients worker', parsed.issues[0]?.message);
      return;
    }
    const e = parsed.output;
    this.#listeners.get(e.id)?.(e);
    if (e.type === 'done' || e.type === 'error' || e.type === 'cancelled' || e.type === 'explore-result') {
      this.#listeners.delete(e.id);
      this.#oneShot.delete(e.id);
    }
  }
}
