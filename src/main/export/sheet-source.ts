/**
 * What every caption-sheet writer reads: the rows in order, a chunk at a time with the
 * chunk's thumbnails, and the sheet's title and columns. The export service makes it from
 * the catalog; writers know nothing of SQLite.
 */
import type { ExportColumn } from '../../shared/export-options';
import type { SheetRow } from './sheet-rows';

export interface SheetChunk {
  rows: SheetRow[];
  /** Thumbnail JPEGs of the chunk's photos that have one. */
  thumbnails: Map<number, Buffer>;
}

export interface SheetSource {
  title: string;
  /** When the sheet was made, printed in headers. */
  date: Date;
  total: number;
  columns: readonly ExportColumn[];
  headers: string[];
  /** True when the caption-with-credit pattern prints the credit (else writers add it). */
  patternShowsCredit: boolean;
  /** The rows in order, a chunk at a time; `withThumbnails` loads the chunk's thumbnails. */
  chunks(withThumbnails: boolean): AsyncGenerator<SheetChunk>;
  /** Reports rows written so far, for the progress bar. */
  progress(done: number): void;
}

/** Columns that a block-per-photo sheet (DOCX, PDF, text, HTML) prints as "Label: value". */
export function extraColumns(source: SheetSource): { index: number; label: string }[] {
  const shownElsewhere = new Set<ExportColumn>([
    'fileName',
    'headline',
    'caption',
    'credit',
    'captionWithCredit',
  ]);
  return source.columns.flatMap((column, index) =>
    shownElsewhere.has(column) ? [] : [{ index, label: source.headers[index] ?? column }],
  );
}

/** The caption block of a photo: caption with credit, plus the credit when the pattern has none. */
export function captionBlock(source: SheetSource, row: SheetRow): string {
  if (source.patternShowsCredit || !row.credit) return row.captionWithCredit;
  return row.captionWithCredit ? `${row.captionWithCredit}\n${row.credit}` : row.credit;
}
