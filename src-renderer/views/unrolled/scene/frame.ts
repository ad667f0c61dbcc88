import type { ChainData } from '../chain-data';
import type { Palette } from '../colour-scale';
import type { ChainLayout } from '../layout';
import type { Pass } from '../playback.svelte';

/** Everything one frame of the unrolled view depends on; the scene reads it and allocates nothing. */
export interface FrameState {
  readonly chain: ChainData;
  readonly layout: ChainLayout;
  /** 0 = rolled cell with its loop, 1 = unrolled chain. */
  readonly unroll: number;
  readonly pass: Pass;
  /** Time step under the playback cursor. */
  readonly cursor: number;
  /** 0..1 reveal of the cursor step. */
  readonly frac: number;
  /** Arrow kind whose shared matrix is hovered (ARROW_*), or −1. */
  readonly hoverMatrix: number;
  /** Step picked by hover or click, or −1. */
  readonly selected: number;
  readonly palette: Palette;
  readonly largeLabels: boolean;
  readonly expanded: boolean;
}

/**
 * How strongly a copy not yet reached by the pass shows its values: every copy always shows what the engine
 * computed, and the copies the story has not reached yet are dimmed (0 = pending grey, 1 = full colour).
 */
export const AHEAD_REVEAL = 0.4;

/** How fully step t's forward activation is shown (AHEAD_REVEAL..1): full once the forward pass has reached it. */
export function revealOf(f: FrameState, t: number): number {
  if (f.pass === 'backward') return 1;
  if (t < f.cursor) return 1;
  return t === f.cursor ? Math.max(AHEAD_REVEAL, f.frac) : AHEAD_REVEAL;
}

/** Reveal of the right-to-left chain's step t: it runs from the last step back to the first. */
export function backRevealOf(f: FrameState, t: number): number {
  return revealOf(f, f.chain.steps.length - 1 - t);
}

/**
 * How visible step t's gradient marker is: none in the forward pass; in the backward pass, which walks from the
 * last step to the first, full once reached and AHEAD_REVEAL before, so the whole fade is visible at once.
 */
export function gradRevealOf(f: FrameState, t: number): number {
  if (f.pass === 'forward') return 0;
  if (t > f.cursor) return 1;
  return t === f.cursor ? Math.max(AHEAD_REVEAL, f.frac) : AHEAD_REVEAL;
}

/** Gradient marker visibility of a right-to-left chain's step t: its backward pass runs from the first step on. */
export function backGradRevealOf(f: FrameState, t: number): number {
  return gradRevealOf(f, f.chain.steps.length - 1 - t);
}

/**
 * Size factor of step t's copy: 1 when unrolled; when rolled only one copy per section (the one the cursor
 * is in, or the section's nearest step) stays, so the single cell shows the current state.
 */
export function copyWeight(f: FrameState, t: number): number {
  const u = f.unroll;
  if (u >= 1) return 1;
  const steps = f.chain.steps;
  const s = steps[t];
  let rep = f.cursor;
  const cur = steps[f.cursor];
  // Representative of a section the cursor is not in: its last step if the cursor is past it, else its first.
  if (!cur || cur.section !== s.section) {
    const past = cur ? cur.t > t : false;
    rep = past ? lastOfSection(f.chain, t) : t - s.local;
  }
  return t === rep ? 1 : u;
}

function lastOfSection(chain: ChainData, t: number): number {
  let i = t;
  while (i + 1 < chain.steps.length && chain.steps[i + 1].section === chain.steps[t].section) i++;
  return i;
}
