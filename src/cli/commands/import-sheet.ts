import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { applySheetImport } from '../../main/services/sheet-import';
import { counted } from '../../shared/counted';
import { FIELD_LABELS } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';

const shown = (value: string | string[]) => {
  const text = Array.isArray(value) ? value.join('; ') : value;
  return text.length > 70 ? `${text.slice(0, 69)}…` : text || '(empty)';
};

/**
 * `cutline import-sheet FILE [--dry-run] [--json]`: reads a caption sheet (CSV/XLSX keyed by
 * file name) into the catalog as one undo step; `--dry-run` only shows what would change.
 */
export async function runImportSheet(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'dry-run': { type: 'boolean', default: false },
  });
  const [file] = positionals;
  if (!file)
    throw new CutlineError(
      'invalid-input',
      'Give the caption sheet to read: cutline import-sheet FILE',
    );
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const dryRun = values['dry-run'] ?? false;
    const outcome = await applySheetImport(services.db, services.editor, { path: file, dryRun });
    if (values.json) printJson(outcome);
    else {
      for (const change of outcome.changes) {
        process.stdout.write(
          `${change.fileName}  ${FIELD_LABELS[change.field]}: ${shown(change.before)} → ${shown(change.after)}\n`,
        );
      }
      const verb = dryRun ? 'would change' : 'changed';
      process.stdout.write(
        `${outcome.matchedRows} of ${counted(outcome.rows, 'row')} matched; ${verb} ${counted(outcome.changeCount, 'value')} in ${counted(outcome.photos, 'photo')}\n`,
      );
      for (const row of outcome.unmatched) {
        process.stderr.write(`cutline: row ${row.row}: no photo named ${row.fileName}\n`);
      }
      for (const note of outcome.notes) process.stderr.write(`cutline: ${note}\n`);
    }
    return 0;
  } finally {
    await services.close();
  }
}
