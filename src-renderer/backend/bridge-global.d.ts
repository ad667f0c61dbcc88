import type { BridgeApi } from '../../src-shared/protocol/ipc-contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser build. */
    readonly rnnLab?: BridgeApi;
  }
}

export {};
