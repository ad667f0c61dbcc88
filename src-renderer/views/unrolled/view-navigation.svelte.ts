import { playbackKey, type KeyedPlayback } from './playback-keys';

/** What navigation reads of the view: the playback cursor, how many steps the chain has, whether it is 3D. */
export interface NavigationHost {
  readonly playback: KeyedPlayback & { readonly step: number };
  steps(): number;
  /** The 3D view flies the camera into a copy (the flow diagram waits for it); the flat one is there at once. */
  webgl(): boolean;
}

/**
 * Where the learner is in the unrolled view: the step hovered or picked, the matrix pointed at, and the copy of
 * the cell the view has gone into (Enter goes in, Escape comes back out; the view's playback keys move in time).
 */
export class ViewNavigation {
  /** Step picked by a click or Enter (−1: none), and the one under the pointer (−1: none). */
  selected = $state(-1);
  hovered = $state(-1);
  /** Matrix id under the pointer (see MATRIX_NAMES), −1 for none. */
  hoverMatrix = $state(-1);
  /** Copy of the cell the view is inside (−1: the chain), and whether the camera has arrived there. */
  zoomStep = $state(-1);
  arrived = $state(false);

  constructor(readonly host: NavigationHost) {}

  /** The step the readout reads: hovered, else picked, else under the playback cursor. */
  get focusStep(): number {
    return this.hovered >= 0 ? this.hovered : this.selected >= 0 ? this.selected : this.host.playback.step;
  }

  /** Go into copy `step` of the cell (ignored outside the chain). */
  enterCell(step: number): void {
    if (step < 0 || step >= this.host.steps()) return;
    this.selected = step;
    this.zoomStep = step;
    this.arrived = !this.host.webgl();
  }

  leaveCell(): void {
    this.zoomStep = -1;
    this.arrived = false;
  }

  /** A new chain shorter than the copy shown: back to the chain. */
  fitChain(): void {
    if (this.zoomStep >= this.host.steps()) this.leaveCell();
  }

  /** The view's keys: Enter goes into the focused copy, Escape comes out, the playback keys move in time. */
  onkeydown(e: KeyboardEvent): void {
    const own = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement;
    if (!own && e.key === 'Enter' && this.zoomStep < 0) this.enterCell(this.focusStep);
    else if (e.key === 'Escape' && this.zoomStep >= 0) this.leaveCell();
    else if (!playbackKey(e, this.host.playback)) return;
    // Handled here: keep the Lab's own Space shortcut (train/pause) from firing too.
    e.preventDefault();
    e.stopPropagation();
  }
}
