/**
 * Export benchmark (`npm run bench:export`): a PDF contact sheet of 1,000 photos with
 * thumbnails (160×107 JPEGs, each different, as cameras embed them) and wire captions, some
 * in Cyrillic, Korean, Chinese and Arabic, 12 per page, through the same service the app
 * calls. Prints the time beside the 10 s goal and the memory it took; then the other formats
 * for the same photos, each with its memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PhotosRepo } from '../src/main/catalog/photos-repo';
import { startServices } from '../src/main/services/cutline-services';
import { exportCaptionSheet } from '../src/main/services/export-sheet';
import type { ExportFormat } from '../src/shared/export-options';
import { photoWrite } from '../tests/helpers/photo-write';
import { wireCaptionFields, wireRecord } from './wire-text';

const PHOTOS = 1000;
const GOAL_MS = 10_000;
const SCRIPTS = [
  'Президент России Владимир Путин прибыл в Пхеньян.',
  '김정은 국무위원장이 평양에서 푸틴 대통령을 맞이했다.',
  '俄罗斯总统普京抵达平壤，受到隆重欢迎。',
  'وصل الرئيس الروسي إلى بيونغ يانغ',
];

/** JavaScript's own memory: the heap, and buffers outside it (thumbnails, file chunks). */
function jsMemory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/**
 * Runs one export while sampling memory every 20 ms: the process's peak RSS, and how far
 * JavaScript's memory rose above where it started (what an export holds at once: a sheet
 * built whole in memory shows here as its size, a streamed one stays flat).
 */
async function measured<T>(run: () => Promise<T>) {
  const rssBefore = process.memoryUsage().rss;
  const jsBefore = jsMemory();
  let peakRss = rssBefore;
  let peakJs = jsBefore;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakJs = Math.max(peakJs, jsMemory());
  };
  const sampler = setInterval(sample, 20);
  try {
    const result = await run();
    sample();
    return {
      result,
      memory: (mb: (bytes: number) => string) =>
        `peak RSS ${mb(peakRss)} (${mb(rssBefore)} before), JS memory +${mb(peakJs - jsBefore)} at most`,
    };
  } finally {
    clearInterval(sampler);
  }
}

const folder = await mkdtemp(join(tmpdir(), 'cutline-export-bench-'));
const services = startServices(join(folder, 'catalog.sqlite'), { workers: 0 });
try {
  // Thumbnails differ per photo so that nothing is shared or cached by accident.
  const thumbnails = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      sharp({
        create: {
          width: 160,
          height: 107,
          channels: 3,
          background: { r: (i * 37) % 255, g: (i * 91) % 255, b: (i * 53) % 255 },
        },
      })
        .composite([
          {
            input: Buffer.from(
              `<svg width="160" height="107"><circle cx="${20 + i * 2}" cy="50" r="30" fill="white"/></svg>`,
            ),
          },
        ])
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  );
  const repo = new PhotosRepo(services.db);
  const ids = services.db.transaction(() =>
    Array.from({ length: PHOTOS }, (_, i) => {
      const fields = wireCaptionFields(wireRecord(i));
      if (i % 10 === 0) fields.caption = `${SCRIPTS[(i / 10) % SCRIPTS.length]} ${fields.caption}`;
      const photo = photoWrite(`/shoot/BENCH_${String(i).padStart(4, '0')}.jpg`, fields);
      const jpeg = thumbnails[i % thumbnails.length]!;
      // Every 100th photo has no thumbnail: the placeholder path is timed too.
      if (i % 100 !== 99) photo.thumbnail = { jpeg, width: 160, height: 107, origin: 'embedded' };
      return repo.save(photo, null);
    }),
  )();

  const mb = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const pdf = await measured(() =>
    exportCaptionSheet(services.db, null, {
      ids,
      format: 'pdf',
      out: join(folder, 'contact-sheet.pdf'),
      perPage: 12,
      title: 'Bench contact sheet',
    }),
  );
  const met = pdf.result.milliseconds < GOAL_MS ? 'met' : 'NOT met';
  process.stdout.write(
    `PDF contact sheet, ${PHOTOS} photos, 12 per page: ${(pdf.result.milliseconds / 1000).toFixed(2)} s (goal < 10 s: ${met}), ${mb(pdf.result.bytes)} file, ${pdf.memory(mb)}\n`,
  );
  for (const format of ['csv', 'xlsx', 'docx', 'txt', 'html'] as ExportFormat[]) {
    const run = await measured(() =>
      exportCaptionSheet(services.db, null, { ids, format, out: join(folder, `sheet.${format}`) }),
    );
    process.stdout.write(
      `${format.padEnd(5)} ${PHOTOS} photos: ${(run.result.milliseconds / 1000).toFixed(2)} s, ${mb(run.result.bytes)} file, ${run.memory(mb)}\n`,
    );
  }
} finally {
  await services.close();
  await rm(folder, { recursive: true, force: true });
}
