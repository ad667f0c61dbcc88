/** The scene's answers to "what is under CSS pixel (x, y) of the canvas?". */
export interface Pickable {
  /** Step whose cell is under the point, or −1. */
  pickStep(x: number, y: number): number;
  /** Matrix id of the arrow near the point, or −1. */
  pickMatrix(x: number, y: number): number;
}

export interface PickHandlers {
  /** Step under the pointer, or −1. */
  readonly hoverStep: (step: number) => void;
  /** Matrix of the arrow under the pointer, or −1. */
  readonly hoverMatrix: (kind: number) => void;
  /** Step clicked, or −1 for empty space. */
  readonly pickStep: (step: number) => void;
}

/**
 * Hover and click over the WebGL canvas. A pointer move only records where the pointer is; what is under it
 * is picked once per frame (ray casts over a long chain are not free), from the latest position.
 */
export class PointerPick {
  #x = 0;
  #y = 0;
  #pending = false;

  constructor(readonly handlers: PickHandlers) {}

  /** A move over `el`; false (nothing to pick) while a button is held: dragging orbits the camera. */
  move(e: PointerEvent, el: Element): boolean {
    if (e.buttons !== 0) return false;
    const r = el.getBoundingClientRect();
    this.#x = e.clientX - r.left;
    this.#y = e.clientY - r.top;
    this.#pending = true;
    return true;
  }

  /** Once per frame: report what the latest recorded position is over, if the pointer moved. */
  pick(scene: Pickable): void {
    if (!this.#pending) return;
    this.#pending = false;
    this.handlers.hoverMatrix(scene.pickMatrix(this.#x, this.#y));
    this.handlers.hoverStep(scene.pickStep(this.#x, this.#y));
  }

  /** A click picks the step under it at once. */
  click(e: MouseEvent, el: Element, scene: Pickable): void {
    const r = el.getBoundingClientRect();
    this.handlers.pickStep(scene.pickStep(e.clientX - r.left, e.clientY - r.top));
  }

  /** The pointer left the canvas: nothing is hovered. */
  leave(): void {
    this.handlers.hoverMatrix(-1);
    this.handlers.hoverStep(-1);
  }
}
