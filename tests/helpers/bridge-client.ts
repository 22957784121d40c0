/**
 * Requests to a bridge started in a test, as its own page makes them: with this launch's key
 * (src/shared/bridge-key.ts), calls POSTed as application/json.
 */
import type { Bridge } from '../../src/bridge/bridge-server';
import { BRIDGE_KEY_HEADER } from '../../src/shared/bridge-key';

/** GETs `path` (e.g. `/media/thumbnail/3`) with the key and any other `headers`. */
export function bridgeGet(
  bridge: Bridge,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${bridge.origin}${path}`, {
    headers: { [BRIDGE_KEY_HEADER]: bridge.key, ...headers },
  });
}

/** Calls the contract as the page does and gives the JSON Result it answered. */
// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers of every shape.
export async function bridgeCall(bridge: Bridge, name: string, input: unknown): Promise<any> {
  const response = await fetch(`${bridge.origin}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [BRIDGE_KEY_HEADER]: bridge.key },
    body: JSON.stringify(input),
  });
  return response.json();
}
