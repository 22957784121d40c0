import { resolveCatalogPath } from '../../main/services/catalog-location';
import { saveCreditBlock } from '../../main/services/credit-block-file';
import { creditBlockFor } from '../../main/services/credits';
import { startServices } from '../../main/services/cutline-services';
import { parseCommandArgs, printJson } from '../cli-options';
import { PHOTO_SET_OPTIONS, photoSetFrom } from '../photo-set-options';

/**
 * `cutline credits [--search QUERY] [--import-run N | --last-import] [--style STYLE]
 * [--out FILE [--force]] [--db FILE] [--json]`: the credit block, printed or saved to FILE
 * (an existing FILE is replaced only with --force).
 */
export async function runCredits(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...PHOTO_SET_OPTIONS,
    style: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const request = { ...photoSetFrom(values), style: values.style };
    const block = values.out
      ? await saveCreditBlock(services.db, {
          ...request,
          out: values.out,
          overwrite: values.force === true,
        })
      : creditBlockFor(services.db, request);
    if (values.json) printJson(block);
    else {
      if ('path' in block) process.stdout.write(`${block.path}\n`);
      else if (block.text) process.stdout.write(`${block.text}\n`);
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
