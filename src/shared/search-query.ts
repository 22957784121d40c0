/**
 * The library's search language, parsed into a plain structure that the catalog turns into
 * SQL. Pure, so the UI's help and the CLI share one definition.
 *
 *   pyongyang "kim jong"        words (prefix-matched) and exact phrases, in any field
 *   creator:grigorov            a word in one field; city:"New York" a phrase in one field
 *   credit:empty                the field is empty
 *   is:no-credit is:disagree    built-in problem filters (is:truncated: picture cut short)
 *   import:last import:12       the photos the latest import, or import run 12, found (new,
 *                               changed or unchanged)
 *   rating:>=3 rating:5         culling: the rating compared (=, >=, <=, >, <; rating:0 none)
 *   label:red label:none        the colour label (by colour, so Bridge's "Select" is red too)
 *   is:tagged is:untagged       Photo Mechanic's tag
 *   is:signed is:tampered       C2PA Content Credentials: valid; changed after signing;
 *   is:ai-generated             a generative digital source type;
 *   is:credentials-fail         failing validation (an untrusted signer alone is not)
 *   sort:date sort:name         the order shown: capture time, file name, rating (highest
 *   sort:rating                 first); without it, folder and file path
 *   copyrightowner:afp licensor: rights fields (issue 19); vocabulary fields match their
 *   release:none genre:…        labels (release:none: status None or no status at all)
 *   locationshown:louvre        a repeated structure by any member's value (personinimage:,
 *   artwork:leonardo            locationcreated:, product:, registry:; org: organisation)
 */
import { LABEL_COLOURS, type LabelColour } from './culling';
import { IPTC_STRUCTURES } from './iptc-structures';
import { type CaptionField, STRUCTURE_FIELDS } from './model';

/** Built-in problem filters, written `is:<name>`. */
export const PROBLEM_FILTERS = {
  'no-credit': 'No credit line',
  'no-caption': 'No caption',
  disagree: 'IIM and XMP disagree',
  'over-limit': 'A value is over its IIM limit',
  problem: 'Read with warnings',
  truncated: 'Picture cut short (file truncated)',
  changed: 'Changed on disk since import',
  missing: 'File missing',
  unwritten: 'Edited, not yet written to the file',
  tagged: 'Tagged',
  untagged: 'Not tagged',
  signed: 'Content Credentials that validate',
  tampered: 'Content Credentials present but the image was changed after signing',
  'ai-generated': 'Content Credentials say a generative model made it (or part of it)',
  'credentials-fail': 'Content Credentials that fail validation',
} as const;
export type ProblemFilter = keyof typeof PROBLEM_FILTERS;

/** Searchable file facts that are not caption fields. */
export type FileField = 'fileName' | 'format';
export type SearchField = CaptionField | FileField;

