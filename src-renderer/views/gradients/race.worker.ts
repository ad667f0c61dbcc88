/**
 * The Gradients lab's own trainer: races, memory-horizon sweeps and the bidirectional comparison run here,
 * off the main thread, built on the shared Run class. The page validates what comes back (lab-client.ts).
 */
import { JobRunner } from './job-runner';
import type { LabEvent } from './lab-messages';

const runner = new JobRunner((e: LabEvent) => self.postMessage(e));
self.addEventListener('message', (e: MessageEvent<unknown>) => runner.handle(e.data));
