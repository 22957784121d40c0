/**
 * The desk's shared names: the NOTIFY channel every member listens on, the advisory lock
 * key of its writers, and the shape of a transaction on a desk connection.
 */
import type pg from 'pg';

/**
 * The NOTIFY channel of the desk: an accepted edit's sequence, 'photos' (photos published)
 * or 'settings' (house rules changed).
 */
export const DESK_CHANNEL = 'cutline_desk';

/**
 * Pushes and photo publications take this transaction-wide advisory lock, so edits (and
 * photo versions) commit in the order of their sequence numbers and a reader never passes
 * a sequence that commits later.
 */
export const PUSH_LOCK = 736_100_2;

/** A transaction on a desk connection: `work` runs between BEGIN and COMMIT (or ROLLBACK). */
export type DeskTransaction = <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>;
