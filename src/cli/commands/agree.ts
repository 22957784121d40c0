import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { counted } from '../../shared/counted';
import { CAPTION_FIELDS, type CaptionField, FIELD_LABELS } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { photosOfFiles } from '../catalog-files';
import { parseCommandArgs, printJson } from '../cli-options';
import { optionName } from '../field-options';

/** A field as the command line names it: its JSON key ("creditLine") or option ("credit-line"). */
function fieldNamed(name: string): CaptionField {
  const field = CAPTION_FIELDS.find((f) => f === name || optionName(f) === name);
  if (!field) {
    throw new CutlineError(
      'invalid-input',
      `"${name}" is not a caption field; use one of ${CAPTION_FIELDS.map(optionName).join(', ')}.`,
    );
  }
  return field;
}

/**
 * `cutline agree FILE… [--field NAME]… [--db FILE] [--json]`: makes the copies of a field
 * (EXIF, IIM, XMP) agree in each file, as one undo step: the fields named, or every field
 * whose copies disagree. The catalog keeps its value; `cutline write` then puts it into every
 * copy. A file not in the catalog is reported and the others go on.
 */
export async function runAgree(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    field: { type: 'string', multiple: true },
  });
  if (positionals.length === 0) {
    throw new CutlineError('invalid-input', 'Name the photo files whose copies should agree.');
  }
  const fields = values.field?.map(fieldNamed);
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const { ids, notInCatalog: failed } = photosOfFiles(services.db, positionals);
    const outcome = ids.length > 0 ? services.editor.makeCopiesAgree(ids, fields) : null;
    if (values.json) {
      printJson({ ...outcome, failed });
    } else {
      if (outcome) {
        const agreed = Object.entries(outcome.byField).map(
          ([field, photos]) =>
            `${FIELD_LABELS[field as CaptionField]} in ${counted(photos, 'photo')}`,
        );
        process.stdout.write(
          agreed.length > 0
            ? `Copies to agree: ${agreed.join(', ')} (in the catalog; \`cutline write\` puts each value into every copy)\n`
            : 'Nothing to do: no copies of these fields disagree.\n',
        );
        const agreeing = outcome.total - outcome.photos;
        if (agreed.length > 0 && agreeing > 0) {
          process.stdout.write(`${counted(agreeing, 'photo')} had no copies that disagree.\n`);
        }
      }
      for (const failure of failed) {
        process.stdout.write(`failed: ${failure.path}: ${failure.reason}\n`);
      }
    }
    return failed.length > 0 ? 1 : 0;
  } finally {
    await services.close();
  }
}
