import { resolveCatalogPath } from '../../main/services/catalog-location';
import type { CutlineServices } from '../../main/services/cutline-services';
import { failureMessage, isCatalogFailure } from '../../main/services/failure-message';
import { createReadPool } from '../../main/services/read-pool';
import type { ImportProgress } from '../../shared/model';
import { printablePath } from '../../shared/printable-path';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';
import { createProgressBar } from '../progress-bar';

/** `cutline import DIR… [--watch] [--thumbnails=now|later] [--db FILE] [--json]` */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    watch: { type: 'boolean' },
    thumbnails: { type: 'string', default: 'now' },
  });
  if (positionals.length === 0) {
    throw new CutlineError('invalid-input', 'Name at least one folder or file to import.');
  }
  if (values.thumbnails !== 'now' && values.thumbnails !== 'later') {
    throw new CutlineError(
      'invalid-input',
      `--thumbnails is now or later, not ${JSON.stringify(values.thumbnails)}`,
    );
  }
  const thumbnails = values.thumbnails === 'later' ? 'later' : 'wait';
  const catalogFile = resolveCatalogPath(values.db);
  // The read worker starts first and loads (≈0.1–0.2 s) on the other core while this thread
  // loads the services and opens the catalog; the services own it from then on. It does not
  // warm up: the import's own files do that (ReadPoolOptions.warmUp).
  const readPool = createReadPool(undefined, { warmUp: false });
  void readPool.warmUp();
  let services: CutlineServices;
  try {
    const { startServices } = await import('../../main/services/cutline-services');
    services = startServices(catalogFile, { readPool });
  } catch (error) {
    await readPool.close();
    throw error;
  }
  const bar = createProgressBar();
  let lastProgress: ImportProgress | null = null;
  const unsubscribe = services.events.subscribe((event, payload) => {
    if (event !== 'import:progress') return;
    lastProgress = payload as ImportProgress;
    bar.update(payload as never);
  });
  const stop = new AbortController();
  const cancel = () => {
    const status = services.importer.status();
    if (status) services.importer.cancel(status.runId);
    stop.abort();
  };
  process.once('SIGINT', cancel);
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= services.close();
    return closing;
  };
  try {
    const { done } = await services.importer.start(positionals, 'import', thumbnails);
    const summary = await done;
    bar.end();
    // Said once the catalog is closed: its commits are synced to disk at the close, not one
    // by one (WAL with synchronous=NORMAL), so what the summary counts is then on disk.
    if (!values.watch) await close();
    const { runId: _runId, cancelled: _cancelled, ...printed } = summary;
    if (values.json) printJson(printed);
    else {
      process.stdout.write(
        `Found ${summary.found}: imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}, damaged ${summary.damaged.length}, skipped ${summary.skipped.length} (import run ${summary.runId}${summary.cancelled ? ', cancelled' : ''}).\n`,
      );
      for (const failure of summary.failed) {
        process.stdout.write(`  failed: ${printablePath(failure.path)}: ${failure.reason}\n`);
      }
      for (const damage of summary.damaged) {
        process.stdout.write(`  damaged: ${damage.path}: ${damage.reason}\n`);
      }
      for (const skip of summary.skipped) {
        process.stdout.write(`  skipped: ${printablePath(skip.path)}: ${skip.reason}\n`);
      }
    }
    if (values.watch && !stop.signal.aborted) {
      for (const folder of positionals) await services.watcher.add(folder);
      process.stderr.write('Watching for new photos; press Ctrl+C to stop.\n');
      await new Promise((resolve) => stop.signal.addEventListener('abort', resolve));
    }
    return summary.cancelled ? 130 : 0;
  } catch (error) {
    // A full disk or a read-only catalog stops the import: what was stored stays, and the
    // message says why and how far it got.
    if (!isCatalogFailure(error)) throw error;
    const last = lastProgress as ImportProgress | null;
    const run = last && !closing ? services.importer.run(last.runId) : undefined;
    const stored = run
      ? `; import run ${run.runId} stopped with ${run.imported + run.updated + run.unchanged} photos stored`
      : '';
    throw new CutlineError('io', `${failureMessage(error, catalogFile)}${stored}`);
  } finally {
    process.off('SIGINT', cancel);
    unsubscribe();
    // A close that failed above is reported there, not thrown again over its message.
    if (!closing) await close();
  }
}
