import { CAPTION_FIELDS, type CaptionField, type CaptionFields, IIM_LIMITS } from '../model';

const encoder = new TextEncoder();

/** Bytes a value takes in IIM, which Cutline always writes as UTF-8. */
export function iimByteLength(value: string): number {
  return encoder.encode(value).length;
}

/** The fields whose value (or, for lists, any one value) is longer than its IIM dataset allows. */
export function fieldsOverIimLimit(fields: CaptionFields): CaptionField[] {
  const over: CaptionField[] = [];
  for (const field of CAPTION_FIELDS) {
    const limit = IIM_LIMITS[field];
    if (limit === undefined) continue;
    const value = fields[field];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => iimByteLength(v) > limit)) over.push(field);
  }
  return over;
}
