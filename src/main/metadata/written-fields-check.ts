import { normaliseMark } from '../../shared/culling';
import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  type FieldOrigins,
  IIM_LIMITS,
  isCullingField,
} from '../../shared/model';
import { iimRoundTrip } from './iim-code-forms';
import type { ReadResult } from './read-result';
import { cutToUtf8Bytes } from './utf8-cut';

/** The copies a write wrote into: XMP (embedded, or the sidecar's) and, where written, IIM. */
export interface WrittenCopies {
  xmp: 'xmp' | 'sidecar';
  iim: boolean;
}

/**
 * What reads back wrong from a file just written: an edited field whose value, or a copy the
 * writer wrote, is not what was written; and any copy of a field that was not edited that no
 * longer reads exactly as it did before the write (the write must leave those alone, even
 * where they disagree with each other), or whose reconciled value changed.
 */
export function writtenCopiesThatDiffer(
  expected: CaptionFields,
  edited: readonly CaptionField[],
  before: ReadResult,
  after: ReadResult,
  written: WrittenCopies,
): string[] {
  const editedSet = new Set(edited);
  const wrong = [
    ...fieldsThatDiffer(expected, after.fields).filter((field) => editedSet.has(field)),
    ...copiesThatDiffer(expected, after.origins, written).filter((label) =>
      editedSet.has(label.split(' ')[0] as CaptionField),
    ),
  ];
  const norm = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n').trim();
  for (const field of CAPTION_FIELDS) {
    if (editedSet.has(field)) {
      // An EXIF copy the file had is written too (write-tags.ts): it must say the new value
      // (a sidecar write leaves the image's own EXIF alone).
      const exifWas = before.origins[field]?.copies.exif;
      const value = expected[field];
      if (exifWas !== undefined && field !== 'dateCreated' && written.xmp === 'xmp') {
        const items = (Array.isArray(value) ? value : [value]).map(norm).filter((v) => v !== '');
        if (norm(after.origins[field]?.copies.exif) !== items.join('; ')) {
          wrong.push(`${field} (EXIF)`);
        }
      }
      continue;
    }
    // A date's meaning does not hang on a space ExifTool drops ("00:00:00 +00:00").
    const same = (a: unknown, b: unknown) =>
      field === 'dateCreated'
        ? String(a ?? '').replace(/\s+/g, '') === String(b ?? '').replace(/\s+/g, '')
        : JSON.stringify(a) === JSON.stringify(b);
    if (!same(before.fields[field], after.fields[field])) {
      wrong.push(`${field} (not edited)`);
      continue;
    }
    const was = before.origins[field]?.copies ?? {};
    const now = after.origins[field]?.copies ?? {};
    for (const copy of ['exif', 'iim', 'xmp', 'sidecar'] as const) {
      if (!same(was[copy], now[copy])) wrong.push(`${field} (${copy.toUpperCase()}, not edited)`);
    }
  }
  return wrong;
}

/**
 * Fields whose value read back from a written file is not the value written. Line ends and
 * the outer whitespace readers trim are not differences; anything else is.
 */
export function fieldsThatDiffer(expected: CaptionFields, read: CaptionFields): CaptionField[] {
  const norm = (value: string) => value.replace(/\r\n?/g, '\n').trim();
  return CAPTION_FIELDS.filter((field) => {
    const a = expected[field];
    const b = read[field];
    if (Array.isArray(a) && Array.isArray(b)) {
      const x = a.map(norm).filter((v) => v !== '');
      const y = b.map(norm).filter((v) => v !== '');
      return x.length !== y.length || x.some((v, i) => v !== y[i]);
    }
    if (field === 'dateCreated') return !sameDate(String(a), String(b));
    return norm(String(a)) !== norm(String(b));
  });
}

/**
 * Dates agree when they name the same moment as precisely as both give it: "2007-11-19T00:00"
 * and "2007-11-19T00:00:00" are the same (ExifTool adds the seconds).
 */
function sameDate(a: string, b: string): boolean {
  const norm = (d: string) => d.trim().replace(/T(\d{2}):(\d{2})(?=$|[+-]|Z)/, 'T$1:$2:00');
  const x = norm(a);
  const y = norm(b);
  if ((x === '') !== (y === '')) return false;
  const n = Math.min(x.length, y.length);
  return x.slice(0, n) === y.slice(0, n);
}

/**
 * Fields where one copy the writer wrote (XMP or the sidecar's XMP, and IIM where the format
 * has it) does not hold the value written: the reconciled value alone could hide a broken
 * copy behind a winning EXIF one. IIM is compared with the value cut at its limit.
 */
export function copiesThatDiffer(
  expected: CaptionFields,
  origins: FieldOrigins,
  written: { xmp: 'xmp' | 'sidecar'; iim: boolean },
): string[] {
  const norm = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n').trim();
  const wrong: string[] = [];
  for (const field of CAPTION_FIELDS) {
    if (field === 'dateCreated') continue; // compared as a date by fieldsThatDiffer
    const value = expected[field];
    const items = (Array.isArray(value) ? value : [value]).map(norm).filter((v) => v !== '');
    const copies = origins[field]?.copies ?? {};
    // A cleared rating or tag is written as 0 or False (write-tags.ts): compared as meant.
    const xmp = isCullingField(field)
      ? normaliseMark(field, copies[written.xmp] ?? '')
      : copies[written.xmp];
    if (norm(xmp) !== items.join('; ')) wrong.push(`${field} (XMP)`);
    const forms = iimRoundTrip(field, items);
    if (written.iim && forms !== null) {
      if (norm(copies.iim) !== forms.join('; ')) wrong.push(`${field} (IIM)`);
      continue;
    }
    const limit = IIM_LIMITS[field];
    if (written.iim && limit !== undefined) {
      const cut = items.map((item) => norm(cutToUtf8Bytes(item, limit))).join('; ');
      if (norm(copies.iim) !== cut) wrong.push(`${field} (IIM)`);
    }
  }
  return wrong;
}
