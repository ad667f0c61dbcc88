/**
 * The browser build's trainer: a module Web Worker running the shared thread host (src-shared/supervision), the same
 * host and session as the training thread of Electron's utility process. The page supervises it with the shared
 * supervisor (worker-trainer-stream.ts): heartbeats and packed checkpoints on the control channel, the training
 * stream beside it. The first message is the ThreadData a Node worker thread would get as workerData.
 */
import { isThreadStart } from '../../src-shared/supervision/thread-envelope';
import { runThreadHost } from '../../src-shared/supervision/thread-host';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
};

const start = (e: MessageEvent<unknown>): void => {
  if (!isThreadStart(e.data)) return;
  scope.removeEventListener('message', start);
  runThreadHost(
    {
      postMessage: (envelope, transfer) => scope.postMessage(envelope, transfer),
      onMessage: (listener) => scope.addEventListener('message', (m) => listener(m.data)),
    },
    e.data.data,
  );
};
scope.addEventListener('message', start);
