/**
 * Batch editing: one operation on one field of many photos, previewed (how many change, a
 * few before/after samples) or applied as one undo step in one transaction.
 */
import { applyBatchOperation, findPattern } from '../../shared/batch-operation';
import type { BatchOperation, BatchOutcome, FillMode } from '../../shared/edits';
import { type CaptionField, FIELD_LABELS, type FieldValue } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { photosRepoOf } from '../catalog/photos-repo';
import type { EditService } from './edits';

export interface BatchRequest {
  ids: readonly number[];
  field: CaptionField;
  operation: BatchOperation;
  mode: FillMode;
  preview: boolean;
}

const SAMPLES = 3;

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

export function batchEdit(db: CatalogDb, editor: EditService, request: BatchRequest): BatchOutcome {
  const { field, operation, mode } = request;
  let pattern: RegExp | null = null;
  if (operation.kind === 'replace') {
    const found = findPattern(operation);
    if (typeof found === 'string') throw new CutlineError('invalid-input', found);
    pattern = found;
  }
  const current = editor.values(request.ids, field);
  const changes: { photoId: number; before: FieldValue; after: FieldValue }[] = [];
  for (const photoId of request.ids) {
    const before = current.get(photoId);
    if (before === undefined) continue;
    const after = applyBatchOperation(before, operation, mode, pattern);
    if (!same(before, after)) changes.push({ photoId, before, after });
  }
  const photos = photosRepoOf(db);
  const samples = changes.slice(0, SAMPLES).map(({ photoId, before, after }) => ({
    fileName: photos.detail(photoId)?.record.fileName ?? String(photoId),
    before,
    after,
  }));
  const outcome = request.preview
    ? null
    : editor.apply(
        changes.map(({ photoId, after }) => ({ photoId, changes: { [field]: after } })),
        { label: `Batch: ${FIELD_LABELS[field]}` },
      );
  return { changed: changes.length, total: current.size, samples, outcome };
}
