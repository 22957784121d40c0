import { parseStructItem, structItemJson } from '../../shared/iptc-structures';
import { type CaptionField, isListField, isStructureField } from '../../shared/model';
import { exifDate, splitArtist, str } from './exif-values';
import { FIELD_MAP } from './field-map';
import { IIM_CODE_FORMS } from './iim-code-forms';
import type { IimRecord } from './iim-decode';
import { type XmpProperties, xmpKey, xmpList, xmpText } from './xmp-parse';

/**
 * The copies of one caption field a file can hold (EXIF, IIM, embedded XMP, sidecar XMP),
 * each read as Cutline's text, before field-precedence.ts picks one.
 */

/** One copy of a field: text, or a list for list fields (keywords, creators, …). */
export type Copy = string | string[];

/** A copy as one line of text: list items joined with "; ". */
export function copyText(value: Copy): string {
  return Array.isArray(value) ? value.join('; ') : value;
}

/** True when a copy is absent or empty (an empty text or list). */
export function isEmptyCopy(value: Copy | undefined): value is undefined {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value === '');
}

/** Every copy of one field found in a file; absent ones are left undefined. */
export interface FieldCopies {
  exif?: Copy;
  iim?: Copy;
  xmp?: Copy;
  sidecar?: Copy;
}

/** IIM 2:55 "20240619" + 2:60 "101200+0900" → "2024-06-19T10:12:00+09:00". */
function iimDate(date: string, time: string): string {
  // Some writers put separators in these digit-only datasets ("2015-01-22", "13:59:26");
  // ExifTool reads them, and so does Cutline.
  const d = /^(\d{4})[-:]?(\d{2})[-:]?(\d{2})/.exec(date.trim());
  if (!d || d[1] === '0000') return '';
  let out = `${d[1]}-${d[2]}-${d[3]}`;
  const t = /^(\d{2}):?(\d{2})(?::?(\d{2}))?([+-]\d{2})?:?(\d{2})?/.exec(time.trim());
  if (t) out += `T${t[1]}:${t[2]}:${t[3] ?? '00'}${t[4] ? `${t[4]}:${t[5] ?? '00'}` : ''}`;
  return out;
}

/** The IIM copy of a field, from its record 2 dataset (the date joined with its time). */
export function iimCopy(iim: IimRecord | null, field: CaptionField): Copy | undefined {
  const dataset = FIELD_MAP[field].iim;
  if (!iim || dataset === undefined) return undefined;
  const values = iim.values.get(dataset);
  if (!values || values.length === 0) return undefined;
  if (field === 'dateCreated') return iimDate(values[0]!, iim.values.get(60)?.[0] ?? '');
  const form = IIM_CODE_FORMS[field];
  if (form) {
    const items = form.fromIim(values);
    if (items.length === 0) return undefined;
    return isListField(field) ? items : items[0];
  }
  if (isListField(field)) return values.map((v) => v.trim()).filter((v) => v !== '');
  // Non-repeatable datasets stored twice: the first one counts, as in ExifTool.
  return values[0]!.trim();
}

/**
 * Each field's key in XmpProperties, made once: building the key text anew for every field
 * of every photo cost the import more than looking it up.
 */
const XMP_KEYS = new Map<CaptionField, string>(
  (Object.keys(FIELD_MAP) as CaptionField[]).map((field) => [
    field,
    xmpKey(FIELD_MAP[field].ns, FIELD_MAP[field].prop),
  ]),
);

/** The XMP copy of a field, from the embedded packet or a sidecar's properties. */
export function xmpCopy(props: XmpProperties | null, field: CaptionField): Copy | undefined {
  if (!props || props.size === 0) return undefined;
  const value = props.get(XMP_KEYS.get(field)!);
  if (!value) return undefined;
  if (isStructureField(field)) {
    // Members in one order whatever order the file gives them, so items compare as text.
    return xmpList(value)?.map((json) => structItemJson(parseStructItem(json, field)));
  }
  return isListField(field) ? xmpList(value) : xmpText(value);
}

/** The EXIF copy of a field (only caption, copyright, creators and date have one). */
export function exifCopy(
  field: CaptionField,
  ifd0: Record<string, unknown>,
  exif: Record<string, unknown>,
): Copy | undefined {
  switch (field) {
    case 'caption':
      return str(ifd0.ImageDescription);
    case 'copyrightNotice':
      return str(ifd0.Copyright);
    case 'creators': {
      const artist = str(ifd0.Artist);
      return artist ? splitArtist(artist) : undefined;
    }
    case 'dateCreated':
      return exifDate(
        str(exif.DateTimeOriginal),
        str(exif.OffsetTimeOriginal),
        str(exif.SubSecTimeOriginal),
      );
    default:
      return undefined;
  }
}
