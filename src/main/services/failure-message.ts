import { catalogTrouble, describeCatalogFailure } from '../catalog/sqlite-failure';
import { describeFsError } from './fs-errors';

/**
 * One line in plain words for an error that stopped a whole command or call: a catalog
 * failure (full disk, read-only, I/O error) named as such, a file-system error by its
 * reason, else the error's own first line.
 */
export function failureMessage(error: unknown, catalogFile?: string): string {
  const catalog = describeCatalogFailure(error, catalogFile);
  if (catalog) return catalog;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('E')) {
    const path = (error as { path?: unknown }).path;
    return `${describeFsError(error)}${typeof path === 'string' ? `: ${path}` : ''}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).trim();
}

/** True when `error` is SQLite's about the catalog itself (full, read-only, I/O, busy, damaged). */
export function isCatalogFailure(error: unknown): boolean {
  return catalogTrouble(error) !== null;
}
