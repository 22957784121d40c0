/**
 * The repeated IPTC Extension structures a photo may carry (issue 19 part 1b): Location Shown,
 * Location Created, Person In Image with details, Organisation in Image, Artwork or Object.
 * Read at import and shown; never edited, so a write leaves them whole in the file. Each item
 * keeps its members by their XMP names (City, CountryName, PersonName, AOTitle, …), a
 * language alternative by its x-default text and a list by its items joined with "; ". Pure.
 */

/** One structure in a list: member name → text. */
export type StructItem = Record<string, string>;

/** Where each structure lives in XMP (Iptc4xmpExt), with its label. */
export const IPTC_STRUCTURES = {
  locationsShown: { prop: 'LocationShown', label: 'Location shown' },
  locationsCreated: { prop: 'LocationCreated', label: 'Location created' },
  personsInImage: { prop: 'PersonInImageWDetails', label: 'Person in image' },
  organisations: { prop: 'OrganisationInImageName', label: 'Organisation in image' },
  organisationCodes: { prop: 'OrganisationInImageCode', label: 'Organisation code' },
  artworks: { prop: 'ArtworkOrObject', label: 'Artwork or object' },
} as const;

export type IptcStructureKey = keyof typeof IPTC_STRUCTURES;
export type IptcStructures = Record<IptcStructureKey, StructItem[]>;

/** No structures. */
export function emptyStructures(): IptcStructures {
  return {
    locationsShown: [],
    locationsCreated: [],
    personsInImage: [],
    organisations: [],
    organisationCodes: [],
    artworks: [],
  };
}

/** One item in plain words: its members' values, most telling first, joined with ", ". */
export function structItemText(item: StructItem): string {
  return Object.values(item)
    .filter((v) => v !== '')
    .join(', ');
}
