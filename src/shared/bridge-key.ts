/**
 * How the page `cutline serve` served proves it is that page: the bridge makes a key at each
 * launch and prints it in the address to open (`?key=…`); the page it serves carries the key
 * in a meta tag, and the page's client sends it on every call (a header), every event stream
 * and every image (the query, since EventSource and <img> cannot set headers).
 *
 * Why not a cookie: cookies are not kept apart by port, so a cookie the bridge set on
 * 127.0.0.1 would be sent to any other server on 127.0.0.1 the browser visits (handing it the
 * key), and SameSite treats another port of 127.0.0.1 as the same site, so the browser would
 * attach it to that server's pages' requests to the bridge too.
 */

/** The request header API calls carry the key in. */
export const BRIDGE_KEY_HEADER = 'x-cutline-key';

/** The query parameter the page address, event stream and image URLs carry the key in. */
export const BRIDGE_KEY_PARAM = 'key';

/** The name of the meta tag the served page carries the key in. */
export const BRIDGE_KEY_META = 'cutline-bridge-key';

/** `url` (absolute or a path) with the key added to its query. */
export function withBridgeKey(url: string, key: string): string {
  const joiner = url.includes('?') ? '&' : '?';
  return `${url}${joiner}${BRIDGE_KEY_PARAM}=${encodeURIComponent(key)}`;
}
