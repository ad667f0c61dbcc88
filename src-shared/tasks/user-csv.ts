/**
 * A many-to-one classification task from a labelled CSV the learner opens: a header naming a `text` and a
 * `label` column (any order, other columns ignored), then one example per row. Texts are split into
 * lowercase words and punctuation; the most frequent words form the vocabulary and the rest become <unk>.
 * Every problem is reported with its line number and the cap it broke.
 */
import { LIMITS } from '../protocol/training-config';
import { parseCsv } from './csv-parse';
import { buildTaskData, Vocab } from './dataset';
import { createRng } from './random';
import { checkSize, findBadCharacter, normalizeNewlines } from './text-checks';
import type { TaskData, TaskSpec } from './types';
import { majorityShare } from './user-text';

export const CSV_LIMITS = {
  minRows: 10,
  maxRows: 5000,
  maxLabels: 20,
  maxLabelChars: 40,
  /** Words and punctuation marks per text. */
  maxTokens: LIMITS.seqLen,
  testShare: 0.2,
} as const;

export const UNK = '<unk>';

/** Lowercase words (letters, digits, apostrophes) and single punctuation marks. */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}']/gu) ?? [];
}

interface Row {
  readonly line: number;
  readonly words: string[];
  readonly label: string;
}

function readRows(raw: string): Row[] {
  checkSize(raw, 'the CSV');
  const csv = normalizeNewlines(raw);
  const bad = findBadCharacter(csv);
  if (bad) throw new Error(`CSV ${bad}`);
  const records = parseCsv(csv).filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
  if (records.length === 0) throw new Error('the CSV is empty; expected a header line "text,label" and rows below it');
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  const textCol = header.indexOf('text');
  const labelCol = header.indexOf('label');
  if (textCol < 0 || labelCol < 0) {
    throw new Error(`line ${records[0].line}: the header must name a "text" and a "label" column (found: ${header.join(', ')})`);
  }
  const body = records.slice(1);
  if (body.length > CSV_LIMITS.maxRows) {
    throw new Error(`the CSV has ${body.length} rows; the cap is ${CSV_LIMITS.maxRows}`);
  }
  if (body.length < CSV_LIMITS.minRows) {
    throw new Error(`the CSV has ${body.length} rows; at least ${CSV_LIMITS.minRows} are needed to train and test`);
  }
  return body.map(({ line, fields }) => {
    if (fields.length > header.length) {
      throw new Error(`line ${line}: ${fields.length} fields but the header has ${header.length}; put text containing commas in double quotes`);
    }
    const label = (fields[labelCol] ?? '').trim();
    if (label === '') throw new Error(`line ${line}: missing label`);
    if (label.length > CSV_LIMITS.maxLabelChars) {
      throw new Error(`line ${line}: the label is ${label.length} characters long; the cap is ${CSV_LIMITS.maxLabelChars}`);
    }
    const words = tokenizeWords(fields[textCol] ?? '');
    if (words.length === 0) throw new Error(`line ${line}: missing text`);
    if (words.length > CSV_LIMITS.maxTokens) {
      throw new Error(`line ${line}: the text has ${words.length} words and symbols; the cap is ${CSV_LIMITS.maxTokens}`);
    }
    return { line, words, label };
  });
}

/** The training set's most frequent words (ties alphabetical), after <unk>, within the vocabulary cap. */
function buildWordVocab(rows: readonly Row[]): Vocab {
  const counts = new Map<string, number>();
  for (const r of rows) for (const w of r.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w)
    .filter((w) => w !== UNK);
  return new Vocab([UNK, ...ranked.slice(0, LIMITS.vocab - 1)]);
}

export function taskFromCsv(raw: string, seed: number): TaskData {
  const rows = readRows(raw);
  const labels = [...new Set(rows.map((r) => r.label))];
  if (labels.length < 2) throw new Error(`every row has the label "${labels[0]}"; a classifier needs at least 2 different labels`);
  if (labels.length > CSV_LIMITS.maxLabels) {
    throw new Error(`the CSV has ${labels.length} different labels; the cap is ${CSV_LIMITS.maxLabels}`);
  }
  const labelVocab = new Vocab(labels);
  const shuffled = createRng(seed).shuffle(rows);
  const testCount = Math.max(1, Math.round(rows.length * CSV_LIMITS.testShare));
  const testRows = shuffled.slice(0, testCount);
  const trainRows = shuffled.slice(testCount);
  const words = buildWordVocab(trainRows);
  const unk = words.id(UNK);
  const toExample = (r: Row) => ({
    input: r.words.map((w) => (words.has(w) ? words.id(w) : unk)),
    target: [labelVocab.id(r.label)],
  });
  const test = testRows.map(toExample);
  const spec: TaskSpec = {
    id: 'sentiment',
    title: 'Your CSV',
    blurb: 'Read each text from your file and predict its label.',
    shape: 'many-to-one',
    loss: 'softmax-ce',
    // Unknown in advance for the learner's data: the target is the baseline of always answering the commonest label.
    targetAccuracy: majorityShare(test.map((e) => e.target[0])),
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
