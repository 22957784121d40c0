import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { exportCaptionSheet } from '../../main/services/export-sheet';
import { counted } from '../../shared/counted';
import {
  EXPORT_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_SORTS,
  type ExportColumn,
  type ExportFormat,
  type ExportRequest,
  type ExportSort,
} from '../../shared/export-options';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';
import { PHOTO_SET_OPTIONS, photoSetFrom } from '../photo-set-options';

function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CutlineError(
    'invalid-input',
    `Unknown ${what} "${value}"; use one of ${allowed.join(', ')}.`,
  );
}

/**
 * `cutline export --format csv|xlsx|docx|pdf|txt|html --out FILE [--search QUERY]
 * [--import-run N | --last-import] [--fields LIST] [--pattern TEXT]
 * [--sort shown|date|fileName|creator] [--per-page N] [--title TEXT] [--style STYLE]
 * [--force]`: a caption sheet of the photos a search shows, or of those an import run found.
 * An existing FILE is replaced only with --force.
 */
export async function runExport(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    ...PHOTO_SET_OPTIONS,
    fields: { type: 'string' },
    pattern: { type: 'string' },
    sort: { type: 'string', default: 'shown' },
    'per-page': { type: 'string' },
    title: { type: 'string' },
    style: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (!values.format || !values.out) {
    throw new CutlineError(
      'invalid-input',
      'Give --format (csv, xlsx, docx, pdf, txt, html) and --out FILE.',
    );
  }
  const request: ExportRequest = {
    format: oneOf<ExportFormat>('format', values.format, EXPORT_FORMATS),
    out: values.out,
    ...photoSetFrom(values),
    sort: oneOf<ExportSort>('sort', values.sort ?? 'shown', EXPORT_SORTS),
    pattern: values.pattern,
    title: values.title,
    style: values.style,
    overwrite: values.force === true,
  };
  if (values.fields) {
    request.columns = values.fields
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean)
      .map((field) => oneOf<ExportColumn>('field', field, EXPORT_COLUMNS));
  }
  if (values['per-page']) {
    const perPage = oneOf('--per-page value', values['per-page'], ['4', '6', '12', '20', '30']);
    request.perPage = Number(perPage) as ExportRequest['perPage'];
  }
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const summary = await exportCaptionSheet(services.db, null, request);
    if (values.json) printJson(summary);
    else {
      const seconds = (summary.milliseconds / 1000).toFixed(1);
      process.stdout.write(
        `${summary.path}: ${counted(summary.photoCount, 'photo')}, ${summary.bytes} bytes, ${seconds} s\n`,
      );
      for (const note of summary.notes) process.stderr.write(`cutline: ${note}\n`);
    }
    return 0;
  } finally {
    await services.close();
  }
}
