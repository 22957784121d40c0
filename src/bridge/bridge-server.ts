/**
 * `cutline serve`: the contract over loopback HTTP plus the built renderer, so the real UI
 * runs in a browser against the real services (and Playwright can drive it where Electron
 * cannot start). The protocol mirrors IPC exactly and adds no logic:
 *   POST /api/<call name>   JSON input  →  JSON Result
 *   GET  /api/events        Server-Sent Events, one per service event
 *   GET  /media/preview/<id> the photo's large preview as an image (src/main/media.ts)
 *   GET  /media/thumbnail/<id> its grid thumbnail, from the catalog
 * and answers only the page it served (request-gate.ts): the address it prints carries a key
 * made at launch, which the page it serves holds and sends on every call, stream and image.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers, dispatch } from '../main/api';
import { answerMedia } from '../main/media';
import { protectAppFolder } from '../main/security/write-protection';
import type { CutlineServices } from '../main/services/cutline-services';
import { BRIDGE_KEY_META, withBridgeKey } from '../shared/bridge-key';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { MEDIA_HTTP_PREFIX } from '../shared/media-url';
import { fail } from '../shared/result';
import { type BridgeRoute, type Refusal, refusalOf, routeOf } from './request-gate';

export interface BridgeOptions {
  port?: number;
  /** The built renderer (out/renderer by default). */
  rendererDir?: string;
}

export interface Bridge {
  /** The address to open: the page, with this launch's key. */
  url: string;
  /** Where the bridge listens (`http://127.0.0.1:PORT`), without the key. */
  origin: string;
  /** This launch's key (src/shared/bridge-key.ts). */
  key: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 1024 * 1024;
/** How long a request still being answered may take once the bridge closes. */
const CLOSE_GRACE_MS = 2000;

/** Starts the bridge on 127.0.0.1 only; it never listens on another interface. */
export async function startBridge(
  services: CutlineServices,
  options: BridgeOptions = {},
): Promise<Bridge> {
  const handlers = createHandlers(services);
  const rendererDir = resolve(options.rendererDir ?? builtRendererDir());
  // What the bridge serves is the app's own: no export may write there.
  protectAppFolder(rendererDir);
  // 32 random bytes, made here and known only to whoever reads the printed address.
  const key = randomBytes(32).toString('base64url');
  let port = 0;
  const streams = new Set<ServerResponse>();
  let closing = false;
  const unsubscribe = services.events.subscribe((event, payload) => {
    const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(message);
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[cutline] bridge request failed:', error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'The bridge failed.'));
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Every answer carries the app's CSP (the page's meta tag cannot say frame-ancestors);
    // the page's address holds the key, so no request it makes may send it on as a Referer.
    response.setHeader('content-security-policy', contentSecurityPolicy('header'));
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = routeOf(url.pathname);
    const gate = (asked: BridgeRoute): boolean => {
      const refusal = refusalOf(
        { method: request.method ?? '', headers: request.headers, url },
        asked,
        port,
        key,
      );
      if (refusal) refuse(response, asked, refusal);
      return refusal === null;
    };
    if (route === 'events') {
      if (!gate(route)) return;
      if (closing) {
        // An EventSource reconnects when its stream ends: held open, it would keep the
        // server (and a quitting process) from closing.
        response.writeHead(503, { 'content-type': 'text/plain' });
        response.end('Cutline is quitting.');
        return;
      }
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (route === 'media') {
      if (!gate(route)) return;
      const path = url.pathname.slice(MEDIA_HTTP_PREFIX.length);
      const ifNoneMatch = request.headers['if-none-match'] ?? null;
      const answer = await answerMedia(services, path, ifNoneMatch);
      response.writeHead(answer.status, answer.headers);
      response.end(request.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    if (route === 'api') {
      if (!gate(route)) return;
      const body = await readBody(request);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        sendJson(response, 400, fail('invalid-input', 'The request body is not valid JSON.'));
        return;
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      sendJson(response, 200, await dispatch(handlers, name, input));
      return;
    }
    const file = await builtFile(rendererDir, url.pathname);
    if (!gate(file ? 'asset' : 'page')) return;
    if (file) {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    await servePage(rendererDir, key, request.method === 'HEAD', response);
  }

  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: withBridgeKey(`${origin}/`, key),
    origin,
    key,
    async close() {
      closing = true;
      unsubscribe();
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Keep-alive sockets of the page would otherwise hold the close until the browser
      // drops them; a request still being answered gets a moment to finish, then is cut.
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}

/**
 * out/renderer beside the main build, found by walking up from this module: the build puts
 * it in out/main or out/main/chunks (commands load on demand), tests run it from src/bridge.
 */
function builtRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 4; i++, dir = dirname(dir)) {
    const candidate = join(dir, '..', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return join(here, '..', 'renderer');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(value));
}

/** A refusal as its route's client reads it: a Result for calls, plain text otherwise. */
function refuse(response: ServerResponse, route: BridgeRoute, refusal: Refusal): void {
  if (route === 'api') {
    sendJson(response, refusal.status, fail('forbidden', refusal.reason));
    return;
  }
  response
    .writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8' })
    .end(`Forbidden: ${refusal.reason}\n`);
}

/**
 * The built file (script, style, font…) a path names under `root`, or null when there is
 * none there and the path is the page's (the single-page app answers every other path).
 * index.html is never a built file: it is the page, which carries the key.
 */
async function builtFile(root: string, pathname: string): Promise<string | null> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
  const file = join(root, relative);
  if (!file.startsWith(root + sep) || file === join(root, 'index.html')) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/** The page, with this launch's key in a meta tag for its client (http-transport.ts). */
async function servePage(root: string, key: string, head: boolean, response: ServerResponse) {
  let html: string;
  try {
    html = await readFile(join(root, 'index.html'), 'utf8');
  } catch {
    response
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(`The renderer is not built in ${root}: run "npm run build" first.`);
    return;
  }
  const meta = `<meta name="${BRIDGE_KEY_META}" content="${key}" />`;
  const keyed = /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (tag) => `${tag}\n    ${meta}`)
    : `${meta}\n${html}`;
  // The page holds the key: never kept in a cache.
  response.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
  response.end(head ? undefined : keyed);
}
