/**
 * Guesses what each column of a caption sheet holds from its header: the labels Cutline
 * writes ("Caption", "Credit line"), the JSON keys (`creditLine`), and names stringers and
 * other tools use ("Filename", "Description", "Byline", "Photographer").
 */
import {
  EXPORT_COLUMN_LABELS,
  EXPORT_COLUMNS,
  type ExportColumn,
} from '../../shared/export-options';
import { type CaptionField, isStructureField } from '../../shared/model';
import type { SheetTarget } from '../../shared/sheet-import';

const ALIASES: Record<string, ExportColumn> = {
  file: 'fileName',
  filename: 'fileName',
  'file name': 'fileName',
  image: 'fileName',
  'image name': 'fileName',
  photo: 'fileName',
  description: 'caption',
  'caption/description': 'caption',
  byline: 'creators',
  photographer: 'creators',
  creators: 'creators',
  author: 'creators',
  'credit line': 'creditLine',
  credit: 'creditLine',
  keyword: 'keywords',
  date: 'dateCreated',
  'object name': 'title',
  state: 'provinceState',
};

/** The repeated structures print as text (one item's values joined), not read back. */
const printedOnly = (target: SheetTarget) => isStructureField(target as CaptionField);

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The target of each header. Cutline's "Credit (house style)" and "Caption with credit" are
 * printed from several fields and are not read back, nor are the structures (Location
 * shown, …), printed as plain text; a plain "Credit" column is the credit
 * line a stringer typed.
 */
export function guessMapping(
  headers: readonly string[],
  chosen: Readonly<Record<string, SheetTarget>> = {},
): SheetTarget[] {
  const byLabel = new Map<string, ExportColumn>();
  for (const column of EXPORT_COLUMNS) {
    byLabel.set(norm(EXPORT_COLUMN_LABELS[column]), column);
    byLabel.set(norm(column), column);
  }
  const normalised = headers.map(norm);
  const used = new Set<SheetTarget>();
  return headers.map((header, index) => {
    const mine = chosen[header];
    if (mine) return mine;
    const key = normalised[index] ?? '';
    let target: SheetTarget = ALIASES[key] ?? byLabel.get(key) ?? 'ignore';
    if (target === 'credit' || target === 'captionWithCredit' || printedOnly(target)) {
      target = 'ignore';
    }
    // The first column of a kind wins; a repeated header is left out rather than mixed in.
    if (target !== 'ignore' && used.has(target)) return 'ignore';
    used.add(target);
    return target;
  });
}
