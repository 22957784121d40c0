import { normaliseVocabulary, VOCABULARIES, type VocabularyField } from '../../shared/iptc-vocab';
import {
  CAPTION_FIELDS,
  type CaptionFields,
  emptyCaptionFields,
  FIELD_LABELS,
  type FieldOrigins,
  IIM_LIMITS,
  isListField,
} from '../../shared/model';
import { readCullingMarks } from './culling-read';
import { exifCopy, type FieldCopies, iimCopy, xmpCopy } from './field-copies';
import { FIELD_MAP } from './field-map';
import { type ReconcileContext, reconcile, sameCopy } from './field-precedence';
import type { IimRecord } from './iim-decode';
import { boundTextValue } from './text-value-limit';
import type { XmpProperties } from './xmp-parse';

/** The metadata blocks of one file that its caption fields are reconciled from. */
export interface FieldSources {
  iim: IimRecord | null;
  xmp: XmpProperties | null;
  sidecar: XmpProperties | null;
  ifd0: Record<string, unknown>;
  exif: Record<string, unknown>;
}

/**
 * Every caption field, reconciled from its copies, with the warnings about them. Kept out of
 * readPhoto: inside it, this loop made one function so large that V8 took 0.2–0.4 s to
 * compile it, twice in each import worker (--trace-opt); split, the pieces compile in less
 * than half that, on the same two cores the import runs on.
 */
export function reconcileFields(
  sources: FieldSources,
  ctx: ReconcileContext,
  warnings: string[],
): { fields: CaptionFields; origins: FieldOrigins } {
  const { iim, xmp, sidecar: sidecarProps, ifd0, exif } = sources;
  const fields: CaptionFields = emptyCaptionFields();
  const origins: FieldOrigins = {};
  for (const field of CAPTION_FIELDS) {
    // Every copies object gets the same shape: objects built in different shapes made the
    // compiled code of this loop bail out and be compiled again in every worker.
    const copies: FieldCopies = {
      exif: exifCopy(field, ifd0, exif),
      iim: iimCopy(iim, field),
      xmp: xmpCopy(xmp, field),
      sidecar: xmpCopy(sidecarProps, field),
    };
    const { value: found, origin } = reconcile(field, copies, ctx);
    const value = found === undefined ? undefined : boundTextValue(field, found, warnings);
    if (value !== undefined) {
      if (isListField(field)) fields[field] = Array.isArray(value) ? [...value] : [value];
      else fields[field] = Array.isArray(value) ? value.join('; ') : value;
    }
    if (origin.from || Object.keys(origin.copies).length > 0) origins[field] = origin;
    if (
      origin.disagree &&
      origin.copies.iim !== undefined &&
      (origin.copies.xmp ?? origin.copies.sidecar) !== undefined
    ) {
      const label = FIELD_LABELS[field].toLowerCase();
      if (!sameCopy(copies.iim ?? '', copies.xmp ?? copies.sidecar ?? '', field)) {
        warnings.push(`IIM and XMP disagree on ${label}`);
      }
    }
    const limit = IIM_LIMITS[field];
    const dataset = FIELD_MAP[field].iim;
    if (limit && iim && dataset !== undefined) {
      const lengths = iim.byteLengths.get(dataset) ?? [];
      if (lengths.some((n) => n > limit)) {
        warnings.push(`IIM ${FIELD_LABELS[field]} is over its ${limit}-byte limit`);
      }
    }
  }
  readCullingMarks(fields, ctx.raw ? [sidecarProps, xmp] : [xmp, sidecarProps]);
  // Vocabulary codes kept as full URIs whichever form the file holds ("MR-NON" or the URI).
  for (const field of Object.keys(VOCABULARIES) as VocabularyField[]) {
    fields[field] = normaliseVocabulary(field, fields[field]);
  }
  if (iim?.digest === 'mismatch') {
    warnings.push('IIM was changed after the XMP (IPTCDigest does not match): IIM values win');
  }
  return { fields, origins };
}
