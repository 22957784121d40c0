import type { CatalogDb } from './catalog-db';

/**
 * Merges some of the search index's segments (FTS5's incremental merge). Answers whether
 * there was work to do, so the caller can stop once the index is tidy.
 */
export function mergeSearchIndex(db: CatalogDb, pages: number): boolean {
  const before = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  db.prepare(`INSERT INTO captions_fts (captions_fts, rank) VALUES ('merge', ?)`).run(pages);
  const after = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  // The merge command itself counts as one change; more means pages were merged.
  return after.n - before.n > 1;
}
