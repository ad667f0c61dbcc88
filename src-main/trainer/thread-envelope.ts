/** Traffic between the trainer process's main thread and its training thread: one port, two channels. */
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
