import { resolveCatalogPath } from '../../main/services/catalog-location';
import { creditBlockFor } from '../../main/services/credits';
import { startServices } from '../../main/services/cutline-services';
import { parseCommandArgs, printJson } from '../cli-options';
import { PHOTO_SET_OPTIONS, photoSetFrom } from '../photo-set-options';

/**
 * `cutline credits [--search QUERY] [--import-run N | --last-import] [--style STYLE]
 * [--db FILE] [--json]`: the credit block.
 */
export async function runCredits(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...PHOTO_SET_OPTIONS,
    style: { type: 'string' },
  });
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const block = creditBlockFor(services.db, {
      ...photoSetFrom(values),
      style: values.style,
    });
    if (values.json) printJson(block);
    else {
      if (block.text) process.stdout.write(`${block.text}\n`);
      if (block.uncredited > 0) {
        process.stderr.write(
          `cutline: ${block.uncredited} of ${block.photoCount} photos have no credit to print\n`,
        );
      }
    }
    return 0;
  } finally {
    await services.close();
  }
}
