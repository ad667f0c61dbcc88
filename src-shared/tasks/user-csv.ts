/**
 * A task from a labelled CSV the learner opens (rows read by user-csv-rows.ts): a `label` column gives a
 * many-to-one classifier, a `tags` column a many-to-many tagger. Texts are split into lowercase words and
 * punctuation; the most frequent words form the vocabulary and the rest become <unk>.
 */
import { LIMITS } from '../protocol/training-config';
import { buildTaskData, Vocab } from './dataset';
import { createRng } from './random';
import type { TaskData, TaskSpec } from './types';
import { CSV_LIMITS, readCsvRows, type CsvRow } from './user-csv-rows';
import { majorityShare } from './user-text';
import { fail } from '../protocol/problem';

export { CSV_LIMITS } from './user-csv-rows';

export const UNK = '<unk>';

/** The training set's most frequent words (ties alphabetical), after <unk>, within the vocabulary cap. */
function buildWordVocab(rows: readonly CsvRow[]): Vocab {
  const counts = new Map<string, number>();
  for (const r of rows) for (const w of r.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w)
    .filter((w) => w !== UNK);
  return new Vocab([UNK, ...ranked.slice(0, LIMITS.vocab - 1)]);
}

export function taskFromCsv(raw: string, seed: number): TaskData {
  const { kind, rows } = readCsvRows(raw);
  const what = kind === 'label' ? 'label' : 'tag';
  const labels = [...new Set(rows.flatMap((r) => r.targets))];
  if (labels.length < 2) {
    fail('data.csv.oneLabel', { label: labels[0] ?? '' }, `every row has the ${what} "${labels[0]}"; a classifier needs at least 2 different ${what}s`);
  }
  if (labels.length > CSV_LIMITS.maxLabels) {
    fail('data.csv.tooManyLabels', { count: labels.length, cap: CSV_LIMITS.maxLabels }, `the CSV has ${labels.length} different ${what}s; the cap is ${CSV_LIMITS.maxLabels}`);
  }
  const labelVocab = new Vocab(labels);
  const shuffled = createRng(seed).shuffle(rows);
  const testCount = Math.max(1, Math.round(rows.length * CSV_LIMITS.testShare));
  const testRows = shuffled.slice(0, testCount);
  const trainRows = shuffled.slice(testCount);
  const words = buildWordVocab(trainRows);
  const unk = words.id(UNK);
  const toExample = (r: CsvRow) => ({
    input: r.words.map((w) => (words.has(w) ? words.id(w) : unk)),
    target: r.targets.map((l) => labelVocab.id(l)),
  });
  const test = testRows.map(toExample);
  const spec: TaskSpec =
    kind === 'label'
      ? {
          id: 'sentiment',
          title: 'Your CSV',
          blurb: 'Read each text from your file and predict its label.',
          shape: 'many-to-one',
          loss: 'softmax-ce',
          // Unknown in advance for the learner's data: the target is the baseline of always answering the commonest label.
          targetAccuracy: majorityShare(test.map((e) => e.target[0])),
          params: [],
        }
      : {
          id: 'pos-tagging',
          title: 'Your CSV',
          blurb: 'Read each text from your file and tag every word.',
          shape: 'many-to-many',
          loss: 'softmax-ce',
          targetAccuracy: majorityShare(test.flatMap((e) => e.target)),
          params: [],
        };
  return buildTaskData({
    spec,
    inputVocab: words.tokens,
    outputVocab: labelVocab.tokens,
    train: trainRows.map(toExample),
    test,
    inputJoiner: 'words',
    outputJoiner: 'words',
  });
}
