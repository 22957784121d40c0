import type Database from 'better-sqlite3';

/**
 * The catalog's database handle. Repositories take it first (`listPhotos(db, …)`), and only
 * modules under src/main/catalog run SQL on it.
 */
export type CatalogDb = Database.Database;
