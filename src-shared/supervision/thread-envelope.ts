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

/** What the main thread hands the training thread at start. */
export interface ThreadData {
  /** The interrupt counter (session/interrupt-signal.ts). */
  readonly interrupt: SharedArrayBuffer;
  readonly heartbeatMs: number;
  readonly checkpointMs: number;
}
