/**
 * The bridge answers only its own page (issue 14, part 1), measured: the real bridge on a
 * real catalog, and every route (each contract call, the event stream, both media kinds, the
 * page and a built file) asked as a hostile page or process would: a foreign Origin, Origin
 * null (file://), Sec-Fetch-Site cross-site and same-site (another port of 127.0.0.1), the
 * CORS-safelisted content types (text/plain, text/plain;json, form encodings), no key, a
 * wrong key, a foreign Host, an OPTIONS preflight. Each hostile request is a valid one with
 * one thing changed, so each defence is tested on its own. Every one must be refused, with
 * no CORS grant, and nothing may change: the caption stays, no file is written. The page the
 * bridge served must still work: the page, a call, a thumbnail, the event stream.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/bridge/bridge-server';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { BRIDGE_KEY_HEADER, BRIDGE_KEY_META } from '../../src/shared/bridge-key';
import { type CallName, contract } from '../../src/shared/contract';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

const CAPTION = 'Fireworks over Pyongyang.';

let exiftool: ExifTool;
let root: string;
let services: CutlineServices;
let bridge: Bridge;
let photoId: number;
let port: number;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Ask {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One raw HTTP request (node:http, so Host, Origin and Sec-Fetch-* are ours to set). */
function ask({ method, path, headers, body }: Ask): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      // The event stream never ends: a status and the first bytes are the answer.
      if (res.headers['content-type'] === 'text/event-stream') {
        res.once('data', (chunk: Buffer) => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunk.toString() });
          req.destroy();
        });
        return;
      }
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('latin1'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Inputs that would do harm if a call ran: change a caption, write files, import, watch. */
function harmfulInput(name: CallName): unknown {
  const canary = join(root, 'canary', name.replace(/\W/g, '-'));
  const inputs: Partial<Record<CallName, unknown>> = {
    'edits:set': { ids: [photoId], changes: { caption: 'Written by another page.' } },
    'edits:batch': { ids: [photoId], changes: { caption: { mode: 'replace', value: 'x' } } },
    'export:sheet': { format: 'txt', out: `${canary}.txt`, overwrite: true },
    'credits:save': { out: `${canary}.txt`, overwrite: true },
    'import:start': { paths: [join(root, 'elsewhere')] },
    'watch:add': { path: join(root, 'elsewhere') },
    'settings:set': { houseStyle: 'reuters' },
    'templates:save': { name: 'Planted', values: { caption: 'x' } },
    'codes:set': { code: 'zz', expansion: 'planted' },
    'write:start': { ids: [photoId] },
    // Learning the names of folders is harm too: the root's, where the catalog lives.
    'folders:list': { path: root },
  };
  return inputs[name] ?? {};
}

/** What a hostile call could have changed in the catalog. */
function catalogState() {
  const db = services.db;
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    caption: (
      db.prepare('SELECT caption FROM captions WHERE photo_id = ?').get(photoId) as {
        caption: string;
      }
    ).caption,
    settings: db.prepare('SELECT * FROM settings ORDER BY 1').all(),
    rows: Object.fromEntries(
      [
        'photos',
        'import_runs',
        'edit_steps',
        'field_history',
        'unwritten_fields',
        'templates',
        'code_replacements',
        'watched_folders',
        'write_queue',
      ].map((table) => [table, count(table)]),
    ),
  };
}

/** A route as its own page asks for it: method, path, headers, body. */
interface Route {
  label: string;
  kind: 'api' | 'events' | 'media' | 'page' | 'asset';
  valid: () => Ask;
}

function routes(): Route[] {
  const own = { host: `127.0.0.1:${port}` };
  const api = (Object.keys(contract) as CallName[]).map(
    (name): Route => ({
      label: `POST /api/${name}`,
      kind: 'api',
      valid: () => ({
        method: 'POST',
        path: `/api/${encodeURIComponent(name)}`,
        headers: {
          ...own,
          origin: `http://127.0.0.1:${port}`,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          [BRIDGE_KEY_HEADER]: bridge.key,
        },
        body: JSON.stringify(harmfulInput(name)),
      }),
    }),
  );
  const get = (label: string, kind: Route['kind'], path: string, keyed = true): Route => ({
    label,
    kind,
    valid: () => ({
      method: 'GET',
      path: keyed ? `${path}${path.includes('?') ? '&' : '?'}key=${bridge.key}` : path,
      headers: { ...own, 'sec-fetch-site': 'same-origin' },
    }),
  });
  return [
    ...api,
    get('GET /api/events', 'events', '/api/events'),
    get('GET /media/thumbnail/N', 'media', `/media/thumbnail/${photoId}?v=1`),
    get('GET /media/preview/N', 'media', `/media/preview/${photoId}?v=1`),
    get('GET /', 'page', '/'),
    get('GET /index.html', 'page', '/index.html'),
    get('GET /library (the app’s other paths)', 'page', '/library'),
    get('GET /assets/app.js', 'asset', '/assets/app.js', false),
  ];
}

