/**
 * Export benchmark (`npm run bench:export`): a PDF contact sheet of 1,000 photos with
 * thumbnails (160×107 JPEGs of ≈8 kB, each one different, as cameras embed them) and wire
 * captions, some in Cyrillic, Korean, Chinese and Arabic, 12 per page, through the same
 * service the app calls. Prints the time beside the 10 s goal and the memory it took; then
 * the other formats for the same photos, each with its memory.
 *
 * Each export runs in a process of its own, so that its peak RSS (the kernel's high-water
 * mark, not a sample) is that export's and not an earlier one's: a DOCX, which the `docx`
 * library builds whole in memory, is measured on the same footing as the streamed PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** What one export's process reports. */
interface Measured {
  milliseconds: number;
  bytes: number;
  /** RSS when the catalog was open and the export about to start. */
  rssBefore: number;
  /** The process's peak RSS (getrusage's ru_maxrss). */
  peakRss: number;
  /** How far JavaScript's heap and buffers rose above where they started, sampled. */
  jsRise: number;
}

/** JavaScript's own memory: the heap, and buffers outside it (thumbnails, file chunks). */
function jsMemory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** In a process of its own: one export of every photo in the catalog, measured. */
async function measureOne(catalog: string, format: ExportFormat, out: string): Promise<Measured> {
  const services = startServices(catalog, { workers: 0 });
  try {
    const rssBefore = process.memoryUsage().rss;
    const jsBefore = jsMemory();
    let jsPeak = jsBefore;
    const sampler = setInterval(() => {
      jsPeak = Math.max(jsPeak, jsMemory());
    }, 20);
    try {
      // The whole catalog, as the dialog's "every photo" does.
      const summary = await exportCaptionSheet(services.db, null, {
        query: '',
        format,
        out,
        perPage: 12,
        title: 'Bench contact sheet',
      });
      jsPeak = Math.max(jsPeak, jsMemory());
      return {
        milliseconds: summary.milliseconds,
        bytes: summary.bytes,
        rssBefore,
        peakRss: process.resourceUsage().maxRSS * 1024,
        jsRise: jsPeak - jsBefore,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await services.close();
  }
}

/** A catalog of the bench's photos, each with a thumbnail of its own (every 100th: none). */
async function makeCatalog(catalog: string): Promise<void> {
  const services = startServices(catalog, { workers: 0 });
  try {
    const thumbnails: Buffer[] = [];
    for (let i = 0; i < PHOTOS; i++) {
      // Grain, as a photo has, so that each JPEG is about as large as a camera's (≈8 kB).
      thumbnails.push(
        await sharp({
          create: {
            width: 160,
            height: 107,
            channels: 3,
            background: '#000000',
            noise: { type: 'gaussian', mean: 100 + (i % 60), sigma: 30 },
          },
        })
          .composite([
            {
              input: Buffer.from(
                `<svg width="160" height="107"><circle cx="${20 + (i % 120)}" cy="${30 + (i % 50)}" r="${10 + (i % 25)}" fill="rgb(${(i * 37) % 255},${(i * 91) % 255},${(i * 53) % 255})"/></svg>`,
              ),
            },
          ])
          .jpeg({ quality: 80 })
          .toBuffer(),
      );
    }
    const repo = new PhotosRepo(services.db);
    services.db.transaction(() => {
      for (let i = 0; i < PHOTOS; i++) {
        const fields = wireCaptionFields(wireRecord(i));
        if (i % 10 === 0) {
          fields.caption = `${SCRIPTS[(i / 10) % SCRIPTS.length]} ${fields.caption}`;
        }
        const photo = photoWrite(`/shoot/BENCH_${String(i).padStart(4, '0')}.jpg`, fields);
        // Every 100th photo has no thumbnail: the placeholder path is timed too.
        if (i % 100 !== 99) {
          photo.thumbnail = { jpeg: thumbnails[i]!, width: 160, height: 107, origin: 'embedded' };
        }
        repo.save(photo, null);
      }
    })();
  } finally {
    await services.close();
  }
}

const mb = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(0)} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const [, , mode, catalogArg, formatArg, outArg] = process.argv;
if (mode === '--one' && catalogArg && formatArg && outArg) {
  const result = await measureOne(catalogArg, formatArg as ExportFormat, outArg);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const folder = await mkdtemp(join(tmpdir(), 'cutline-export-bench-'));
  try {
    const catalog = join(folder, 'catalog.sqlite');
    await makeCatalog(catalog);
    const self = fileURLToPath(import.meta.url);
    const run = (format: ExportFormat): Measured =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [...process.execArgv, self, '--one', catalog, format, join(folder, `sheet.${format}`)],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
        ),
      ) as Measured;
    const memory = (m: Measured) =>
      `peak RSS ${mb(m.peakRss)} (${mb(m.rssBefore)} before), JS memory +${mb(m.jsRise)} at most`;
    const pdf = run('pdf');
    const met = pdf.milliseconds < GOAL_MS ? 'met' : 'NOT met';
    process.stdout.write(
      `PDF contact sheet, ${PHOTOS} photos, 12 per page: ${(pdf.milliseconds / 1000).toFixed(2)} s (goal < 10 s: ${met}), ${mb(pdf.bytes)} file, ${memory(pdf)}\n`,
    );
    for (const format of ['docx', 'csv', 'xlsx', 'txt', 'html'] as ExportFormat[]) {
      const result = run(format);
      process.stdout.write(
        `${format.padEnd(5)} ${PHOTOS} photos: ${(result.milliseconds / 1000).toFixed(2)} s, ${mb(result.bytes)} file, ${memory(result)}\n`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
