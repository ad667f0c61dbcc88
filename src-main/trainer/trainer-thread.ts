import { parentPort, workerData } from 'node:worker_threads';
import { runThreadHost } from '../../src-shared/supervision/thread-host';
import type { ThreadData } from '../../src-shared/supervision/thread-envelope';

/**
 * The training thread of the trainer process (out/main/trainer-thread.js; trainer-thread.ts under tsx in the Node
 * tests): the shared thread host (src-shared/supervision/thread-host.ts), exactly as the browser's Web Worker runs
 * it, talking to the process's main thread (thread-relay.ts) over one port.
 */
const port = parentPort;
if (!port) {
  console.error('[trainer] trainer-thread must run in a worker thread');
  process.exit(2);
}

runThreadHost(
  {
    postMessage: (envelope, transfer) => port.postMessage(envelope, transfer),
    onMessage: (listener) => void port.on('message', listener),
  },
  workerData as ThreadData,
);
