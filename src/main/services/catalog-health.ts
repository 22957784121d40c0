/**
 * Opening the catalog safely, for every transport (the app, `cutline serve`, the CLI): a
 * header and quick integrity check first; a damaged catalog is salvaged. Everything SQLite
 * can still read goes into a new catalog made by the migrations (catalog/salvage-catalog.ts),
 * the damaged file is kept whole beside it as `catalog.sqlite.damaged-<time>` (with its WAL),
 * and the caller is handed the words to tell the person how many rows were saved and lost.
 * A catalog is created from nothing only where no file exists: an empty file, or one without
 * SQLite's header, is damage.
 *
 * Crash-safe: the steps are recorded in `catalog.sqlite.salvage` (written whole, by rename)
 * and the new catalog is built as `catalog.sqlite.salvage-new`, renamed into place only when
 * complete. Killed at any point, the next start finishes the salvage from the kept file.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { counted } from '../../shared/counted';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { catalogInUse, isCatalogDamage, quickCheckCatalog } from '../catalog/check-catalog';
import { createCatalogFile, type OpenCatalogOptions, openCatalog } from '../catalog/open-catalog';
import { type SalvageReport, salvageCatalog } from '../catalog/salvage-catalog';

export interface CheckedCatalog {
  db: CatalogDb;
  /** Set when the catalog was damaged: where the damaged file is kept, and what was saved. */
  damaged: {
    movedTo: string;
    problem: string;
    message: string;
    /** Table by table: rows saved and lost. */
    detail: string;
    report: SalvageReport;
  } | null;
}

/** The record of a salvage under way, kept beside the catalog until it is done. */
interface SalvageState {
  aside: string;
  problem: string;
  /** Set once the new catalog is complete (it is then only to be renamed into place). */
  report?: SalvageReport;
}

