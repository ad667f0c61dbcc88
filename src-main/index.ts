import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { APP_ENTRY_URL, isTrustedSender } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { AudienceWindow } from './audience-window';
import { policyOverride, userDataOverride } from './data-location';
import { createInvokeHandlers } from './invoke-handlers';
import { registerInvokeHandlers } from './ipc';
import { policyPath, readPolicyFile } from './policy-file';
import { openTextFile } from './open-text-file';
import { openRunFile, saveRunFile } from './run-file-dialogs';
import { sendEvent } from './renderer-events';
import { hardenAllWebContents, hardenSession } from './security';
import { DocStore } from './store/doc-store';
import { TrainerSupervisor } from '../src-shared/supervision/supervisor';
import { connectRendererToTrainer, spawnUtilityTrainer, type UtilityTrainerChild } from './utility-trainer';
import { problemLogLine } from '../src-shared/protocol/problem';
import { createMainWindow } from './window';

/**
 * Electron main: lifecycle and wiring only. The logic it wires (supervision, storage, IPC validation,
 * URL checks) lives in modules that the Node tests drive directly.
 */
const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER_DIR = path.join(here, '../renderer');
const TRAINER_ENTRY = path.join(here, 'trainer.js');
const ICON = path.join(here, '../../resources/icons/icon.png');
const TRAINER_MAX_OLD_SPACE_MB = 1024;
/** Only in an unpackaged run started by `electron-vite dev`. */
const DEV_SERVER_URL = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;

// Must happen before 'ready'.
registerAppScheme();
// The portable build keeps its data beside the .exe; tests (e2e/electron-app.spec.ts) use a throw-away profile.
const userData = userDataOverride(process.env, app.isPackaged);
if (userData) app.setPath('userData', userData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let store: DocStore | null = null;
  /** Set once the renderer has asked for a port: from then on every restart pushes a fresh one. */
  let rendererWantsPort = false;

  const contents = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);

  const supervisor = new TrainerSupervisor<UtilityTrainerChild>({
    spawn: () => spawnUtilityTrainer({ entry: TRAINER_ENTRY, maxOldSpaceMb: TRAINER_MAX_OLD_SPACE_MB }),
    onHealth: (health) => {
      console.info(`[main] trainer ${health.kind}${'reason' in health ? `: ${problemLogLine(health.reason)}` : ''}`);
      sendEvent(contents(), 'trainerHealth', health);
    },
    onChild: (child, reason) => {
      if (rendererWantsPort) connectRendererToTrainer(child, contents(), reason);
    },
    log: (line) => console.warn(`[main] ${line}`),
  });

  const isTrusted = (event: IpcMainInvokeEvent) =>
    isTrustedSender({ frameUrl: event.senderFrame?.url, isTopFrame: event.senderFrame?.parent === null }, DEV_SERVER_URL);

  // Presenter mode: the main window presents, a second window shows the slides to the room.
  const audience = new AudienceWindow({ preload: PRELOAD, entryUrl: DEV_SERVER_URL ?? APP_ENTRY_URL, icon: ICON, presenter: () => mainWindow });

  const openWindow = () => {
    mainWindow = createMainWindow({ preload: PRELOAD, url: DEV_SERVER_URL ?? APP_ENTRY_URL, icon: ICON });
    mainWindow.on('closed', () => {
      mainWindow = null;
      audience.close();
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('child-process-gone', (_event, details) => {
    if (details.type === 'Utility') console.warn(`[main] utility process ${details.name ?? '?'} gone: ${details.reason}`);
  });

  hardenAllWebContents();

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveRenderer(RENDERER_DIR);
    const policy = await readPolicyFile(policyOverride(process.env, app.isPackaged) ?? policyPath(process.platform, process.env));
    for (const issue of policy.issues) console.warn(`[main] policy ${policy.source}: ${problemLogLine(issue)}`);
    // Never throws: a locked, read-only or full data folder gives a read-only store, which the renderer announces.
    store = await DocStore.open(path.join(app.getPath('userData'), 'documents'), {
      onQuarantined: (q) => sendEvent(contents(), 'docQuarantined', q),
      onStatus: (status) => sendEvent(contents(), 'storageStatus', status),
    });
    if (!store.writable) console.warn(`[main] documents folder is read-only: ${JSON.stringify(store.status)}`);

    registerInvokeHandlers(
      ipcMain,
      createInvokeHandlers({
        store,
        appInfo: { version: app.getVersion(), platform: process.platform, shell: 'electron' },
        policy,
        openExternal: (url) => shell.openExternal(url),
        requestTrainerPort: (requester) => {
          if (requester !== contents()) return false;
          rendererWantsPort = true;
          if (supervisor.state === 'idle' || supervisor.state === 'gave-up') {
            supervisor.start(); // onChild sends the port
            return supervisor.child !== null;
          }
          const child = supervisor.child;
          // While restarting, the port follows with the 'restarted' event.
          return child ? connectRendererToTrainer(child, requester, 'initial') : supervisor.state === 'restarting';
        },
        openAudienceWindow: async (requester) => audience.open(requester),
        presenterSync: (requester, state) => audience.sync(requester, state),
        openTextFile: (requester, req) => {
          const owner = BrowserWindow.fromWebContents(requester);
          return openTextFile((options) => (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options)), req);
        },
        openRunFile: (requester) => {
          const owner = BrowserWindow.fromWebContents(requester);
          return openRunFile((options) => (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options)));
        },
        saveRunFile: (requester, req) => {
          const owner = BrowserWindow.fromWebContents(requester);
          return saveRunFile((options) => (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options)), req);
        },
      }),
      isTrusted,
    );

    supervisor.start();
    openWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    supervisor.stop();
    // Synchronous: the process is about to end. (A lock left by a crash is detected as stale next time.)
    store?.lock?.releaseSync();
  });
}
