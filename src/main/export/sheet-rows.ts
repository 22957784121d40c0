/**
 * The rows of a caption sheet: each photo's chosen columns as text, its credit in the house
 * style and its caption with credit as the pattern prints it. Rows come in chunks from the
 * catalog so that a sheet of 100,000 photos never holds every record at once.
 */

import { expandPattern, type PatternPart, patternParts } from '../../shared/caption-pattern';
import { composeCredit, formatCredit, type HouseStyle, splitCaption } from '../../shared/credit';
import { EXPORT_COLUMN_LABELS, type ExportColumn } from '../../shared/export-options';
import { structFieldText } from '../../shared/iptc-structures';
import { isVocabularyField, vocabularyLabel } from '../../shared/iptc-vocab';
import { isListField, isStructureField, type PhotoRecord } from '../../shared/model';

/** One photo as a sheet prints it. */
export interface SheetRow {
  id: number;
  record: PhotoRecord;
  /** The chosen columns' text, in the chosen order. */
  cells: string[];
  /** The credit in the house style ("" when the photo has nothing to credit). */
  credit: string;
  /** The caption with its credit, as the pattern prints it. */
  captionWithCredit: string;
}

export interface SheetLayout {
  columns: readonly ExportColumn[];
  pattern: string;
  /** The house style (or the one chosen for this export). */
  house: HouseStyle;
  /** Another style named in the pattern (`{credit:reuters}`); throws for an unknown one. */
  styleNamed: (name: string) => HouseStyle;
}

/** Column headers as a sheet prints them. */
export function headersOf(columns: readonly ExportColumn[]): string[] {
  return columns.map((column) => EXPORT_COLUMN_LABELS[column]);
}

/**
 * Makes rows from records. Styles named in the pattern are looked up once, here, so that an
 * unknown one is reported before any file is written.
 */
export function createRowMaker(layout: SheetLayout): (id: number, record: PhotoRecord) => SheetRow {
  const parts = patternParts(layout.pattern);
  const styles = new Map<string, HouseStyle>();
  for (const part of parts) {
    if (part.style && !styles.has(part.style))
      styles.set(part.style, layout.styleNamed(part.style));
  }
  const patternHasCredit = parts.some((part) => part.column === 'credit');
  return (id, record) => {
    const composed = composeCredit(record, layout.house.registry);
    const hasCredit = composed.usedFrom.length > 0;
    const creditIn = (house: HouseStyle) =>
      hasCredit ? formatCredit(composed.credit, house.style, { registry: house.registry }) : '';
    const credit = creditIn(layout.house);
    // A caption that ends with its own signoff would print the credit twice beside {credit}.
    const captionBody =
      patternHasCredit && record.caption
        ? splitCaption(record.caption, layout.house.registry).caption
        : record.caption;
    const text = (column: ExportColumn): string => {
      if (column === 'credit') return credit;
      if (column === 'captionWithCredit') return captionWithCredit;
      if (column === 'fileName' || column === 'path') return record[column];
      const value = record[column];
      // Vocabulary codes print as their labels ("None"); a sheet read back takes labels too.
      if (isVocabularyField(column)) return vocabularyLabel(column, String(value ?? ''));
      // A structure per item, its values joined ("Louvre, Paris, France | Lyon, France").
      if (isStructureField(column)) return structFieldText(column, record[column]);
      return isListField(column) && Array.isArray(value) ? value.join('; ') : String(value ?? '');
    };
    const fill = (part: PatternPart): string => {
      if (part.column === 'credit') {
        const house = part.style ? styles.get(part.style) : undefined;
        return house ? creditIn(house) : credit;
      }
      if (part.column === 'caption') return captionBody;
      return text(part.column);
    };
    const captionWithCredit = expandPattern(layout.pattern, fill);
    return { id, record, cells: layout.columns.map(text), credit, captionWithCredit };
  };
}
