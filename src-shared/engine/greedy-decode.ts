/**
 * Greedy decoding, for the shapes that feed their outputs back in (encoder-decoder, one-to-many): the decoder
 * stack runs one step at a time, and each row's argmax y_t becomes its next input x_{t+1} (see batch-pack.ts for
 * the token columns). The outputs are always classes: validateExamples refuses a one-output regression here.
 */
import { decoderColumn, type PackedSequence } from './batch-pack';
import type { Head } from './head';
import { checkInterrupt, type Interrupt } from './interrupt';
import { argmaxRow, scoreRow, type Tally } from './loss';
import type { Stack } from './stack';
import type { ModelConfig } from './types';

/**
 * Decode the B rows of `pack` (x_1, mask and targets packed, the decoder's initial states in place) for up to
 * pack.T steps, appending y_t to outputs[b]; with a tally, each y_t is also scored against its target.
 * A row that emits stopToken ends there (its later steps are masked out); decoding ends when every row has.
 * Asks `interrupt` before every step.
 */
export function greedyDecode(
  main: Stack,
  head: Head,
  config: ModelConfig,
  pack: PackedSequence,
  outputs: number[][],
  tally: Tally | null,
  stopToken: number,
  interrupt: Interrupt | null,
): void {
  const O = config.outputSize;
  const T = pack.T, B = pack.B;
  const top = main.output(main.chains.length - 1);
  head.ensure(T * B);
  main.startSteps();
  for (let t = 1; t <= T; t++) {
    checkInterrupt(interrupt);
    main.step(t, pack.input, pack.mask);
    head.forward((t - 1) * B, t * B, top.buf, top.off);
    let live = 0;
    for (let b = 0; b < B; b++) {
      const r = (t - 1) * B + b;
      if (!pack.mask[r]) continue;
      const y = argmaxRow(head.logits, r * O, O);
      outputs[b].push(y);
      if (tally) scoreRow(config.loss, head.logits, r * O, O, pack.targets[r], null, 0, tally);
      if (y === stopToken) {
        for (let u = t + 1; u <= T; u++) pack.mask[(u - 1) * B + b] = 0;
        continue;
      }
      live++;
      if (t < T) pack.set(t + 1, b, 0, decoderColumn(config, y), 1);
    }
    if (live === 0) break;
  }
}
