import Database from 'better-sqlite3';
import { catalogTrouble } from './sqlite-failure';

/** What SQLite's quick check found: nothing, or the damage in its words. */
export type CatalogCheck = { ok: true } | { ok: false; problem: string };

/** True when `error` says the catalog file is damaged (not busy, locked or missing). */
export function isCatalogDamage(error: unknown): error is Error {
  return error instanceof Error && catalogTrouble(error) === 'damaged';
}

/**
 * Runs `PRAGMA quick_check` on an existing catalog file: the page structure, record formats
 * and NOT NULL/CHECK constraints, in time linear in its size (unlike integrity_check, no
 * index-content comparison). Errors other than damage (busy, permissions) are thrown.
 */
export function quickCheckCatalog(file: string, nativeBinding?: string): CatalogCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems.length ? { ok: false, problem: problems.join('; ') } : { ok: true };
  } catch (error) {
    if (isCatalogDamage(error)) return { ok: false, problem: error.message };
    throw error;
  } finally {
    db?.close();
  }
}
