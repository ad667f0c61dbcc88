/**
 * Test-only bootstrap for the training thread: Node 20 does not apply tsx's `--import` hooks inside worker
 * threads, so node-child.ts starts this plain module, which registers tsx and then imports trainer-thread.ts.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsEntry);
