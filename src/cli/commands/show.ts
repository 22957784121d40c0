import { resolve } from 'node:path';
import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { getPhotoByPath } from '../../main/services/library';
import { getSettings } from '../../main/services/settings';
import { type CheckId, checkCaption } from '../../shared/checks/caption-checks';
import { structFieldText } from '../../shared/iptc-structures';
import { CAPTION_FIELDS, FIELD_LABELS, isStructureField } from '../../shared/model';
import { provenanceLines } from '../../shared/provenance';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';

/** The caption checks `show` prints: rights and credentials, which the panel also states. */
const SHOWN_CHECKS: ReadonlySet<CheckId> = new Set([
  'rights-missing',
  'credentials-fail',
  'undisclosed-generated',
]);

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
    if (detail.provenance) {
      for (const line of provenanceLines(detail.provenance)) {
        process.stdout.write(`Content Credentials: ${line}\n`);
      }
    }
    const checks = checkCaption(record, {
      provenance: detail.provenance,
      requiredFields: getSettings(services.db).requiredRightsFields,
    });
    for (const check of checks) {
      if (SHOWN_CHECKS.has(check.id)) process.stdout.write(`check: ${check.message}\n`);
    }
    return 0;
  } finally {
    await services.close();
  }
}
