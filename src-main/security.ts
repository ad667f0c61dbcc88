import { app, shell, type Session, type WebContents } from 'electron';
import { checkExternalUrl } from '../src-shared/protocol/external-links';

/**
 * Lock-downs that apply to every page: no permissions (camera, notifications, …) are ever granted,
 * no page may navigate away, open windows, or attach a <webview>. Links to allowed https sites opened
 * via window.open / target=_blank go to the system browser instead.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const check = checkExternalUrl(url);
    if (check.ok) void shell.openExternal(check.url);
    return { action: 'deny' };
  });
}

/** Apply hardenWebContents to every web contents the app ever creates, before it loads anything. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
