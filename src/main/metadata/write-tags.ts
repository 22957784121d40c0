/**
 * The ExifTool tags of one write: only the fields edited since the file was last read, each
 * into every copy of it the file has (docs/METADATA.md, "Writing"). XMP always; IIM
 * (declared UTF-8, each value cut at its byte limit on a character boundary, the full text
 * staying in XMP) where the format takes IIM; EXIF ImageDescription, Artist, Copyright and
 * the capture date where the file already holds that EXIF tag. The copies of every other field
 * are left as they are, even where they disagree: settling that is an edit of its own.
 */
import type { WriteTags } from 'exiftool-vendored';
import { PLUS_VOCABULARY } from '../../shared/iptc-vocab';
import {
  type CaptionField,
  type CaptionFields,
  type FieldOrigins,
  IIM_LIMITS,
  isListField,
  isStructureField,
} from '../../shared/model';
import { IIM_CODE_FORMS } from './iim-code-forms';
import { encodesInCp1252 } from './iim-decode';
import { type FileStructures, mergeStructItems, structValue } from './struct-write';
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
  rating: 'XMP-xmp:Rating',
  label: 'XMP-xmp:Label',
  tagged: 'XMP-photomech:Tagged',
  // Rights & Details (issue 19): '#' writes a vocabulary code URI as it is, not its label;
  // struct members are ExifTool's flattened tags, so the struct's other members stay.
  webStatement: 'XMP-xmpRights:WebStatement',
  dataMining: 'XMP-plus:DataMining#',
  otherConstraints: 'XMP-plus:OtherConstraints',
  modelReleaseStatus: 'XMP-plus:ModelReleaseStatus#',
  propertyReleaseStatus: 'XMP-plus:PropertyReleaseStatus#',
  minorModelAgeDisclosure: 'XMP-plus:MinorModelAgeDisclosure#',
  digitalSourceType: 'XMP-iptcExt:DigitalSourceType#',
  intellectualGenre: 'XMP-iptcCore:IntellectualGenre',
  imageSupplierImageId: 'XMP-plus:ImageSupplierImageID',
  creatorAddress: 'XMP-iptcCore:CreatorAddress',
  creatorCity: 'XMP-iptcCore:CreatorCity',
  creatorRegion: 'XMP-iptcCore:CreatorRegion',
  creatorPostalCode: 'XMP-iptcCore:CreatorPostalCode',
  creatorCountry: 'XMP-iptcCore:CreatorCountry',
  creatorEmail: 'XMP-iptcCore:CreatorWorkEmail',
  creatorPhone: 'XMP-iptcCore:CreatorWorkTelephone',
  creatorUrl: 'XMP-iptcCore:CreatorWorkURL',
  copyrightOwners: 'XMP-plus:CopyrightOwnerName',
  modelReleaseIds: 'XMP-plus:ModelReleaseID',
  propertyReleaseIds: 'XMP-plus:PropertyReleaseID',
  eventIds: 'XMP-iptcExt:EventId',
  subjectCodes: 'XMP-iptcCore:SubjectCode',
  sceneCodes: 'XMP-iptcCore:Scene',
  imageSuppliers: 'XMP-plus:ImageSupplierName',
  imageCreators: 'XMP-plus:ImageCreatorName',
  copyrightOwnerIds: 'XMP-plus:CopyrightOwnerID',
  imageSupplierIds: 'XMP-plus:ImageSupplierID',
  imageCreatorIds: 'XMP-plus:ImageCreatorID',
  aiSystemUsed: 'XMP-iptcExt:AISystemUsed',
  aiSystemVersionUsed: 'XMP-iptcExt:AISystemVersionUsed',
  aiPromptInformation: 'XMP-iptcExt:AIPromptInformation',
  aiPromptWriterName: 'XMP-iptcExt:AIPromptWriterName',
  organisationNames: 'XMP-iptcExt:OrganisationInImageName',
  organisationCodes: 'XMP-iptcExt:OrganisationInImageCode',
  // Whole lists of structures, merged with what the file holds (struct-write.ts); '#': the
  // values are ExifTool's own (read with -n) or the XMP text, never printed forms.
  licensors: 'XMP-plus:Licensor#',
  contributors: 'XMP-iptcExt:Contributor#',
  locationsShown: 'XMP-iptcExt:LocationShown#',
  locationsCreated: 'XMP-iptcExt:LocationCreated#',
  personsInImage: 'XMP-iptcExt:PersonInImageWDetails#',
  artworks: 'XMP-iptcExt:ArtworkOrObject#',
  products: 'XMP-iptcExt:ProductInImage#',
  registryEntries: 'XMP-iptcExt:RegistryID#',
};

