/**
 * The one way the renderer reaches the services: `window.cutline` when the Electron preload
 * exposed it, otherwise the same `CutlineApi` built over the loopback HTTP bridge.
 */
import { buildApi, type CutlineApi } from '../../../shared/contract';
import { createEventStream, httpInvoke } from './http-transport';

let client: CutlineApi | null = null;

/** Returns the window's API client, creating the HTTP one on first use. */
export function getCutline(): CutlineApi {
  if (client === null) {
    client =
      window.cutline ?? buildApi((name, input) => httpInvoke(name, input), createEventStream());
  }
  return client;
}
