import { Color, Object3D, PerspectiveCamera, Raycaster, Scene, SRGBColorSpace, Vector2, Vector3, WebGLRenderer } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { ChainData } from '../chain-data';
import type { Palette } from '../colour-scale';
import type { ChainLayout } from '../layout';
import { MAX_STEPS } from '../chain-data';
import { allDhNorms } from '../chain-rows';
import { ARROWS_PER_STEP, CELL_H } from '../layout';
import { ArrowLayer } from './arrow-layer';
import { AsyncPresenter } from './async-presenter';
import { CameraFramer } from './camera-framer';
import { CellLayer } from './cell-layer';
import type { FrameState } from './frame';
import { LabelLayer, MIN_LABEL_PX, MIN_LABEL_PX_LARGE } from './label-layer';
import { LabelWriter } from './label-writer';
import { rowsOnScreen } from './rows-on-screen';
import { sceneWords, type SceneWords } from './scene-words';
import { titleRoomFor } from './title-room';

export type ViewPreset = 'front' | 'angled' | 'above' | 'overview';

const PRESETS: Record<ViewPreset, { azimuth: number; elevation: number }> = {
  front: { azimuth: 0, elevation: 0 },
  angled: { azimuth: -0.55, elevation: 0.3 },
  above: { azimuth: 0, elevation: 0.95 },
  overview: { azimuth: 0, elevation: 0 },
};
/** Most steps framed by the front, angled and above views (the overview frames all): the whole chain up to T = 64. */
const WINDOW_STEPS = 64;
const PICK_RADIUS_PX = 16;

/**
 * The three.js side of the unrolled view: renderer, camera, orbit controls and the instanced layers.
 * Created and disposed in one place; `update` fills the instances from a FrameState, `render` draws.
 * About nine draw calls whatever T is.
 */
export class UnrolledScene {
  readonly renderer: WebGLRenderer;
  readonly camera = new PerspectiveCamera(32, 1, 0.1, 2000);
  readonly controls: OrbitControls;
  readonly #scene = new Scene();
  /** At most four copies per step: the two directions of two layers. */
  readonly #cells = new CellLayer(MAX_STEPS * 4);
  readonly #arrows = new ArrowLayer(MAX_STEPS * ARROWS_PER_STEP + 4);
  readonly #labels: LabelLayer;
  readonly #writer: LabelWriter;
  readonly #dummy = new Object3D();
  readonly #ray = new Raycaster();
  readonly #ndc = new Vector2();
  readonly #v = new Vector3();
  readonly #bg = new Color();
  readonly #framer: CameraFramer;
  #width = 1;
  #height = 1;
  #layout: ChainLayout | null = null;
  readonly #presenter: AsyncPresenter | null = null;
  /** A frame was skipped while one was in flight: ask for another once it is shown. */
  #again = false;
  /** The last frame asked for large labels (the row titles' room depends on it). */
  #large = false;
  /** Draw calls of the last render (renderer.info). */
  lastCalls = 0;