/**
 * What a cleared culling mark is written as: an explicit "no rating" (XMP's 0) and "not
 * tagged" (Photo Mechanic's False), so an older photomechanic:Prefs in the file does not bring
 * the mark back; a cleared label is deleted, with Photo Mechanic's colour class beside it.
 */
const CLEARED: Partial<Record<CaptionField, string>> = { rating: '0', tagged: 'No' };

/**
 * Windows' copy of an edited rating, where the file already has one (written with -wm w,
 * never added): ExifTool writes XMP-xmp:Rating alone, which would leave
 * MicrosoftPhoto:RatingPercent saying the old rating. 1–5 stars are 1, 25, 50, 75, 99 as
 * ExifTool documents; none is 0; a reject is left as it is.
 */
function ratingPercent(fields: CaptionFields, context: WriteContext): WriteTags | null {
  if (!context.edited.includes('rating') || context.target !== 'embedded') return null;
  const percent = ['0', '1', '25', '50', '75', '99'][Number(fields.rating || '0')];
  return percent === undefined ? null : ({ 'XMP-microsoft:RatingPercent': percent } as WriteTags);
}

/** A PLUS vocabulary value without its namespace ("MR-NON"), as ExifTool writes it. */
function plusCode(value: string): string {
  return value.replace(PLUS_VOCABULARY, '');
}

/** ExifTool takes photomech:Tagged in its printed form (Yes/No), stored as True/False. */
const PRINTED: Partial<Record<CaptionField, (value: string) => string>> = {
  tagged: (value) => (value === 'True' ? 'Yes' : 'No'),
  // ExifTool adds the PLUS vocabulary's URI itself (its ValueConv): give it the code alone.
  dataMining: plusCode,
  modelReleaseStatus: plusCode,
  propertyReleaseStatus: plusCode,
  minorModelAgeDisclosure: plusCode,
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
  // In the forms of iim-code-forms.ts: "000:Actuality", "IPTC:15054000:sport::".
  intellectualGenre: 'IPTC:ObjectAttributeReference',
  subjectCodes: 'IPTC:SubjectReference',
};

/** EXIF tag of the text fields that have one (IFD0). */
const EXIF_TAGS: Partial<Record<CaptionField, string>> = {
  caption: 'IFD0:ImageDescription',
  creators: 'IFD0:Artist',
  copyrightNotice: 'IFD0:Copyright',
};

/** Formats whose files always carry IIM (Photoshop IRB in JPEG, the IPTC tag in TIFF). */
const IIM_FORMATS = new Set(['JPEG', 'TIFF']);

/** Where the tags go: into the image file itself, or into an XMP sidecar. */
export type WriteTarget = 'embedded' | 'sidecar';

/**
 * The file's IIM as last read: none; UTF-8 (declared, or bytes that are valid UTF-8, which
 * is how Cutline reads undeclared IIM); or another character set (cp1252 and the like).
 */
export type IimCharset = 'none' | 'utf8' | 'other';

