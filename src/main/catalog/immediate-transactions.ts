import type { CatalogDb } from './catalog-db';

/**
 * Waits before each retry of a transaction that found the catalog busy past the busy timeout
 * (5 s each time), in milliseconds: three attempts in all, ≈16 s at most with the thread
 * blocked, which a person waiting on the window can bear once; longer, and the app's edit
 * queue keeps the text and says the catalog is busy.
 */
const RETRY_WAITS_MS = [250, 1000];

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
}

/** Sleeps the thread: SQLite's own busy wait blocks it the same way. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes every `db.transaction(fn)` of this catalog start with BEGIN IMMEDIATE, and retry with
 * backoff when the catalog stays busy past the busy timeout. Several processes write one
 * catalog (the app, `cutline serve`, `cutline write`, `cutline import`): a deferred
 * transaction reads first and asks for the write lock later, and when another process wrote
 * in between SQLite can only answer "database is locked" at once, whatever the busy timeout.
 * Taking the write lock at BEGIN makes writers wait their turn instead. A transaction is
 * retried only when it failed before its function ran (at BEGIN), so nothing runs twice.
 */
export function takeWriteLockAtBegin(db: CatalogDb): void {
  const plain = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    let started = false;
    const made = plain((...args: unknown[]) => {
      started = true;
      return fn(...args);
    });
    const run = (...args: unknown[]) => {
      // Nested: a savepoint inside the transaction already held.
      if (db.inTransaction) return made(...args);
      for (let attempt = 0; ; attempt++) {
        started = false;
        try {
          return made.immediate(...args);
        } catch (error) {
          const wait = RETRY_WAITS_MS[attempt];
          if (started || wait === undefined || !isBusy(error)) throw error;
          pause(wait);
        }
      }
    };
    return Object.assign(run, {
      default: run,
      deferred: made.deferred,
      immediate: run,
      exclusive: made.exclusive,
      database: db,
    });
  }) as CatalogDb['transaction'];
}
