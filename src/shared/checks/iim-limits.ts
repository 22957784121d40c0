import { CAPTION_FIELDS, type CaptionField, type CaptionFields, IIM_LIMITS } from '../model';

/**
 * Bytes a value takes in IIM, which Cutline always writes as UTF-8. Counted without encoding:
 * a batch edit checks every field of thousands of photos.
 */
export function iimByteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      // A surrogate pair is one code point of four bytes; a lone surrogate is written as U+FFFD.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Whether a value takes more than `limit` bytes in IIM. A UTF-16 unit takes one to three
 * bytes (a surrogate pair four for its two), so only a length between a third of the limit
 * and the limit itself needs counting: the import asks this of every field of every photo.
 */
function overLimit(value: string, limit: number): boolean {
  if (value.length * 3 <= limit) return false;
  if (value.length > limit) return true;
  return iimByteLength(value) > limit;
}

/** The fields whose value (or, for lists, any one value) is longer than its IIM dataset allows. */
export function fieldsOverIimLimit(fields: CaptionFields): CaptionField[] {
  const over: CaptionField[] = [];
  for (const field of CAPTION_FIELDS) {
    const limit = IIM_LIMITS[field];
    if (limit === undefined) continue;
    const value = fields[field];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => overLimit(v, limit))) over.push(field);
  }
  return over;
}