/** What the writer knows of the file it writes into. */
export interface WriteContext {
  /** The format as the reader named it ("JPEG", "TIFF", "PNG", …). */
  format: string;
  /** The copies the file held when it was last read, per field. */
  origins: FieldOrigins;
  target: WriteTarget;
  /** The fields to write: those edited since the file was last read. */
  edited: readonly CaptionField[];
  /** The file's IIM (see IimCharset); "none" when it has none. */
  iim: IimCharset;
  /** The file holds an XMP packet already. */
  hasXmp?: boolean;
  /**
   * The edited structures as the file holds them now, read by ExifTool (struct-write.ts,
   * readFileStructures): the items the edit leaves alone are written back as they are.
   */
  fileStructures?: FileStructures;
  /**
   * The IPTCDigest said the IIM was changed after the XMP, so IIM copies win where the two
   * disagree. The digest is then left stale where renewing it would hand a field that was not
   * edited to its XMP copy, changing what that field means (digestMayRenew).
   */
  digestStale: boolean;
  /**
   * IIM in another character set that holds some datasets in UTF-8 all the same: their values
   * as Cutline reads them, by ExifTool tag name (iim-of-file.ts, FileIim.utf8Datasets). When
   * the IIM is re-encoded as UTF-8 these are written as they read, where ExifTool's copy
   * would read them as cp1252.
   */
  iimUtf8Values?: Readonly<Record<string, readonly string[]>>;
}

/** One write, as ExifTool arguments. */
export interface WritePlan {
  tags: WriteTags;
  /** More ExifTool arguments for the same command (re-encoding the file's IIM). */
  args: string[];
  /**
   * Tags written in a second command that only rewrites tags the file already has (`-wm w`):
   * a PNG's EXIF, which may live in a "Raw profile type exif" text chunk, where a plain write
   * would update it and also add a new eXIf chunk beside it.
   */
  editOnly: WriteTags | null;
  /** True when IIM is written (then every IIM copy is checked too). */
  writesIim: boolean;
  /** True when the IPTCDigest is renewed (then a stale one after writing is an error). */
  renewsDigest: boolean;
  /** What the write could not do as asked, for the write report. */
  notes: string[];
}

/** "2024-06-19T10:12:00.054+09:00" (or "2024-06-19", "2024-06", "2024") in its parts. */
interface DateParts {
  /** "2024:06:19" (or "2024:06", "2024"). */
  date: string;
  /** "10:12:00", or "" for a date alone. */
  time: string;
  /** The digits after the seconds' point ("054"), or "". */
  fraction: string;
  /** "+09:00", or "" when none was given. */
  offset: string;
}

function dateParts(value: string): DateParts | null {
  const m =
    /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value.trim(),
    );
  if (!m) return null;
  const date = [m[1], m[2], m[3]].filter(Boolean).join(':');
  const time = m[4] ? `${m[4]}:${m[5]}:${m[6] ?? '00'}` : '';
  const zone = m[8] ?? '';
  const offset =
    zone === 'Z' ? '+00:00' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return { date, time, fraction: m[7] ?? '', offset };
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
function iimValue(field: CaptionField, value: string | string[]): string | string[] | null {
  const form = IIM_CODE_FORMS[field];
  if (form) {
    const values = form.toIim([value].flat());
    return values.length === 0 ? null : isListField(field) ? values : (values[0] as string);
  }
  const limit = IIM_LIMITS[field] ?? Number.POSITIVE_INFINITY;
  return Array.isArray(value)
    ? value.map((v) => cutToUtf8Bytes(v, limit))
    : cutToUtf8Bytes(value, limit);
}

function isEmpty(value: string | string[]): boolean {
  return Array.isArray(value) ? value.length === 0 : value === '';
}

/** Whether this write puts IIM into the file: formats that carry it, and any file that has it. */
export function takesIim(format: string, iim: IimCharset): boolean {
  return IIM_FORMATS.has(format) || iim !== 'none';
}

/**
 * The tags that put the edited `fields` into every copy of them the file has. An emptied
 * field deletes its tags (null), so a caption cleared in Cutline is cleared in the file too.
 */
