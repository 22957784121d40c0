/**
 * The repeated IPTC structures a photo may carry (issue 19 part 1): Licensor (PLUS),
 * Contributor, Location Shown, Location Created, Person In Image with details, Artwork or
 * Object, Product In Image and Registry Entry (IPTC Extension). Each is a caption list field (model.ts, STRUCTURE_FIELDS) whose items are
 * one structure each, kept as JSON text of its members by their XMP names (City,
 * CountryName, PersonName, AOTitle, …): a language alternative by its x-default text, a list
 * by its items joined with "; ". Edited, undone, searched and exported like the other fields;
 * written whole by the writer (src/main/metadata/struct-write.ts), which keeps what Cutline
 * does not show (nested structures, other languages) in the items it leaves alone. Pure.
 */
import { CONTRIBUTOR_ROLES } from './iptc-vocab';
import type { StructureField } from './model';

/** One structure in a list: member name → text. */
export type StructItem = Record<string, string>;

/** A member the editor shows, by its XMP (and ExifTool) name. */
export interface StructMember {
  name: string;
  label: string;
  /** An XMP list (Bag or Seq): its items are given as one text joined with "; ". */
  list?: boolean;
  /** An exif:GPS coordinate ("48,16.5N" as XMP holds it, or decimal degrees as typed). */
  gps?: boolean;
  /**
   * Codes of a controlled vocabulary, kept as full URIs and shown by their labels (a
   * Contributor's Role): a label, QCode or code typed is stored as the URI.
   */
  vocabulary?: MemberVocabulary;
}

/** A vocabulary of a struct member: URI namespace, QCode prefix and labels by code. */
export interface MemberVocabulary {
  namespace: string;
  qcode: string;
  labels: Readonly<Record<string, string>>;
}

/** Where a structure lives in XMP (Iptc4xmpExt or plus) and the members the editor shows. */
export interface StructureDefinition {
  /** The XMP namespace of the list, by its usual prefix. */
  namespace: 'Iptc4xmpExt' | 'plus';
  /** The XMP property (and ExifTool tag) of the list. */
  prop: string;
  /** One item's label. */
  label: string;
  /** The search name, `name:word` (search-query.ts). */
  search: string;
  members: readonly StructMember[];
}

const LOCATION_MEMBERS: readonly StructMember[] = [
  { name: 'LocationName', label: 'Name' },
  { name: 'Sublocation', label: 'Sublocation' },
  { name: 'City', label: 'City' },
  { name: 'ProvinceState', label: 'Province/State' },
  { name: 'CountryName', label: 'Country' },
  { name: 'CountryCode', label: 'Country code' },
  { name: 'WorldRegion', label: 'World region' },
  { name: 'GPSLatitude', label: 'GPS latitude', gps: true },
  { name: 'GPSLongitude', label: 'GPS longitude', gps: true },
  { name: 'LocationId', label: 'Location ID', list: true },
];

/** Every repeated structure, by its field. */
export const IPTC_STRUCTURES: Record<StructureField, StructureDefinition> = {
  licensors: {
    namespace: 'plus',
    prop: 'Licensor',
    label: 'Licensor',
    search: 'licensor',
    // The address, second and third telephone and the telephone types stay in the item.
    members: [
      { name: 'LicensorName', label: 'Name' },
      { name: 'LicensorID', label: 'ID' },
      { name: 'LicensorTelephone1', label: 'Telephone' },
      { name: 'LicensorEmail', label: 'Email' },
      { name: 'LicensorURL', label: 'URL' },
    ],
  },
  contributors: {
    namespace: 'Iptc4xmpExt',
    prop: 'Contributor',
    label: 'Contributor',
    search: 'contributor',
    // IPTC's "Entity with role": Name (lang-alt), Identifier (xmp:Identifier) and Role.
    members: [
      { name: 'Name', label: 'Name' },
      { name: 'Role', label: 'Role', list: true, vocabulary: CONTRIBUTOR_ROLES },
      { name: 'Identifier', label: 'Identifier', list: true },
    ],
  },
  locationsShown: {
    namespace: 'Iptc4xmpExt',
    prop: 'LocationShown',
    label: 'Location shown',
    search: 'locationshown',
    members: LOCATION_MEMBERS,
  },
  locationsCreated: {
    namespace: 'Iptc4xmpExt',
    prop: 'LocationCreated',
    label: 'Location created',
    search: 'locationcreated',
    members: LOCATION_MEMBERS,
  },
  personsInImage: {
    namespace: 'Iptc4xmpExt',
    prop: 'PersonInImageWDetails',
    label: 'Person in image',
    search: 'personinimage',
    members: [
      { name: 'PersonName', label: 'Name' },
      { name: 'PersonId', label: 'Identifier', list: true },
      { name: 'PersonDescription', label: 'Description' },
    ],
  },
  artworks: {
    namespace: 'Iptc4xmpExt',
    prop: 'ArtworkOrObject',
    label: 'Artwork or object',
    search: 'artwork',
    members: [
      { name: 'AOTitle', label: 'Title' },
      { name: 'AOCreator', label: 'Creator', list: true },
      { name: 'AODateCreated', label: 'Date created' },
      { name: 'AOSource', label: 'Source' },
      { name: 'AOSourceInvNo', label: 'Source inventory number' },
      { name: 'AOCopyrightNotice', label: 'Copyright notice' },
    ],
  },
  products: {
    namespace: 'Iptc4xmpExt',
    prop: 'ProductInImage',
    label: 'Product',
    search: 'product',
    members: [
      { name: 'ProductName', label: 'Name' },
      { name: 'ProductGTIN', label: 'GTIN' },
      { name: 'ProductDescription', label: 'Description' },
    ],
  },
  registryEntries: {
    namespace: 'Iptc4xmpExt',
    prop: 'RegistryId',
    label: 'Registry entry',
    search: 'registry',
    members: [
      { name: 'RegItemId', label: 'Item ID' },
      { name: 'RegOrgId', label: 'Organisation ID' },
      { name: 'RegEntryRole', label: 'Role' },
    ],
  },
};

