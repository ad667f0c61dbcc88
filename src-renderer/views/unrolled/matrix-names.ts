import type { MessageKey } from '../../i18n/en';

/** Groups of three ids (Wxh, Whh, Why of one chain): group g holds ids 3g … 3g + 2. */
export const MATRIX_GROUP = { main: 0, decoder: 1, backward: 2, lower: 3, lowerBackward: 4 } as const;

/**
 * Weight matrices, by id = kind + 3·group. Group 0: the (left-to-right or encoder) chain and the output layer,
 * 1: the decoder's own matrices, 2: the right-to-left chain's own, 3: the lower layer's own (two layers; the top
 * layer's Wxh then reads layer 1's h_t), 4: the lower layer's right-to-left chain's own (two layers, bidirectional;
 * both top chains' Wxh then read [h→¹_t ; h←¹_t]). Every arrow with the same id uses the same matrix, at every step.
 */
export const MATRIX_NAMES: readonly string[] = ['Wxh', 'Whh', 'Why', 'Wxh′', 'Whh′', 'Why', 'Wxh←', 'Whh←', 'Why', 'Wxh₁', 'Whh₁', 'Why', 'Wxh₁←', 'Whh₁←', 'Why'];

export function matrixName(id: number): string | null {
  return id >= 0 ? (MATRIX_NAMES[id] ?? null) : null;
}

/** Whose matrix `id` is, by its group of three in MATRIX_NAMES: null for the main chain's (or none). */
export function matrixOwner(id: number): MessageKey | null {
  const owners: readonly (MessageKey | null)[] = [null, 'ui.unrolled.owner.decoder', 'ui.unrolled.owner.backward', 'ui.unrolled.owner.lower', 'ui.unrolled.owner.lowerBackward'];
  return id >= 0 ? (owners[Math.floor(id / 3)] ?? null) : null;
}