export function writePlanFor(fields: CaptionFields, context: WriteContext): WritePlan {
  const tags: Record<string, unknown> = {};
  const exif: Record<string, unknown> = {};
  const notes: string[] = [];
  const embedded = context.target === 'embedded';
  const iim = embedded && takesIim(context.format, context.iim);
  const png = context.format === 'PNG';
  for (const field of context.edited) {
    const value = fields[field];
    if (field === 'dateCreated') {
      dateTags(value as string, context, { xmp: tags, iim: iim ? tags : null, exif }, notes);
      continue;
    }
    if (isStructureField(field)) {
      const items = mergeStructItems(field, value as string[], context.fileStructures?.[field]);
      tags[XMP_TAGS[field]] = items.length === 0 ? null : structValue(items);
      continue;
    }
    const printed = PRINTED[field];
    tags[XMP_TAGS[field]] = isEmpty(value)
      ? (CLEARED[field] ?? null)
      : printed
        ? printed(value as string)
        : value;
    if (field === 'label') tags['XMP-photomech:ColorClass'] = null;
    if (!embedded) continue;
    const iimTag = IIM_TAGS[field];
    if (iim && iimTag) tags[iimTag] = isEmpty(value) ? null : iimValue(field, value);
    const exifTag = EXIF_TAGS[field];
    // Only where the file has that EXIF tag: MWG readers let EXIF win, so a stale one would
    // hide the edit, but a file without one is not given one. A PNG's EXIF goes through
    // editOnly, which ExifTool writes only where the tag already is.
    if (exifTag && (png || context.origins[field]?.copies.exif !== undefined)) {
      exif[exifTag] = isEmpty(value)
        ? null
        : Array.isArray(value)
          ? artistOf(value)
          : (value as string);
    }
  }
  const iimTags = Object.keys(tags).filter((tag) => tag.startsWith('IPTC:'));
  const args: string[] = [];
  // IIM in cp1252 already takes edits cp1252 can hold as they are: ExifTool writes undeclared
  // IIM as cp1252, and nothing else in the block changes.
  const staysCp1252 =
    context.iim === 'other' &&
    iimTags.every((tag) => [tags[tag] ?? ''].flat().every((v) => encodesInCp1252(String(v))));
  if (iimTags.length > 0 && !staysCp1252) {
    // Without this ExifTool stores cp1252 and turns what it cannot encode into "?".
    tags['IPTC:CodedCharacterSet'] = 'UTF8';
    if (context.iim === 'other') {
      // Declaring UTF-8 over IIM in another character set would change what every other
      // dataset says: ExifTool copies them over again, decoded as it read them (cp1252
      // unless declared otherwise, as Cutline reads them) and stored as UTF-8. "-m" (always
      // on) keeps a value that grows past its limit whole instead of cutting it. Datasets
      // already in UTF-8 (a mixed IIM) ExifTool would read as cp1252: given as Cutline
      // reads them instead, each dataset decoded by what it validly is.
      const mixed = Object.entries(context.iimUtf8Values ?? {}).filter(
        ([tag]) => !iimTags.some((written) => written.toLowerCase() === tag.toLowerCase()),
      );
      for (const [tag, values] of mixed) tags[tag] = values.length === 1 ? values[0] : [...values];
      args.push(
        '-tagsFromFile',
        '@',
        '-IPTC:all',
        ...[...iimTags, ...mixed.map(([tag]) => tag), 'IPTC:CodedCharacterSet'].map(
          (tag) => `--${tag}`,
        ),
      );
    }
  }
  const renewsDigest =
    iimTags.length > 0 && IIM_FORMATS.has(context.format) && digestMayRenew(context);
  // "new": ExifTool stores the MD5 of the IIM it has just written.
  if (renewsDigest) tags['Photoshop:IPTCDigest'] = 'new';
  // Where the file already holds every block the tags go to, ExifTool is told to make no new
  // one (-wm wc): a file with a trailer ExifTool can write (MIE) would otherwise get new
  // EXIF and IIM blocks there, each with tags of its own (a resolution of 144 dpi, …).
  if (embedded && context.hasXmp && (iimTags.length === 0 || context.iim !== 'none')) {
    args.push('-wm', 'wc');
  }
  let editOnly: WriteTags | null = null;
  if (Object.keys(exif).length > 0) {
    if (png) editOnly = exif as WriteTags;
    else Object.assign(tags, exif);
  }
  const percent = ratingPercent(fields, context);
  if (percent !== null) editOnly = { ...(editOnly ?? {}), ...percent } as WriteTags;
  return {
    tags: tags as WriteTags,
    args,
    editOnly,
    writesIim: iimTags.length > 0,
    renewsDigest,
    notes,
  };
}

