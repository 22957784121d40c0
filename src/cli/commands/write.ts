import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { counted } from '../../shared/counted';
import type { ImportProgress } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { photosOfFiles } from '../catalog-files';
import { parseCommandArgs, printJson } from '../cli-options';
import { createProgressBar } from '../progress-bar';

/**
 * `cutline write [FILE…] [--all-changed] [--sidecar] [--db FILE] [--json]`: writes the
 * catalog's fields into the files named and/or every file with unwritten changes. A batch
 * cut short earlier (a crash, a kill) is finished first; with nothing named, that is all.
 */
export async function runWrite(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'all-changed': { type: 'boolean', default: false },
    sidecar: { type: 'boolean', default: false },
  });
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  const bar = createProgressBar();
  try {
    const { ids, notInCatalog } = photosOfFiles(services.db, positionals);
    const allChanged = values['all-changed'] === true;
    const resumable = services.writer.overview().queued;
    if (positionals.length === 0 && !allChanged && resumable === 0) {
      throw new CutlineError(
        'invalid-input',
        'Name the files to write, or pass --all-changed to write every photo with unwritten changes.',
      );
    }
    const request = { ids, allChanged, sidecar: values.sidecar === true };
    // Said before the write, per file: the write breaks these files' Content Credentials.
    const credentials = services.writer.credentialWarnings(request);
    if (!values.json) {
      for (const { path, message } of credentials) {
        process.stdout.write(`warning: ${path} ${message}\n`);
      }
    }
    const summary = await services.writer.write(request, (progress) =>
      bar.update({ ...progress, runId: progress.batchId, phase: 'reading' } as ImportProgress),
    );
    bar.end();
    const failed = [...notInCatalog, ...summary.failed];
    const result = {
      written: summary.written,
      conflicts: summary.conflicts,
      failed,
      ...(summary.notes.length > 0 ? { notes: summary.notes } : {}),
      ...(credentials.length > 0 ? { credentialWarnings: credentials } : {}),
    };
    if (values.json) {
      printJson(result);
    } else {
      process.stdout.write(`Wrote ${counted(summary.written, 'file')}.\n`);
      for (const conflict of summary.conflicts) {
        const fields = Object.keys(conflict.fields).join(', ');
        process.stdout.write(`conflict: ${conflict.path} changed elsewhere (${fields})\n`);
      }
      for (const failure of failed)
        process.stdout.write(`failed: ${failure.path}: ${failure.reason}\n`);
      for (const { path, note } of summary.notes) process.stdout.write(`note: ${path}: ${note}\n`);
    }
    return failed.length > 0 || summary.conflicts.length > 0 ? 1 : 0;
  } finally {
    await services.close();
  }
}
