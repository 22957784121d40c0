import type { CatalogDb } from '../catalog-db';
import migrate0001Photos from './0001-photos';
import migrate0002ImportRuns from './0002-import-runs';
import migrate0003SearchIndex from './0003-search-index';
import migrate0004SearchSpeed from './0004-search-speed';
import migrate0005Settings from './0005-settings';
import migrate0006Editing from './0006-editing';
import migrate0007SearchIndexWithoutPrefixes from './0007-search-index-without-prefixes';
import migrate0008WriteBack from './0008-write-back';
import migrate0009ImportRunPhotos from './0009-import-run-photos';
import migrate0010CopiesAgree from './0010-copies-agree';
import migrate0011PhotoDamage from './0011-photo-damage';
import migrate0012WriteLocks from './0012-write-locks';
import migrate0013ImportRunOwner from './0013-import-run-owner';
import migrate0014Culling from './0014-culling';
import migrate0015DeskOutbox from './0015-desk-outbox';
import migrate0016Provenance from './0016-provenance';
import migrate0017IptcRights from './0017-iptc-rights';
import migrate0018IptcStructures from './0018-iptc-structures';
import migrate0019TemplateOptions from './0019-template-options';
import migrate0020DeskIdentity from './0020-desk-identity';
import migrate0021IptcStructuresEditable from './0021-iptc-structures-editable';
import migrate0022DeskSettings from './0022-desk-settings';
import migrate0023IptcRightsDetails from './0023-iptc-rights-details';
import migrate0024LicensorsContributors from './0024-licensors-contributors';

/** A schema step: the version it brings the catalog to, and the function that does it. */
export interface Migration {
  version: number;
  name: string;
  up: (db: CatalogDb) => void;
}

/**
 * Every schema version, oldest first. Forward only: a shipped migration is never edited;
 * a change to the schema is a new file with the next number (then run
 * `npx tsx scripts/make-fresh-schema.ts`, which new catalogs are made from).
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'photos', up: migrate0001Photos },
  { version: 2, name: 'import-runs', up: migrate0002ImportRuns },
  { version: 3, name: 'search-index', up: migrate0003SearchIndex },
  { version: 4, name: 'search-speed', up: migrate0004SearchSpeed },
  { version: 5, name: 'settings', up: migrate0005Settings },
  { version: 6, name: 'editing', up: migrate0006Editing },
  { version: 7, name: 'search-index-without-prefixes', up: migrate0007SearchIndexWithoutPrefixes },
  { version: 8, name: 'write-back', up: migrate0008WriteBack },
  { version: 9, name: 'import-run-photos', up: migrate0009ImportRunPhotos },
  { version: 10, name: 'copies-agree', up: migrate0010CopiesAgree },
  { version: 11, name: 'photo-damage', up: migrate0011PhotoDamage },
  { version: 12, name: 'write-locks', up: migrate0012WriteLocks },
  { version: 13, name: 'import-run-owner', up: migrate0013ImportRunOwner },
  { version: 14, name: 'culling', up: migrate0014Culling },
  { version: 15, name: 'desk-outbox', up: migrate0015DeskOutbox },
  { version: 16, name: 'provenance', up: migrate0016Provenance },
  { version: 17, name: 'iptc-rights', up: migrate0017IptcRights },
  { version: 18, name: 'iptc-structures', up: migrate0018IptcStructures },
  { version: 19, name: 'template-options', up: migrate0019TemplateOptions },
  { version: 20, name: 'desk-identity', up: migrate0020DeskIdentity },
  { version: 21, name: 'iptc-structures-editable', up: migrate0021IptcStructuresEditable },
  { version: 22, name: 'desk-settings', up: migrate0022DeskSettings },
  { version: 23, name: 'iptc-rights-details', up: migrate0023IptcRightsDetails },
  { version: 24, name: 'licensors-contributors', up: migrate0024LicensorsContributors },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
