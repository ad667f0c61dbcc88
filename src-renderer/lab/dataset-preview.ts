import type { ProblemShape } from '../../src-shared/engine/types';
import type { TaskData } from '../../src-shared/tasks/types';

/** What the learner sees about their data before training on it, all computed from the parsed task. */
export interface DatasetPreview {
  readonly trainCount: number;
  readonly testCount: number;
  /** Size of the input vocabulary (I) and its first tokens, shown with visible blanks. */
  readonly inputVocab: { size: number; sample: string[] };
  /** Output classes (O) by how often they are the target, most common first: the class balance. */
  readonly balance: { label: string; count: number; share: number }[];
  /** The first training examples as parsed: input tokens and targets. */
  readonly rows: { input: string; target: string }[];
  /** The model the data implies. */
  readonly model: { I: number; O: number; shape: ProblemShape; minT: number; maxT: number };
}

/** How many classes, vocabulary tokens and rows the preview lists. */
export const PREVIEW_LIMITS = { classes: 8, tokens: 40, rows: 4 } as const;

/** A token made visible: a space as ␣, a newline as ↵, a tab as ⇥. */
export function visibleToken(token: string): string {
  return token.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}

export function previewOf(data: TaskData): DatasetPreview {
  const all = [...data.train, ...data.test];
  const counts = new Array<number>(data.outputVocab.length).fill(0);
  let targets = 0;
  for (const ex of all) {
    for (const id of ex.target) {
      counts[id] = (counts[id] ?? 0) + 1;
      targets++;
    }
  }
  const balance = counts
    .map((count, id) => ({ label: visibleToken(data.outputVocab[id]), count, share: targets > 0 ? count / targets : 0 }))
    .sort((a, b) => b.count - a.count)
    .slice(0, PREVIEW_LIMITS.classes);
  const lengths = all.map((ex) => ex.input.length);
  const visible = (s: string) => (data.spec.id === 'char-lm' ? visibleToken(s) : s);
  return {
    trainCount: data.train.length,
    testCount: data.test.length,
    inputVocab: { size: data.inputVocab.length, sample: data.inputVocab.slice(0, PREVIEW_LIMITS.tokens).map(visibleToken) },
    balance,
    rows: data.train.slice(0, PREVIEW_LIMITS.rows).map((ex) => ({ input: visible(data.formatInput(ex.input)), target: visible(data.formatOutput(ex.target)) })),
    model: {
      I: data.inputVocab.length,
      O: data.outputVocab.length,
      shape: data.spec.shape,
      minT: Math.min(...lengths),
      maxT: Math.max(...lengths),
    },
  };
}
