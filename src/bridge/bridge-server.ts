/**
 * `cutline serve`: the contract over loopback HTTP plus the built renderer, so the real UI
 * runs in a browser against the real services (and Playwright can drive it where Electron
 * cannot start). The protocol mirrors IPC exactly and adds no logic:
 *   POST /api/<call name>   JSON input  →  JSON Result
 *   GET  /api/events        Server-Sent Events, one per service event
 *   GET  /media/preview/<id> the photo's large preview as an image (src/main/media.ts)
 *   GET  /media/thumbnail/<id> its grid thumbnail, from the catalog
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers, dispatch } from '../main/api';
import { answerMedia } from '../main/media';
import type { CutlineServices } from '../main/services/cutline-services';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { MEDIA_HTTP_PREFIX } from '../shared/media-url';
import { fail } from '../shared/result';

export interface BridgeOptions {
  port?: number;
  /** The built renderer (out/renderer by default). */
  rendererDir?: string;
}

export interface Bridge {
  url: string;
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

/** Starts the bridge on 127.0.0.1 only; it never listens on another interface. */
export async function startBridge(
  services: CutlineServices,
  options: BridgeOptions = {},
): Promise<Bridge> {
  const handlers = createHandlers(services);
  const rendererDir = resolve(
    options.rendererDir ?? fileURLToPath(new URL('../renderer', import.meta.url)),
  );
  const streams = new Set<ServerResponse>();
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
    // Every answer carries the app's CSP (the page's meta tag cannot say frame-ancestors).
    response.setHeader('content-security-policy', contentSecurityPolicy('header'));
    response.setHeader('x-content-type-options', 'nosniff');
    // Only pages this server served may talk to it: refuse other Host names (DNS rebinding).
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      response.writeHead(403).end('Forbidden');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/events' && request.method === 'GET') {
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
    if (url.pathname.startsWith(MEDIA_HTTP_PREFIX)) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end('Media is read with GET.');
        return;
      }
      const path = url.pathname.slice(MEDIA_HTTP_PREFIX.length);
      const ifNoneMatch = request.headers['if-none-match'] ?? null;
      const answer = await answerMedia(services, path, ifNoneMatch);
      response.writeHead(answer.status, answer.headers);
      response.end(request.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST' || !request.headers['content-type']?.includes('json')) {
        sendJson(response, 405, fail('invalid-input', 'Calls are POSTed as JSON.'));
        return;
      }
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
    await serveStatic(rendererDir, url.pathname, response);
  }

  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
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

async function serveStatic(root: string, pathname: string, response: ServerResponse) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) {
    response.writeHead(404).end('Not found');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    // Unknown paths get the app (single-page app), unless the app itself is not built.
    try {
      const index = await readFile(join(root, 'index.html'));
      response.writeHead(200, { 'content-type': MIME['.html'] }).end(index);
    } catch {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`The renderer is not built in ${root}: run "npm run build" first.`);
    }
  }
}
