/**
 * Electron's security checklist, applied to every web contents the app ever creates (the
 * window, and anything a bug or an attacker might open): no navigation away from the app's
 * page, no new windows, no <webview>, external links only to the browser and only when the
 * allow-list says so, and every web permission refused but the clipboard write. The
 * decisions themselves are pure functions in src/main/security, tested without Electron.
 */
import { app, type Session, shell, type WebContents } from 'electron';
import { isOpenableExternally } from '../security/external-links';
import { isAppNavigation } from '../security/navigation-policy';
import { isPermissionGranted } from '../security/permission-policy';

/** Logs a refusal; a refused navigation or window is a bug or an attack worth seeing. */
type Report = (message: string) => void;

function lockDown(contents: WebContents, report: Report): void {
  const refuseNavigation = (event: Electron.Event, url: string) => {
    if (isAppNavigation(url, contents.getURL())) return;
    event.preventDefault();
    report(`refused navigation to ${url}`);
    if (isOpenableExternally(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return;
    event.preventDefault();
    report(`refused a frame navigation to ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    report('refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links the app shows open in the user's browser; nothing opens inside Cutline.
    if (isOpenableExternally(url)) void shell.openExternal(url);
    else report(`refused to open ${url}`);
    return { action: 'deny' };
  });
}

/** Refuses web permissions for a session (camera, location, notifications, …). */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
}

/** Applies the rules to every web contents as it is created. Call before the first window. */
export function hardenWebContents(defaultSession: Session, report: Report): void {
  denyPermissions(defaultSession);
  app.on('web-contents-created', (_event, contents) => lockDown(contents, report));
}
