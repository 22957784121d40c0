/**
 * A catalog of synthetic wire photos for the benchmarks (search-bench.ts, ui-bench.ts): each
 * record has the captions, credits and share of problems of a real desk's library, and all
 * share one grainy 160×107 thumbnail, so 100,000 of them build in seconds.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { openCatalog } from '../src/main/catalog/open-catalog';
import type { PhotoWrite } from '../src/main/catalog/photo-rows';
import { PhotosRepo } from '../src/main/catalog/photos-repo';
import { CAPTION_FIELDS, type CaptionFields, type FieldOrigins } from '../src/shared/model';
import { CORPUS_ROOT } from './corpus';
import { prng, wireCaptionFields, wireRecord } from './wire-text';

const BATCH = 5_000;

/**
 * The catalog of `RECORDS` synthetic photos in bench/.corpus/ (search-100k.sqlite, …), built
 * once through PhotosRepo#save with one small shared thumbnail, and reused while it holds
 * that many photos.
 */
export async function ensureSyntheticCatalog(RECORDS: number): Promise<string> {
  const name = RECORDS % 1000 === 0 ? `${RECORDS / 1000}k` : String(RECORDS);
  const file = join(CORPUS_ROOT, `search-${name}.sqlite`);
  if (existsSync(file)) {
    const db = openCatalog(file);
    const count = new PhotosRepo(db).count();
    db.close();
    if (count === RECORDS) return file;
    console.log(`${file} holds ${count} photos, not ${RECORDS}: building it again`);
  }
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) await rm(f, { force: true });
  console.log(`Building a catalog of ${RECORDS.toLocaleString('en')} photos in ${file}`);
  const started = performance.now();
  await buildSyntheticCatalog(tmp, RECORDS, (done) => {
    const rate = done / ((performance.now() - started) / 1000);
    process.stdout.write(`\r  ${done.toLocaleString('en')} photos, ${rate.toFixed(0)}/s `);
  });
  process.stdout.write('\n');
  await rename(tmp, file);
  console.log(`Catalog built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

/**
 * Writes a new catalog of `RECORDS` synthetic photos to `file` (also used by the e2e test of
 * a large sheet); `progress` hears the count after each batch.
 */
export async function buildSyntheticCatalog(
  file: string,
  RECORDS: number,
  progress: (done: number) => void = () => {},
): Promise<void> {
  const thumbnail = await syntheticThumbnail();
  const db = openCatalog(file);
  const repo = new PhotosRepo(db);
  const insert = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = repo.save(photoWrite(i, thumbnail), null);
      // A few files changed on disk or gone since import, as in a real library.
      if (i % 200 === 7) repo.setFileState(id, 'missing');
      else if (i % 200 === 11) repo.setFileState(id, 'changed');
    }
  });
  for (let from = 0; from < RECORDS; from += BATCH) {
    insert(from, Math.min(RECORDS, from + BATCH));
    progress(Math.min(RECORDS, from + BATCH));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** A 160×107 grainy JPEG (≈6 KB), the size of a camera's EXIF thumbnail. */
async function syntheticThumbnail(): Promise<PhotoWrite['thumbnail']> {
  const width = 160;
  const height = 107;
  const random = prng(5);
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 60 + Math.floor(random() * 120);
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { jpeg, width, height, origin: 'embedded' };
}

/** Record i of the catalog, with a small share of each kind of problem. */
function photoWrite(i: number, thumbnail: PhotoWrite['thumbnail']): PhotoWrite {
  const w = wireRecord(i);
  const fields = wireCaptionFields(w);
  if (i % 37 === 3) fields.creditLine = ''; // ~2.7% without credit
  if (i % 97 === 5) fields.caption = ''; // ~1% without caption
  if (i % 53 === 9) fields.city = '';
  const folder = `/Volumes/Archive/${w.dateCreated.slice(0, 4)}/${w.dateCreated} ${w.city || 'misc'}`;
  const fileName = `${w.jobId}.jpg`;
  const disagree = i % 61 === 1;
  const overLimit = i % 113 === 2;
  const warnings = overLimit ? ['IIM Caption is over its 2000-byte limit'] : [];
  if (i % 151 === 4) warnings.push('no thumbnail could be made');
  return {
    path: `${folder}/${fileName}`,
    fileName,
    byteSize: 900_000 + ((i * 7919) % 4_000_000),
    mtimeMs: 1_700_000_000_000 + i * 1000,
    fingerprint: `${(i * 2654435761).toString(16).padStart(12, '0')}${i.toString(16).padStart(28, '0')}`,
    sidecarPath: null,
    sidecarMtimeMs: null,
    technical: {
      format: 'JPEG',
      width: 6000,
      height: 4000,
      orientation: 1,
      cameraMake: 'Canon',
      cameraModel: 'Canon EOS R3',
      lens: 'RF24-70mm F2.8 L IS USM',
      gpsLatitude: null,
      gpsLongitude: null,
      warnings,
    },
    fields,
    origins: originsOf(fields, disagree),
    copiesDisagree: disagree,
    overIimLimit: overLimit,
    thumbnail: i % 151 === 4 ? null : thumbnail,
  };
}

/** Origins as the reader records them: IIM and XMP copies of every field that has a value. */
function originsOf(fields: CaptionFields, disagree: boolean): FieldOrigins {
  const origins: FieldOrigins = {};
  for (const field of CAPTION_FIELDS) {
    const value = fields[field];
    const text = Array.isArray(value) ? value.join('; ') : value;
    if (!text) continue;
    const xmp = disagree && field === 'headline' ? `${text} (updated)` : text;
    origins[field] = { from: 'iim', disagree: xmp !== text, copies: { iim: text, xmp } };
  }
  return origins;
}
