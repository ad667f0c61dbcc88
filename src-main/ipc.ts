import type { IpcMainInvokeEvent } from 'electron';
import * as v from 'valibot';
import { describeIssues } from '../src-shared/protocol/documents';
import { INVOKE_CHANNELS, INVOKE_REQUEST_SCHEMAS, type InvokeContract } from '../src-shared/protocol/ipc-contract';
import { problem } from '../src-shared/protocol/problem';

/**
 * Main's side of the invoke contract: exactly one handler per InvokeContract key (the mapped type makes a
 * missing or misspelled handler a compile error), each request validated before its handler runs.
 */
export type InvokeHandlers = {
  readonly [K in keyof InvokeContract]: (req: InvokeContract[K]['req'], event: IpcMainInvokeEvent) => Promise<InvokeContract[K]['res']>;
};

/**
 * The reply for a request that failed validation or threw, in each call's own result type, so the
 * renderer always gets a typed failure (`{ ok: false, problem }` for documents) instead of a generic rejection.
 */
export const ERROR_REPLIES: { readonly [K in keyof InvokeContract]: (error: string) => InvokeContract[K]['res'] } = {
  loadDoc: (error) => ({ ok: false, problem: problem('unexpected', undefined, error) }),
  saveDoc: (error) => ({ ok: false, problem: problem('unexpected', undefined, error) }),
  deleteDoc: (error) => ({ ok: false, problem: problem('unexpected', undefined, error) }),
  openExternal: (error) => ({ ok: false, problem: problem('unexpected', undefined, error) }),
  requestTrainerPort: () => ({ ok: false }),
  openAudienceWindow: (error) => ({ ok: false, problem: problem('unexpected', undefined, error) }),
  presenterSync: () => ({ ok: false }),
  openTextFile: (error) => ({ status: 'failed', problem: problem('unexpected', undefined, error) }),
  openRunFile: (error) => ({ status: 'failed', problem: problem('unexpected', undefined, error) }),
  saveRunFile: (error) => ({ status: 'failed', problem: problem('unexpected', undefined, error) }),
  appInfo: (error) => {
    throw new Error(error);
  },
  policy: (error) => ({ policy: {}, issues: [problem('policy.unreadable', undefined, `the machine policy could not be read (${error})`)], source: null }),
  storageStatus: (error) => ({ mode: 'read-only', reason: 'unwritable', code: 'EIO', detail: error }),
};

/** The slice of ipcMain used here (a fake in tests). */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`refused ${channel}: the sender is not the RNN Lab window`);
    this.name = 'UntrustedSenderError';
  }
}

export function registerInvokeHandlers(
  ipc: IpcRegistrar,
  handlers: InvokeHandlers,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  log: (line: string) => void = (line) => console.warn(`[ipc] ${line}`),
): () => void {
  const keys = Object.keys(INVOKE_CHANNELS) as (keyof InvokeContract)[];
  for (const key of keys) register(key);
  return () => {
    for (const key of keys) ipc.removeHandler(INVOKE_CHANNELS[key]);
  };

  function register<K extends keyof InvokeContract>(key: K): void {
    const channel = INVOKE_CHANNELS[key];
    const schema: v.GenericSchema<unknown, InvokeContract[K]['req']> = INVOKE_REQUEST_SCHEMAS[key];
    const handler = handlers[key] as InvokeHandlers[K];
    const errorReply = ERROR_REPLIES[key] as (error: string) => InvokeContract[K]['res'];

    ipc.handle(channel, async (event, ...args) => {
      if (!isTrusted(event)) {
        log(`ignored ${channel} from ${event.senderFrame?.url ?? 'a vanished frame'}`);
        throw new UntrustedSenderError(channel);
      }
      const parsed = v.safeParse(schema, args[0]);
      if (!parsed.success || args.length > 1) {
        const why = parsed.success ? 'expected exactly one argument' : describeIssues(parsed.issues);
        return errorReply(`bad request for ${key}: ${why}`);
      }
      try {
        return await handler(parsed.output, event);
      } catch (err) {
        log(`${key} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        return errorReply(`${key} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }
}
