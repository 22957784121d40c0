/**
 * The file an export writes, checked the same way for every transport (the app, the bridge,
 * the CLI): never a photo, a sidecar, the catalog or the app's own files
 * (security/write-protection.ts), and an existing file only when the person confirmed
 * replacing it (`overwrite`: the app's save dialog, the bridge's confirm step, `--force`).
 */
import type { CatalogDb } from '../catalog/catalog-db';
import { isCatalogedFile } from '../catalog/known-files-repo';
import { checkOutputFile } from '../export/output-file';
import { isSupportedImage } from '../metadata/supported-formats';
import { writeRefusal } from '../security/write-protection';
import { defaultDataFolder } from './catalog-location';

/** The absolute path to write for `out`, or a CutlineError saying why it may not be. */
export function exportTarget(
  db: CatalogDb,
  request: { out: string; overwrite?: boolean },
): Promise<string> {
  return checkOutputFile(request.out, {
    overwrite: request.overwrite === true,
    refusal: (file) =>
      writeRefusal(file, {
        catalogFile: db.name,
        isCataloged: (path) => isCatalogedFile(db, path),
        isPhotoName: isSupportedImage,
        dataFolder: defaultDataFolder(),
      }),
  });
}
