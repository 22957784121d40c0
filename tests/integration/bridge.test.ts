import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/bridge/bridge-server';
import { bridgeCall, bridgeGet } from '../helpers/bridge-client';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('bridge');

let bridge: Bridge;

beforeAll(async () => {
  await makeJpeg(shoot.exiftool, join(shoot.root, 'shoot', 'a.jpg'), {
    tags: wireTags({ caption: 'Fireworks over Pyongyang.', credit: 'KCNA via AP' }),
  });
  bridge = await startBridge(shoot.services, {
    port: 0,
    rendererDir: join(shoot.root, 'no-renderer'),
  });
});

afterAll(async () => {
  await bridge?.close();
});

const call = (name: string, input: unknown) => bridgeCall(bridge, name, input);

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/?key=${bridge.key}`);
  });

  it('serves the contract: an import started over HTTP streams progress and finishes', async () => {
    const events: string[] = [];
    const stream = await bridgeGet(bridge, '/api/events');
    const reader = stream.body!.getReader();
    const finished = (async () => {
      let text = '';
      while (!text.includes('event: import:finished')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      events.push(...[...text.matchAll(/event: (\S+)/g)].map((m) => m[1]!));
    })();
    const started = await call('import:start', { paths: [join(shoot.root, 'shoot')] });
    expect(started).toMatchObject({ ok: true, value: { runId: expect.any(Number) } });
    await finished;
    await reader.cancel();
    expect(events).toContain('import:progress');
    expect(events).toContain('import:finished');

    const page = await call('photos:search', { query: 'pyongyang' });
    expect(page.ok).toBe(true);
    expect(page.value.total).toBe(1);
    const detail = await call('photos:get', { id: page.value.items[0].id });
    expect(detail.value.record.creditLine).toBe('KCNA via AP');
    // Thumbnails are images on the media path, not base64 in a call.
    expect(detail.value.hasThumbnail).toBe(true);
    const thumb = await bridgeGet(bridge, `/media/thumbnail/${page.value.items[0].id}?v=1`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await thumb.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const cached = await bridgeGet(bridge, `/media/thumbnail/${page.value.items[0].id}`, {
      'if-none-match': thumb.headers.get('etag') ?? '',
    });
    expect(cached.status).toBe(304);
    expect((await bridgeGet(bridge, '/media/thumbnail/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('answers bad input with a code and a plain message, never a stack', async () => {
    expect(await call('photos:get', { id: -3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^id:/) },
    });
    expect(await call('photos:get', { id: 999 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no photo 999 in the catalog.' },
    });
    expect(await call('photos:delete-everything', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('import:start', { paths: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/at least one/) },
    });
    expect(await call('dialog:pickFolders', {})).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    // The browser has no save dialog: the export dialog's path field stands in.
    expect(await call('dialog:saveFile', { extensions: ['pdf'] })).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: 'There is no save dialog here; type the path.' },
    });
    expect(await call('dialog:saveFile', { extensions: ['../x'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(bridge.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/catalog:info',
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': 'application/json' },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('says how to build the renderer when it is missing', async () => {
    const response = await fetch(bridge.url);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
