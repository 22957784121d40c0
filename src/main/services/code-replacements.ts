/**
 * The desk's code-replacement list, kept in the catalog: listed for the editor (which
 * expands codes as they are typed), imported from and exported to Photo Mechanic's files,
 * and edited one code at a time.
 */
import {
  type CodeFileProblem,
  type CodeReplacement,
  formatCodeReplacementFile,
  parseCodeReplacementFile,
} from '../../shared/code-replacements';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import {
  deleteCodeReplacement,
  listCodeReplacements,
  storeCodeReplacements,
} from '../catalog/code-replacements-repo';
import { getSettings } from './settings';

export interface CodeList {
  delimiter: string;
  entries: CodeReplacement[];
}

export function codeList(db: CatalogDb): CodeList {
  return { delimiter: getSettings(db).codeDelimiter, entries: listCodeReplacements(db) };
}

/** Loads a Photo Mechanic file: adds to the list, or replaces it with `replace`. */
export function importCodeFile(
  db: CatalogDb,
  text: string,
  replace: boolean,
): { imported: number; problems: CodeFileProblem[] } {
  const { entries, problems } = parseCodeReplacementFile(text);
  if (entries.length === 0 && problems.length > 0) {
    throw new CutlineError(
      'invalid-input',
      `No code could be read: line ${problems[0]?.line}: ${problems[0]?.message}.`,
    );
  }
  return { imported: storeCodeReplacements(db, entries, replace), problems };
}

export function exportCodeFile(db: CatalogDb): string {
  return formatCodeReplacementFile(listCodeReplacements(db));
}

export function setCodeReplacement(db: CatalogDb, entry: CodeReplacement): CodeReplacement {
  const code = entry.code.trim();
  const replacements = entry.replacements.map((text) => text.trim()).filter(Boolean);
  if (!code || /\s/.test(code)) {
    throw new CutlineError('invalid-input', 'A code is one word without spaces, e.g. kju.');
  }
  if (replacements.length === 0) {
    throw new CutlineError('invalid-input', `Give the text "${code}" stands for.`);
  }
  storeCodeReplacements(db, [{ code, replacements }], false);
  return { code, replacements };
}

export function removeCodeReplacement(db: CatalogDb, code: string): boolean {
  return deleteCodeReplacement(db, code);
}