/**
 * A stale IPTCDigest hands every field whose IIM and XMP copies disagree to IIM (MWG). It is
 * renewed only when no field left unedited has such copies: then renewing changes what no
 * field says, and readers stop taking the IIM cut at its limits over the whole XMP text.
 */
function digestMayRenew(context: WriteContext): boolean {
  if (!context.digestStale) return true;
  const edited = new Set(context.edited);
  return !Object.entries(context.origins).some(
    ([field, origin]) =>
      !edited.has(field as CaptionField) &&
      origin.disagree &&
      origin.copies.iim !== undefined &&
      origin.copies.xmp !== undefined,
  );
}

/**
 * The copies of an edited date, each in its own form with the offset the person gave (none
 * if none): XMP whole (fraction and offset); IIM 2:55 date and 2:60 time, which the IIM
 * standard gives only with an offset (ExifTool would invent the computer's own), so a time
 * without one stays out of IIM; EXIF DateTimeOriginal with OffsetTimeOriginal and
 * SubSecTimeOriginal where the file has an EXIF date.
 */
function dateTags(
  value: string,
  context: WriteContext,
  into: {
    xmp: Record<string, unknown>;
    iim: Record<string, unknown> | null;
    exif: Record<string, unknown>;
  },
  notes: string[],
): void {
  const parts = value === '' ? null : dateParts(value);
  if (value !== '' && !parts) {
    notes.push(`the date "${value}" is not one ExifTool can write; the file keeps its date`);
    return;
  }
  const fraction = parts?.fraction ? `.${parts.fraction}` : '';
  into.xmp[XMP_TAGS.dateCreated] = parts
    ? `${parts.date}${parts.time ? ` ${parts.time}${fraction}${parts.offset}` : ''}`
    : null;
  if (context.target !== 'embedded') return;
  if (into.iim) {
    const fullDate = parts && parts.date.length === 10;
    into.iim['IPTC:DateCreated'] = fullDate ? parts.date : null;
    into.iim['IPTC:TimeCreated'] =
      fullDate && parts.time && parts.offset ? `${parts.time}${parts.offset}` : null;
    if (fullDate && parts.time && !parts.offset) {
      notes.push('IIM keeps the date alone: its time needs a time-zone offset and none was given');
    }
  }
  if (context.format !== 'PNG' && context.origins.dateCreated?.copies.exif === undefined) return;
  if (parts?.time && parts.date.length === 10) {
    into.exif['ExifIFD:DateTimeOriginal'] = `${parts.date} ${parts.time}`;
    into.exif['ExifIFD:OffsetTimeOriginal'] = parts.offset || null;
    into.exif['ExifIFD:SubSecTimeOriginal'] = parts.fraction || null;
  } else {
    // EXIF holds a full date and time or nothing: an old one left would win over the edit.
    into.exif['ExifIFD:DateTimeOriginal'] = null;
    into.exif['ExifIFD:OffsetTimeOriginal'] = null;
    into.exif['ExifIFD:SubSecTimeOriginal'] = null;
    if (parts) notes.push('EXIF holds no date without a time: its capture date was removed');
  }
}
