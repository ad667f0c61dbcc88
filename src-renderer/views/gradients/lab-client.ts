/**
 * The page's side of the Gradients lab worker: starts it on first use, gives every job an id, validates
 * every event and routes it to the job's listener. One job runs at a time; starting one cancels the last.
 */
import * as v from 'valibot';
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

  /** Start a job; `listener` receives its validated events. Returns the job id. */
  start(request: JobRequest, listener: Listener): number {
    const id = this.#nextId++;
    for (const old of this.#listeners.keys()) if (!this.#oneShot.has(old)) this.cancel(old);
    this.#listeners.set(id, listener);
    this.#port().postMessage({ ...request, id });
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

  cancel(id: number): void {
    if (!this.#listeners.has(id)) return;
    this.#port().postMessage({ type: 'cancel', id });
    this.#listeners.delete(id);
  }

  dispose(): void {
    this.#listeners.clear();
    this.#worker?.terminate();
    this.#worker = null;
  }

  #port(): WorkerPort {
    if (this.#worker) return this.#worker;
    const w = this.create();
    w.addEventListener('message', (e) => this.#receive(e.data));
    w.addEventListener('error', (e) => {
      for (const [id, l] of this.#listeners) l({ type: 'error', id, message: e.message || 'the lab worker crashed' });
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
