/**
 * The caption-with-credit pattern of an export, e.g. `{caption} ({credit:ap})`: any export
 * column in braces, `{credit}` in the house style or `{credit:STYLE}` in a named one. Pure;
 * the caller prints credits, so one pattern serves every format.
 */
import { EXPORT_COLUMNS, type ExportColumn } from './export-options';

const PLACEHOLDER = /\{([A-Za-z]+)(?::([^{}]+))?\}/g;

export interface PatternPart {
  column: ExportColumn;
  /** The credit style named after a colon (`{credit:ap}`), for `credit` only. */
  style?: string;
}

/** The placeholders a pattern uses; throws with a plain message for an unknown one. */
export function patternParts(pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    const [, name = '', style] = match;
    if (name === 'captionWithCredit' || !(EXPORT_COLUMNS as readonly string[]).includes(name)) {
      throw new PatternError(
        `Unknown placeholder {${name}} in the pattern; use {caption}, {credit}, {credit:STYLE}, {headline}, {fileName}, … (a column name).`,
      );
    }
    if (style !== undefined && name !== 'credit') {
      throw new PatternError(`Only {credit} takes a style (as in {credit:ap}), not {${name}}.`);
    }
    parts.push({ column: name as ExportColumn, style: style?.trim() });
  }
  return parts;
}

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

/**
 * The pattern filled in. `value` gives a column's text (or a credit in a style); brackets left
 * empty by a missing value are dropped, so a photo without a credit prints no "()".
 */
export function expandPattern(pattern: string, value: (part: PatternPart) => string): string {
  const filled = pattern.replace(PLACEHOLDER, (_all, name: string, style?: string) =>
    value({ column: name as ExportColumn, style: style?.trim() }),
  );
  return filled
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
