import { createParentPortTransport } from './parent-port-transport';
import { builtThread, runTrainerInThread } from './thread-relay';

/**
 * Entry of the trainer utility process (out/main/trainer.js), forked by main's supervisor. This thread relays
 * (thread-relay.ts); training runs in out/main/trainer-thread.js. The Node tests drive the same pair through
 * node-child.ts.
 */
const parentPort = process.parentPort;
if (!parentPort) {
  console.error('[trainer] not started as an Electron utility process');
  process.exit(2);
}
runTrainerInThread(createParentPortTransport(parentPort), builtThread(new URL('./trainer-thread.js', import.meta.url)));
