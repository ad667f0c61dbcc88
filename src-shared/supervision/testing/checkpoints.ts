import { packHistory, type PackedCheckpoint } from '../../protocol/packed-checkpoint';
import { DEFAULT_CONFIG } from '../../protocol/training-config';

/** Test-only: a packed checkpoint that passes PackedCheckpointSchema, at `step`. */
export function validPackedCheckpoint(step: number): PackedCheckpoint {
  return {
    version: 1,
    packed: true,
    config: DEFAULT_CONFIG,
    step,
    params: { Whh: new Float32Array([0.5, -0.5]) },
    optimizer: {},
    history: packHistory([{ step, loss: 1, accuracy: 0.5, gradNormBefore: 1, gradNormAfter: 1, clipped: false }]),
  };
}
