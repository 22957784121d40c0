import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  type FieldOrigins,
  IIM_LIMITS,
} from '../../shared/model';
import { cutToUtf8Bytes } from './utf8-cut';

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
    if (norm(copies[written.xmp]) !== items.join('; ')) wrong.push(`${field} (XMP)`);
    const limit = IIM_LIMITS[field];
    if (written.iim && limit !== undefined) {
      const cut = items.map((item) => norm(cutToUtf8Bytes(item, limit))).join('; ');
      if (norm(copies.iim) !== cut) wrong.push(`${field} (IIM)`);
    }
  }
  return wrong;
}