/** Options of a salvage: `onTable` is told before each table is copied (tests stop there). */
export interface CheckedCatalogOptions extends OpenCatalogOptions {
  onSalvageTable?: (table: string) => void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** `2026-11-28T14-03-07Z`: sortable, and legal in file names everywhere. */
function fileTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/** A name for the damaged copy that no file has yet. */
function asideName(file: string, at: Date): string {
  let aside = `${file}.damaged-${fileTimestamp(at)}`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.damaged-${fileTimestamp(at)}-${n}`;
  return aside;
}

/**
 * Renames a damaged catalog and its -wal/-shm files to `aside` (SQLite finds the WAL again
 * beside the new name, so the copy opens as it was). The WAL goes first: a catalog file must
 * never sit beside another file's WAL. Repeating it after a crash finishes what is left.
 */
function moveAside(file: string, aside: string): void {
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix) && !existsSync(aside + suffix))
      renameSync(file + suffix, aside + suffix);
  }
}

/** Renames a damaged catalog out of the way (with its WAL); returns the new name. */
export function moveCatalogAside(file: string, at = new Date()): string {
  const aside = asideName(file, at);
  moveAside(file, aside);
  return aside;
}

const TABLE_WORDS: Record<string, string> = {
  unwritten_fields: 'unwritten edits',
  edit_steps: 'edit steps',
  field_history: 'edit history',
  live_fields: 'live template fields',
  import_run_photos: 'photos of import runs',
};

function tableWords(table: string): string {
  return TABLE_WORDS[table] ?? table.replaceAll('_', ' ');
}

/**
 * What to tell the person after a salvage: where the damaged file is, what was saved and
 * lost. A person reads this in a notice, so losses are named only where they were counted,
 * and a file nothing could be read from is said to be that, not listed table by table.
 */
export function salvageMessage(movedTo: string, report: SalvageReport): string {
  const saved = report.tables.reduce((sum, table) => sum + table.saved, 0);
  const counted = report.tables.filter((table) => table.lost !== null && table.lost > 0);
  const uncounted = report.tables.filter((table) => table.lost === null);
  const untouched = ' Your photo files are untouched.';
  if (saved === 0 && counted.length === 0) {
    return (
      'The catalog was damaged and nothing in it could be read, so Cutline started an empty ' +
      `catalog and kept the damaged file as ${movedTo} (restore a backup of it to get your ` +
      `edits back; importing your folders again reads what was written into the files).${untouched}`
    );
  }
  const lostParts = [
    ...counted.map((table) => `${rowCount(table.lost ?? 0)} of ${tableWords(table.table)}`),
    ...(uncounted.length > 0
      ? [`an unknown number of ${uncounted.map((table) => tableWords(table.table)).join(', ')}`]
      : []),
  ];
  return (
    `The catalog was damaged. Cutline rebuilt it from everything it could read (${rowCount(saved)} ` +
    `saved) and kept the damaged file as ${movedTo}. ` +
    (lostParts.length === 0 ? 'No row was lost.' : `Lost: ${lostParts.join('; ')}.`) +
    untouched
  );
}

/** "1 row", "1,204 rows". */
function rowCount(rows: number): string {
  return counted(rows, 'row');
}

/** Table by table, for the notice's detail and the log. */
export function salvageDetail(problem: string, report: SalvageReport): string {
  const touched = report.tables.filter((table) => table.saved > 0 || table.lost !== 0);
  const tables = touched.map(
    (table) =>
      `${tableWords(table.table)}: ${table.saved} saved, ${table.lost ?? 'an unknown number'} lost`,
  );
  return `SQLite found: ${problem}. ${tables.join('; ')}.`;
}

/** Why a file that exists cannot be a catalog at all: empty, or not SQLite's header. */
function headerProblem(file: string): string | null {
  if (statSync(file).size === 0) return 'the catalog file is empty (0 bytes)';
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER)
    ? null
    : 'not a database: the file does not start with SQLite’s header';
}

function markerOf(file: string): string {
  return `${file}.salvage`;
}

function writeMarker(file: string, state: SalvageState): void {
  const marker = markerOf(file);
  writeFileSync(`${marker}.tmp`, JSON.stringify(state));
  renameSync(`${marker}.tmp`, marker);
}

function readMarker(file: string): SalvageState | null {
  try {
    return JSON.parse(readFileSync(markerOf(file), 'utf8')) as SalvageState;
  } catch {
    return null;
  }
}

/**
 * Salvages (or finishes salvaging) a damaged catalog: moved aside, read into the new catalog
 * built beside it, which is then renamed into place.
 */
function salvage(
  file: string,
  state: SalvageState,
  options: CheckedCatalogOptions,
): CheckedCatalog {
  const built = `${file}.salvage-new`;
  let report = state.report;
  if (!report) {
    moveAside(file, state.aside);
    report = salvageCatalog(state.aside, built, {
      nativeBinding: options.nativeBinding,
      onTable: options.onSalvageTable,
    });
    writeMarker(file, { ...state, report });
  }
  if (existsSync(built)) renameSync(built, file);
  rmSync(markerOf(file), { force: true });
  return {
    db: openCatalog(file, options),
    damaged: {
      movedTo: state.aside,
      problem: state.problem,
      message: salvageMessage(state.aside, report),
      detail: salvageDetail(state.problem, report),
      report,
    },
  };
}

/** Opens `file` after checking it; a damaged catalog is salvaged into a new one. */
export function openCheckedCatalog(
  file: string,
  options: CheckedCatalogOptions = {},
): CheckedCatalog {
  if (file === ':memory:') return { db: openCatalog(file, options), damaged: null };
  // A salvage cut short (a crash, a kill) is finished first.
  const unfinished = readMarker(file);
  if (unfinished) return salvage(file, unfinished, options);
  rmSync(`${markerOf(file)}.tmp`, { force: true });
  if (!existsSync(file)) createCatalogFile(file, options);
  const unreadable = headerProblem(file);
  let problem = unreadable;
  if (problem === null) {
    const check = quickCheckCatalog(file, options.nativeBinding);
    problem = check.ok ? null : check.problem;
  }
  if (problem === null) {
    try {
      return { db: openCatalog(file, options), damaged: null };
    } catch (error) {
      // Damage the quick check cannot see (a broken page met by a migration).
      if (!isCatalogDamage(error)) throw error;
      problem = error.message;
    }
  }
  // (A file without SQLite's header is not probed: SQLite would write one into it.)
  if (unreadable === null && catalogInUse(file, options.nativeBinding)) {
    throw new CutlineError(
      'busy',
      'The catalog is damaged and another Cutline (the app, cutline serve or a command) has it ' +
        'open: quit it, then start again so that Cutline can salvage the catalog.',
    );
  }
  const state: SalvageState = { aside: asideName(file, new Date()), problem };
  writeMarker(file, state);
  return salvage(file, state, options);
}
