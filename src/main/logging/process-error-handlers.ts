import { reportError } from './error-sink';

/**
 * Catches what nothing else caught in this process (a throw in an event handler, a promise
 * nobody awaited) and reports it, instead of Node's default of printing and exiting: in the
 * app that exit would leave a window with nothing behind it.
 */
export function installProcessErrorHandlers(): void {
  process.on('uncaughtException', (error) => reportError('the main process', error));
  process.on('unhandledRejection', (reason) => reportError('the main process', reason));
}
