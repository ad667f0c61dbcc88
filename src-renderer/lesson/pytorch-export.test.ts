import { describe, expect, it } from 'vitest';
import { createModel, exportParams } from '../../src-shared/engine/index';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../src-shared/protocol/training-config';
import { plainModelConfig } from './facts';
import { pytorchScript, toStateDict, weightsJson } from './pytorch-export';

const sizes = { I: 7, O: 3, shape: 'many-to-one' as const };
const config = (patch: Partial<TrainingConfig>): TrainingConfig => ({ ...DEFAULT_CONFIG, hiddenSize: 5, ...patch });

function engineParams(c: TrainingConfig): Record<string, number[]> {
  const model = createModel({ ...plainModelConfig(c.cell, sizes.I, c.hiddenSize, sizes.O), layers: c.layers, bidirectional: c.bidirectional });
  return exportParams(model);
}

describe('continue in code', () => {
  it('writes a script with the same cell class and sizes', () => {
    const script = pytorchScript(config({ cell: 'gru', layers: 2, bidirectional: true }), sizes, 'w.json');
    expect(script).toContain('I, H, O, LAYERS, BIDIRECTIONAL = 7, 5, 3, 2, True');
    expect(script).toContain('nn.GRU(7, H, num_layers=LAYERS, bidirectional=BIDIRECTIONAL, batch_first=True)');
    expect(script).toContain('self.head = nn.Linear(H * 2, O)');
    expect(script).toContain("weights = 'w.json'");
  });

  it.each(['rnn', 'lstm', 'gru'] as const)('maps every %s weight to PyTorch names with PyTorch shapes', (cell) => {
    const c = config({ cell, layers: 2, bidirectional: true });
    const G = { rnn: 1, lstm: 4, gru: 3 }[cell];
    const dict = toStateDict(engineParams(c), c, sizes);
    const H = 5;
    for (const [layer, inSize] of [[0, sizes.I], [1, 2 * H]] as const) {
      for (const sfx of ['', '_reverse']) {
        expect(dict[`rnn.weight_ih_l${layer}${sfx}`].shape).toEqual([G * H, inSize]);
        expect(dict[`rnn.weight_hh_l${layer}${sfx}`].shape).toEqual([G * H, H]);
        expect(dict[`rnn.bias_ih_l${layer}${sfx}`].shape).toEqual([G * H]);
        expect(dict[`rnn.bias_hh_l${layer}${sfx}`].data).toHaveLength(G * H);
      }
    }
    expect(dict['head.weight'].shape).toEqual([sizes.O, 2 * H]);
    expect(dict['head.bias'].shape).toEqual([sizes.O]);
    for (const t of Object.values(dict)) expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));
  });

  it('puts the GRU recurrent bias bhn in the n block of bias_hh', () => {
    const c = config({ cell: 'gru' });
    const params = engineParams(c);
    const dict = toStateDict(params, c, sizes);
    expect(dict['rnn.bias_hh_l0'].data.slice(10, 15)).toEqual(params['l0.fwd.bhn']);
    expect(dict['rnn.bias_hh_l0'].data.slice(0, 10)).toEqual(new Array(10).fill(0));
    expect(JSON.parse(weightsJson(params, 12, c, sizes)).step).toBe(12);
  });
});
