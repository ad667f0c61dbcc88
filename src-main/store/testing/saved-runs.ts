import type { SavedRun } from '../../../src-shared/protocol/saved-run';
import { DEFAULT_CONFIG } from '../../../src-shared/protocol/training-config';

/** A small valid saved run for the store tests; `weights` sets its size (about 20 bytes of JSON each). */
export const savedRun = (id: string, name: string, weights = 2): SavedRun => ({
  id,
  name,
  savedAt: '2026-12-01T10:00:00.000Z',
  snapshots: [],
  checkpoint: {
    version: 1,
    config: DEFAULT_CONFIG,
    step: 5,
    params: { Wxh: Array.from({ length: weights }, (_, i) => Math.sin(i)) },
    optimizer: {},
    history: [{ step: 1, loss: 0.7, accuracy: 0.5, gradNormBefore: 2, gradNormAfter: 2, clipped: false }],
  },
});
