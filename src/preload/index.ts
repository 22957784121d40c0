/**
 * Exposes exactly the contract on `window.cutline` (plus the path of a dropped file on
 * `window.cutlineHost`), nothing else: no ipcRenderer, no Node.
 * Bundled whole so it runs with the sandbox on; it needs only the call names, not the schemas.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../shared/build-api';
import type { EventName } from '../shared/contract';
import { CALL_CHANNEL, DROPPED_PATH_CHANNEL, EVENT_CHANNEL } from '../shared/ipc-channels';
import type { Result } from '../shared/result';

const api = buildApi(
  (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input) as Promise<Result<unknown>>,
  (event: EventName, listener) => {
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, relay);
  },
);

contextBridge.exposeInMainWorld('cutline', api);
// Dropped files carry no path in Electron 32+; only webUtils (preload-only) can give it.
// A File the page makes itself has no path (""), so only a real drop reaches main as a
// folder the user chose; sent before the page can call import:start with it (IPC keeps order).
contextBridge.exposeInMainWorld('cutlineHost', {
  pathForFile: (file: File) => {
    const path = webUtils.getPathForFile(file);
    if (path) ipcRenderer.send(DROPPED_PATH_CHANNEL, path);
    return path;
  },
});