/** Names people type before the colon, mapped to fields. */
const FIELD_ALIASES: Record<string, SearchField> = {
  caption: 'caption',
  description: 'caption',
  headline: 'headline',
  title: 'title',
  keyword: 'keywords',
  keywords: 'keywords',
  creator: 'creators',
  creators: 'creators',
  byline: 'creators',
  photographer: 'creators',
  credit: 'creditLine',
  creditline: 'creditLine',
  source: 'source',
  city: 'city',
  person: 'personsShown',
  persons: 'personsShown',
  copyright: 'copyrightNotice',
  country: 'country',
  countrycode: 'countryCode',
  state: 'provinceState',
  province: 'provinceState',
  sublocation: 'sublocation',
  location: 'sublocation',
  event: 'event',
  date: 'dateCreated',
  jobid: 'jobId',
  instructions: 'instructions',
  writer: 'captionWriter',
  alt: 'altText',
  file: 'fileName',
  filename: 'fileName',
  // Rights & Details (issue 19): matched on the catalog's columns, vocabularies by label.
  copyrightowner: 'copyrightOwners',
  owner: 'copyrightOwners',
  release: 'modelReleaseStatus',
  modelrelease: 'modelReleaseStatus',
  propertyrelease: 'propertyReleaseStatus',
  datamining: 'dataMining',
  'source-type': 'digitalSourceType',
  sourcetype: 'digitalSourceType',
  digitalsource: 'digitalSourceType',
  genre: 'intellectualGenre',
  subjectcode: 'subjectCodes',
  scene: 'sceneCodes',
  supplier: 'imageSuppliers',
  imagecreator: 'imageCreators',
  eventid: 'eventIds',
  webstatement: 'webStatement',
  constraints: 'otherConstraints',
  aisystem: 'aiSystemUsed',
  prompt: 'aiPromptInformation',
  promptwriter: 'aiPromptWriterName',
  organisation: 'organisationNames',
  organization: 'organisationNames',
  org: 'organisationNames',
  orgcode: 'organisationCodes',
  // The other rights and details fields, each by its own name (issue 19: searchable by field).
  copyrightownerid: 'copyrightOwnerIds',
  modelreleaseid: 'modelReleaseIds',
  propertyreleaseid: 'propertyReleaseIds',
  minorage: 'minorModelAgeDisclosure',
  supplierid: 'imageSupplierIds',
  supplierimageid: 'imageSupplierImageId',
  imagecreatorid: 'imageCreatorIds',
  creatoraddress: 'creatorAddress',
  creatorcity: 'creatorCity',
  creatorregion: 'creatorRegion',
  creatorpostalcode: 'creatorPostalCode',
  creatorcountry: 'creatorCountry',
  creatoremail: 'creatorEmail',
  creatorphone: 'creatorPhone',
  creatorurl: 'creatorUrl',
  aisystemversion: 'aiSystemVersionUsed',
  // The repeated structures, by any member's value: locationshown:louvre, personinimage:…
  ...Object.fromEntries(
    STRUCTURE_FIELDS.map((field) => [IPTC_STRUCTURES[field].search, field] as const),
  ),
  shown: 'locationsShown',
  format: 'format',
};

/** One thing to match: a word (matched as a prefix) or an exact phrase. */
export interface SearchTerm {
  /** null: any indexed field. */
  field: SearchField | null;
  text: string;
  phrase: boolean;
}

/** An import run, by number or the latest one. */
export type ImportRunRef = number | 'last';

/** A comparison of the rating: `rating:>=3`. A photo without one has rating 0. */
export interface RatingFilter {
  op: '=' | '>=' | '<=' | '>' | '<';
  value: number;
}

/** A colour label asked for: one of the colours, none, or a label name as typed. */
export type LabelFilter = { colour: LabelColour } | { none: true } | { name: string };

/** The orders the grid can show, `sort:<name>`; "path" (folder, then file) when none is asked. */
export const SORT_ORDERS = ['path', 'date', 'name', 'rating'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

const SORT_ALIASES: Record<string, SortOrder> = {
  path: 'path',
  folder: 'path',
  date: 'date',
  time: 'date',
  captured: 'date',
  name: 'name',
  file: 'name',
  filename: 'name',
  rating: 'rating',
  stars: 'rating',
};

export interface ParsedQuery {
  terms: SearchTerm[];
  sort: SortOrder;
  /** Culling: all must hold. */
  ratings: RatingFilter[];
  labels: LabelFilter[];
  emptyFields: SearchField[];
  filters: ProblemFilter[];
  /** Photos of these import runs (all of them: a photo must be in each). */
  importRuns: ImportRunRef[];
  /** Plain notes about parts that were not understood as typed. */
  notes: string[];
}

const TOKEN = /(?:([\p{L}\p{N}_-]+):)?(?:"([^"]*)"?|(\S+))/gu;