/** An item's JSON as the catalog keeps it: members trimmed, empty ones left out, names sorted. */
export function structItemJson(item: StructItem): string {
  const members = Object.entries(item)
    .map(([name, text]) => [name, String(text).trim()] as const)
    .filter(([, text]) => text !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return members.length === 0 ? '' : JSON.stringify(Object.fromEntries(members));
}

/**
 * The members of an item kept as JSON text. An item that is not JSON (typed where a structure
 * was expected: a sheet, the CLI's `--licensors "Desk A"`) is kept as the structure's first
 * member (LicensorName, LocationName, …), or as Name when the field is not given.
 */
export function parseStructItem(json: string, field?: StructureField): StructItem {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]),
      );
    }
  } catch {
    // Text typed where a structure was expected (a sheet, the CLI): its name.
  }
  return { [field ? (IPTC_STRUCTURES[field].members[0]?.name ?? 'Name') : 'Name']: json };
}

/**
 * One item in plain words: the members the editor shows first, in its order, then the rest
 * (what the file holds beyond them), joined with ", ".
 */
export function structItemText(field: StructureField, item: StructItem): string {
  const members = IPTC_STRUCTURES[field].members;
  const shown = members.map((member) => member.name);
  const names = [...shown, ...Object.keys(item).filter((name) => !shown.includes(name))];
  return names
    .map((name) => {
      const member = members.find((m) => m.name === name);
      return member ? memberText(member, item[name] ?? '') : (item[name] ?? '');
    })
    .filter((text) => text !== '')
    .join(', ');
}

/** The items of a list member's text ("a; b" → ["a", "b"]). */
function listItems(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * A member's text as the editor and the exports show it: a vocabulary member's codes by
 * their labels ("Editor; Camera operator"); a value outside the vocabulary as it is.
 */
export function memberText(member: StructMember, text: string): string {
  const vocabulary = member.vocabulary;
  if (!vocabulary) return text;
  return listItems(text)
    .map((value) => {
      const code = value.startsWith(vocabulary.namespace)
        ? value.slice(vocabulary.namespace.length)
        : null;
      return (code !== null && vocabulary.labels[code]) || value;
    })
    .join('; ');
}

/**
 * A member's text as the catalog keeps it, from what was typed: each label, QCode
 * ("cpprole:editor") or code of a vocabulary member as its URI; anything else as typed.
 */
export function memberStored(member: StructMember, typed: string): string {
  const vocabulary = member.vocabulary;
  if (!vocabulary) return typed;
  const codes = Object.keys(vocabulary.labels);
  return listItems(typed)
    .map((value) => {
      const lower = value.toLowerCase();
      const bare = lower.startsWith(vocabulary.qcode)
        ? lower.slice(vocabulary.qcode.length)
        : lower;
      const code =
        codes.find((c) => vocabulary.labels[c]?.toLowerCase() === lower) ??
        codes.find((c) => c.toLowerCase() === bare);
      return code === undefined ? value : `${vocabulary.namespace}${code}`;
    })
    .join('; ');
}

/** A structure field's items in plain words, one per "|" ("Louvre, Paris | Lyon, France"). */
export function structFieldText(field: StructureField, items: readonly string[]): string {
  return items.map((json) => structItemText(field, parseStructItem(json, field))).join(' | ');
}
