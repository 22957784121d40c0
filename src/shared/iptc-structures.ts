/**
 * The repeated IPTC Extension structures a photo may carry (issue 19 part 1): Location Shown,
 * Location Created, Person In Image with details, Artwork or Object, Product In Image and
 * Registry Entry. Each is a caption list field (model.ts, STRUCTURE_FIELDS) whose items are
 * one structure each, kept as JSON text of its members by their XMP names (City,
 * CountryName, PersonName, AOTitle, …): a language alternative by its x-default text, a list
 * by its items joined with "; ". Edited, undone, searched and exported like the other fields;
 * written whole by the writer (src/main/metadata/struct-write.ts), which keeps what Cutline
 * does not show (nested structures, other languages) in the items it leaves alone. Pure.
 */
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
}

/** Where a structure lives in XMP (Iptc4xmpExt) and the members the editor shows. */
export interface StructureDefinition {
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
  locationsShown: {
    prop: 'LocationShown',
    label: 'Location shown',
    search: 'locationshown',
    members: LOCATION_MEMBERS,
  },
  locationsCreated: {
    prop: 'LocationCreated',
    label: 'Location created',
    search: 'locationcreated',
    members: LOCATION_MEMBERS,
  },
  personsInImage: {
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

/** The members of an item kept as JSON text; an item that is not JSON is kept as its Name. */
export function parseStructItem(json: string): StructItem {
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
  return { Name: json };
}

/**
 * One item in plain words: the members the editor shows first, in its order, then the rest
 * (what the file holds beyond them), joined with ", ".
 */
export function structItemText(field: StructureField, item: StructItem): string {
  const shown = IPTC_STRUCTURES[field].members.map((member) => member.name);
  const names = [...shown, ...Object.keys(item).filter((name) => !shown.includes(name))];
  return names
    .map((name) => item[name] ?? '')
    .filter((text) => text !== '')
    .join(', ');
}

/** A structure field's items in plain words, one per "|" ("Louvre, Paris | Lyon, France"). */
export function structFieldText(field: StructureField, items: readonly string[]): string {
  return items.map((json) => structItemText(field, parseStructItem(json))).join(' | ');
}
