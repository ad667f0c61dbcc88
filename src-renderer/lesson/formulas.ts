import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/en';

/**
 * Display formulas of the lesson, in TeX (typeset offline by KaTeX). Names follow the lesson's text. A word inside
 * a formula is written `\text{@name}` and comes from the catalogue (`FORMULA_WORDS`), so it follows the language.
 */
const FORMULAS = {
  cell: String.raw`\begin{aligned} h_t &= \tanh\left(W_{xh}\,x_t + W_{hh}\,h_{t-1} + b_h\right), \qquad h_0 = 0 \\ y_t &= W_{hy}\,h_t + b_y \end{aligned}`,
  params: String.raw`\underbrace{H I + H H + H}_{\text{@cell}} \; + \; \underbrace{O H + O}_{\text{@readout}}`,
  bpttSum: String.raw`\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta_t\, h_{t-1}^{\top}, \qquad \delta_t = \frac{\partial L}{\partial h_t} \odot \left(1 - h_t^{2}\right)`,
  chain: String.raw`\frac{\partial L}{\partial h_1} = \frac{\partial L}{\partial h_T}\,\frac{\partial h_T}{\partial h_{T-1}}\cdots\frac{\partial h_2}{\partial h_1} = \frac{\partial L}{\partial h_T}\prod_{k=T-1}^{1}\frac{\partial h_{k+1}}{\partial h_k}`,
  jacobian: String.raw`\frac{\partial h_{k+1}}{\partial h_k} = \operatorname{diag}\!\left(1 - h_{k+1}^{2}\right) W_{hh}, \qquad \tanh'(z) = 1 - \tanh^{2}(z) \le 1`,
  lstm: String.raw`\begin{aligned} i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) \\ f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) \\ o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) \\ g_t &= \tanh(W_g x_t + U_g h_{t-1} + b_g) \\ c_t &= f_t \odot c_{t-1} + i_t \odot g_t \\ h_t &= o_t \odot \tanh(c_t) \end{aligned}`,
  lstmPath: String.raw`\left.\frac{\partial c_t}{\partial c_{t-1}}\right|_{\text{@direct}} = \operatorname{diag}(f_t)`,
  gru: String.raw`\begin{aligned} r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) \\ z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\ n_t &= \tanh\left(W_n x_t + b_n + r_t \odot (U_n h_{t-1} + b_{hn})\right) \\ h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1} \end{aligned}`,
  bidirectional: String.raw`\overrightarrow{h}_t = f_{\rightarrow}\!\left(x_t, \overrightarrow{h}_{t-1}\right), \qquad \overleftarrow{h}_t = f_{\leftarrow}\!\left(x_t, \overleftarrow{h}_{t+1}\right), \qquad h_t = \left[\overrightarrow{h}_t \,;\, \overleftarrow{h}_t\right]`,
} as const;
export type FormulaId = keyof typeof FORMULAS;
export const FORMULA_IDS = Object.keys(FORMULAS) as readonly FormulaId[];

/** The words that appear inside formulas, by their `@name`. */
const FORMULA_WORDS: Readonly<Record<string, MessageKey>> = {
  cell: 'lesson.formula.cell',
  readout: 'lesson.formula.readout',
  direct: 'lesson.formula.direct',
};

/** Escape the characters TeX reads specially in `\text{…}` (a catalogue word is plain text). */
const texText = (s: string) => s.replace(/[{}$&#_%]/g, (c) => `\\${c}`);

/** A formula's TeX in the current locale; call it inside a component so a change of language retypesets it. */
export function formulaTex(id: FormulaId): string {
  return FORMULAS[id].replace(/\\text\{@(\w+)\}/g, (_whole: string, name: string) => {
    const key = FORMULA_WORDS[name];
    if (!key) throw new Error(`formula ${id} names an unknown word @${name}`);
    return `\\text{${texText(t(key))}}`;
  });
}