  constructor(
    /** The canvas on the page (pointer events, export). */
    readonly canvas: HTMLCanvasElement,
    onChange: () => void,
    /** Software WebGL: no antialiasing, one device pixel per CSS pixel, frames shown through AsyncPresenter. */
    readonly software = false,
    /** The words drawn on the canvas, in the current language (`setWords` changes them). */
    words: SceneWords = sceneWords(),
  ) {
    this.#writer = new LabelWriter(words);
    const target = software ? canvas.getContext('2d', { alpha: false }) : null;
    if (target) {
      // The WebGL canvas stays out of the document: the compositor never reads it back synchronously.
      const offscreen = canvas.ownerDocument.createElement('canvas');
      this.renderer = new WebGLRenderer({ canvas: offscreen, antialias: false, preserveDrawingBuffer: false, alpha: false });
      this.#presenter = new AsyncPresenter(this.renderer.getContext() as WebGL2RenderingContext, target, () => {
        if (this.#again) {
          this.#again = false;
          onChange();
        }
      });
    } else {
      // preserveDrawingBuffer keeps the last frame readable (PNG export, pixel checks in tests).
      this.renderer = new WebGLRenderer({ canvas, antialias: !software, preserveDrawingBuffer: true, alpha: false });
    }
    this.renderer.outputColorSpace = SRGBColorSpace;
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = false;
    this.controls.screenSpacePanning = true;
    this.controls.addEventListener('change', onChange);
    // New label strings are typeset off the frame's path; the view draws again once they are ready.
    this.#labels = new LabelLayer(MAX_STEPS * 6 + 64, onChange);
    this.#framer = new CameraFramer(this.camera, this.controls.target);
    this.#scene.add(this.#cells.frames, this.#cells.units, this.#cells.grads, this.#cells.loops);
    this.#scene.add(this.#arrows.shafts, this.#arrows.heads, this.#labels.mesh);
  }

  /** The canvas WebGL draws into (the page's canvas, or a detached one in software mode). */
  get glCanvas(): HTMLCanvasElement {
    return this.renderer.domElement;
  }

  /**
   * False while the previous frame is still being read back (software mode): skip this frame's work,
   * the scene asks for another frame (onChange) once that one is shown.
   */
  get ready(): boolean {
    if (!this.#presenter?.busy) return true;
    this.#again = true;
    return false;
  }

  setPalette(p: Palette): void {
    this.#bg.setStyle(p.background, SRGBColorSpace);
    this.#scene.background = this.#bg;
    this.#cells.setPalette(p);
    this.#arrows.setPalette(p);
    this.#writer.setPalette(p);
  }

  /** The canvas words in another language; `setData` follows before the next draw and asks for them. */
  setWords(words: SceneWords): void {
    this.#writer.setWords(words);
  }

  /** The layout the camera frames (cheap; `setData` follows before the next draw). */
  setLayout(layout: ChainLayout): void {
    this.#layout = layout;
  }

  /** New data or layout: recompute cached values and queue new label strings (not per frame). */
  setData(chain: ChainData, layout: ChainLayout): void {
    this.#layout = layout;
    this.#cells.setData(chain, layout);
    this.#arrows.setNorms(allDhNorms(chain.steps));
    this.#labels.want(this.#writer.strings(chain));
  }

  /**
   * Test hooks (harmless), written to the host's dataset after each draw: draw calls of the last frame, hidden units
   * drawn per cell column, labels drawn and the smallest one's text size on screen (CSS px; 0 when none), and where
   * each row of copies is on screen (rowsOnScreen).
   */
  writeStats(out: DOMStringMap): void {
    out.rows = this.rowsOnScreen();
    const count = this.#labels.count;
    out.labels = String(count);
    out.labelPx = (count > 0 ? this.#labels.smallestPx : 0).toFixed(1);
    out.drawCalls = String(this.lastCalls);
    out.units = String(this.#cells.unitsPerColumn);
  }

  get unitsPerColumn(): number {
    return this.#cells.unitsPerColumn;
  }

  /** Where each row of copies is on screen (a test hook: see rowsOnScreen). */
  rowsOnScreen(): string {
    return this.#layout ? JSON.stringify(rowsOnScreen(this.#layout, this.camera, this.#width, this.#height)) : '[]';
  }

  update(f: FrameState): void {
    this.#large = f.largeLabels;
    this.#cells.update(f, this.#dummy);
    this.#arrows.update(f, this.#dummy);
    this.camera.updateMatrixWorld();
    this.#labels.setView(this.camera, this.#width, this.#height, f.largeLabels ? MIN_LABEL_PX_LARGE : MIN_LABEL_PX);
    this.#writer.write(f, this.#labels, this.#arrows, this.#dummy);
  }

  render(): void {
    if (!this.ready) return;
    this.renderer.render(this.#scene, this.camera);
    this.lastCalls = this.renderer.info.render.calls;
    this.#presenter?.capture(this.glCanvas.width, this.glCanvas.height);
  }

  resize(width: number, height: number): void {
    this.#width = Math.max(1, width);
    this.#height = Math.max(1, height);
    this.renderer.setPixelRatio(this.software ? 1 : Math.min(2, window.devicePixelRatio || 1));
    this.renderer.setSize(this.#width, this.#height, false);
    if (this.#presenter) {
      // The visible 2D canvas gets the same pixel size as the drawing buffer (CSS sizes it).
      const w = this.glCanvas.width, h = this.glCanvas.height;
      if (this.canvas.width !== w || this.canvas.height !== h) {
        this.canvas.width = w;
        this.canvas.height = h;
      }
    }
    this.camera.aspect = this.#width / this.#height;
    this.camera.updateProjectionMatrix();
  }

  /**
   * Frame the chain from a preset direction: every step of it (up to WINDOW_STEPS steps around world x = `focusX`,
   * the cursor, for the longest chains), fitted by projecting the corners of its box, so the near end of an angled
   * view is not cut off and the far end not lost. Rolled: the first cells. `flyMs` > 0 eases the camera there.
   */
  view(preset: ViewPreset, rolled: boolean, focusX: number, flyMs = 0, now = performance.now()): void {
    const l = this.#layout;
    const b = l ? l.bounds : { minX: -1, maxX: 1, minY: -1, maxY: 1 };
    const S = l ? l.spacing : 1;
    // Unrolled, the room for row titles beside the rows (if any) is part of what is framed.
    const titleEm = l && !rolled && l.titlesBeside ? this.#labels.widestEm(this.#writer.rowTitles()) : 0;
    const minX = b.minX - (l && titleEm > 0 ? titleRoomFor(l, WINDOW_STEPS, this.#width, this.#height, titleEm, this.#large) : 0);
    const full = b.maxX - minX;
    const span = rolled ? S * 3 : preset === 'overview' ? full : Math.min(full, S * WINDOW_STEPS);
    const lo = rolled ? minX : Math.min(Math.max(minX, focusX - span / 2), b.maxX - span);
    const { azimuth, elevation } = PRESETS[preset];
    this.#framer.frameBox(lo - 0.4, lo + span + 0.4, b.minY - 0.4, b.maxY + 0.4, azimuth, elevation, flyMs, now);
    this.controls.update();
  }

  /** Fly into copy `step` of the cell (its node `node`), framed head on and a little from above. */
  flyToCell(node: number, flyMs: number, now = performance.now()): void {
    const l = this.#layout;
    if (!l || node < 0) return;
    const x = l.unrolled[node * 3], y = l.unrolled[node * 3 + 1];
    const hw = l.cellWidth / 2 + 0.5, hh = CELL_H / 2 + 0.5;
    this.#framer.frameBox(x - hw, x + hw, y - hh, y + hh, -0.12, 0.12, flyMs, now);
    this.controls.update();
  }

  /** Advance a camera flight; true while it is still moving (ask for another frame). */
  tick(now: number): boolean {
    if (!this.#framer.flying) return false;
    const moving = this.#framer.tick(now);
    this.controls.update();
    return moving;
  }

  /** Pan sideways so world x stays in the middle part of the view (the camera follows the cursor). */
  follow(x: number): void {
    const l = this.#layout;
    if (!l) return;
    const t = this.controls.target;
    const dist = this.camera.position.distanceTo(t);
    const half = dist * Math.tan(((this.camera.fov / 2) * Math.PI) / 180) * this.camera.aspect;
    if (Math.abs(x - t.x) < half * 0.7) return;
    const lo = l.bounds.minX + half * 0.8, hi = l.bounds.maxX - half * 0.8;
    const nx = lo > hi ? (l.bounds.minX + l.bounds.maxX) / 2 : Math.min(hi, Math.max(lo, x));
    const dx = nx - t.x;
    t.x += dx;
    this.camera.position.x += dx;
    this.controls.update();
  }

  /** Step under a pointer at CSS pixel (x, y) in the canvas, or −1. */
  pickStep(x: number, y: number): number {
    this.#ndc.set((x / this.#width) * 2 - 1, -(y / this.#height) * 2 + 1);
    this.#ray.setFromCamera(this.#ndc, this.camera);
    const hit = this.#ray.intersectObject(this.#cells.frames, false)[0];
    return hit && hit.instanceId !== undefined ? this.#cells.frameStep[hit.instanceId] : -1;
  }

  /** Matrix id (see MATRIX_NAMES) of the arrow whose midpoint is near the pointer, or −1. */
  pickMatrix(x: number, y: number): number {
    const l = this.#layout;
    if (!l) return -1;
    let best = -1;
    let bestD = PICK_RADIUS_PX * PICK_RADIUS_PX;
    const a = this.#arrows;
    for (let j = 0; j < a.drawn; j++) {
      const id = l.arrowMatrix[a.midArrow[j]];
      if (id < 0) continue;
      this.#v.set(a.mid[j * 3], a.mid[j * 3 + 1], a.mid[j * 3 + 2]).project(this.camera);
      const sx = ((this.#v.x + 1) / 2) * this.#width, sy = ((1 - this.#v.y) / 2) * this.#height;
      const d = (sx - x) ** 2 + (sy - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }

  /** A PNG of the current frame: drawn and read in the same task (or the last frame shown, in software mode). */
  toPng(): string {
    if (!this.#presenter) this.render();
    return this.canvas.toDataURL('image/png');
  }

  dispose(): void {
    this.#presenter?.dispose();
    this.controls.dispose();
    this.#cells.dispose();
    this.#arrows.dispose();
    this.#labels.dispose();
    this.#scene.clear();
    this.renderer.dispose();
    this.renderer.forceContextLoss();
  }
}
