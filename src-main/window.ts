import { BrowserWindow } from 'electron';
import { createRendererRecovery } from './renderer-recovery';

export interface MainWindowOptions {
  /** Absolute path of the CommonJS preload (out/preload/index.cjs). */
  readonly preload: string;
  /** app://rnn-lab/index.html, or the dev server URL in development. */
  readonly url: string;
  readonly icon?: string;
  /** Another window of the app (presenter mode's audience window): its own title, position and fullscreen. */
  readonly title?: string;
  readonly bounds?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly fullscreen?: boolean;
}

/**
 * Every app window (the main one and presenter mode's audience window) comes from here, so all share the same
 * renderer privileges, which are the minimum: context isolation, the Chromium sandbox,
 * web security, no Node; the only bridge is what the preload exposes on `window.rnnLab`.
 * Navigation, pop-ups and permissions are refused for every web contents in security.ts.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    ...options.bounds,
    // Only when asked: an explicit `fullscreen: false` would hide the fullscreen button on macOS.
    ...(options.fullscreen ? { fullscreen: true } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: options.title ?? 'RNN Lab',
    backgroundColor: '#11161d',
    icon: options.icon,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window (refused anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  const recovery = createRendererRecovery();
  win.webContents.on('render-process-gone', (_event, details) => {
    const action = recovery(details.reason);
    console.error(`[main] renderer gone: ${details.reason} (exit ${details.exitCode}); ${action}`);
    // The reloaded page asks the trainer what is running ('sync') and carries on with it.
    if (action === 'reload') setTimeout(() => !win.isDestroyed() && win.webContents.reload(), 300);
  });
  void win.loadURL(options.url);
  return win;
}
