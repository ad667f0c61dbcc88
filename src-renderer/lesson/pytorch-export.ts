import type { ProblemShape } from '../../src-shared/engine/types';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { t } from '../i18n/i18n.svelte';
import { taskTitle } from '../lab/task-catalog';

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
 * Its comments and printed lines are in the learner's language; the code itself is plain PyTorch.
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
  const linearNote = config.cell === 'rnn' && config.activation === 'linear' ? `\n# ${t('py.linearNote')}` : '';
  /** Text inside a Python string literal: quotes and backslashes escaped. */
  const pyStr = (s: string) => JSON.stringify(s);
  const encDec = shape === 'encoder-decoder';
  const rnnIn = shape === 'one-to-many' ? I + O + 1 : I;
  const lines = [
    `# ${t('py.header', { cell: config.cell.toUpperCase(), task: taskTitle(config.task), shape, seed: String(config.seed) })}`,
    `# ${t('py.inputs', { I, O })}${linearNote}`,
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
    `        """${t('py.forwardDoc')}"""`,
    encDec
      ? `        _, state = self.encoder(x)  # ${t('py.context')}\n        raise NotImplementedError(${pyStr(t('py.decodeTodo'))})`
      : `        out, _ = self.rnn(x)\n        return self.head(out)${shape === 'many-to-one' ? `  # ${t('py.lastStep')}` : ''}`,
    '',
    'model = Model()',
    `weights = '${weightsFile}'`,
    'if os.path.exists(weights):',
    '    with open(weights) as f:',
    '        saved = json.load(f)',
    '    state = {k: torch.tensor(v["data"], dtype=torch.float32).reshape(v["shape"]) for k, v in saved["state_dict"].items()}',
    '    model.load_state_dict(state)',
    `    print(${pyStr(t('py.loaded'))}, saved["step"])`,
    '',
    `# ${t('py.biasNote')}`,
    `print(model)`,
    `print(${pyStr(t('py.params'))}, sum(p.numel() for p in model.parameters()))`,
  ];
  if (!encDec) {
    lines.push(
      `x = nn.functional.one_hot(torch.randint(0, ${I}, (1, 10)), ${I}).float()`,
      shape === 'one-to-many' ? 'x = torch.cat([x, torch.zeros(1, 10, O + 1)], dim=-1)' : '',
      `print(${pyStr(t('py.scores'))}, model(x).shape)`,
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
