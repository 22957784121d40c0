/**
 * Who the bridge answers: only the page it served, on every route. A request is refused when
 * - its Host is not this bridge (127.0.0.1 or localhost on its port: DNS rebinding);
 * - it is a preflight (OPTIONS): the bridge never grants another origin anything;
 * - it names an Origin other than this bridge's own (`null` included: file:// pages and
 *   sandboxed frames), or the browser says it comes from another site or origin
 *   (`Sec-Fetch-Site`; another port of 127.0.0.1 is "same-site", never "same-origin");
 * - an API call is not a POST with Content-Type application/json (optionally
 *   `; charset=utf-8`): any other type a page may send without a CORS preflight, and a
 *   preflight is refused above;
 * - it lacks this launch's key (src/shared/bridge-key.ts), except the built scripts, styles
 *   and fonts, which hold no secret and which the page loads by tags that cannot carry one.
 * Pure: the server passes what it received and sends the refusal it gets back.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { BRIDGE_KEY_HEADER, BRIDGE_KEY_PARAM } from '../shared/bridge-key';
import { MEDIA_HTTP_PREFIX } from '../shared/media-url';

/** What a request asks for: a call, the event stream, an image, the page, a built file. */
export type BridgeRoute = 'api' | 'events' | 'media' | 'page' | 'asset';

/** The request as the gate sees it. */
export interface GateRequest {
  method: string;
  headers: IncomingHttpHeaders;
  url: URL;
}

/** A refusal: the HTTP status and a one-line reason. */
export interface Refusal {
  status: number;
  reason: string;
}

const METHODS: Record<BridgeRoute, readonly string[]> = {
  api: ['POST'],
  events: ['GET'],
  media: ['GET', 'HEAD'],
  page: ['GET', 'HEAD'],
  asset: ['GET', 'HEAD'],
};

/** `application/json`, alone or with a UTF-8 charset; any case, any spacing. */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The route a path names; `page` until the static server finds a built file there. */
export function routeOf(pathname: string): Exclude<BridgeRoute, 'asset'> {
  if (pathname === '/api/events') return 'events';
  if (pathname.startsWith('/api/')) return 'api';
  if (pathname.startsWith(MEDIA_HTTP_PREFIX)) return 'media';
  return 'page';
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** True when `given` is the key, compared in constant time. */
export function keyMatches(given: string | undefined, key: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(key));
}

/**
 * Why the bridge on `port` refuses this request for `route`, or null when it answers it.
 * `key` is this launch's key.
 */
export function refusalOf(
  request: GateRequest,
  route: BridgeRoute,
  port: number,
  key: string,
): Refusal | null {
  const host = single(request.headers.host) ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 403, reason: `Host "${host}" is not this bridge.` };
  }
  if (request.method === 'OPTIONS') {
    return { status: 405, reason: 'The bridge answers no preflight: it serves only its page.' };
  }
  const origin = single(request.headers.origin);
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, reason: `Origin "${origin}" is not this bridge's page.` };
  }
  const site = single(request.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, reason: `A ${site} request is not this bridge's page.` };
  }
  if (!METHODS[route].includes(request.method)) {
    return { status: 405, reason: `${request.method} is not how ${route} is asked for.` };
  }
  if (route === 'api' && !JSON_TYPE.test(single(request.headers['content-type']) ?? '')) {
    return { status: 415, reason: 'Calls are POSTed with Content-Type application/json.' };
  }
  if (route === 'asset') return null;
  // Calls carry the key in a header only; what tags load (page, events, images) in the query.
  const given =
    single(request.headers[BRIDGE_KEY_HEADER]) ??
    (route === 'api' ? undefined : (request.url.searchParams.get(BRIDGE_KEY_PARAM) ?? undefined));
  if (!keyMatches(given, key)) {
    return {
      status: 403,
      reason:
        given === undefined
          ? "The request has no key: open the address 'cutline serve' printed."
          : "The key is not this launch's: open the address 'cutline serve' printed.",
    };
  }
  return null;
}
