import type { ChainData } from './chain-data';
import type { Palette } from './colour-scale';
import { FoldTween } from './fold-tween';
import type { ChainLayout } from './layout';
import type { Playback } from './playback.svelte';
import type { PointerPick } from './pointer-pick';
import type { FrameState } from './scene/frame';
import type { UnrolledScene } from './scene/unrolled-scene';

/** What one frame of the 3D view is drawn from: the component's props as they are now. */
export interface FrameInputs {
  readonly chain: ChainData;
  readonly layout: ChainLayout;
  readonly playback: Playback;
  readonly unrolled: boolean;
  readonly expanded: boolean;
  readonly selected: number;
  readonly hoverMatrix: number;
  readonly palette: Palette;
  readonly largeLabels: boolean;
  readonly reducedMotion: boolean;
  /** Copy of the cell the camera flies into (−1: none). */
  readonly zoomStep: number;
}

/**
 * One frame of the unrolled view's 3D canvas: advance the fold and the camera flight, refresh the scene's data when
 * it changed, fill the FrameState (reused, so a frame allocates nothing) and update the scene. The component owns
 * the scene and the frame loop; this owns what changes from frame to frame.
 */
export class CanvasFrame {
  readonly fold: FoldTween;
  readonly #fs: { -readonly [K in keyof FrameState]: FrameState[K] };
  #wasFlying = false;
  /** New data or layout: the scene's cached values and label strings are rebuilt in the next frame's task. */
  dataDirty = true;

  constructor(first: FrameInputs) {
    this.fold = new FoldTween(first.unrolled ? 1 : 0);
    this.#fs = {
      chain: first.chain, layout: first.layout, unroll: this.fold.value, pass: 'forward', cursor: 0, frac: 1, hoverMatrix: -1,
      selected: -1, palette: first.palette, largeLabels: false, expanded: false,
    };
  }

  /** A flight into a cell has started: its end is reported (`onarrive`) by the frame that finishes it. */
  flightStarted(): void {
    this.#wasFlying = true;
  }

  /**
   * Run one frame at time `now`. Returns 'skip' when the scene is not ready (software mode is still showing the last
   * frame; it asks again), 'more' when something still moves (ask for another frame), 'still' otherwise.
   */
  run(now: number, scene: UnrolledScene, pointer: PointerPick, p: FrameInputs, onarrive: (step: number) => void): 'skip' | 'more' | 'still' {
    const folding = this.fold.step(now, p.unrolled ? 1 : 0, p.reducedMotion);
    const flying = scene.tick(now);
    if (this.#wasFlying && !flying && p.zoomStep >= 0) onarrive(p.zoomStep);
    this.#wasFlying = flying;
    pointer.pick(scene);
    if (!scene.ready) return 'skip';
    if (this.dataDirty) {
      this.dataDirty = false;
      scene.setData(p.chain, p.layout);
    }
    const fs = this.#fs;
    fs.chain = p.chain;
    fs.layout = p.layout;
    fs.palette = p.palette;
    fs.largeLabels = p.largeLabels;
    fs.expanded = p.expanded;
    fs.selected = p.selected;
    fs.hoverMatrix = p.hoverMatrix;
    fs.unroll = this.fold.value;
    fs.pass = p.playback.pass;
    fs.cursor = p.playback.step;
    fs.frac = p.playback.frac;
    scene.update(fs);
    if (p.playback.playing || folding || flying) return 'more';
    this.fold.rest();
    return 'still';
  }
}