/** The hostile variants of a valid request: each changes one thing. */
function hostile(route: Route): { label: string; ask: Ask }[] {
  const valid = route.valid();
  const withHeaders = (headers: Record<string, string>, drop: string[] = []): Ask => {
    const merged = { ...valid.headers, ...headers };
    for (const name of drop) delete merged[name];
    return { ...valid, headers: merged };
  };
  const variants: { label: string; ask: Ask }[] = [
    { label: 'foreign Origin', ask: withHeaders({ origin: 'http://127.0.0.1:1' }) },
    { label: 'foreign Origin (evil.example)', ask: withHeaders({ origin: 'http://evil.example' }) },
    { label: 'Origin null (file://)', ask: withHeaders({ origin: 'null' }) },
    { label: 'Sec-Fetch-Site cross-site', ask: withHeaders({ 'sec-fetch-site': 'cross-site' }) },
    { label: 'Sec-Fetch-Site same-site', ask: withHeaders({ 'sec-fetch-site': 'same-site' }) },
    { label: 'foreign Host', ask: withHeaders({ host: `evil.example:${port}` }) },
    { label: 'Host on another port', ask: withHeaders({ host: '127.0.0.1:1' }) },
    {
      label: 'OPTIONS preflight',
      ask: {
        method: 'OPTIONS',
        path: valid.path,
        headers: {
          host: valid.headers.host ?? '',
          origin: 'http://127.0.0.1:1',
          'access-control-request-method': 'POST',
          'access-control-request-headers': `content-type, ${BRIDGE_KEY_HEADER}`,
        },
      },
    },
    {
      label: 'OPTIONS from its own origin',
      ask: { ...valid, method: 'OPTIONS', body: undefined },
    },
  ];
  // What a form or a no-cors fetch can send: a POST with a CORS-safelisted type.
  for (const type of [
    'text/plain',
    'text/plain;json',
    'text/plain; charset=utf-8;application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json, text/plain',
  ]) {
    variants.push({
      label: `POST ${type}`,
      ask: {
        ...valid,
        method: 'POST',
        headers: { ...valid.headers, 'content-type': type },
        body: valid.body ?? '{}',
      },
    });
  }
  variants.push({
    label: 'POST without a content type',
    ask: { ...withHeaders({}, ['content-type']), method: 'POST', body: valid.body ?? '{}' },
  });
  if (route.kind !== 'asset') {
    const withoutKey = (ask: Ask): Ask => ({
      ...ask,
      path: ask.path.replace(/[?&]key=[^&]*/, ''),
      headers: Object.fromEntries(
        Object.entries(ask.headers).filter(([name]) => name !== BRIDGE_KEY_HEADER),
      ),
    });
    const wrong = 'A'.repeat(bridge.key.length);
    variants.push({ label: 'no key', ask: withoutKey(valid) });
    variants.push({
      label: 'wrong key',
      ask:
        route.kind === 'api'
          ? withHeaders({ [BRIDGE_KEY_HEADER]: wrong })
          : { ...valid, path: valid.path.replace(bridge.key, wrong) },
    });
    variants.push({
      label: 'key of another length',
      ask:
        route.kind === 'api'
          ? withHeaders({ [BRIDGE_KEY_HEADER]: 'x' })
          : { ...valid, path: valid.path.replace(bridge.key, 'x') },
    });
    if (route.kind === 'api') {
      // The key where only images and the stream may carry it: calls need the header.
      variants.push({
        label: 'key in the query of a call',
        ask: { ...withoutKey(valid), path: `${valid.path}?key=${bridge.key}` },
      });
    }
  }
  return variants;
}

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-bridge-attack-'));
  await makeJpeg(exiftool, join(root, 'shoot', 'a.jpg'), {
    tags: wireTags({ caption: CAPTION, credit: 'KCNA via AP' }),
  });
  await mkdir(join(root, 'elsewhere'));
  await mkdir(join(root, 'canary'));
  // A renderer folder shaped like the build: the page and a script it loads.
  const renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(
    join(renderer, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>Cutline</title>\n    <script type="module" src="/assets/app.js"></script>\n  </head>\n  <body></body>\n</html>\n',
  );
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log("Cutline");\n');
  services = startServices(join(root, 'catalog.sqlite'), { workers: 0 });
  await (await services.importer.start([join(root, 'shoot')])).done;
  bridge = await startBridge(services, { port: 0, rendererDir: renderer });
  port = Number(new URL(bridge.origin).port);
  photoId = (services.db.prepare('SELECT id FROM photos').get() as { id: number }).id;
}, 60_000);

