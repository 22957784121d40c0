import { sqliteVersion } from '../catalog/sqlite-version';
import { exiftoolPool } from '../metadata/exiftool-pool';
import type { CutlineServices } from './cutline-services';

/** The versions of the libraries under the services, for the About box. */
export async function serviceVersions(
  services: CutlineServices,
): Promise<{ sqlite: string; exiftool?: string }> {
  const sqlite = sqliteVersion(services.db);
  // ExifTool answers from its own process; a missing perl must not break the About box.
  const exiftool = await exiftoolPool()
    .version()
    .catch(() => undefined);
  return { sqlite, ...(exiftool ? { exiftool } : {}) };
}
