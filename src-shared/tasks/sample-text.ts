/**
 * Generating text from a trained character-level model.
 *
 * How to sample: start from a prime string, ask the model for the probability of every next character
 * given the text so far (the last `window` characters), draw one character from those probabilities
 * (sharpened or flattened by the temperature), append it, and repeat.
 */
import { createRng } from './random';

export interface SampleOptions {
  /** Text to start from; every character must be in the vocabulary. */
  readonly prime: string;
  /** Number of characters to generate after the prime. */
  readonly length: number;
  /** 1 = the model's own probabilities; below 1 safer and more repetitive; above 1 wilder. */
  readonly temperature?: number;
  /** How many of the latest characters the model sees (its training sequence length). */
  readonly window?: number;
  readonly seed: number;
}

/**
 * `next(ids)` returns the model's probabilities for the character after `ids` (one per vocabulary entry),
 * e.g. the softmax of the last step's output when running the model over `ids`.
 */
export function sampleText(
  next: (ids: readonly number[]) => readonly number[],
  vocab: readonly string[],
  opts: SampleOptions,
): string {
  const temperature = opts.temperature ?? 1;
  if (!(temperature > 0)) throw new Error('sampleText: temperature must be above 0');
  const index = new Map(vocab.map((c, i) => [c, i]));
  const ids = [...opts.prime].map((c, i) => {
    const id = index.get(c);
    if (id === undefined) throw new Error(`sampleText: prime character ${JSON.stringify(c)} at position ${i + 1} is not in the vocabulary`);
    return id;
  });
  if (ids.length === 0) throw new Error('sampleText: the prime must have at least one character');
  const rng = createRng(opts.seed);
  let out = '';
  for (let n = 0; n < opts.length; n++) {
    const context = opts.window ? ids.slice(-opts.window) : ids;
    const id = drawIndex(next(context), temperature, rng.next());
    ids.push(id);
    out += vocab[id];
  }
  return out;
}

/** Draw an index from probabilities p reshaped to p^(1/T) / Σ p^(1/T), using a uniform number u in [0, 1). */
export function drawIndex(probs: readonly number[], temperature: number, u: number): number {
  const weights = probs.map((p) => (p > 0 ? Math.pow(p, 1 / temperature) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0) || !Number.isFinite(total)) throw new Error('sampleText: the model returned no usable probabilities');
  let r = u * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}
