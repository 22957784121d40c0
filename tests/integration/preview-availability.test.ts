/**
 * Issue 16 part 5: each RAW/HEIC preview logged two 415s in the browser. The renderer now asks
 * previewUnavailable (src/shared/preview-availability.ts) first and does not request a preview
 * that can only be refused. This checks that rule against the server on real files: it says
 * "unavailable", with the server's own words, exactly when the preview answers 415.
 */

import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { answerMedia } from '../../src/main/media';
import { startServices } from '../../src/main/services/cutline-services';
import { PhotoPreviewService } from '../../src/main/services/photo-preview';
import { previewUnavailable } from '../../src/shared/preview-availability';

const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
const FILES = [
  'exifr/heic-iphone7.heic',
  'exiv2/Stonehenge.heic',
  'photoprism/canon_eos_6d.dng',
  'exiftool/DNG.dng',
  'exiftool/CanonRaw.cr2',
  'exiftool/Nikon.nef',
].filter((file) => existsSync(join(REAL, file)));

it('knows, without asking, which previews the server can only refuse', async () => {
  if (FILES.length === 0) {
    console.log('skipped: no RAW/HEIC fixtures under ../shared/fixtures/real');
    return;
  }
  const root = await mkdtemp(join(tmpdir(), 'cutline-preview-avail-'));
  await mkdir(join(root, 'shoot'));
  for (const file of FILES) await copyFile(join(REAL, file), join(root, 'shoot', basename(file)));
  const services = startServices(join(root, 'catalog.sqlite'), { workers: 0 });
  const previews = new PhotoPreviewService(services.db);
  try {
    await (await services.importer.start([join(root, 'shoot')])).done;
    const repo = new PhotosRepo(services.db);
    const statuses = new Set<number>();
    for (const file of FILES) {
      const detail = repo.detail(repo.findByPath(join(root, 'shoot', basename(file)))?.id ?? -1);
      if (!detail) throw new Error(`${file} was not imported`);
      const answer = await answerMedia({ db: services.db, previews }, `preview/${detail.id}`, null);
      statuses.add(answer.status);
      const said = previewUnavailable(detail.record.fileName, detail.hasThumbnail);
      expect(said, file).toBe(answer.status === 415 ? String(answer.body) : null);
      if (answer.status !== 415) expect(answer.status, file).toBe(200);
    }
    console.log('preview answers seen:', [...statuses].join(', '));
  } finally {
    await previews.close();
    await services.close();
    await rm(root, { recursive: true, force: true });
  }
}, 60_000);
