/**
 * The options that say which photos a command is for — `--search QUERY`, `--import-run N`,
 * `--last-import` — shared by `export` and `credits`.
 */
import type { PhotoSet } from '../shared/export-options';
import { CutlineError } from '../shared/result';

/** The parseArgs options for a photo set. */
export const PHOTO_SET_OPTIONS = {
  search: { type: 'string', default: '' },
  'import-run': { type: 'string' },
  'last-import': { type: 'boolean', default: false },
} as const;

/** The photo set the options name: a search, narrowed to one import run when one is given. */
export function photoSetFrom(values: {
  search?: string;
  'import-run'?: string;
  'last-import'?: boolean;
}): PhotoSet {
  const set: PhotoSet = { query: values.search ?? '' };
  const run = values['import-run'];
  if (run !== undefined && values['last-import']) {
    throw new CutlineError('invalid-input', 'Give --import-run N or --last-import, not both.');
  }
  if (values['last-import']) set.importRun = 'last';
  else if (run !== undefined) {
    const number = Number(run);
    if (!/^\d+$/.test(run) || !Number.isSafeInteger(number) || number < 1) {
      throw new CutlineError(
        'invalid-input',
        `"--import-run ${run}" is not an import run; give its number (cutline import prints it).`,
      );
    }
    set.importRun = number;
  }
  return set;
}
