import { IPTC_STRUCTURES } from '../../shared/iptc-structures';
import { type CaptionField, STRUCTURE_FIELDS, type StructureField } from '../../shared/model';
import { STRUCT_ITEMS, XMP_NS } from './xmp-parse';

/** Where each field lives: IIM dataset (record 2), XMP namespace and property. */
export const FIELD_MAP: Record<CaptionField, { iim?: number; ns: string; prop: string }> = {
  caption: { iim: 120, ns: XMP_NS.dc, prop: 'description' },
  headline: { iim: 105, ns: XMP_NS.photoshop, prop: 'Headline' },
  title: { iim: 5, ns: XMP_NS.dc, prop: 'title' },
  creators: { iim: 80, ns: XMP_NS.dc, prop: 'creator' },
  creatorJobTitle: { iim: 85, ns: XMP_NS.photoshop, prop: 'AuthorsPosition' },
  creditLine: { iim: 110, ns: XMP_NS.photoshop, prop: 'Credit' },
  source: { iim: 115, ns: XMP_NS.photoshop, prop: 'Source' },
  copyrightNotice: { iim: 116, ns: XMP_NS.dc, prop: 'rights' },
  captionWriter: { iim: 122, ns: XMP_NS.photoshop, prop: 'CaptionWriter' },
  dateCreated: { iim: 55, ns: XMP_NS.photoshop, prop: 'DateCreated' },
  city: { iim: 90, ns: XMP_NS.photoshop, prop: 'City' },
  sublocation: { iim: 92, ns: XMP_NS.Iptc4xmpCore, prop: 'Location' },
  provinceState: { iim: 95, ns: XMP_NS.photoshop, prop: 'State' },
  country: { iim: 101, ns: XMP_NS.photoshop, prop: 'Country' },
  countryCode: { iim: 100, ns: XMP_NS.Iptc4xmpCore, prop: 'CountryCode' },
  keywords: { iim: 25, ns: XMP_NS.dc, prop: 'subject' },
  instructions: { iim: 40, ns: XMP_NS.photoshop, prop: 'Instructions' },
  jobId: { iim: 103, ns: XMP_NS.photoshop, prop: 'TransmissionReference' },
  event: { ns: XMP_NS.Iptc4xmpExt, prop: 'Event' },
  personsShown: { ns: XMP_NS.Iptc4xmpExt, prop: 'PersonInImage' },
  altText: { ns: XMP_NS.Iptc4xmpCore, prop: 'AltTextAccessibility' },
  extendedDescription: { ns: XMP_NS.Iptc4xmpCore, prop: 'ExtDescrAccessibility' },
  usageTerms: { ns: XMP_NS.xmpRights, prop: 'UsageTerms' },
  rating: { ns: XMP_NS.xmp, prop: 'Rating' },
  label: { ns: XMP_NS.xmp, prop: 'Label' },
  tagged: { ns: XMP_NS.photomechanic, prop: 'Tagged' },
  webStatement: { ns: XMP_NS.xmpRights, prop: 'WebStatement' },
  dataMining: { ns: XMP_NS.plus, prop: 'DataMining' },
  otherConstraints: { ns: XMP_NS.plus, prop: 'OtherConstraints' },
  modelReleaseStatus: { ns: XMP_NS.plus, prop: 'ModelReleaseStatus' },
  propertyReleaseStatus: { ns: XMP_NS.plus, prop: 'PropertyReleaseStatus' },
  minorModelAgeDisclosure: { ns: XMP_NS.plus, prop: 'MinorModelAgeDisclosure' },
  digitalSourceType: { ns: XMP_NS.Iptc4xmpExt, prop: 'DigitalSourceType' },
  // 2:04 and 2:12 hold these in a form of their own (iim-code-forms.ts).
  intellectualGenre: { iim: 4, ns: XMP_NS.Iptc4xmpCore, prop: 'IntellectualGenre' },
  imageSupplierImageId: { ns: XMP_NS.plus, prop: 'ImageSupplierImageID' },
  creatorAddress: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrExtadr' },
  creatorCity: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrCity' },
  creatorRegion: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrRegion' },
  creatorPostalCode: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrPcode' },
  creatorCountry: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiAdrCtry' },
  creatorEmail: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiEmailWork' },
  creatorPhone: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiTelWork' },
  creatorUrl: { ns: XMP_NS.Iptc4xmpCore, prop: 'CreatorContactInfo/CiUrlWork' },
  copyrightOwners: { ns: XMP_NS.plus, prop: 'CopyrightOwner/CopyrightOwnerName' },
  modelReleaseIds: { ns: XMP_NS.plus, prop: 'ModelReleaseID' },
  propertyReleaseIds: { ns: XMP_NS.plus, prop: 'PropertyReleaseID' },
  eventIds: { ns: XMP_NS.Iptc4xmpExt, prop: 'EventId' },
  subjectCodes: { iim: 12, ns: XMP_NS.Iptc4xmpCore, prop: 'SubjectCode' },
  sceneCodes: { ns: XMP_NS.Iptc4xmpCore, prop: 'Scene' },
  imageSuppliers: { ns: XMP_NS.plus, prop: 'ImageSupplier/ImageSupplierName' },
  imageCreators: { ns: XMP_NS.plus, prop: 'ImageCreator/ImageCreatorName' },
  copyrightOwnerIds: { ns: XMP_NS.plus, prop: 'CopyrightOwner/CopyrightOwnerID' },
  imageSupplierIds: { ns: XMP_NS.plus, prop: 'ImageSupplier/ImageSupplierID' },
  imageCreatorIds: { ns: XMP_NS.plus, prop: 'ImageCreator/ImageCreatorID' },
  aiSystemUsed: { ns: XMP_NS.Iptc4xmpExt, prop: 'AISystemUsed' },
  aiSystemVersionUsed: { ns: XMP_NS.Iptc4xmpExt, prop: 'AISystemVersionUsed' },
  aiPromptInformation: { ns: XMP_NS.Iptc4xmpExt, prop: 'AIPromptInformation' },
  aiPromptWriterName: { ns: XMP_NS.Iptc4xmpExt, prop: 'AIPromptWriterName' },
  organisationNames: { ns: XMP_NS.Iptc4xmpExt, prop: 'OrganisationInImageName' },
  organisationCodes: { ns: XMP_NS.Iptc4xmpExt, prop: 'OrganisationInImageCode' },
  // Each structure whole, as JSON text (xmp-parse.ts, STRUCT_ITEMS).
  ...structureMap(),
};

/** Where each repeated structure's items are kept by the XMP parser. */
function structureMap(): Record<StructureField, { ns: string; prop: string }> {
  const map = {} as Record<StructureField, { ns: string; prop: string }>;
  for (const field of STRUCTURE_FIELDS) {
    const { namespace, prop } = IPTC_STRUCTURES[field];
    map[field] = { ns: XMP_NS[namespace], prop: `${prop}/${STRUCT_ITEMS}` };
  }
  return map;
}
