/**
 * Where the renderer comes from, and who main answers.
 * In production the renderer is served from `app://rnn-lab/` (a privileged standard scheme, see app-protocol.ts);
 * in development from the electron-vite dev server. IPC from any other frame is ignored.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rnn-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface SenderInfo {
  /** URL of the frame that sent the message (null when the frame is already gone). */
  readonly frameUrl: string | null | undefined;
  /** Whether it is the top frame of its page (subframes never get to talk to main). */
  readonly isTopFrame: boolean;
}

/**
 * Only our own top frame may call main: app://rnn-lab/… or, in development, the dev server's exact origin.
 * Compared by scheme + host (+ port), not by `URL.origin`, which is 'null' for custom schemes.
 */
export function isTrustedSender(sender: SenderInfo, devServerUrl?: string | null): boolean {
  if (!sender.isTopFrame || !sender.frameUrl) return false;
  const url = safeUrl(sender.frameUrl);
  if (!url || url.username || url.password) return false;
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = safeUrl(devServerUrl);
    if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
      return url.protocol === dev.protocol && url.host === dev.host;
    }
  }
  return false;
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
