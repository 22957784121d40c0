import {
  type CaptionField,
  type FieldOrigin,
  IIM_LIMITS,
  type MetadataCopy,
} from '../../shared/model';
import { isCameraBoilerplate } from './camera-boilerplate';
import { type Copy, copyText, type FieldCopies, isEmptyCopy } from './field-copies';
import type { IimRecord } from './iim-decode';
import { withinTextLimit } from './text-value-limit';

/** True when the IIM copy is the XMP copy cut at (or just under, for UTF-8) its byte limit. */
function isTruncationOf(iim: Copy, xmp: Copy, limit: number | undefined): boolean {
  if (!limit) return false;
  const a = Array.isArray(iim) ? iim : [iim];
  const b = Array.isArray(xmp) ? xmp : [xmp];
  if (a.length !== b.length) return false;
  let any = false;
  for (let i = 0; i < a.length; i++) {
    const short = a[i]!;
    if (lineEnds(short) === lineEnds(b[i]!)) continue;
    const bytes = Buffer.byteLength(short, 'utf8');
    // A cut in the middle of a UTF-8 sequence leaves U+FFFD or a stray cp1252 letter behind.
    const cleaned = lineEnds(short).replace(/\uFFFD+$/, '');
    const long = lineEnds(b[i]!);
    if (bytes < limit - 3 || long.length <= cleaned.length) return false;
    if (!long.startsWith(cleaned) && !long.startsWith(cleaned.slice(0, -1))) return false;
    any = true;
  }
  return any;
}

/**
 * True when two copies of a field say the same: line ends aside, and for the date only as far
 * as both go (a date without a time agrees with the same date with one).
 */
export function sameCopy(a: Copy, b: Copy, field: CaptionField): boolean {
  if (field === 'dateCreated') {
    const x = copyText(a);
    const y = copyText(b);
    const n = Math.min(x.length, y.length, 19);
    return x.slice(0, n) === y.slice(0, n);
  }
  // IIM from old Mac systems ends lines with CR; that is not a different caption.
  return lineEnds(copyText(a)) === lineEnds(copyText(b));
}

function lineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** What about the file as a whole bears on which copy of a field wins. */
export interface ReconcileContext {
  digest: IimRecord['digest'] | 'none';
  raw: boolean;
  make: string;
  model: string;
}

/**
 * Picks one field's value by MWG precedence (docs/METADATA.md): a RAW file's sidecar (where
 * Cutline and Lightroom write), then EXIF unless it is camera boilerplate, then IIM when there
 * is no XMP copy or the IPTCDigest says the IIM is newer (keeping the whole XMP text when the
 * IIM was only cut at its limit), else XMP (embedded, then a non-RAW file's sidecar).
 */
export function reconcile(
  field: CaptionField,
  copies: FieldCopies,
  ctx: ReconcileContext,
): { value: Copy | undefined; origin: FieldOrigin } {
  // Most fields of most photos have no copy at all: nothing to weigh.
  if (
    isEmptyCopy(copies.exif) &&
    isEmptyCopy(copies.iim) &&
    isEmptyCopy(copies.xmp) &&
    isEmptyCopy(copies.sidecar)
  ) {
    return { value: undefined, origin: { from: null, disagree: false, copies: {} } };
  }
  const limit = IIM_LIMITS[field];
  const present: Partial<Record<MetadataCopy, string>> = {};
  for (const key of ['exif', 'iim', 'xmp', 'sidecar'] as const) {
    const value = copies[key];
    // Kept for the side-by-side view: within the same limit as the value itself.
    if (!isEmptyCopy(value)) present[key] = withinTextLimit(copyText(value));
  }
  const exifUsable =
    !isEmptyCopy(copies.exif) && !isCameraBoilerplate(copyText(copies.exif), ctx.make, ctx.model);
  let from: MetadataCopy | null = null;
  const xmpFrom: MetadataCopy | null = !isEmptyCopy(copies.xmp)
    ? 'xmp'
    : !isEmptyCopy(copies.sidecar)
      ? 'sidecar'
      : null;
  const xmpValue = xmpFrom ? copies[xmpFrom] : undefined;
  if (ctx.raw && !isEmptyCopy(copies.sidecar)) from = 'sidecar';
  else if (exifUsable) from = 'exif';
  else if (isEmptyCopy(copies.iim)) from = xmpFrom;
  else if (!xmpFrom) from = 'iim';
  else if (ctx.digest === 'mismatch') {
    from = isTruncationOf(copies.iim!, xmpValue!, limit) ? xmpFrom : 'iim';
  } else from = xmpFrom;
  // Disagreement: two meaningful copies differ (an IIM cut at its limit agrees with its XMP).
  const meaningful: { key: MetadataCopy; value: Copy }[] = [];
  if (exifUsable) meaningful.push({ key: 'exif', value: copies.exif! });
  for (const key of ['iim', 'xmp', 'sidecar'] as const) {
    if (!isEmptyCopy(copies[key])) meaningful.push({ key, value: copies[key]! });
  }
  let disagree = false;
  for (let i = 0; i < meaningful.length && !disagree; i++) {
    for (let j = i + 1; j < meaningful.length && !disagree; j++) {
      const a = meaningful[i]!;
      const b = meaningful[j]!;
      if (sameCopy(a.value, b.value, field)) continue;
      if (a.key === 'iim' && isTruncationOf(a.value, b.value, limit)) continue;
      if (b.key === 'iim' && isTruncationOf(b.value, a.value, limit)) continue;
      disagree = true;
    }
  }
  return { value: from ? copies[from] : undefined, origin: { from, disagree, copies: present } };
}
