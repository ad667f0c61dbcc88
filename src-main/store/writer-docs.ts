/**
 * The documents writer-child.ts saves, as pure functions of the save number, so the crash test can check that
 * what it loads after a kill is exactly one whole version (never a mix of two).
 * The run is one saved run's own document, `run:crash` (src-shared/protocol/run-docs.ts).
 */
export const RUN_DOC = 'run:crash' as const;
export const runDoc = (n: number) => ({
  id: 'crash',
  name: `run ${n}`,
  savedAt: new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString(),
  checkpoint: {
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
  },
  snapshots: [],
});

export const progressDoc = (n: number) => ({ version: 1 as const, currentSection: `section-${n}`, completed: [] as string[] });