afterAll(async () => {
  await bridge?.close();
  await services?.close();
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

describe('the bridge refuses every hostile request on every route', () => {
  it('refuses them all, grants no other origin anything, and nothing changes', async () => {
    const all = routes();
    // Every call of the contract is a route here (a call added later is covered too).
    expect(all.filter((route) => route.kind === 'api')).toHaveLength(Object.keys(contract).length);
    const before = catalogState();
    const answered: string[] = [];
    let total = 0;
    for (const route of all) {
      for (const { label, ask: hostileAsk } of hostile(route)) {
        total++;
        const answer = await ask(hostileAsk);
        const granted = Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'));
        if (answer.status < 400 || granted.length > 0 || answer.body.includes(bridge.key)) {
          answered.push(`${route.label} / ${label}: ${answer.status} ${granted.join(' ')}`);
        }
      }
    }
    const refused = total - answered.length;
    console.log(
      `bridge-attack: ${refused} of ${total} hostile requests refused on ${all.length} routes ` +
        `(${Object.keys(contract).length} calls, events, 2 media kinds, 3 page paths, 1 built file)`,
    );
    expect(answered).toEqual([]);
    expect(total).toBeGreaterThan(all.length * 15);
    // Nothing changed: the caption, the settings, the edits, no file written, nothing imported.
    expect(catalogState()).toEqual(before);
    expect(catalogState().caption).toBe(CAPTION);
    expect(await readdir(join(root, 'canary'))).toEqual([]);
  });

  it('serves its built files without the key, and they hold none', async () => {
    const answer = await ask({
      method: 'GET',
      path: '/assets/app.js',
      headers: { host: `127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain(bridge.key);
  });
});

describe('the folder browser, asked by the page itself', () => {
  it('lists a folder the catalog knows, and refuses the rest with one message', async () => {
    const list = async (path: string) => {
      const answer = await ask({
        method: 'POST',
        path: '/api/folders:list',
        headers: {
          host: `127.0.0.1:${port}`,
          origin: `http://127.0.0.1:${port}`,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          [BRIDGE_KEY_HEADER]: bridge.key,
        },
        body: JSON.stringify({ path }),
      });
      return JSON.parse(answer.body) as { ok: boolean; error?: { code: string; message: string } };
    };
    expect(await list(join(root, 'shoot'))).toMatchObject({ ok: true });
    const refusals = await Promise.all(
      [
        join(root, 'canary'),
        join(root, 'shoot', '..'),
        join(root, 'shoot', '..', 'elsewhere'),
        '/proc/self',
        '/etc',
        '/',
        'shoot',
      ].map(list),
    );
    for (const refusal of refusals)
      expect(refusal).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(new Set(refusals.map((refusal) => refusal.error?.message)).size).toBe(1);
  });
});

describe('the page the bridge served still works', () => {
  it('opens at the printed address, calls, shows a thumbnail and streams events', async () => {
    const printed = new URL(bridge.url);
    const own = { host: printed.host };
    const page = await ask({
      method: 'GET',
      path: `${printed.pathname}${printed.search}`,
      headers: { ...own, 'sec-fetch-site': 'none' },
    });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const key = new RegExp(`<meta name="${BRIDGE_KEY_META}" content="([^"]+)"`).exec(
      page.body,
    )?.[1];
    expect(key).toBe(bridge.key);

    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const info = await ask({
        method: 'POST',
        path: '/api/photos:get',
        headers: {
          ...own,
          origin: printed.origin,
          'sec-fetch-site': 'same-origin',
          'content-type': type,
          [BRIDGE_KEY_HEADER]: key ?? '',
        },
        body: JSON.stringify({ id: photoId }),
      });
      expect(info.status, type).toBe(200);
      expect(JSON.parse(info.body)).toMatchObject({
        ok: true,
        value: { record: { caption: CAPTION } },
      });
    }
    const thumbnail = await ask({
      method: 'GET',
      path: `/media/thumbnail/${photoId}?v=1&key=${key}`,
      headers: { ...own, 'sec-fetch-site': 'same-origin' },
    });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(thumbnail.body, 'latin1').subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    const events = await ask({
      method: 'GET',
      path: `/api/events?key=${key}`,
      headers: { ...own, 'sec-fetch-site': 'same-origin' },
    });
    expect(events.status).toBe(200);
    expect(events.body).toContain(': connected');
    const script = await ask({
      method: 'GET',
      path: '/assets/app.js',
      headers: { ...own, 'sec-fetch-site': 'same-origin' },
    });
    expect(script.status).toBe(200);
  });
});
