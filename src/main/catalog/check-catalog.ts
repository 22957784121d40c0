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

/**
 * True when another connection (another Cutline process: the app, `cutline serve`, a command)
 * has the catalog file open: it then cannot be locked exclusively, even for a moment. A
 * damaged catalog is salvaged only when nobody else has it open, or their later writes would
 * go to the damaged copy moved aside.
 */
export function catalogInUse(file: string, nativeBinding?: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      fileMustExist: true,
      timeout: 0,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    return catalogTrouble(error) === 'busy';
  } finally {
    try {
      db?.close();
    } catch {
      // Closing a damaged file may fail; nothing was written.
    }
  }
}
