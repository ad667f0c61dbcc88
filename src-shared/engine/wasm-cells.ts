/**
 * CellKernels on top of the wasm module: turns (time, slot, batch rows) into byte addresses of the
 * ChainWork buffers (layouts in chain-work.ts) and calls the module's elementwise step for that run of rows.
 */
import type { CellKernels } from './cell-kernels';
import type { ChainWork } from './chain-work';
import type { FloatArray } from './types';
import type { KernelExports } from './wasm-module';

/** Byte address of element i of a (a float32 view into wasm memory). */
function at(a: FloatArray, i: number): number {
  return a.byteOffset + 4 * i;
}

export class WasmCells implements CellKernels {
  constructor(
    private readonly x: KernelExports,
    private readonly owns: (a: FloatArray) => boolean,
  ) {}

  accepts(w: ChainWork): boolean {
    return [w.gates, w.hs, w.cs, w.tc, w.hn, w.dz, w.dzh, w.zh, w.dh, w.dhp, w.dc].every((a) => this.owns(a));
  }

  rnnTanhForward(w: ChainWork, B: number, t: number, cur: number, b0: number, b1: number): void {
    const H = w.H;
    this.x.tanhForward((b1 - b0) * H, at(w.gates, ((t - 1) * B + b0) * H), at(w.hs, (cur * B + b0) * H));
  }

  rnnTanhBackward(w: ChainWork, B: number, t: number, cur: number, b0: number, b1: number): void {
    const H = w.H;
    this.x.tanhBackward((b1 - b0) * H, at(w.hs, (cur * B + b0) * H), at(w.dh, b0 * H), at(w.dz, ((t - 1) * B + b0) * H), at(w.dhp, b0 * H));
  }

  lstmForward(w: ChainWork, B: number, t: number, cur: number, prev: number, b0: number, b1: number): void {
    const H = w.H, row = (t - 1) * B + b0;
    this.x.lstmForward(b1 - b0, H, at(w.gates, row * 4 * H), at(w.cs, (prev * B + b0) * H), at(w.cs, (cur * B + b0) * H), at(w.hs, (cur * B + b0) * H), at(w.tc, row * H));
  }

  lstmBackward(w: ChainWork, B: number, t: number, prev: number, b0: number, b1: number): void {
    const H = w.H, row = (t - 1) * B + b0;
    this.x.lstmBackward(
      b1 - b0, H, at(w.gates, row * 4 * H), at(w.cs, (prev * B + b0) * H), at(w.tc, row * H),
      at(w.dh, b0 * H), at(w.dc, b0 * H), at(w.dz, row * 4 * H), at(w.dhp, b0 * H),
    );
  }

  gruForward(w: ChainWork, B: number, t: number, cur: number, prev: number, b0: number, b1: number): void {
    const H = w.H, row = (t - 1) * B + b0;
    this.x.gruForward(b1 - b0, H, at(w.gates, row * 3 * H), at(w.zh, b0 * 3 * H), at(w.hs, (prev * B + b0) * H), at(w.hs, (cur * B + b0) * H), at(w.hn, row * H));
  }

  gruBackward(w: ChainWork, B: number, t: number, prev: number, b0: number, b1: number): void {
    const H = w.H, row = (t - 1) * B + b0;
    this.x.gruBackward(
      b1 - b0, H, at(w.gates, row * 3 * H), at(w.hn, row * H), at(w.hs, (prev * B + b0) * H),
      at(w.dh, b0 * H), at(w.dz, row * 3 * H), at(w.dzh, row * 3 * H), at(w.dhp, b0 * H),
    );
  }
}
