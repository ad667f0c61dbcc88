/**
 * Traffic between a trainer host and the thread that relays for it, over one port with two channels: the trainer
 * process's main thread and its training thread in Electron, the page and its Web Worker in the browser.
 */
export interface ThreadEnvelope {
  readonly channel: 'control' | 'stream';
  readonly data: unknown;
}

export function isThreadEnvelope(x: unknown): x is ThreadEnvelope {
  if (typeof x !== 'object' || x === null) return false;
  const channel = (x as { channel?: unknown }).channel;
  return channel === 'control' || channel === 'stream';
}

/** What the relaying side hands the host's thread at start. */
export interface ThreadData {
  /**
   * The interrupt counter (session/interrupt-signal.ts); null where memory cannot be shared (a page that is not
   * cross-origin isolated): commands then wait for the current step.
   */
  readonly interrupt: SharedArrayBuffer | null;
  readonly heartbeatMs: number;
  readonly checkpointMs: number;
}

/**
 * The first message to a Web Worker host, which has no `workerData`: its ThreadData. (A Node worker thread gets
 * ThreadData as `workerData` and never sees this.)
 */
export interface ThreadStart {
  readonly channel: 'start';
  readonly data: ThreadData;
}

export function isThreadStart(x: unknown): x is ThreadStart {
  if (typeof x !== 'object' || x === null || (x as { channel?: unknown }).channel !== 'start') return false;
  const data = (x as { data?: unknown }).data as Partial<ThreadData> | null;
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof data.heartbeatMs === 'number' &&
    typeof data.checkpointMs === 'number' &&
    (data.interrupt === null || (typeof SharedArrayBuffer === 'function' && data.interrupt instanceof SharedArrayBuffer))
  );
}
