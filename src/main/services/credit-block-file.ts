/**
 * The credit block saved to a file (the clipboard copy is the renderer's: it has the
 * clipboard). Same text as `credits:block`, checked output path, a final newline.
 */
import { writeFile } from 'node:fs/promises';
import type { CreditBlockInfo } from '../../shared/contract';
import type { CatalogDb } from '../catalog/catalog-db';
import { checkOutputFile, writeInPlace } from '../export/output-file';
import { type CreditBlockRequest, creditBlockFor } from './credits';

export async function saveCreditBlock(
  db: CatalogDb,
  request: CreditBlockRequest & { out: string },
): Promise<CreditBlockInfo & { path: string }> {
  const file = await checkOutputFile(request.out);
  const block = creditBlockFor(db, request);
  await writeInPlace(file, (temporary) => writeFile(temporary, `${block.text}\n`, 'utf8'));
  return { ...block, path: file };
}
