/**
 * The credit block saved to a file (the clipboard copy is the renderer's: it has the
 * clipboard). Same text as `credits:block`, checked output path, a final newline.
 */
import { writeFile } from 'node:fs/promises';
import type { CreditBlockInfo } from '../../shared/contract';
import type { CatalogDb } from '../catalog/catalog-db';
import { writeInPlace } from '../export/output-file';
import { type CreditBlockRequest, creditBlockFor } from './credits';
import { exportTarget } from './export-target';

/** Saves the credit block to `out` (replacing a file there only when `overwrite`). */
export async function saveCreditBlock(
  db: CatalogDb,
  request: CreditBlockRequest & { out: string; overwrite?: boolean },
): Promise<CreditBlockInfo & { path: string }> {
  const file = await exportTarget(db, request);
  const block = creditBlockFor(db, request);
  await writeInPlace(file, (temporary) => writeFile(temporary, `${block.text}\n`, 'utf8'));
  return { ...block, path: file };
}
