import { resolve } from 'node:path';
import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { getPhotoByPath } from '../../main/services/library';
import { structFieldText } from '../../shared/iptc-structures';
import { CAPTION_FIELDS, FIELD_LABELS, isStructureField } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';

/** `cutline show FILE [--db FILE] [--json]` */
export async function runShow(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  const [file] = positionals;
  if (!file) throw new CutlineError('invalid-input', 'Name the photo file to show.');
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const detail = getPhotoByPath(services.db, resolve(file));
    if (values.json) {
      printJson(detail.record);
      return 0;
    }
    const { record } = detail;
    process.stdout.write(
      `${record.path}\n${record.format} ${record.width ?? '?'}×${record.height ?? '?'}\n`,
    );
    for (const field of CAPTION_FIELDS) {
      const value = record[field];
      const text = isStructureField(field)
        ? structFieldText(field, record[field])
        : Array.isArray(value)
          ? value.join('; ')
          : value;
      if (text) {
        const from = detail.origins[field]?.from;
        process.stdout.write(`${FIELD_LABELS[field]}: ${text}${from ? `  [${from}]` : ''}\n`);
      }
    }
    for (const warning of record.warnings) process.stdout.write(`warning: ${warning}\n`);
    return 0;
  } finally {
    await services.close();
  }
}
