/**
 * The culling marks of a file, normalised (src/shared/culling.ts), with Photo Mechanic's other
 * forms where the XMP-xmp ones are missing: photomechanic:ColorClass (1–8) for the label and
 * photomechanic:Prefs ("Tagged:ColorClass:Rating:FrameNum", e.g. "1:3:4:0001") for the tag,
 * the class and the rating, as ExifTool documents them.
 */
import { normaliseRating, normaliseTagged, PHOTO_MECHANIC_CLASSES } from '../../shared/culling';
import type { CaptionFields } from '../../shared/model';
import { XMP_NS, type XmpProperties, xmpKey, xmpText } from './xmp-parse';

function pmText(props: XmpProperties, prop: string): string {
  return xmpText(props.get(xmpKey(XMP_NS.photomechanic, prop)))?.trim() ?? '';
}

function colourClassName(value: string): string {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? (PHOTO_MECHANIC_CLASSES[n - 1] ?? '') : '';
}

function has(props: XmpProperties, ns: string, prop: string): boolean {
  return props.has(xmpKey(ns, prop));
}

/**
 * Normalises the rating, label and tag the reader found in `fields`, and fills those the file
 * does not hold at all from Photo Mechanic's forms in the first of `sources` that has them
 * (an explicit xmp:Rating 0 or photomechanic:Tagged False, as a write of a cleared mark
 * leaves, is not overruled by an older Prefs).
 */
export function readCullingMarks(
  fields: CaptionFields,
  sources: readonly (XmpProperties | null)[],
): void {
  fields.rating = normaliseRating(fields.rating);
  fields.tagged = normaliseTagged(fields.tagged);
  fields.label = fields.label.trim();
  const present = sources.filter((props): props is XmpProperties => props !== null);
  const anyHas = (ns: string, prop: string) => present.some((props) => has(props, ns, prop));
  const pm = XMP_NS.photomechanic;
  const prefs = present
    .map((props) => pmText(props, 'Prefs').split(':'))
    .find((p) => p.length >= 3);
  if (!anyHas(pm, 'Tagged') && prefs) fields.tagged = prefs[0] === '1' ? 'True' : '';
  if (!anyHas(XMP_NS.xmp, 'Rating') && prefs) fields.rating = normaliseRating(prefs[2] ?? '');
  if (fields.label === '' && !anyHas(XMP_NS.xmp, 'Label')) {
    const colourClass = present.map((props) => pmText(props, 'ColorClass')).find(Boolean);
    fields.label = colourClassName(colourClass ?? '');
  }
}
