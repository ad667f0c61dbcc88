import { createTrainingSession } from '../../src-shared/session/training-session';
import { runTrainerHost } from './host';
import { createParentPortTransport } from './parent-port-transport';

/**
 * Entry of the trainer utility process (out/main/trainer.js), forked by main's supervisor.
 * Everything interesting lives in host.ts, which the Node tests drive through node-child.ts.
 */
const parentPort = process.parentPort;
if (!parentPort) {
  console.error('[trainer] not started as an Electron utility process');
  process.exit(2);
}
runTrainerHost(createParentPortTransport(parentPort), createTrainingSession);
