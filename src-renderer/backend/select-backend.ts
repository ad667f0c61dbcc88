import type { Backend } from './backend';

/** Pick the implementation at startup: the preload's bridge means Electron, its absence the browser build. */
export async function createBackend(win: Window = window): Promise<Backend> {
  const bridge = win.rnnLab;
  if (bridge) {
    const { ElectronBackend } = await import('./electron-backend');
    return new ElectronBackend(bridge, win);
  }
  const { BrowserBackend } = await import('./browser-backend');
  return new BrowserBackend();
}