/** Parses a query typed in the search box. Never throws: odd input becomes plain words. */
export function parseSearchQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = {
    terms: [],
    sort: 'path',
    ratings: [],
    labels: [],
    emptyFields: [],
    filters: [],
    importRuns: [],
    notes: [],
  };
  for (const match of input.matchAll(TOKEN)) {
    const [, prefix, quoted, bare] = match;
    const value = (quoted ?? bare ?? '').trim();
    const phrase = quoted !== undefined;
    if (prefix === undefined) {
      addWords(parsed, null, value, phrase);
      continue;
    }
    const key = prefix.toLowerCase();
    if (key === 'is') {
      const filter = value.toLowerCase();
      if (filter in PROBLEM_FILTERS) parsed.filters.push(filter as ProblemFilter);
      else
        parsed.notes.push(
          `Unknown filter "is:${value}". Known filters: ${Object.keys(PROBLEM_FILTERS)
            .map((f) => `is:${f}`)
            .join(', ')}.`,
        );
      continue;
    }
    if (key === 'import') {
      const run = value.toLowerCase() === 'last' ? 'last' : Number(value);
      if (run === 'last' || (Number.isSafeInteger(run) && run > 0)) parsed.importRuns.push(run);
      else parsed.notes.push(`"import:${value}" is not an import: write import:last or import:12.`);
      continue;
    }
    if (key === 'sort') {
      const order = SORT_ALIASES[value.toLowerCase()];
      if (order) parsed.sort = order;
      else
        parsed.notes.push(
          `"sort:${value}" is not an order: write sort:date, sort:name or sort:rating.`,
        );
      continue;
    }
    if (key === 'rating' || key === 'stars') {
      const rating = parseRating(value);
      if (rating) parsed.ratings.push(rating);
      else
        parsed.notes.push(
          `"${prefix}:${value}" is not a rating: write rating:3, rating:>=3 or rating:<2 (0 to 5).`,
        );
      continue;
    }
    if (key === 'label' || key === 'color' || key === 'colour') {
      if (value) parsed.labels.push(parseLabel(value));
      continue;
    }
    const field = FIELD_ALIASES[key];
    if (!field) {
      parsed.notes.push(`Unknown field "${prefix}"; searched for "${prefix} ${value}" as words.`);
      addWords(parsed, null, `${prefix} ${value}`, phrase);
      continue;
    }
    if (!phrase && value.toLowerCase() === 'empty') parsed.emptyFields.push(field);
    else addWords(parsed, field, value, phrase);
  }
  return parsed;
}

const RATING = /^(>=|<=|=|>|<)?\s*(-?\d)$/;

function parseRating(value: string): RatingFilter | null {
  const m = RATING.exec(value.trim());
  if (!m) return null;
  const n = Number(m[2]);
  if (n < -1 || n > 5) return null;
  return { op: (m[1] ?? '=') as RatingFilter['op'], value: n };
}

function parseLabel(value: string): LabelFilter {
  const name = value.trim().toLowerCase();
  if (name === 'none' || name === 'empty') return { none: true };
  if ((LABEL_COLOURS as readonly string[]).includes(name)) return { colour: name as LabelColour };
  return { name: value.trim() };
}

function addWords(
  parsed: ParsedQuery,
  field: SearchField | null,
  value: string,
  phrase: boolean,
): void {
  if (phrase) {
    if (value) parsed.terms.push({ field, text: value, phrase: true });
    return;
  }
  // Split on anything that is not a letter or digit, as the index's tokenizer does, so that
  // "Ahn Young-joon" and "AP/Ahn" find what the index holds.
  for (const word of value.split(/[^\p{L}\p{N}]+/u)) {
    if (word) parsed.terms.push({ field, text: word, phrase: false });
  }
}

/** True when the query asks for nothing (the whole library). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.terms.length === 0 &&
    query.ratings.length === 0 &&
    query.labels.length === 0 &&
    query.emptyFields.length === 0 &&
    query.filters.length === 0 &&
    query.importRuns.length === 0
  );
}
