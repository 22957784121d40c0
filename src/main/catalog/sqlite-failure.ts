import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** What kind of trouble a SQLite error means for the catalog, or null for another error. */
export type CatalogTrouble = 'full' | 'read-only' | 'io' | 'cannot-open' | 'busy' | 'damaged';

const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_NOTADB',
]);

/** Classifies an error thrown by better-sqlite3 by its extended result code. */
export function catalogTrouble(error: unknown): CatalogTrouble | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (DAMAGE_CODES.has(code)) return 'damaged';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

/** True when the catalog file (or, for a new one, its folder) cannot be written. */
function catalogIsReadOnly(file: string): boolean {
  try {
    accessSync(existsSync(file) ? file : dirname(file), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * One line in plain words for a catalog error (a full disk, a read-only catalog, an I/O
 * error), naming the cause; null when `error` is none of these. SQLite says "unable to open
 * database file" for a catalog on a read-only disk (it cannot make the WAL's index beside
 * it), so the file system is asked which it was.
 */
export function describeCatalogFailure(error: unknown, file?: string): string | null {
  const trouble = catalogTrouble(error);
  if (!trouble) return null;
  const where = file ? ` (${file})` : '';
  const sqlite = error instanceof Error ? error.message : String(error);
  switch (trouble) {
    case 'full':
      return `no space left on the disk that holds the catalog${where}; free some space and run it again`;
    case 'read-only':
      return `the catalog is read-only${where}: ${sqlite}`;
    case 'io':
      return `the disk that holds the catalog reported an input/output error${where}: ${sqlite}`;
    case 'cannot-open':
      return file && catalogIsReadOnly(file)
        ? `the catalog is read-only${where}: Cutline needs to write it and the files beside it`
        : `the catalog cannot be opened${where}: ${sqlite}`;
    case 'busy':
      return `the catalog stayed busy with another Cutline process${where}; try again`;
    case 'damaged':
      return `the catalog is damaged${where}: ${sqlite}`;
  }
}
