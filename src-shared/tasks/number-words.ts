/**
 * Number words to digits (encoder-decoder): "two hundred and five" → "2 0 5 <eos>".
 * The encoder reads the words; the decoder writes one digit per step and stops with <eos>,
 * so input and output lengths differ ("twelve" is one word but two digits).
 */
import { buildTaskData, EOS, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng } from './random';
import type { TaskData, TaskSpec } from './types';

export const NUMBER_WORDS_SPEC: TaskSpec = {
  id: 'number-words',
  title: 'Number words to digits',
  blurb: 'Turn a number written in words, like "two hundred and five", into its digits "2 0 5", then say stop.',
  shape: 'encoder-decoder',
  loss: 'softmax-ce',
  targetAccuracy: 0.9,
  params: [{ key: 'max', label: 'Largest number', min: 99, max: 999, step: 1, default: 999 }],
};

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORDS: readonly string[] = [...UNITS, ...TENS.slice(2), 'hundred', 'and'];
/** `<eos>` is output id 0; digit d is output id d + 1. */
const OUTPUT: readonly string[] = [EOS, ...'0123456789'];

/** British English spelling of 0–999, one token per word: 342 → "three hundred and forty two". */
export function numberToWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error(`numberToWords: ${n} is not a whole number in 0–999`);
  if (n < 20) return [UNITS[n]];
  if (n < 100) return n % 10 === 0 ? [TENS[n / 10]] : [TENS[Math.floor(n / 10)], UNITS[n % 10]];
  const hundreds = [UNITS[Math.floor(n / 100)], 'hundred'];
  return n % 100 === 0 ? hundreds : [...hundreds, 'and', ...numberToWords(n % 100)];
}

export function makeNumberWordsTask(params: Readonly<Record<string, number>>, seed: number): TaskData {
  const { max } = resolveParams(NUMBER_WORDS_SPEC, params);
  const rng = createRng(seed);
  const inputVocab = new Vocab(WORDS);
  const outputVocab = new Vocab(OUTPUT);
  const numbers = rng.shuffle(Array.from({ length: max + 1 }, (_, n) => n));
  // Every number appears once; a fifth (at most 200) is held out so the test checks unseen combinations.
  const testCount = Math.min(200, Math.round(numbers.length / 5));
  const toExample = (n: number) => ({
    input: inputVocab.ids(numberToWords(n)),
    target: outputVocab.ids([...String(n), EOS]),
  });
  return buildTaskData({
    spec: NUMBER_WORDS_SPEC,
    inputVocab: inputVocab.tokens,
    outputVocab: outputVocab.tokens,
    train: numbers.slice(testCount).map(toExample),
    test: numbers.slice(0, testCount).map(toExample),
    inputJoiner: 'words',
    outputJoiner: 'words',
  });
}
