import type { ChainData } from './chain-data';

/**
 * The inside of one copy of the cell as a data-flow diagram: boxes (the affine map, σ and tanh, the products and
 * the sum) joined by wires, each wire carrying a vector the engine computed at that step (or one computed from
 * them elementwise, like f_t ⊙ c_{t−1}). Coordinates in a 900 × 420 box, y down. Pure data: CellFlow.svelte draws it.
 *   RNN:  h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)
 *   LSTM: c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t,  h_t = o_t ⊙ tanh(c_t)
 *   GRU:  h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1},  n_t = tanh(… + r_t ⊙ (Whh_n·h_{t−1} + b))
 */

export const FLOW_W = 900;
export const FLOW_H = 420;

export type FlowCell = 'rnn' | 'lstm' | 'gru';

export interface FlowNode {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** What the box computes: 'σ', 'tanh', '⊙', '+', the affine map's formula, or a state's name. */
  readonly text: string;
  readonly kind: 'op' | 'affine' | 'state';
}

export interface FlowWire {
  /** Polyline through these points. */
  readonly points: readonly (readonly [number, number])[];
  /** The quantity's name, drawn at the wire's label point. */
  readonly label: string;
  /** Its values per unit (null: a token or a bundle the trace does not hold, drawn plain). */
  readonly values: readonly number[] | null;
  /** Values in 0..1 (a sigmoid gate), coloured on the diverging scale as 2v − 1. */
  readonly unit: boolean;
  /** The LSTM's additive cell-state path (drawn heavier). */
  readonly cPath?: boolean;
  /** Where the name starts, when the wire's midpoint would put it on a node (left-aligned there). */
  readonly labelAt?: readonly [number, number];
}

export interface CellFlow {
  readonly cell: FlowCell;
  readonly nodes: readonly FlowNode[];
  readonly wires: readonly FlowWire[];
}

export function flowCell(chain: ChainData): FlowCell {
  return chain.gateNames.length === 4 ? 'lstm' : chain.gateNames.length === 3 ? 'gru' : 'rnn';
}

const zip = (a: readonly number[] | null, b: readonly number[] | null, f: (x: number, y: number) => number): number[] | null =>
  a && b && a.length === b.length ? a.map((x, i) => f(x, b[i])) : null;

