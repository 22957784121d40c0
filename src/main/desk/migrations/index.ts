import { DESK_0001 } from './0001-desk';
import { DESK_0002 } from './0002-presence';
import { DESK_0003 } from './0003-photo-identity';
import { DESK_0004 } from './0004-edit-identity';
import { DESK_0005 } from './0005-shared-settings';
import { DESK_0006 } from './0006-push-function';

/** A desk schema step: the version it brings the desk to and its SQL (PostgreSQL). */
export interface DeskMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every desk schema version, oldest first. Forward only, as the catalog's: a shipped
 * migration is never edited; a change is a new file with the next number.
 */
export const DESK_MIGRATIONS: readonly DeskMigration[] = [
  { version: 1, name: 'desk', sql: DESK_0001 },
  { version: 2, name: 'presence', sql: DESK_0002 },
  { version: 3, name: 'photo-identity', sql: DESK_0003 },
  { version: 4, name: 'edit-identity', sql: DESK_0004 },
  { version: 5, name: 'shared-settings', sql: DESK_0005 },
  { version: 6, name: 'push-function', sql: DESK_0006 },
];

export const DESK_LATEST_VERSION = DESK_MIGRATIONS[DESK_MIGRATIONS.length - 1]?.version ?? 0;
