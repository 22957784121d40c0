import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { listRecords } from '../../main/services/library';
import { counted } from '../../shared/counted';
import { parseCommandArgs, printJson } from '../cli-options';

/** `cutline list [--search QUERY] [--db FILE] [--json]` */
export async function runList(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { search: { type: 'string', default: '' } });
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const records = listRecords(services.db, values.search ?? '');
    if (values.json) printJson(records);
    else {
      for (const record of records) {
        const credit = record.creditLine ? ` (${record.creditLine})` : '';
        process.stdout.write(`${record.path}\n    ${record.caption.slice(0, 100)}${credit}\n`);
      }
      process.stdout.write(`${counted(records.length, 'photo')}\n`);
    }
    return 0;
  } finally {
    await services.close();
  }
}
