import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { EventBus } from '../../src/main/services/event-bus';
import { ImportService } from '../../src/main/services/import-service';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { WatchService } from '../../src/main/services/watch-service';
import type { ImportSummary } from '../../src/shared/model';
import { createExifTool, makeJpeg, renderJpeg, wireTags } from '../helpers/make-photos';

let exiftool: ExifTool;
let root: string;

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-watch-'));
});
afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

it('imports photos arriving in a watched folder once each, after they are fully written', async () => {
  const hot = join(root, 'hot');
  const source = await makeJpeg(exiftool, join(root, 'camera', 'arrival.jpg'), {
    width: 1600,
    height: 1067,
    tags: wireTags({ caption: 'A photo uploaded from the field in Pyongyang.', credit: 'AP' }),
  });
  const db = openCatalog(':memory:');
  const events = new EventBus();
  const summaries: ImportSummary[] = [];
  events.subscribe((event, payload) => {
    if (event === 'import:finished') summaries.push(payload as ImportSummary);
  });
  const importer = new ImportService(db, events, 0);
  // The pause in the upload below is well inside the settle time: on a loaded CI machine a
  // 250 ms pause has stretched past a 400 ms settle time, and the half file was imported.
  const watcher = new WatchService(db, importer, { settleMs: 1_000, batchMs: 100 });
  try {
    await mkdir(hot, { recursive: true });
    await watcher.add(hot);
    await watcher.ready();
    expect(watcher.list().map((f) => f.path)).toEqual([hot]);

    // An upload trickles in: half the bytes, a pause, then the rest.
    const bytes = await readFile(source);
    const target = join(hot, 'arrival.jpg');
    const handle = await open(target, 'w');
    await handle.write(bytes.subarray(0, bytes.length / 2));
    await new Promise((r) => setTimeout(r, 250));
    await handle.write(bytes.subarray(bytes.length / 2));
    await handle.close();

    await expect
      .poll(() => searchLibrary(db, { query: 'pyongyang', offset: 0, limit: 5 }).total, {
        timeout: 10_000,
      })
      .toBe(1);
    expect(getPhotoByPath(db, target).record.caption).toBe(
      'A photo uploaded from the field in Pyongyang.',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    // The initial import of the empty folder, then exactly one import of the arrival, with
    // no failed read of a half-written file.
    const arrivals = summaries.filter((s) => s.imported + s.updated + s.failed.length > 0);
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]).toMatchObject({ imported: 1, failed: [] });
  } finally {
    await watcher.close();
    await importer.close();
    db.close();
  }
});

it('re-reads a photo when its .xmp sidecar (IMG.xmp or IMG.CR2.xmp style) changes', async () => {
  const hot = join(root, 'sidecars');
  await mkdir(hot, { recursive: true });
  const photo = join(hot, 'DSC_0042.jpg');
  await renderJpeg(photo);
  const db = openCatalog(':memory:');
  const events = new EventBus();
  const importer = new ImportService(db, events, 0);
  const watcher = new WatchService(db, importer, { settleMs: 200, batchMs: 50 });
  try {
    await watcher.add(hot);
    await watcher.ready();
    await expect.poll(() => searchLibrary(db, { query: '', offset: 0, limit: 5 }).total).toBe(1);
    expect(getPhotoByPath(db, photo).record.caption).toBe('');

    await writeFile(
      join(hot, 'DSC_0042.xmp'),
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Caption written in Lightroom.</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>`,
    );
    await expect
      .poll(() => getPhotoByPath(db, photo).record.caption, { timeout: 10_000 })
      .toBe('Caption written in Lightroom.');
    expect(getPhotoByPath(db, photo).origins.caption?.from).toBe('sidecar');
  } finally {
    await watcher.close();
    await importer.close();
    db.close();
  }
});
