import { DocStore } from './doc-store';

/**
 * Test helper process: opens the store in argv[2] and saves ever-changing documents as fast as it can,
 * reporting each completed save, until it is killed. The crash test kills it at random moments.
 */
const dir = process.argv[2];
const store = await DocStore.open(dir);
if (!store.writable) {
  process.send?.({ type: 'locked' });
  process.exit(3);
}

const checkpoint = (n: number) => ({
  version: 1 as const,
  config: {
    task: 'memory' as const, taskParams: {}, cell: 'gru' as const, activation: 'tanh' as const, hiddenSize: 64,
    layers: 1 as const, bidirectional: false, optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, clipNorm: 5,
    batchSize: 16, seed: n, initKind: 'xavier' as const, spectralRadius: 1, truncateBptt: 0,
  },
  step: n,
  // A few hundred KB per save, so kills land inside writes, not only between them.
  params: { w: Array.from({ length: 20_000 }, (_, i) => Math.sin(i + n)) },
  optimizer: {},
  history: [],
});

for (let n = 1; ; n++) {
  const result = await store.save('runs', { version: 1, runs: [{ name: `run ${n}`, savedAt: new Date().toISOString(), checkpoint: checkpoint(n) }] });
  const progress = await store.save('progress', { version: 1, currentSection: `section-${n}`, completed: [] });
  if (!result.ok || !progress.ok) {
    console.error(result, progress);
    process.exit(4);
  }
  process.send?.({ type: 'saved', n });
}
