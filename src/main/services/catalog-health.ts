/**
 * Opening the catalog safely, for every transport (the app, `cutline serve`, the CLI): a
 * quick integrity check first, and a damaged catalog is moved aside — kept whole, with its
 * WAL, as `catalog.sqlite.damaged-<time>` for recovery — before a new one is started. The
 * caller must tell the user (the notice text is given); a catalog is never silently recreated.
 */
import { existsSync, renameSync } from 'node:fs';
import type { CatalogDb } from '../catalog/catalog-db';
import { isCatalogDamage, quickCheckCatalog } from '../catalog/check-catalog';
import { type OpenCatalogOptions, openCatalog } from '../catalog/open-catalog';

export interface CheckedCatalog {
  db: CatalogDb;
  /** Set when the catalog was damaged: where it was moved and what SQLite found. */
  damaged: { movedTo: string; problem: string; message: string } | null;
}

/** `2026-11-28T14-03-07Z`: sortable, and legal in file names everywhere. */
function fileTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/**
 * Renames a damaged catalog and its -wal/-shm files out of the way (SQLite finds the WAL
 * again beside the new name, so the copy opens as it was). Returns the new name.
 */
export function moveCatalogAside(file: string, at = new Date()): string {
  let aside = `${file}.damaged-${fileTimestamp(at)}`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.damaged-${fileTimestamp(at)}-${n}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/** What to tell the user after a damaged catalog was moved aside. */
export function damagedCatalogMessage(movedTo: string): string {
  return (
    `The catalog was damaged, so Cutline moved it aside to ${movedTo} and started a new, empty ` +
    'one. Your photo files are untouched: import their folders again to continue. Edits not yet ' +
    'written to the files are in the damaged copy, which SQLite’s ".recover" may rescue.'
  );
}

/** Opens `file` after checking it; a damaged catalog is moved aside and a new one started. */
export function openCheckedCatalog(file: string, options: OpenCatalogOptions = {}): CheckedCatalog {
  if (file === ':memory:' || !existsSync(file)) {
    return { db: openCatalog(file, options), damaged: null };
  }
  const check = quickCheckCatalog(file, options.nativeBinding);
  let problem = check.ok ? null : check.problem;
  if (problem === null) {
    try {
      return { db: openCatalog(file, options), damaged: null };
    } catch (error) {
      // Damage the quick check cannot see (a broken page met by a migration).
      if (!isCatalogDamage(error)) throw error;
      problem = error.message;
    }
  }
  const movedTo = moveCatalogAside(file);
  return {
    db: openCatalog(file, options),
    damaged: { movedTo, problem, message: damagedCatalogMessage(movedTo) },
  };
}
