import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

/**
 * Sandboxed preload (built to CommonJS: sandboxed preloads cannot be ES modules).
 * Exposes exactly `window.rnnLab: BridgeApi`; see bridge.ts for the trainer-port hand-off.
 */
contextBridge.exposeInMainWorld(
  'rnnLab',
  buildBridge(ipcRenderer, (message, port) => window.postMessage(message, '*', [port])),
);
