/**
 * The ExifTool tags that put a photo's caption fields into a file, as docs/METADATA.md
 * ("Writing") asks: XMP always; IIM (declared UTF-8, each value cut at its byte limit on a
 * character boundary, the full text staying in XMP) where the format takes IIM, with the
 * IPTCDigest renewed so the next reader knows both copies agree; EXIF ImageDescription,
 * Artist and Copyright (and the capture date) where the file already holds them.
 */
import type { WriteTags } from 'exiftool-vendored';
import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  type FieldOrigins,
  IIM_LIMITS,
} from '../../shared/model';
import { cutToUtf8Bytes } from './utf8-cut';

/** XMP tag of each field (group-qualified, so ExifTool never guesses). */
const XMP_TAGS: Record<CaptionField, string> = {
  caption: 'XMP-dc:Description',
  headline: 'XMP-photoshop:Headline',
  title: 'XMP-dc:Title',
  creators: 'XMP-dc:Creator',
  creatorJobTitle: 'XMP-photoshop:AuthorsPosition',
  creditLine: 'XMP-photoshop:Credit',
  source: 'XMP-photoshop:Source',
  copyrightNotice: 'XMP-dc:Rights',
  captionWriter: 'XMP-photoshop:CaptionWriter',
  dateCreated: 'XMP-photoshop:DateCreated',
  city: 'XMP-photoshop:City',
  sublocation: 'XMP-iptcCore:Location',
  provinceState: 'XMP-photoshop:State',
  country: 'XMP-photoshop:Country',
  countryCode: 'XMP-iptcCore:CountryCode',
  keywords: 'XMP-dc:Subject',
  instructions: 'XMP-photoshop:Instructions',
  jobId: 'XMP-photoshop:TransmissionReference',
  event: 'XMP-iptcExt:Event',
  personsShown: 'XMP-iptcExt:PersonInImage',
  altText: 'XMP-iptcCore:AltTextAccessibility',
  extendedDescription: 'XMP-iptcCore:ExtDescrAccessibility',
  usageTerms: 'XMP-xmpRights:UsageTerms',
};

/** IIM dataset of each field that has one (dateCreated is handled apart: two datasets). */
const IIM_TAGS: Partial<Record<CaptionField, string>> = {
  caption: 'IPTC:Caption-Abstract',
  headline: 'IPTC:Headline',
  title: 'IPTC:ObjectName',
  creators: 'IPTC:By-line',
  creatorJobTitle: 'IPTC:By-lineTitle',
  creditLine: 'IPTC:Credit',
  source: 'IPTC:Source',
  copyrightNotice: 'IPTC:CopyrightNotice',
  captionWriter: 'IPTC:Writer-Editor',
  city: 'IPTC:City',
  sublocation: 'IPTC:Sub-location',
  provinceState: 'IPTC:Province-State',
  country: 'IPTC:Country-PrimaryLocationName',
  countryCode: 'IPTC:Country-PrimaryLocationCode',
  keywords: 'IPTC:Keywords',
  instructions: 'IPTC:SpecialInstructions',
  jobId: 'IPTC:OriginalTransmissionReference',
};

/** Formats whose files carry IIM (Photoshop IRB in JPEG, the IPTC tag in TIFF). */
const IIM_FORMATS = new Set(['JPEG', 'TIFF']);

/** Where the tags go: into the image file itself, or into an XMP sidecar. */
export type WriteTarget = 'embedded' | 'sidecar';

/** What the writer knows of the file it writes into. */
export interface WriteContext {
  /** The format as the reader named it ("JPEG", "TIFF", "PNG", …). */
  format: string;
  /** The copies the file held when it was last read, per field. */
  origins: FieldOrigins;
  target: WriteTarget;
  /**
   * Which copies may be left alone where they already hold exactly the value to write. Only
   * for a file unchanged since `origins` were read; IIM only when its other datasets read the
   * same once it is declared UTF-8 (iimReadsAsUtf8). Rewriting a copy that holds its value
   * already changes nothing, but each tag costs ExifTool time: a wire photo whose caption was
   * edited had all its keywords, city and date written again. EXIF copies are left alone
   * likewise whenever this is given. Missing: every copy is written.
   */
  leaveMatching?: { xmp: boolean; iim: boolean };
}

/**
 * Whether a copy read from the file (lists joined with "; ") is exactly `value`. A list item
 * that itself holds ";" could join ambiguously, so such a list never counts as held.
 */
function holds(copy: string | undefined, value: string | string[]): boolean {
  if (copy === undefined || isEmpty(value)) return false;
  if (!Array.isArray(value)) return copy === value;
  return !value.some((item) => item.includes(';')) && copy === value.join('; ');
}

/** Split "2024-06-19T10:12:00+09:00" (or "2024-06-19", "2024-06") into its parts. */
function dateParts(value: string): { date: string; time: string; offset: string } | null {
  const m =
    /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(
      value.trim(),
    );
  if (!m) return null;
  const date = [m[1], m[2], m[3]].filter(Boolean).join(':');
  const time = m[4] ? `${m[4]}:${m[5]}:${m[6] ?? '00'}` : '';
  const offset = m[7] === 'Z' ? '+00:00' : (m[7] ?? '');
  return { date, time, offset };
}

/**
 * Artist as MWG joins creators: "; " between them, and a name that holds the separator in
 * quotes (the reader splits it back the same way).
 */
