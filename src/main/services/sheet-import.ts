/**
 * Reads a caption sheet back into the catalog: rows matched to photos by file name (case
 * aside, with or without the extension; or by full path), mapped columns compared with the
 * photos' values, the changes shown first and then applied as ONE undo step recorded in each
 * photo's history. Empty cells change nothing: a blank is not an instruction to erase.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EditOutcome, FieldChanges } from '../../shared/edits';
import {
  type CaptionField,
  type FieldValue,
  isListField,
  isStructureField,
} from '../../shared/model';
import { CutlineError } from '../../shared/result';
import type {
  SheetChange,
  SheetImportOutcome,
  SheetImportPlan,
  SheetImportRequest,
  SheetTarget,
  UnmatchedRow,
} from '../../shared/sheet-import';
import type { CatalogDb } from '../catalog/catalog-db';
import { allFileNames } from '../catalog/file-names-repo';
import { photosRepoOf } from '../catalog/photos-repo';
import { readSheetTable } from '../sheet-import/read-sheet-table';
import { guessMapping } from '../sheet-import/sheet-column-mapping';
import { cleanValue, type EditService, type PhotoChanges } from './edits';

const PREVIEW_LIMIT = 2000;

const stem = (name: string) => name.toLowerCase().replace(/\.[^.]+$/, '');

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Finds photos by file name, by name without extension, or by full path. */
function photoFinder(db: CatalogDb): (key: string) => number[] {
  const byName = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  const byPath = new Map<string, number>();
  for (const photo of allFileNames(db)) {
    const name = photo.fileName.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), photo.id]);
    byStem.set(stem(name), [...(byStem.get(stem(name)) ?? []), photo.id]);
    byPath.set(photo.path, photo.id);
  }
  return (key) => {
    const text = key.trim();
    const exact = byPath.get(text);
    if (exact !== undefined) return [exact];
    const name = basename(text.replace(/\\/g, '/')).toLowerCase();
    return byName.get(name) ?? byStem.get(stem(name)) ?? [];
  };
}

interface Plan extends SheetImportPlan {
  entries: PhotoChanges[];
}

async function planImport(db: CatalogDb, request: SheetImportRequest): Promise<Plan> {
  const name = request.name ?? request.path ?? 'sheet.csv';
  let bytes: Buffer;
  if (request.data !== undefined) bytes = Buffer.from(request.data, 'base64');
  else {
    try {
      bytes = await readFile(request.path ?? '');
    } catch (error) {
      throw new CutlineError('io', `Cannot read ${request.path}: ${(error as Error).message}`);
    }
  }
  const table = await readSheetTable(bytes, name);
  const mapping = guessMapping(table.headers, request.mapping);
  const keyIndex =
    mapping.indexOf('fileName') >= 0 ? mapping.indexOf('fileName') : mapping.indexOf('path');
  if (keyIndex < 0) {
    throw new CutlineError(
      'invalid-input',
      `No column names the file: the sheet's headers are ${table.headers.map((h) => `"${h}"`).join(', ') || 'empty'}; map one to "File name".`,
    );
  }
  const fields = mapping.flatMap((target, index): { index: number; field: CaptionField }[] =>
    isFieldTarget(target) ? [{ index, field: target }] : [],
  );
  const find = photoFinder(db);
  const repo = photosRepoOf(db);
  const wanted = new Map<number, { fileName: string; changes: FieldChanges }>();
  const unmatched: UnmatchedRow[] = [];
  const notes: string[] = [];
  let matchedRows = 0;
  let blankKeys = 0;
  table.rows.forEach((cells, i) => {
    const key = (cells[keyIndex] ?? '').trim();
    if (!key) {
      if (cells.some((cell) => cell.trim())) blankKeys++;
      return;
    }
    const ids = find(key);
    if (ids.length === 0) {
      unmatched.push({ row: i + 2, fileName: key });
      return;
    }
    matchedRows++;
    if (ids.length > 1)
      notes.push(`Row ${i + 2}: ${key} names ${ids.length} photos; all of them take its values.`);
    for (const id of ids) {
      const entry = wanted.get(id) ?? { fileName: key, changes: {} };
      for (const { index, field } of fields) {
        const cell = cells[index] ?? '';
        if (!cell.trim()) continue;
        const value = isListField(field) ? cell.split(/\s*;\s*/) : cell;
        (entry.changes as Record<string, FieldValue>)[field] = cleanValue(field, value);
      }
      wanted.set(id, entry);
    }
  });
  if (blankKeys > 0)
    notes.push(
      `${blankKeys} row${blankKeys === 1 ? ' has' : 's have'} no file name and were left out.`,
    );
  const changes: SheetChange[] = [];
  const entries: PhotoChanges[] = [];
  let changeCount = 0;
  const details = repo.details([...wanted.keys()]);
  for (const [photoId, { fileName, changes: values }] of wanted) {
    const record = details.get(photoId)?.record;
    if (!record) continue;
    const differing: FieldChanges = {};
    for (const [field, after] of Object.entries(values) as [CaptionField, FieldValue][]) {
      const before = record[field];
      if (sameValue(before, after)) continue;
      (differing as Record<string, FieldValue>)[field] = after;
      changeCount++;
      if (changes.length < PREVIEW_LIMIT)
        changes.push({ photoId, fileName: record.fileName || fileName, field, before, after });
    }
    if (Object.keys(differing).length > 0) entries.push({ photoId, changes: differing });
  }
  return {
    headers: table.headers,
    mapping,
    rows: table.rows.length,
    matchedRows,
    photos: entries.length,
    changeCount,
    changes,
    unmatched,
    notes,
    entries,
  };
}

function isFieldTarget(target: SheetTarget): target is CaptionField {
  return (
    target !== 'ignore' &&
    target !== 'fileName' &&
    target !== 'path' &&
    target !== 'credit' &&
    target !== 'captionWithCredit' &&
    // A structure's printed text is not its members (sheet-column-mapping.ts).
    !isStructureField(target)
  );
}

/** What the sheet would change, without changing anything. */
export async function previewSheetImport(
  db: CatalogDb,
  request: SheetImportRequest,
): Promise<SheetImportPlan> {
  const { entries: _entries, ...plan } = await planImport(db, request);
  return plan;
}

/** Applies the sheet as one undo step ("Caption sheet NAME"), unless it is a dry run. */
export async function applySheetImport(
  db: CatalogDb,
  editor: EditService,
  request: SheetImportRequest & { dryRun?: boolean },
): Promise<SheetImportOutcome> {
  const { entries, ...plan } = await planImport(db, request);
  let applied: EditOutcome | null = null;
  if (!request.dryRun && entries.length > 0) {
    const label = `Caption sheet ${basename(request.name ?? request.path ?? 'sheet')}`;
    applied = editor.apply(entries, { label });
  }
  return { ...plan, applied };
}
