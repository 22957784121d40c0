import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMediaRequest } from '../../../src/main/media';
import { type CutlineServices, startServices } from '../../../src/main/services/cutline-services';
import { importPaths } from '../../../src/main/services/import-photos';
import { getPhotoByPath } from '../../../src/main/services/library';
import { createReadPool } from '../../../src/main/services/read-pool';
import { renderJpeg } from '../../helpers/make-photos';

// The Electron shell hands every `cutline-media:` request to answerMediaRequest; this runs the
// same function on Node's Request, which parses the scheme's URLs the same way for paths.

let root: string;
let services: CutlineServices;
let id: number;

const get = (url: string, init?: RequestInit) =>
  answerMediaRequest(services, new Request(url, init));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-media-protocol-'));
  const photo = join(root, 'shoot', 'street.jpg');
  await renderJpeg(photo, { width: 900, height: 600 });
  services = startServices(join(root, 'catalog.sqlite'), { workers: 0 });
  const summary = await importPaths(services.db, [join(root, 'shoot')], {
    pool: createReadPool(0),
  });
  expect(summary.failed).toEqual([]);
  id = getPhotoByPath(services.db, photo).id;
}, 60_000);

afterAll(async () => {
  await services?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the cutline-media: protocol handler', () => {
  it("serves a photo's stored thumbnail as a JPEG by its numeric id", async () => {
    const response = await get(`cutline-media://thumbnail/${id}?v=7`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);

    const etag = response.headers.get('etag') ?? '';
    const again = await get(`cutline-media://thumbnail/${id}?v=8`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);

    const head = await get(`cutline-media://thumbnail/${id}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    'cutline-media://thumbnail/999999',
    'cutline-media://thumbnail/0',
    'cutline-media://thumbnail/-1',
    'cutline-media://thumbnail/abc',
    'cutline-media://thumbnail/1e3',
    'cutline-media://thumbnail/0x1',
    'cutline-media://thumbnail/12.jpg',
    'cutline-media://thumbnail/',
    'cutline-media://thumbnail/../../etc/passwd',
    'cutline-media://thumbnail/..%2F..%2Fetc%2Fpasswd',
    'cutline-media://thumbnail/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'cutline-media://thumbnail/1/..%2F..%2Fetc%2Fpasswd',
    'cutline-media:///etc/passwd',
    'cutline-media://etc/passwd',
    'cutline-media://file/1',
    'cutline-media://thumbnail/99999999999999999999',
    'file:///etc/passwd',
    'https://example.com/thumbnail/1',
  ])('answers 404 for %s, without reading any file', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/^image\//);
  });

  it('reads with GET and HEAD only', async () => {
    const response = await get(`cutline-media://thumbnail/${id}`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });

  it('answers 503 once the services are gone (the app is closing)', async () => {
    const response = await answerMediaRequest(null, new Request(`cutline-media://thumbnail/${id}`));
    expect(response.status).toBe(503);
  });
});
