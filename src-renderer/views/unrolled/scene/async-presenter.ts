/**
 * Software WebGL (SwiftShader, llvmpipe) under a software compositor: whenever a WebGL canvas on the page
 * changes, the browser reads its pixels back during the next commit, and that read-back makes the main thread
 * wait until the rasteriser has finished the whole frame. On a busy two-core machine one such wait took
 * 50–250 ms (a long task per redraw), although the frame itself costs ~10 ms on an idle core.
 *
 * So in software mode the scene renders into a canvas that is not in the document, copies the frame into a
 * pixel-pack buffer, fences it, and polls the fence without blocking. Once the rasteriser is done the pixels
 * are fetched (the GPU side is idle by then, so that call returns at once) and put into the visible 2D canvas.
 * At most one frame is in flight; a redraw asked for meanwhile is drawn as soon as that frame is shown.
 */
export class AsyncPresenter {
  readonly #gl: WebGL2RenderingContext;
  readonly #ctx: CanvasRenderingContext2D;
  readonly #onShown: () => void;
  #pbo: WebGLBuffer | null = null;
  #sync: WebGLSync | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #w = 0;
  #h = 0;
  #pixels = new Uint8Array(0);
  #image: ImageData | null = null;
  #disposed = false;

  constructor(gl: WebGL2RenderingContext, target: CanvasRenderingContext2D, onShown: () => void) {
    this.#gl = gl;
    this.#ctx = target;
    this.#onShown = onShown;
  }

  /** A frame is being read back: rendering another now would only queue behind it. */
  get busy(): boolean {
    return this.#sync !== null;
  }

  /** Call right after rendering (same task): queue the read-back of the w × h drawing buffer. */
  capture(w: number, h: number): void {
    if (this.#disposed || this.#sync || w < 1 || h < 1) return;
    const gl = this.#gl;
    if (!this.#pbo) this.#pbo = gl.createBuffer();
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.#pbo);
    if (w !== this.#w || h !== this.#h) {
      this.#w = w;
      this.#h = h;
      gl.bufferData(gl.PIXEL_PACK_BUFFER, w * h * 4, gl.STREAM_READ);
      this.#pixels = new Uint8Array(w * h * 4);
      this.#image = null;
    }
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    this.#sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    this.#wait();
  }

  #wait(): void {
    this.#timer = setTimeout(() => this.#poll(), 4);
  }

  #poll(): void {
    this.#timer = null;
    const gl = this.#gl;
    const sync = this.#sync;
    if (this.#disposed || !sync) return;
    if (gl.isContextLost()) {
      this.#sync = null;
      return;
    }
    // Non-blocking: Chrome answers from its cache and refreshes it in a later task.
    if (gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED) {
      this.#wait();
      return;
    }
    gl.deleteSync(sync);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.#pbo);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, this.#pixels);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    this.#sync = null;
    this.#show();
    this.#onShown();
  }

  /** GL rows run bottom-up, canvas rows top-down: flip while copying into the ImageData. */
  #show(): void {
    const w = this.#w, h = this.#h, ctx = this.#ctx;
    if (ctx.canvas.width !== w || ctx.canvas.height !== h) return; // resized meanwhile: the next frame fits
    if (!this.#image) this.#image = ctx.createImageData(w, h);
    const dst = this.#image.data;
    const src = this.#pixels;
    const row = w * 4;
    for (let y = 0; y < h; y++) dst.set(src.subarray((h - 1 - y) * row, (h - y) * row), y * row);
    ctx.putImageData(this.#image, 0, 0);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const gl = this.#gl;
    if (!gl.isContextLost()) {
      if (this.#sync) gl.deleteSync(this.#sync);
      if (this.#pbo) gl.deleteBuffer(this.#pbo);
    }
    this.#sync = null;
    this.#pbo = null;
  }
}
