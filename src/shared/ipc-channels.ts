/** The Electron IPC channels: the call name travels as an argument, checked by main. */
export const CALL_CHANNEL = 'cutline:call';
export const EVENT_CHANNEL = 'cutline:event';
/**
 * The preload tells main the path of a file or folder the user dropped on the window (only
 * the preload can learn it, from a real drop), so that main lets later calls use it.
 */
export const DROPPED_PATH_CHANNEL = 'cutline:dropped-path';