/** The diagram of step t of the chain. */
export function cellFlow(chain: ChainData, t: number): CellFlow {
  const s = chain.steps[t];
  const prev = t > 0 && chain.steps[t - 1].section === s.section ? chain.steps[t - 1] : null;
  const zeros = (v: readonly number[] | null) => (v ? v.map(() => 0) : null);
  // h_0 = 0 (and c_0 = 0); a decoder starts from the context, the encoder's last state.
  const ctx = s.section === 'decoder' && s.local === 0 && chain.encoderLength > 0 ? chain.steps[chain.encoderLength - 1] : null;
  const hPrev = prev?.h ?? ctx?.h ?? zeros(s.h);
  const cPrev = prev?.c ?? ctx?.c ?? zeros(s.c);
  const x = `x_t = ${s.x ?? '—'}`;
  const cell = flowCell(chain);
  const node = (x: number, y: number, w: number, h: number, text: string, kind: FlowNode['kind'] = 'op'): FlowNode => ({ x, y, w, h, text, kind });
  const affine = node(130, 250, 170, 110, 'W·[x_t ; h_t−1] + b', 'affine');
  const inputs: FlowWire[] = [
    { points: [[20, 280], [130, 280]], label: 'h_t−1', values: hPrev, unit: false },
    { points: [[20, 340], [130, 340]], label: x, values: null, unit: false },
  ];
  if (cell === 'rnn') {
    const tanh = node(420, 270, 110, 70, 'tanh');
    return {
      cell,
      nodes: [affine, tanh, node(700, 270, 120, 70, 'h_t', 'state')],
      wires: [...inputs, { points: [[300, 305], [420, 305]], label: 'a_t', values: null, unit: false }, { points: [[530, 305], [700, 305]], label: 'h_t', values: s.h, unit: false }],
    };
  }
  if (cell === 'lstm') {
    const g = s.gates;
    const fc = zip(g.f ?? null, cPrev, (a, b) => a * b);
    const ig = zip(g.i ?? null, g.g ?? null, (a, b) => a * b);
    const tc = s.c ? s.c.map(Math.tanh) : null;
    const nodes = [
      affine,
      node(330, 150, 60, 50, 'σ f'), node(440, 150, 60, 50, 'σ i'), node(530, 150, 70, 50, 'tanh g'), node(640, 150, 60, 50, 'σ o'),
      node(340, 40, 40, 40, '⊙'), node(500, 80, 40, 40, '⊙'), node(600, 40, 40, 40, '+'),
      node(760, 90, 70, 40, 'tanh'), node(775, 190, 40, 40, '⊙'), node(760, 300, 80, 50, 'h_t', 'state'), node(820, 40, 70, 40, 'c_t', 'state'),
    ];
    const plain = (points: FlowWire['points']): FlowWire => ({ points, label: '', values: null, unit: false });
    return {
      cell,
      nodes,
      wires: [
        ...inputs,
        plain([[300, 305], [670, 305]]),
        plain([[360, 305], [360, 200]]),
        plain([[470, 305], [470, 200]]),
        plain([[565, 305], [565, 200]]),
        plain([[670, 305], [670, 200]]),
        { points: [[20, 60], [340, 60]], label: 'c_t−1', values: cPrev, unit: false, cPath: true },
        { points: [[360, 150], [360, 80]], label: 'f_t', values: g.f ?? null, unit: true },
        { points: [[380, 60], [600, 60]], label: 'f_t ⊙ c_t−1', values: fc, unit: false, cPath: true },
        { points: [[470, 150], [505, 116]], label: 'i_t', values: g.i ?? null, unit: true },
        { points: [[565, 150], [535, 116]], label: 'g_t', values: g.g ?? null, unit: false },
        // Its midpoint label would sit on the + node: name it under the node instead.
        { points: [[540, 100], [608, 76]], label: 'i_t ⊙ g_t', values: ig, unit: false, labelAt: [612, 104] },
        { points: [[640, 60], [820, 60]], label: 'c_t', values: s.c, unit: false, cPath: true },
        { points: [[795, 60], [795, 90]], label: '', values: s.c, unit: false },
        { points: [[795, 130], [795, 190]], label: 'tanh(c_t)', values: tc, unit: false },
        { points: [[700, 175], [775, 205]], label: 'o_t', values: g.o ?? null, unit: true },
        { points: [[795, 230], [800, 300]], label: 'h_t', values: s.h, unit: false },
      ],
    };
  }
  // GRU
  const g = s.gates;
  const oneMinusZ = g.z ? g.z.map((v) => 1 - v) : null;
  const zh = zip(g.z ?? null, hPrev, (a, b) => a * b);
  const zn = zip(oneMinusZ, g.n ?? null, (a, b) => a * b);
  return {
    cell,
    nodes: [
      affine,
      node(360, 150, 60, 50, 'σ r'), node(470, 150, 60, 50, 'σ z'), node(560, 150, 80, 50, 'tanh n'),
      node(490, 40, 40, 40, '⊙'), node(600, 70, 40, 40, '⊙'), node(700, 40, 40, 40, '+'), node(800, 20, 80, 50, 'h_t', 'state'),
    ],
    wires: [
      ...inputs,
      { points: [[300, 305], [600, 305], [600, 200]], label: '', values: null, unit: false },
      { points: [[390, 305], [390, 200]], label: '', values: null, unit: false },
      { points: [[500, 305], [500, 200]], label: '', values: null, unit: false },
      { points: [[390, 150], [560, 175]], label: 'r_t', values: g.r ?? null, unit: true },
      { points: [[20, 280], [20, 60], [490, 60]], label: 'h_t−1', values: hPrev, unit: false },
      { points: [[500, 150], [510, 80]], label: 'z_t', values: g.z ?? null, unit: true },
      { points: [[530, 60], [700, 60]], label: 'z_t ⊙ h_t−1', values: zh, unit: false },
      { points: [[600, 150], [620, 110]], label: 'n_t', values: g.n ?? null, unit: false },
      { points: [[640, 90], [710, 80]], label: '(1 − z_t) ⊙ n_t', values: zn, unit: false },
      { points: [[740, 60], [800, 45]], label: 'h_t', values: s.h, unit: false },
    ],
  };
}
