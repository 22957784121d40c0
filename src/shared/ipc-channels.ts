/** The two Electron IPC channels: the call name travels as an argument, checked by main. */
export const CALL_CHANNEL = 'cutline:call';
export const EVENT_CHANNEL = 'cutline:event';
