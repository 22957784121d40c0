/**
 * The photo record as docs/METADATA.md defines it: the caption and credit fields, the
 * read-only technical fields, and where each value came from. The JSON keys here are the
 * keys the catalog, the contract and `cutline … --json` use.
 */

import type { ProvenanceSummary } from './provenance';

/** Iptc4xmpCore:CreatorContactInfo's members, one field each. */
const CREATOR_CONTACT_FIELDS = [
  'creatorAddress',
  'creatorCity',
  'creatorRegion',
  'creatorPostalCode',
  'creatorCountry',
  'creatorEmail',
  'creatorPhone',
  'creatorUrl',
] as const;

/** IPTC 2025.1's properties of content made with a generative AI system (Iptc4xmpExt). */
const AI_FIELDS = [
  'aiSystemUsed',
  'aiSystemVersionUsed',
  'aiPromptInformation',
  'aiPromptWriterName',
] as const;

/** The Rights & Details fields with one value each (issue 19; see RIGHTS_FIELDS). */
const RIGHTS_TEXT_FIELDS = [
  'webStatement',
  'dataMining',
  'otherConstraints',
  'modelReleaseStatus',
  'propertyReleaseStatus',
  'minorModelAgeDisclosure',
  'digitalSourceType',
  'intellectualGenre',
  'imageSupplierImageId',
  ...CREATOR_CONTACT_FIELDS,
  ...AI_FIELDS,
] as const;

/** The Rights & Details fields with several values (struct members of a Bag, or Bags). */
const RIGHTS_LIST_FIELDS = [
  'copyrightOwners',
  'modelReleaseIds',
  'propertyReleaseIds',
  'eventIds',
  'subjectCodes',
  'sceneCodes',
  'imageSuppliers',
  'imageCreators',
  'organisationNames',
  'organisationCodes',
  'copyrightOwnerIds',
  'imageSupplierIds',
  'imageCreatorIds',
] as const;

/**
 * The repeated IPTC structures (src/shared/iptc-structures.ts): list fields whose items are
 * one structure each, as JSON text of its members (Licensor, Contributor, Location Shown,
 * Person In Image, …).
 */
export const STRUCTURE_FIELDS = [
  'licensors',
  'contributors',
  'locationsShown',
  'locationsCreated',
  'personsInImage',
  'artworks',
  'products',
  'registryEntries',
] as const;
export type StructureField = (typeof STRUCTURE_FIELDS)[number];

/** True for the repeated IPTC structures. */
export function isStructureField(field: CaptionField): field is StructureField {
  return STRUCTURE_FIELD_SET.has(field);
}

// Sets, not the arrays' includes(): the import asks these of each of 68 fields for every
// photo it reads, several times over.
const STRUCTURE_FIELD_SET: ReadonlySet<string> = new Set(STRUCTURE_FIELDS);

/** Text fields (one value each) of the METADATA.md field map, in the table's order. */
export const TEXT_FIELDS = [
  'caption',
  'headline',
  'title',
  'creatorJobTitle',
  'creditLine',
  'source',
  'copyrightNotice',
  'captionWriter',
  'dateCreated',
  'city',
  'sublocation',
  'provinceState',
  'country',
  'countryCode',
  'instructions',
  'jobId',
  'event',
  'altText',
  'extendedDescription',
  'usageTerms',
  'rating',
  'label',
  'tagged',
  ...RIGHTS_TEXT_FIELDS,
] as const;

