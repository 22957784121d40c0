/**
 * Exports a caption sheet: resolves the photos (ids in the order shown, a search or an
 * import run), sorts them if asked, checks the output file and the pattern before any work,
 * then streams the rows a chunk at a time to the writer of the chosen format, announcing
 * progress as `export:progress` events.
 */
import { stat } from 'node:fs/promises';
import { PatternError, patternParts } from '../../shared/caption-pattern';
import {
  DEFAULT_EXPORT_CHOICES,
  type ExportFormat,
  type ExportRequest,
  type ExportSort,
  type ExportSummary,
} from '../../shared/export-options';
import type { PhotoRecord } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { type PhotosRepo, photosRepoOf } from '../catalog/photos-repo';
import { writeCsvSheet } from '../export/csv-sheet';
import { writeDocxSheet } from '../export/docx-sheet';
import { writeHtmlSheet } from '../export/html-sheet';
import { writeInPlace } from '../export/output-file';
import { writePdfContactSheet } from '../export/pdf-contact-sheet';
import { sheetFonts } from '../export/sheet-fonts';
import { createRowMaker, headersOf, type SheetRow } from '../export/sheet-rows';
import type { SheetChunk, SheetSource } from '../export/sheet-source';
import { writeTextSheet } from '../export/text-sheet';
import { writeXlsxSheet } from '../export/xlsx-sheet';
import { houseStyleFor } from './credits';
import type { EventBus } from './event-bus';
import { exportTarget } from './export-target';
import { photoSetIds } from './photo-set';

/** Records read from the catalog at a time: enough to be fast, few enough to stay small. */
const CHUNK = 200;

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortKey(sort: ExportSort, record: PhotoRecord): string {
  if (sort === 'date') return record.dateCreated || '\uffff';
  if (sort === 'creator') return record.creators[0]?.toLocaleLowerCase() || '\uffff';
  return record.fileName;
}

/** The ids in the order asked for; the file name breaks ties so the order is stable. */
function sortedIds(repo: PhotosRepo, ids: number[], sort: ExportSort): number[] {
  if (sort === 'shown') return ids;
  const keyed: { id: number; key: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK * 5) {
    const records = repo.records(ids.slice(i, i + CHUNK * 5));
    for (const [id, record] of records) {
      keyed.push({ id, key: sortKey(sort, record), name: record.fileName });
    }
  }
  keyed.sort((a, b) => byName.compare(a.key, b.key) || byName.compare(a.name, b.name));
  return keyed.map((entry) => entry.id);
}

const WRITERS: Record<
  ExportFormat,
  (source: SheetSource, file: string, perPage: number) => Promise<string[]>
> = {
  csv: (source, file) => writeCsvSheet(source, file),
  xlsx: (source, file) => writeXlsxSheet(source, file),
  docx: (source, file) => writeDocxSheet(source, file),
  pdf: (source, file, perPage) =>
    writePdfContactSheet(source, file, { perPage, fonts: sheetFonts() }),
  txt: (source, file) => writeTextSheet(source, file),
  html: (source, file) => writeHtmlSheet(source, file),
};

/** Writes a caption sheet and says what it wrote. */
export async function exportCaptionSheet(
  db: CatalogDb,
  events: EventBus | null,
  request: ExportRequest,
): Promise<ExportSummary> {
  const started = performance.now();
  const file = await exportTarget(db, request);
  const columns = request.columns ?? DEFAULT_EXPORT_CHOICES.columns;
  const pattern = request.pattern ?? DEFAULT_EXPORT_CHOICES.pattern;
  const perPage = request.perPage ?? DEFAULT_EXPORT_CHOICES.perPage;
  let makeRow: ReturnType<typeof createRowMaker>;
  try {
    makeRow = createRowMaker({
      columns,
      pattern,
      house: houseStyleFor(db, request.style),
      styleNamed: (name) => houseStyleFor(db, name),
    });
  } catch (error) {
    if (error instanceof PatternError) throw new CutlineError('invalid-input', error.message);
    throw error;
  }
  if (request.format === 'pdf') sheetFonts();
  const repo = photosRepoOf(db);
  const ids = sortedIds(repo, photoSetIds(db, request), request.sort ?? 'shown');
  const format = request.format;
  let lastReport = 0;
  const source: SheetSource = {
    title: request.title?.trim() || 'Caption sheet',
    date: new Date(),
    total: ids.length,
    columns,
    headers: headersOf(columns),
    patternShowsCredit: patternParts(pattern).some((part) => part.column === 'credit'),
    async *chunks(withThumbnails: boolean): AsyncGenerator<SheetChunk> {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const slice = ids.slice(i, i + CHUNK);
        const records = repo.records(slice);
        const rows: SheetRow[] = [];
        for (const id of slice) {
          const record = records.get(id);
          if (record) rows.push(makeRow(id, record));
        }
        yield { rows, thumbnails: withThumbnails ? repo.thumbnails(slice) : new Map() };
      }
    },
    progress(done) {
      const now = performance.now();
      // A progress bar needs a few updates a second, not one per chunk of a fast format.
      if (done < ids.length && now - lastReport < 100) return;
      lastReport = now;
      events?.emit('export:progress', { format, done, total: ids.length, finished: false });
    },
  };
  events?.emit('export:progress', { format, done: 0, total: ids.length, finished: false });
  try {
    const notes = await writeInPlace(file, (temporary) =>
      WRITERS[format](source, temporary, perPage),
    );
    const bytes = (await stat(file)).size;
    return {
      path: file,
      format,
      photoCount: ids.length,
      bytes,
      milliseconds: Math.round(performance.now() - started),
      notes,
    };
  } finally {
    events?.emit('export:progress', {
      format,
      done: ids.length,
      total: ids.length,
      finished: true,
    });
  }
}
