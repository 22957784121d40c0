/**
 * Errors never die silently in the app: every error reported in the main process (uncaught
 * exceptions, unhandled rejections, crashed workers, failed calls) goes to a rotating log in
 * the user data folder and, unless the user already sees it, to a notice in the window; a
 * crashed or frozen window is logged and the user is offered a reload.
 */
import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import { describeError, setErrorSink } from '../logging/error-sink';
import { installProcessErrorHandlers } from '../logging/process-error-handlers';
import { RotatingLog } from '../logging/rotating-log';
import type { NoticeBoard } from '../services/notice-board';

/** Starts logging to `<userData>/logs/cutline.log`; `notices` is null until services start. */
export function startCrashReporting(notices: () => NoticeBoard | null): RotatingLog {
  const log = new RotatingLog(join(app.getPath('userData'), 'logs', 'cutline.log'));
  setErrorSink((where, error, options) => {
    log.write('error', `${where}: ${describeError(error)}`);
    if (options.notify === false) return;
    const message = error instanceof Error ? error.message : String(error);
    notices()?.post(
      'error',
      `Something went wrong in ${where}: ${message}`,
      `Details: ${log.file}`,
    );
  });
  installProcessErrorHandlers();
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') {
      log.write('error', `${details.type} process gone: ${details.reason} (${details.exitCode})`);
    }
  });
  log.write('info', `Cutline ${app.getVersion()} started (Electron ${process.versions.electron})`);
  return log;
}

/** Watches a window: a renderer that crashes or hangs is logged and the user asked to reload. */
export function watchWindow(window: BrowserWindow, log: RotatingLog): void {
  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log.write('error', `the window's renderer is gone: ${details.reason} (${details.exitCode})`);
    if (window.isDestroyed()) return;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'error',
      message: 'The Cutline window stopped working.',
      detail: `Reason: ${details.reason}. Edits are saved as you type, so reloading loses nothing already saved. Details are in ${log.file}.`,
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
    });
    if (choice === 0) contents.reload();
    else app.quit();
  });
  window.on('unresponsive', () => log.write('warn', 'the window is not responding'));
  window.on('responsive', () => log.write('info', 'the window responds again'));
}
