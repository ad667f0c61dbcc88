/**
 * The host globals src-shared may use: the few that Node, Electron's utility process, a Web Worker and the page all
 * provide, typed with only the members the shared code calls. tsconfig.shared.json type-checks src-shared with the
 * ES library and this file alone, so a DOM name (`document`, `window`) or a Node one (`process`, `Buffer`) is a
 * compile error there. Before adding a global, check that every one of those four hosts has it.
 * scripts/part-globals.test.ts plants names to prove the boundary.
 */

/** A pending timer: a number in browsers, an object in Node; only ever handed back to clearTimeout. */
interface SharedRuntimeTimer {
  readonly __sharedRuntimeTimer: never;
}
declare function setTimeout(handler: () => void, timeout?: number): SharedRuntimeTimer;
declare function clearTimeout(timer: SharedRuntimeTimer | undefined): void;
declare function queueMicrotask(callback: () => void): void;

declare const performance: {
  /** Milliseconds on a monotonic clock, with sub-millisecond resolution. */
  now(): number;
};

declare const console: {
  error(...data: unknown[]): void;
};

/** Base64 of a string whose characters are all below U+0100, and back. */
declare function btoa(data: string): string;
declare function atob(data: string): string;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
}

/** One end of a MessageChannel, as the shared scheduler uses it to yield to the event loop. */
interface SharedRuntimeMessagePort {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
declare class MessageChannel {
  readonly port1: SharedRuntimeMessagePort;
  readonly port2: SharedRuntimeMessagePort;
}

/** The WebAssembly JS API, as far as the engine's SIMD kernels use it. */
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    /** A SharedArrayBuffer when the memory was created shared. */
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    /** Grows by `delta` 64 KiB pages; returns the previous size in pages. */
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: ArrayBuffer | ArrayBufferView<ArrayBuffer>);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: ArrayBuffer | ArrayBufferView<ArrayBuffer>): boolean;
}
