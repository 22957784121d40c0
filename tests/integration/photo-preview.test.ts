import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, unlink } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/bridge/bridge-server';
import { answerMedia } from '../../src/main/media';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath } from '../../src/main/services/library';
import { createReadPool } from '../../src/main/services/read-pool';
import { bridgeGet } from '../helpers/bridge-client';
import { makeJpeg, writeTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

/** A real DNG with a 1024×683 embedded JPEG preview (see the fixtures' SOURCES.md). */
const REAL_DNG = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'real',
  'photoprism',
  'canon_eos_6d.dng',
);

const setup = setUpServicesShoot('photo-preview');

let shoot: string;
let bridge: Bridge;

const idOf = (name: string) => getPhotoByPath(setup.services.db, join(shoot, name)).id;

beforeAll(async () => {
  shoot = join(setup.root, 'shoot');
  await mkdir(shoot, { recursive: true });
  await makeJpeg(setup.exiftool, join(shoot, 'street.jpg'), { width: 900, height: 600 });
  // A landscape TIFF (600×400) whose EXIF says "rotate 90° clockwise to view".
  await sharp({ create: { width: 600, height: 400, channels: 3, background: '#336699' } })
    .tiff()
    .toFile(join(shoot, 'scan.tif'));
  await writeTags(setup.exiftool, join(shoot, 'scan.tif'), { 'Orientation#': 6 });
  await makeJpeg(setup.exiftool, join(shoot, 'doomed.jpg'), { width: 300, height: 200 });
  if (existsSync(REAL_DNG)) await copyFile(REAL_DNG, join(shoot, 'camera.dng'));

  const summary = await importPaths(setup.services.db, [shoot], { pool: createReadPool(0) });
  expect(summary.failed).toEqual([]);
  bridge = await startBridge(setup.services, {
    port: 0,
    rendererDir: join(setup.root, 'no-renderer'),
  });
}, 60_000);

afterAll(async () => {
  await bridge?.close();
});

describe('photo preview service', () => {
  it('serves a JPEG as its own bytes', async () => {
    const preview = await setup.services.previews.previewImage(idOf('street.jpg'));
    expect(preview.mime).toBe('image/jpeg');
    expect(preview.source).toBe('file');
    expect(preview.bytes.equals(await readFile(join(shoot, 'street.jpg')))).toBe(true);
  });

  it('turns a TIFF into an upright JPEG (orientation 6 swaps width and height)', async () => {
    const id = idOf('scan.tif');
    expect(getPhotoByPath(setup.services.db, join(shoot, 'scan.tif')).record.orientation).toBe(6);
    const preview = await setup.services.previews.previewImage(id);
    expect(preview.mime).toBe('image/jpeg');
    expect(preview.source).toBe('converted');
    const meta = await sharp(preview.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([400, 600]);
    // Nothing left for a browser to rotate a second time.
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('says plainly when the photo or its file is gone', async () => {
    const id = idOf('doomed.jpg');
    await unlink(join(shoot, 'doomed.jpg'));
    await expect(setup.services.previews.previewImage(id)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/doomed\.jpg is gone/),
    });
    await expect(setup.services.previews.previewImage(999_999)).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no photo 999999 in the catalog.',
    });
  });

  it('answers a conditional request with 304 while the file is unchanged', async () => {
    const id = idOf('street.jpg');
    const first = await answerMedia(setup.services, `preview/${id}`, null);
    expect(first.status).toBe(200);
    const again = await answerMedia(setup.services, `preview/${id}`, first.headers.etag!);
    expect(again.status).toBe(304);
    expect((await answerMedia(setup.services, 'thumbs/1', null)).status).toBe(404);
  });

  it('serves grid thumbnails from the catalog, by a numeric id and nothing else', async () => {
    const id = idOf('street.jpg');
    const first = await answerMedia(setup.services, `thumbnail/${id}`, null);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(first.body as Buffer).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(256);
    const again = await answerMedia(setup.services, `/thumbnail/${id}`, first.headers.etag!);
    expect(again.status).toBe(304);
    for (const path of [
      'thumbnail/999999',
      'thumbnail/0',
      'thumbnail/-1',
      'thumbnail/abc',
      `thumbnail/${id}/../../etc/passwd`,
      '../../etc/passwd',
      `thumbnail/${id}.jpg`,
      '/etc/passwd',
    ]) {
      expect((await answerMedia(setup.services, path, null)).status, path).toBe(404);
    }
  });

  it.runIf(existsSync(REAL_DNG))(
    "shows a RAW (DNG) as the camera's embedded JPEG preview",
    async () => {
      const preview = await setup.services.previews.previewImage(idOf('camera.dng'));
      expect(preview.mime).toBe('image/jpeg');
      expect(preview.source).toBe('embedded-preview');
      const meta = await sharp(preview.bytes).metadata();
      expect(Math.max(meta.width!, meta.height!)).toBe(1024);
    },
  );

  it.skipIf(existsSync(REAL_DNG))('RAW preview (skipped: no fixture)', () => {
    console.warn(`skipped the DNG preview test: ${REAL_DNG} is absent`);
  });
});

describe('bridge route GET /media/preview/<id>', () => {
  it('answers 200 image/jpeg with no-cache and an ETag', async () => {
    const response = await bridgeGet(bridge, `/media/preview/${idOf('scan.tif')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toMatch(/^"\d+-/);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([400, 600]);
  });

  it('answers 404 with a plain message for an unknown photo', async () => {
    const response = await bridgeGet(bridge, '/media/preview/424242');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('There is no photo 424242 in the catalog.');
  });

  it('refuses a request addressed to another host name', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(bridge.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: `/media/preview/${idOf('street.jpg')}`,
          headers: { host: 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
