import type { ProblemShape } from '../../src-shared/engine/types';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';

/** Sizes of the exported model: I and O come from the task's vocabularies. */
export interface ExportSizes {
  readonly I: number;
  readonly O: number;
  readonly shape: ProblemShape;
}

const CLASS = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' } as const;
const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;

/**
 * A short runnable PyTorch script with the same cell, sizes, layers and directions as the Lab's model.
 * It loads `weightsFile` (written by `weightsJson`) when present, else keeps PyTorch's random initialisation.
 */
export function pytorchScript(config: TrainingConfig, sizes: ExportSizes, weightsFile: string): string {
  const { I, O, shape } = sizes;
  const H = config.hiddenSize;
  const L = config.layers;
  const bi = config.bidirectional && shape !== 'one-to-many';
  const dirs = bi ? 2 : 1;
  const cls = CLASS[config.cell];
  const nonlin = config.cell === 'rnn' ? `, nonlinearity='${config.activation === 'relu' ? 'relu' : 'tanh'}'` : '';
  const py = (b: boolean) => (b ? 'True' : 'False');
  const linearNote = config.cell === 'rnn' && config.activation === 'linear' ? "\n# Note: the Lab used a linear cell; PyTorch's nn.RNN offers only tanh or relu, so tanh is used here." : '';
  const encDec = shape === 'encoder-decoder';
  const rnnIn = shape === 'one-to-many' ? I + O + 1 : I;
  const lines = [
    `# RNN Lab export: ${config.cell.toUpperCase()} on the "${config.task}" task (${shape}), seed ${config.seed}.`,
    `# Inputs are one-hot vectors over the task's ${I}-token vocabulary; outputs are scores over ${O} classes.${linearNote}`,
    'import json, os',
    'import torch',
    'from torch import nn',
    '',
    `I, H, O, LAYERS, BIDIRECTIONAL = ${I}, ${H}, ${O}, ${L}, ${py(bi)}`,
    '',
    'class Model(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    encDec
      ? `        self.encoder = nn.${cls}(I, H, num_layers=LAYERS, bidirectional=BIDIRECTIONAL, batch_first=True${nonlin})\n        self.decoder = nn.${cls}(O + 1, H * ${dirs}, num_layers=LAYERS, batch_first=True${nonlin})`
      : `        self.rnn = nn.${cls}(${rnnIn}, H, num_layers=LAYERS, bidirectional=BIDIRECTIONAL, batch_first=True${nonlin})`,
    `        self.head = nn.Linear(H * ${dirs}, O)`,
    '',
    '    def forward(self, x):',
    '        """x: (batch, T, inputs) one-hot. Returns scores per step, (batch, T, O)."""',
    encDec
      ? '        _, state = self.encoder(x)  # the context the decoder starts from (joined directions: see the Lab)\n        raise NotImplementedError("decode step by step from `state`, feeding each output back in")'
      : `        out, _ = self.rnn(x)\n        return self.head(out)${shape === 'many-to-one' ? '  # many-to-one: the answer is the last step\'s scores' : ''}`,
    '',
    'model = Model()',
    `weights = '${weightsFile}'`,
    'if os.path.exists(weights):',
    '    with open(weights) as f:',
    '        saved = json.load(f)',
    '    state = {k: torch.tensor(v["data"], dtype=torch.float32).reshape(v["shape"]) for k, v in saved["state_dict"].items()}',
    '    model.load_state_dict(state)',
    '    print("loaded weights from step", saved["step"])',
    '',
    '# PyTorch keeps a second bias per layer (bias_hh), so its count exceeds the Lab\'s by one bias vector per layer and direction.',
    `print(model)`,
    'print("trainable parameters:", sum(p.numel() for p in model.parameters()))',
  ];
  if (!encDec) {
    lines.push(
      `x = nn.functional.one_hot(torch.randint(0, ${I}, (1, 10)), ${I}).float()`,
      shape === 'one-to-many' ? 'x = torch.cat([x, torch.zeros(1, 10, O + 1)], dim=-1)' : '',
      'print("scores for a random input:", model(x).shape)',
    );
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n') + '\n';
}

interface Tensor {
  shape: number[];
  data: number[];
}

/**
 * The engine's parameters renamed to PyTorch's state_dict keys. PyTorch keeps two bias vectors per layer where
 * the engine keeps one (plus bhn for the GRU): bias_ih takes bh, bias_hh is zero except the GRU's n block = bhn.
 */
export function toStateDict(params: Record<string, number[]>, config: TrainingConfig, sizes: ExportSizes): Record<string, Tensor> {
  const G = GATES[config.cell];
  const H = config.hiddenSize;
  const dirs = config.bidirectional && sizes.shape !== 'one-to-many' ? 2 : 1;
  const encDec = sizes.shape === 'encoder-decoder';
  const out: Record<string, Tensor> = {};
  for (const [name, data] of Object.entries(params)) {
    if (name === 'head.Why') out['head.weight'] = { shape: [sizes.O, data.length / sizes.O], data };
    if (name === 'head.by') out['head.bias'] = { shape: [sizes.O], data };
    const m = /^(dec\.)?l(\d)\.(fwd|bwd)\.(Wxh|Whh|bh|bhn)$/.exec(name);
    if (!m) continue;
    const module = m[1] ? 'decoder' : encDec ? 'encoder' : 'rnn';
    const Hl = m[1] ? H * dirs : H;
    const suffix = `l${m[2]}${m[3] === 'bwd' ? '_reverse' : ''}`;
    const rows = G * Hl;
    switch (m[4]) {
      case 'Wxh':
        out[`${module}.weight_ih_${suffix}`] = { shape: [rows, data.length / rows], data };
        break;
      case 'Whh':
        out[`${module}.weight_hh_${suffix}`] = { shape: [rows, Hl], data };
        break;
      case 'bh': {
        out[`${module}.bias_ih_${suffix}`] = { shape: [rows], data };
        const key = `${module}.bias_hh_${suffix}`;
        out[key] ??= { shape: [rows], data: new Array<number>(rows).fill(0) };
        break;
      }
      case 'bhn': {
        const key = `${module}.bias_hh_${suffix}`;
        const hh = out[key]?.data ?? new Array<number>(rows).fill(0);
        for (let j = 0; j < Hl; j++) hh[2 * Hl + j] = data[j];
        out[key] = { shape: [rows], data: hh };
        break;
      }
    }
  }
  return out;
}

/** The weights file: PyTorch names, shapes and flat row-major data, plus where they came from. */
export function weightsJson(params: Record<string, number[]>, step: number, config: TrainingConfig, sizes: ExportSizes): string {
  return JSON.stringify({ format: 'rnn-lab-pytorch-weights', version: 1, step, config, sizes, state_dict: toStateDict(params, config, sizes) });
}