function artistOf(creators: readonly string[]): string {
  return creators
    .map((name) => (/[;"]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name))
    .join('; ');
}

/** IIM copies of one value: each item cut at the dataset's byte limit. */
function iimValue(field: CaptionField, value: string | string[]): string | string[] {
  const limit = IIM_LIMITS[field] ?? Number.POSITIVE_INFINITY;
  return Array.isArray(value)
    ? value.map((v) => cutToUtf8Bytes(v, limit))
    : cutToUtf8Bytes(value, limit);
}

function isEmpty(value: string | string[]): boolean {
  return Array.isArray(value) ? value.length === 0 : value === '';
}

/**
 * The tags that make the file's copies say `fields`. An empty field deletes the tag (null)
 * where the file has a copy of it, so a caption cleared in Cutline is cleared in the file too.
 */
export function writeTagsFor(fields: CaptionFields, context: WriteContext): WriteTags {
  const tags: Record<string, unknown> = {};
  for (const field of CAPTION_FIELDS) {
    const value = fields[field];
    // An empty field no copy of the file holds has nothing to delete: leaving it out spares
    // ExifTool a third of its work on a typical wire photo.
    if (isEmpty(value) && !context.origins[field]) continue;
    if (field === 'dateCreated') {
      const parts = dateParts(value as string);
      // A date ExifTool could not parse is left alone rather than written half.
      if (value !== '' && !parts) continue;
      if (context.leaveMatching?.xmp && holds(context.origins.dateCreated?.copies.xmp, value)) {
        continue;
      }
      tags[XMP_TAGS.dateCreated] = parts
        ? `${parts.date}${parts.time ? ` ${parts.time}${parts.offset}` : ''}`
        : null;
      continue;
    }
    if (context.leaveMatching?.xmp && holds(context.origins[field]?.copies.xmp, value)) continue;
    tags[XMP_TAGS[field]] = isEmpty(value) ? null : value;
  }
  if (context.target === 'sidecar') return tags as WriteTags;

  if (IIM_FORMATS.has(context.format)) {
    // Without this ExifTool stores cp1252 and turns what it cannot encode into "?".
    tags['IPTC:CodedCharacterSet'] = 'UTF8';
    for (const [field, tag] of Object.entries(IIM_TAGS) as [CaptionField, string][]) {
      const value = fields[field];
      if (isEmpty(value) && !context.origins[field]) continue;
      const cut = isEmpty(value) ? null : iimValue(field, value);
      if (context.leaveMatching?.iim && cut && holds(context.origins[field]?.copies.iim, cut)) {
        continue;
      }
      tags[tag] = cut;
    }
    const parts = dateParts(fields.dateCreated);
    // The IIM copy reads as date and time joined ("2024-06-19T10:12:00+09:00"): equal to the
    // value, both datasets already say it. Each photo of a shoot has its own date, so writing
    // it again would also keep the shoot's photos from sharing one ExifTool command.
    const iimDateHeld =
      context.leaveMatching?.iim &&
      holds(context.origins.dateCreated?.copies.iim, fields.dateCreated);
    if (!iimDateHeld && ((fields.dateCreated === '' && context.origins.dateCreated) || parts)) {
      tags['IPTC:DateCreated'] = parts && parts.date.length === 10 ? parts.date : null;
      tags['IPTC:TimeCreated'] = parts?.time ? `${parts.time}${parts.offset}` : null;
    }
    // "new": ExifTool stores the MD5 of the IIM it has just written.
    tags['Photoshop:IPTCDigest'] = 'new';
  }
  // PNG, WebP, HEIC and AVIF may keep EXIF where Cutline's reader does not look (PNG's old
  // "Raw profile" text chunks): ExifTool finds it, and MWG readers would let it win, so the
  // caption, creators and copyright go to EXIF there whenever they have a value.
  const everywhere = !IIM_FORMATS.has(context.format);
  Object.assign(tags, exifTags(fields, context.origins, everywhere, !!context.leaveMatching));
  return tags as WriteTags;
}

/**
 * EXIF copies to update: only those the file already has (MWG: EXIF wins on reading, so a
 * stale one would hide the new caption), and, for a file as last read (`leaveMatching`),
 * only those that do not hold Cutline's value already.
 */
function exifTags(
  fields: CaptionFields,
  origins: FieldOrigins,
  everywhere: boolean,
  leaveMatching: boolean,
): Record<string, unknown> {
  const tags: Record<string, unknown> = {};
  const has = (field: CaptionField) =>
    (everywhere || origins[field]?.copies.exif !== undefined) &&
    !(leaveMatching && holds(origins[field]?.copies.exif, fields[field] as string | string[]));
  const winning = (field: CaptionField) => origins[field]?.from === 'exif';
  if (has('caption') && (fields.caption !== '' || winning('caption'))) {
    tags['IFD0:ImageDescription'] = fields.caption === '' ? null : fields.caption;
  }
  if (has('creators') && (fields.creators.length > 0 || winning('creators'))) {
    tags['IFD0:Artist'] = fields.creators.length === 0 ? null : artistOf(fields.creators);
  }
  if (has('copyrightNotice') && (fields.copyrightNotice !== '' || winning('copyrightNotice'))) {
    tags['IFD0:Copyright'] = fields.copyrightNotice === '' ? null : fields.copyrightNotice;
  }
  if (has('dateCreated') && origins.dateCreated?.copies.exif !== fields.dateCreated) {
    const parts = dateParts(fields.dateCreated);
    // EXIF holds a full date and time or nothing; a bare date is left to IIM and XMP.
    if (parts?.time && parts.date.length === 10) {
      tags['ExifIFD:DateTimeOriginal'] = `${parts.date} ${parts.time}`;
      if (parts.offset) tags['ExifIFD:OffsetTimeOriginal'] = parts.offset;
    }
  }
  return tags;
}