/** List fields (several values each) of the field map. */
export const LIST_FIELDS = [
  'creators',
  'keywords',
  'personsShown',
  ...RIGHTS_LIST_FIELDS,
  ...STRUCTURE_FIELDS,
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type CaptionField = TextField | ListField;

/**
 * The IPTC Core and Extension rights and details fields (issue 19 part 1), XMP only, in the
 * order the Rights & Details section shows them. Vocabulary fields (data mining, releases,
 * minor age, digital source type) hold the code URI the file holds; src/shared/iptc-vocab.ts
 * gives their labels. Struct members (Copyright Owner, Creator Contact Info, …) are
 * flattened to one list (or text) per member, as ExifTool's flattened tags do; Licensor and
 * Contributor are kept whole, with the repeated structures (STRUCTURE_FIELDS).
 */
export const RIGHTS_FIELDS = [
  'copyrightOwners',
  'copyrightOwnerIds',
  'webStatement',
  'dataMining',
  'otherConstraints',
  'modelReleaseStatus',
  'modelReleaseIds',
  'propertyReleaseStatus',
  'propertyReleaseIds',
  'minorModelAgeDisclosure',
  'digitalSourceType',
  'eventIds',
  'intellectualGenre',
  'subjectCodes',
  'sceneCodes',
  'imageSuppliers',
  'imageSupplierIds',
  'imageSupplierImageId',
  'imageCreators',
  'imageCreatorIds',
  'organisationNames',
  'organisationCodes',
  ...CREATOR_CONTACT_FIELDS,
  ...AI_FIELDS,
] as const;
export type RightsField = (typeof RIGHTS_FIELDS)[number];

/** True for the Rights & Details fields. */
export function isRightsField(field: CaptionField): field is RightsField {
  return (RIGHTS_FIELDS as readonly string[]).includes(field);
}

/** Every caption/credit field, in the order the field map lists them. */
export const CAPTION_FIELDS: readonly CaptionField[] = [
  'caption',
  'headline',
  'title',
  'creators',
  'creatorJobTitle',
  'creditLine',
  'source',
  'copyrightNotice',
  'captionWriter',
  'dateCreated',
  'city',
  'sublocation',
  'provinceState',
  'country',
  'countryCode',
  'keywords',
  'instructions',
  'jobId',
  'event',
  'personsShown',
  'altText',
  'extendedDescription',
  'usageTerms',
  'rating',
  'label',
  'tagged',
  ...RIGHTS_FIELDS,
  ...STRUCTURE_FIELDS,
];

/**
 * True for a name this version of Cutline has as a caption field. A desk member on another
 * version may send fields this one does not have (or no longer has: licensorNames before
 * migration 0024): those are left alone.
 */
export function isCaptionField(name: string): name is CaptionField {
  return CAPTION_FIELD_SET.has(name);
}

const CAPTION_FIELD_SET: ReadonlySet<string> = new Set(CAPTION_FIELDS);

/**
 * The fields whose values are plain text (every field but the repeated structures, whose
 * items are JSON): what templates and batch edits offer.
 */
export const PLAIN_FIELDS: readonly CaptionField[] = CAPTION_FIELDS.filter(
  (field) => !(STRUCTURE_FIELDS as readonly string[]).includes(field),
);

/**
 * The culling fields (issue 16): XMP only, short, set from the keyboard on the contact sheet.
 * Values as the catalog keeps them: rating "" (none) or "1"–"5" ("-1", Lightroom's reject,
 * kept as read); label the colour class's name as xmp:Label holds it ("Red"); tagged "True"
 * or "" (Photo Mechanic's photomechanic:Tagged).
 */
export const CULLING_FIELDS = ['rating', 'label', 'tagged'] as const;
export type CullingField = (typeof CULLING_FIELDS)[number];

/** True for rating, label and tagged. */
export function isCullingField(field: CaptionField): field is CullingField {
  return (CULLING_FIELDS as readonly string[]).includes(field);
}

/** The caption and credit values of one photo. Missing text is "", a missing list is []. */
export type CaptionFields = { [K in TextField]: string } & { [K in ListField]: string[] };

/** One field's value: text, or a list for the list fields. */
export type FieldValue = string | string[];

/** IIM byte limits (per value for repeatable datasets); fields absent here have no IIM copy. */
export const IIM_LIMITS: Partial<Record<CaptionField, number>> = {
  caption: 2000,
  headline: 256,
  title: 64,
  creators: 32,
  creatorJobTitle: 32,
  creditLine: 32,
  source: 32,
  copyrightNotice: 128,
  captionWriter: 32,
  city: 32,
  sublocation: 32,
  provinceState: 32,
  country: 64,
  countryCode: 3,
  keywords: 64,
  instructions: 256,
  jobId: 32,
};

/** Human labels, used as accessible names in the UI and as column headers in exports. */
export const FIELD_LABELS: Record<CaptionField, string> = {
  caption: 'Caption',
  headline: 'Headline',
  title: 'Title',
  creators: 'Creator',
  creatorJobTitle: "Creator's job title",
  creditLine: 'Credit line',
  source: 'Source',
  copyrightNotice: 'Copyright notice',
  captionWriter: 'Caption writer',
  dateCreated: 'Date created',
  city: 'City',
  sublocation: 'Sublocation',
  provinceState: 'Province/State',
  country: 'Country',
  countryCode: 'Country code',
  keywords: 'Keywords',
  instructions: 'Instructions',
  jobId: 'Job ID',
  event: 'Event',
  personsShown: 'Persons shown',
  altText: 'Alt text',
  extendedDescription: 'Extended description',
  usageTerms: 'Rights usage terms',
  rating: 'Rating',
  label: 'Colour label',
  tagged: 'Tagged',
  copyrightOwners: 'Copyright owner',
  webStatement: 'Web statement of rights',
  dataMining: 'Data mining',
  otherConstraints: 'Other constraints',
  modelReleaseStatus: 'Model release status',
  modelReleaseIds: 'Model release ID',
  propertyReleaseStatus: 'Property release status',
  propertyReleaseIds: 'Property release ID',
  minorModelAgeDisclosure: 'Minor model age disclosure',
  digitalSourceType: 'Digital source type',
  eventIds: 'Event identifier',
  intellectualGenre: 'Intellectual genre',
  subjectCodes: 'Subject code',
  sceneCodes: 'Scene code',
  imageSuppliers: 'Image supplier',
  imageSupplierImageId: "Image supplier's image ID",
  imageCreators: 'Image creator',
  contributors: 'Contributor',
  creatorAddress: "Creator's address",
  creatorCity: "Creator's city",
  creatorRegion: "Creator's state/province",
  creatorPostalCode: "Creator's postal code",
  creatorCountry: "Creator's country",
  creatorEmail: "Creator's email",
  creatorPhone: "Creator's phone",
  creatorUrl: "Creator's web URL",
  copyrightOwnerIds: 'Copyright owner ID',
  imageSupplierIds: 'Image supplier ID',
  imageCreatorIds: 'Image creator ID',
  aiSystemUsed: 'AI system used',
  aiSystemVersionUsed: 'AI system version used',
  aiPromptInformation: 'AI prompt information',
  aiPromptWriterName: 'AI prompt writer name',
  organisationNames: 'Organisation in image',
  organisationCodes: 'Organisation code',
  licensors: 'Licensor',
  locationsShown: 'Location shown',
  locationsCreated: 'Location created',
  personsInImage: 'Person in image (details)',
  artworks: 'Artwork or object',
  products: 'Product in image',
  registryEntries: 'Registry entry',
};

/** The read-only technical fields of a photo. */
export interface TechnicalFields {
  path: string;
  fileName: string;
  format: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  orientation: number | null;
  cameraMake: string;
  cameraModel: string;
  lens: string;
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  warnings: string[];
}

/** A photo record exactly as METADATA.md keys it (what `cutline show --json` prints). */
export type PhotoRecord = TechnicalFields & CaptionFields;

/** Which copy inside the file a value was taken from. */
export type MetadataCopy = 'exif' | 'iim' | 'xmp' | 'sidecar';

/** Where one field's value came from, and what each copy held. */
export interface FieldOrigin {
  /** The copy that won, or null when no copy holds the field. */
  from: MetadataCopy | null;
  /** True when two copies hold different values (after IIM truncation is allowed for). */
  disagree: boolean;
  /** The raw value of each copy present, lists joined with "; ". */
  copies: Partial<Record<MetadataCopy, string>>;
}

export type FieldOrigins = Partial<Record<CaptionField, FieldOrigin>>;

/** A photo as the library grid needs it: small and fast to list. */
export interface PhotoSummary {
  id: number;
  path: string;
  fileName: string;
  format: string;
  width: number | null;
  height: number | null;
  // No caption or headline: the grid does not show them, and they were half of each page's
  // JSON (a page of 240 photos went from ~165 KB to ~80 KB without them).
  creators: string[];
  creditLine: string;
  hasThumbnail: boolean;
  hasProblem: boolean;
  /**
   * Why the picture itself is cut short or damaged though its metadata read (a JPEG, TIFF,
   * PNG or WebP cut off by an unfinished copy or upload), or null when it is whole.
   */
  damage: string | null;
  /** The file on disk no longer matches what was read (changed or missing). */
  fileState: 'ok' | 'changed' | 'missing';
  /** Edited in Cutline, not yet written to the file. */
  unwritten: boolean;
  /** Culling marks: "" or "1"–"5" (see CULLING_FIELDS). */
  rating: string;
  /** The colour label's name as the file holds it, or "". */
  label: string;
  /** Tagged (Photo Mechanic's tag). */
  tagged: boolean;
}

/** Everything the side panel shows about one photo. */
export interface PhotoDetail {
  id: number;
  record: PhotoRecord;
  origins: FieldOrigins;
  fingerprint: string;
  importedAt: string;
  fileState: 'ok' | 'changed' | 'missing';
  /** Fields edited in Cutline and not yet written to the file, with the values the file holds. */
  unwritten: Partial<Record<CaptionField, FieldValue>>;
  /**
   * Fields whose copies in the file are to be made to agree (an explicit action): the next
   * write puts the field's value into every copy (EXIF, IIM, XMP).
   */
  agreeing: CaptionField[];
  /** True when the catalog holds a grid thumbnail (served as media, src/shared/media-url.ts). */
  hasThumbnail: boolean;
  /** The file's C2PA Content Credentials, summarised at import (null: it carries none). */
  provenance: ProvenanceSummary | null;
}

/** One file that could not be imported, and why, in plain words. */
export interface ImportProblem {
  path: string;
  reason: string;
  runId: number;
  at: string;
}

/** What an import did, in the shape `cutline import --json` prints. */
export interface ImportSummary {
  runId: number;
  /**
   * Every entry the import met (photos, and files or folders that are not; hidden files and
   * sidecars aside): imported + updated + unchanged + failed + skipped, unless cancelled.
   */
  found: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: { path: string; reason: string }[];
  /** Imported with what could be read, but the picture itself is cut short or damaged. */
  damaged: { path: string; reason: string }[];
  /** Left out on purpose: not photos, link loops, .xmp sidecars that pair with no photo. */
  skipped: { path: string; reason: string }[];
  cancelled: boolean;
}

/** Progress of a running import, sent to the UI and the CLI's progress bar. */
export interface ImportProgress {
  runId: number;
  done: number;
  total: number;
  /** Photos per second so far. */
  rate: number;
  currentFile: string;
  phase: 'scanning' | 'reading' | 'done' | 'cancelled';
  /** Thumbnails to render from the picture (no embedded one), and how many are finished:
   * the photos are in the catalog before their thumbnails are. */
  thumbnailsTotal?: number;
  thumbnailsDone?: number;
}

/** An empty caption record: "" for every text field, [] for every list. */
export function emptyCaptionFields(): CaptionFields {
  const fields = {} as Record<string, string | string[]>;
  for (const key of CAPTION_FIELDS) fields[key] = LIST_FIELD_SET.has(key) ? [] : '';
  return fields as CaptionFields;
}

/** True for the fields that hold several values. */
export function isListField(field: CaptionField): field is ListField {
  return LIST_FIELD_SET.has(field);
}

const LIST_FIELD_SET: ReadonlySet<string> = new Set(LIST_FIELDS);

/** True when two values of a field are the same (lists item by item, in order). */
export function sameFieldValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}
