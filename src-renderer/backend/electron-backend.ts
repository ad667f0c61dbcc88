import * as v from 'valibot';
import { ActionResultSchema, DocQuarantinedSchema, LoadResultSchema, OpenRunFileResultSchema, OpenTextFileResultSchema, SaveResultSchema, SaveRunFileResultSchema, PresenterStateSchema, StorageStatusSchema, TrainerHealthSchema, type ActionResult, type BridgeApi, type OpenTextFileRequest, type OpenTextFileResult, type DocKind, type PresenterState, type StorageStatus, type TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import { parseDoc, type DocTypes } from '../../src-shared/protocol/documents';
import { describeIssues } from '../../src-shared/protocol/describe-issues';
import { isJobMessage, type JobStreamCommand } from '../../src-shared/protocol/job-messages';
import type { TrainerCommand, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { Listeners, type Backend, type DocLoad, type DocStore, type JobLink, type PresenterLink, type QuarantineNotice, type RunFileDialogs, type TrainerStream } from './backend';
import { acceptTrainerEvent } from './accept-event';
import { JobChannel } from './job-channel';
import { problem, type Problem } from '../../src-shared/protocol/problem';
import { checkPolicyLoad } from '../../src-shared/protocol/policy';

/** A reply from main that the contract does not describe: a failure, never trusted. */
function malformed(call: string, issues: Parameters<typeof describeIssues>[0]): Problem {
  return problem('unexpected', undefined, `main answered the ${call} document request with a malformed reply: ${describeIssues(issues)}`);
}

/** What the preload posts to the page with the training MessagePort attached as ports[0]. */
interface PortEnvelope {
  rnnLabTrainerPort: unknown;
}

function isPortEnvelope(data: unknown): data is PortEnvelope {
  return typeof data === 'object' && data !== null && 'rnnLabTrainerPort' in data && Boolean(data.rnnLabTrainerPort);
}

/**
 * The training stream over a MessagePort that main hands to both the trainer and this page.
 * When the trainer restarts, main sends a new port; we switch to it and re-send nothing
 * (main restores the last checkpoint itself). Commands issued before the first port are queued.
 * The job family rides on the same port (its messages have type 'job').
 */
class PortTrainerStream implements TrainerStream, JobLink {
  readonly events = new Listeners<TrainerEvent>();
  readonly health = new Listeners<TrainerHealth>();
  readonly jobMessages = new Listeners<unknown>();
  #port: MessagePort | null = null;
  #queue: (TrainerCommand | JobStreamCommand)[] = [];

  attach(port: MessagePort): void {
    this.#port?.close();
    this.#port = port;
    port.onmessage = (e: MessageEvent<unknown>) => {
      if (isJobMessage(e.data)) this.jobMessages.emit(e.data);
      else acceptTrainerEvent(e.data, (ev) => this.events.emit(ev));
    };
    port.start();
    const queued = this.#queue;
    this.#queue = [];
    for (const cmd of queued) port.postMessage(cmd);
  }

  send(cmd: TrainerCommand): void {
    if (this.#port) this.#port.postMessage(cmd);
    else this.#queue.push(cmd);
  }

  sendJob(cmd: JobStreamCommand): void {
    if (this.#port) this.#port.postMessage(cmd);
    else this.#queue.push(cmd);
  }

  onJobMessage(listener: (raw: unknown) => void): () => void {
    return this.jobMessages.add(listener);
  }

  onEvent(listener: (event: TrainerEvent) => void): () => void {
    return this.events.add(listener);
  }

  onHealth(listener: (health: TrainerHealth) => void): () => void {
    return this.health.add(listener);
  }

  close(): void {
    this.#port?.close();
    this.#port = null;
    this.events.clear();
    this.health.clear();
    this.jobMessages.clear();
  }
}

export class ElectronBackend implements Backend {
  readonly shell = 'electron' as const;
  readonly docs: DocStore;
  readonly trainer: PortTrainerStream = new PortTrainerStream();
  readonly jobs = new JobChannel(this.trainer);
  readonly #bridge: BridgeApi;
  readonly #win: Window;
  readonly #quarantined = new Listeners<QuarantineNotice>();
  readonly #storage = new Listeners<StorageStatus>();
  readonly #presenterState = new Listeners<PresenterState>();
  readonly #audienceClosed = new Listeners<void>();
  /** The audience window's latest state, kept because its view may subscribe after the event arrived. */
  #lastPresenterState: PresenterState | null = null;
  readonly #unsubscribe: (() => void)[] = [];
  readonly presenter: PresenterLink;

  constructor(bridge: BridgeApi, win: Window = window) {
    this.#bridge = bridge;
    this.#win = win;
    win.addEventListener('message', this.#onWindowMessage);
    this.#unsubscribe.push(
      bridge.on.trainerHealth((h) => {
        // Crossing from main: a health report the contract does not describe is logged and dropped.
        const parsed = v.safeParse(TrainerHealthSchema, h);
        if (parsed.success) this.trainer.health.emit(parsed.output);
        else console.warn(`RNN Lab: ignored a malformed trainer health report: ${describeIssues(parsed.issues)}`);
      }),
      bridge.on.docQuarantined((n) => {
        const parsed = v.safeParse(DocQuarantinedSchema, n);
        if (parsed.success) this.#quarantined.emit(parsed.output);
        else console.warn(`RNN Lab: ignored a malformed quarantine report: ${describeIssues(parsed.issues)}`);
      }),
      bridge.on.storageStatus((s) => {
        const parsed = v.safeParse(StorageStatusSchema, s);
        if (parsed.success) this.#storage.emit(parsed.output);
        else console.warn(`RNN Lab: ignored a malformed storage status: ${describeIssues(parsed.issues)}`);
      }),
      bridge.on.presenterState((state) => {
        if (!v.is(PresenterStateSchema, state)) return;
        this.#lastPresenterState = state;
        this.#presenterState.emit(state);
      }),
      bridge.on.audienceClosed(() => this.#audienceClosed.emit()),
    );
    this.presenter = this.#makePresenterLink();
    // The initial port may have been posted before this listener existed: ask for one explicitly.
    void bridge.requestTrainerPort(null).catch((err: unknown) => console.warn('RNN Lab: no trainer port', err));
    this.docs = this.#makeDocStore();
  }

  #onWindowMessage = (e: MessageEvent<unknown>): void => {
    if (e.source !== this.#win || !isPortEnvelope(e.data)) return;
    const port = e.ports[0];
    if (port) this.trainer.attach(port);
  };

  #makeDocStore(): DocStore {
    const bridge = this.#bridge;
    return {
      async load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
        const reply = v.safeParse(LoadResultSchema, await bridge.loadDoc(kind));
        if (!reply.success) return { ok: false, problem: malformed('load', reply.issues) };
        const res = reply.output;
        if (!res.ok) return res;
        if (res.data === null || res.data === undefined) return { ok: true, value: null };
        const parsed = parseDoc(kind, res.data);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: problem('storage.invalid', undefined, `${kind} from main: ${parsed.error}`) };
      },
      async save<K extends DocKind>(kind: K, value: DocTypes[K]) {
        const reply = v.safeParse(SaveResultSchema, await bridge.saveDoc({ kind, data: value }));
        return reply.success ? reply.output : { ok: false, problem: malformed('save', reply.issues) };
      },
      remove: async (kind) => {
        const reply = v.safeParse(SaveResultSchema, await bridge.deleteDoc(kind));
        return reply.success ? reply.output : { ok: false, problem: malformed('delete', reply.issues) };
      },
      onQuarantined: (listener) => this.#quarantined.add(listener),
      status: async () => {
        const reply = v.safeParse(StorageStatusSchema, await bridge.storageStatus(null));
        return reply.success ? reply.output : { mode: 'read-only', reason: 'unwritable', code: 'EIO', detail: `malformed storage status: ${describeIssues(reply.issues)}` };
      },
      onStatus: (listener) => this.#storage.add(listener),
    };
  }

  #makePresenterLink(): PresenterLink {
    const bridge = this.#bridge;
    return {
      openAudience: async () => actionReply('open-audience-window', await bridge.openAudienceWindow(null)),
      sync: (state) => void bridge.presenterSync(state).catch((err: unknown) => console.warn('RNN Lab: presenter sync failed', err)),
      onState: (listener) => {
        if (this.#lastPresenterState) listener(this.#lastPresenterState);
        return this.#presenterState.add(listener);
      },
      onAudienceClosed: (listener) => this.#audienceClosed.add(listener),
    };
  }

  info() {
    return this.#bridge.appInfo(null);
  }

  /** Every reply is checked against the contract's schema: a malformed one is a failure, never trusted. */
  readonly runFiles: RunFileDialogs = {
    open: async () => {
      const parsed = v.safeParse(OpenRunFileResultSchema, await this.#bridge.openRunFile(null));
      return parsed.success ? parsed.output : { status: 'failed', problem: problem('unexpected', undefined, `main answered the open-run-file request with a malformed reply: ${describeIssues(parsed.issues)}`) };
    },
    save: async (req) => {
      const parsed = v.safeParse(SaveRunFileResultSchema, await this.#bridge.saveRunFile(req));
      return parsed.success ? parsed.output : { status: 'failed', problem: problem('unexpected', undefined, `main answered the save-run-file request with a malformed reply: ${describeIssues(parsed.issues)}`) };
    },
  };

  async openTextFile(req: OpenTextFileRequest): Promise<OpenTextFileResult> {
    const parsed = v.safeParse(OpenTextFileResultSchema, await this.#bridge.openTextFile(req));
    if (parsed.success) return parsed.output;
    return { status: 'failed', problem: problem('unexpected', undefined, `main answered the open-file request with a malformed reply: ${describeIssues(parsed.issues)}`) };
  }

  async openExternal(url: string) {
    return actionReply('open-external', await this.#bridge.openExternal(url));
  }

  /** Main read it at launch and enforces it too (saving, links). */
  async policy() {
    return checkPolicyLoad(await this.#bridge.policy(null));
  }

  dispose(): void {
    this.#win.removeEventListener('message', this.#onWindowMessage);
    for (const off of this.#unsubscribe) off();
    this.jobs.dispose();
    this.trainer.close();
    this.#quarantined.clear();
    this.#storage.clear();
    this.#presenterState.clear();
    this.#audienceClosed.clear();
  }
}

/** An action's reply from main, checked against the contract: a malformed one is a failure with the schema's reasons. */
function actionReply(what: string, raw: unknown): ActionResult {
  const parsed = v.safeParse(ActionResultSchema, raw);
  return parsed.success ? parsed.output : { ok: false, problem: problem('unexpected', undefined, `main answered the ${what} request with a malformed reply: ${describeIssues(parsed.issues)}`) };
}
