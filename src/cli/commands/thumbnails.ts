import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { counted } from '../../shared/counted';
import { parseCommandArgs, printJson } from '../cli-options';

/**
 * `cutline thumbnails [--db FILE] [--json]`: renders the thumbnails the catalog's photos lack
 * (what `import --thumbnails=later` left, or a file that could not be decoded then), on
 * every core. Exits 1 when some could not be made, naming how many.
 */
export async function runThumbnails(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {});
  // The read pool's workers (started only if a HEIC is to be rendered) decode HEICs beside
  // libvips' renders of the other pictures.
  const services = startServices(resolveCatalogPath(values.db));
  try {
    const counts = await services.thumbnails.renderMissing({
      onFailed: (path, reason) => process.stderr.write(`cutline thumbnails: ${path}: ${reason}\n`),
    });
    const made = counts.done - counts.failed;
    if (values.json) printJson({ made, failed: counts.failed });
    else {
      process.stdout.write(
        `Made ${counted(made, 'thumbnail')}${counts.failed > 0 ? `; ${counts.failed} could not be made (RAW without a preview, or a picture that does not decode)` : ''}.\n`,
      );
    }
    return counts.failed > 0 ? 1 : 0;
  } finally {
    await services.close();
  }
}
