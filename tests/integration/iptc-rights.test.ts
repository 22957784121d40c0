import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteTags } from 'exiftool-vendored';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { readPhoto } from '../../src/main/metadata/read-photo';
import { searchLibrary } from '../../src/main/services/library';
import {
  isVocabularyField,
  normaliseVocabulary,
  type VocabularyField,
} from '../../src/shared/iptc-vocab';
import type { CaptionField } from '../../src/shared/model';
import { makeJpeg } from '../helpers/make-photos';
import { iptcReferenceImages } from '../helpers/reference-images';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('iptc');

const record = (id: number) => photosRepoOf(shoot.services.db).detail(id)?.record;
const names = (query: string) =>
  searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 }).items.map((p) => p.fileName);

const MR = 'http://ns.useplus.org/ldf/vocab/';
const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** Every rights field, as ExifTool tags (flattened struct members, '#' for code URIs). */
const RIGHTS_TAGS = {
  'XMP-plus:CopyrightOwnerName': ['Agence Exemple'],
  'XMP-plus:LicensorName': ['Licensing Desk'],
  'XMP-plus:LicensorURL': ['https://licensing.example/'],
  'XMP-xmpRights:WebStatement': 'https://example.org/rights',
  'XMP-plus:DataMining#': 'DMI-PROHIBITED-AIMLTRAINING',
  'XMP-plus:OtherConstraints': 'No archive use.',
  'XMP-plus:ModelReleaseStatus#': 'MR-NON',
  'XMP-plus:ModelReleaseID': ['MR-1', 'MR-2'],
  'XMP-plus:PropertyReleaseStatus#': 'PR-UPR',
  'XMP-plus:PropertyReleaseID': ['PR-7'],
  'XMP-plus:MinorModelAgeDisclosure#': 'AG-A18',
  'XMP-iptcExt:DigitalSourceType#': `${DST}trainedAlgorithmicMedia`,
  'XMP-iptcExt:EventId': ['urn:event:42'],
  'XMP-iptcCore:IntellectualGenre': 'Actuality',
  'XMP-iptcCore:SubjectCode': ['15054000'],
  'XMP-iptcCore:Scene': ['011900', '010600'],
  'XMP-plus:ImageSupplierName': ['Supplier Ltd'],
  'XMP-plus:ImageSupplierImageID': 'SUP-0001',
  'XMP-plus:ImageCreatorName': ['Ana Lens'],
  'XMP-iptcExt:ContributorName': ['Retoucher One'],
  'XMP-iptcCore:CreatorAddress': '1 Main St',
  'XMP-iptcCore:CreatorCity': 'Lyon',
  'XMP-iptcCore:CreatorRegion': 'Rhône',
  'XMP-iptcCore:CreatorPostalCode': '69001',
  'XMP-iptcCore:CreatorCountry': 'France',
  'XMP-iptcCore:CreatorWorkEmail': 'ana@example.org',
  'XMP-iptcCore:CreatorWorkTelephone': '+33 1 23',
  'XMP-iptcCore:CreatorWorkURL': 'https://ana.example/',
  'XMP-plus:LicensorID': ['LIC-9'],
  'XMP-plus:LicensorEmail': ['desk@licensing.example'],
  'XMP-plus:LicensorTelephone1': ['+33 4 56'],
  'XMP-plus:CopyrightOwnerID': ['urn:owner:1'],
  'XMP-plus:ImageSupplierID': ['urn:supplier:1'],
  'XMP-plus:ImageCreatorID': ['urn:creator:1'],
  'XMP-iptcExt:AISystemUsed': 'Imagen Example',
  'XMP-iptcExt:AISystemVersionUsed': '3.1',
  'XMP-iptcExt:AIPromptInformation': 'A rally in a square, at dusk',
  'XMP-iptcExt:AIPromptWriterName': 'Ana Lens',
};

const EXPECTED = {
  copyrightOwners: ['Agence Exemple'],
  // The flattened Licensor tags make one Licensor, read whole (members sorted by name).
  licensors: [
    JSON.stringify({
      LicensorEmail: 'desk@licensing.example',
      LicensorID: 'LIC-9',
      LicensorName: 'Licensing Desk',
      LicensorTelephone1: '+33 4 56',
      LicensorURL: 'https://licensing.example/',
    }),
  ],
  webStatement: 'https://example.org/rights',
  dataMining: `${MR}DMI-PROHIBITED-AIMLTRAINING`,
  otherConstraints: 'No archive use.',
  modelReleaseStatus: `${MR}MR-NON`,
  modelReleaseIds: ['MR-1', 'MR-2'],
  propertyReleaseStatus: `${MR}PR-UPR`,
  propertyReleaseIds: ['PR-7'],
  minorModelAgeDisclosure: `${MR}AG-A18`,
  digitalSourceType: `${DST}trainedAlgorithmicMedia`,
  eventIds: ['urn:event:42'],
  intellectualGenre: 'Actuality',
  subjectCodes: ['15054000'],
  sceneCodes: ['011900', '010600'],
  imageSuppliers: ['Supplier Ltd'],
  imageSupplierImageId: 'SUP-0001',
  imageCreators: ['Ana Lens'],
  contributors: [JSON.stringify({ Name: 'Retoucher One' })],
  creatorAddress: '1 Main St',
  creatorCity: 'Lyon',
  creatorRegion: 'Rhône',
  creatorPostalCode: '69001',
  creatorCountry: 'France',
  creatorEmail: 'ana@example.org',
  creatorPhone: '+33 1 23',
  creatorUrl: 'https://ana.example/',
  copyrightOwnerIds: ['urn:owner:1'],
  imageSupplierIds: ['urn:supplier:1'],
  imageCreatorIds: ['urn:creator:1'],
  aiSystemUsed: 'Imagen Example',
  aiSystemVersionUsed: '3.1',
  aiPromptInformation: 'A rally in a square, at dusk',
  aiPromptWriterName: 'Ana Lens',
};

/** Repeated structures written whole, as struct values. */
const STRUCTS = {
  'XMP-iptcExt:LocationShown': [
    { City: 'Lyon', CountryName: 'France' },
    { City: 'Paris', CountryName: 'France', Sublocation: 'Louvre' },
  ],
  'XMP-iptcExt:PersonInImageWDetails': [{ PersonName: ['Jo Doe'], PersonId: ['urn:p:1'] }],
  'XMP-iptcExt:ArtworkOrObject': [{ AOTitle: 'Mona Lisa', AOCreator: ['Leonardo'] }],
  'XMP-iptcExt:OrganisationInImageName': ['UN'],
};

/** The XMP packet's bytes between two tags, as written in the file. */
async function xmpBlock(path: string, open: string, close: string): Promise<string> {
  const text = (await readFile(path)).toString('latin1');
  const start = text.indexOf(open);
  return start < 0 ? '' : text.slice(start, text.indexOf(close, start) + close.length);
}

/** The structures' XMP as written, each from its opening to its closing tag. */
async function structBlocks(path: string): Promise<Record<string, string>> {
  const blocks: Record<string, string> = {};
  for (const [name, tag] of [
    ['shown', 'Iptc4xmpExt:LocationShown'],
    ['person', 'Iptc4xmpExt:PersonInImageWDetails'],
    ['artwork', 'Iptc4xmpExt:ArtworkOrObject'],
    ['licensor', 'plus:Licensor'],
    ['contact', 'Iptc4xmpCore:CreatorContactInfo'],
  ] as const) {
    blocks[name] = await xmpBlock(path, `<${tag}`, `</${tag}>`);
  }
  return blocks;
}

describe('IPTC rights and details fields', () => {
  it('are read at import from the XMP ExifTool writes, and searched by field', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'rights.jpg'), {
      tags: { 'XMP-dc:Description': 'Rights.', ...RIGHTS_TAGS },
    });
    const other = await makeJpeg(shoot.exiftool, join(shoot.root, 'plain.jpg'), {
      tags: { 'XMP-dc:Description': 'Plain.', 'XMP-plus:ModelReleaseStatus#': 'MR-UMR' },
    });
    const id = await shoot.importOne(path);
    await shoot.importOne(other);
    expect(record(id)).toMatchObject(EXPECTED);
    expect(names('copyrightowner:exemple')).toEqual(['rights.jpg']);
    expect(names('licensor:desk')).toEqual(['rights.jpg']);
    expect(names('release:none')).toEqual(['rights.jpg']);
    expect(names('release:unlimited')).toEqual(['plain.jpg']);
    expect(names('source-type:generative')).toEqual(['rights.jpg']);
    expect(names('genre:actuality')).toEqual(['rights.jpg']);
    expect(names('licensor:empty')).toEqual(['plain.jpg']);
    expect(names('copyrightowner:nobody')).toEqual([]);
    expect(names('aisystem:imagen prompt:dusk')).toEqual(['rights.jpg']);
    // Every rights field has a search name of its own.
    expect(names('creatorcity:lyon creatoremail:ana@example creatorurl:ana.example')).toEqual([
      'rights.jpg',
    ]);
    expect(names('copyrightownerid:owner supplierid:supplier imagecreatorid:creator')).toEqual([
      'rights.jpg',
    ]);
    expect(names('modelreleaseid:mr-2 propertyreleaseid:pr-7 supplierimageid:sup-0001')).toEqual([
      'rights.jpg',
    ]);
    expect(names('minorage:"age 18" aisystemversion:3.1')).toEqual(['rights.jpg']);
    expect(names('minorage:"age 17"')).toEqual([]);
    expect(names('creatorcountry:empty')).toEqual(['plain.jpg']);
  });

  it('edited rights fields are written back, in the history, and read back by ExifTool', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'edit.jpg'), {
      tags: { 'XMP-dc:Description': 'Edit.', ...RIGHTS_TAGS },
    });
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], {
      copyrightOwners: ['New Owner'],
      modelReleaseStatus: `${MR}MR-LMR`,
      creatorCity: 'Marseille',
      licensors: [EXPECTED.licensors[0]!.replace('desk@', 'rights@')],
      aiSystemUsed: 'Other Model',
    });
    expect(shoot.services.editor.history(id).map((e) => e.field)).toEqual(
      expect.arrayContaining(['copyrightOwners', 'modelReleaseStatus', 'creatorCity']),
    );
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    const tags = (await shoot.exiftool.read(path, ['-G1', '-n'])) as Record<string, unknown>;
    // exiftool-vendored reads structs whole; ExifTool prints PLUS codes without the namespace.
    // The owner's ID, not edited, stays beside the new name.
    expect(tags['XMP-plus:CopyrightOwner']).toEqual([
      { CopyrightOwnerID: 'urn:owner:1', CopyrightOwnerName: 'New Owner' },
    ]);
    expect(tags['XMP-plus:Licensor']).toEqual([
      {
        LicensorEmail: 'rights@licensing.example',
        LicensorID: 'LIC-9',
        LicensorName: 'Licensing Desk',
        LicensorTelephone1: '+33 4 56',
        LicensorURL: 'https://licensing.example/',
      },
    ]);
    expect(tags['XMP-iptcExt:AISystemUsed']).toBe('Other Model');
    expect(tags['XMP-plus:ModelReleaseStatus']).toEqual('MR-LMR');
    // Unedited members of the contact-info struct stay.
    expect(tags['XMP-iptcCore:CreatorContactInfo']).toMatchObject({
      CiAdrCity: 'Marseille',
      CiEmailWork: 'ana@example.org',
    });
    await (await shoot.services.importer.start([path])).done;
    expect(record(id)).toMatchObject({
      ...EXPECTED,
      copyrightOwners: ['New Owner'],
      modelReleaseStatus: `${MR}MR-LMR`,
      creatorCity: 'Marseille',
      licensors: [EXPECTED.licensors[0]!.replace('desk@', 'rights@')],
      aiSystemUsed: 'Other Model',
    });
  });

  it('repeated structures are read whole, and a caption-only write leaves them byte-identical', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'structs.jpg'), {
      tags: { 'XMP-dc:Description': 'Before.', ...RIGHTS_TAGS },
    });
    await shoot.exiftool.write(path, STRUCTS as unknown as WriteTags, {
      writeArgs: ['-overwrite_original'],
    });
    const before = await structBlocks(path);
    expect(before.shown).toContain('Louvre');
    expect(before.licensor).toContain('Licensing Desk');
    const id = await shoot.importOne(path);
    // Read whole, each item with its members.
    const items = (json: string[] | undefined) => json?.map((text) => JSON.parse(text));
    const read = record(id);
    expect(items(read?.locationsShown)).toEqual([
      { City: 'Lyon', CountryName: 'France' },
      { City: 'Paris', CountryName: 'France', Sublocation: 'Louvre' },
    ]);
    expect(items(read?.personsInImage)).toEqual([{ PersonName: 'Jo Doe', PersonId: 'urn:p:1' }]);
    expect(items(read?.artworks)).toEqual([{ AOTitle: 'Mona Lisa', AOCreator: 'Leonardo' }]);
    expect(read?.organisationNames).toEqual(['UN']);
    expect(read?.locationsCreated).toEqual([]);
    shoot.services.editor.setFields([id], { caption: 'After.' });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    const tags = (await shoot.exiftool.read(path, ['-G1'])) as Record<string, unknown>;
    expect(tags['XMP-dc:Description']).toBe('After.');
    expect(await structBlocks(path)).toEqual(before);
  });

  it('reads the IPTC reference images in ../shared/fixtures/real', async () => {
    const images = iptcReferenceImages();
    if (images.length === 0) return;
    let total = 0;
    for (const { file, path } of images) {
      const read = await readPhoto(path);
      const tags = (await shoot.exiftool.read(path, ['-G1', '-n'])) as Record<string, unknown>;
      // exiftool-vendored reads structs whole: "XMP-plus:Licensor/LicensorName" picks the
      // member of every item (or of the one struct).
      const want = (path: string) => {
        const [tag, member] = path.split('/') as [string, string | undefined];
        const v = tags[tag];
        if (v === undefined) return undefined;
        const items = Array.isArray(v) ? v : [v];
        const values = member
          ? items.map((item) => (item as Record<string, unknown>)[member]).filter((x) => x != null)
          : items;
        return values.length === 0 ? undefined : values.map(String);
      };
      const list = (v: string | string[]) => (Array.isArray(v) ? v : v ? [v] : []);
      // A structure's member, from the items read whole: "licensors:LicensorName".
      const fieldValue = (key: string): string[] => {
        const [field, member] = key.split(':') as [keyof typeof EXPECTED, string | undefined];
        const value = list(read.fields[field]);
        if (!member) return value;
        return value.map((json) => JSON.parse(json)[member]).filter((x) => x != null);
      };
      const pairs: [string, string][] = [
        ['copyrightOwners', 'XMP-plus:CopyrightOwner/CopyrightOwnerName'],
        ['licensors:LicensorName', 'XMP-plus:Licensor/LicensorName'],
        ['webStatement', 'XMP-xmpRights:WebStatement'],
        ['modelReleaseStatus', 'XMP-plus:ModelReleaseStatus'],
        ['modelReleaseIds', 'XMP-plus:ModelReleaseID'],
        ['digitalSourceType', 'XMP-iptcExt:DigitalSourceType'],
        ['intellectualGenre', 'XMP-iptcCore:IntellectualGenre'],
        ['subjectCodes', 'XMP-iptcCore:SubjectCode'],
        ['sceneCodes', 'XMP-iptcCore:Scene'],
        ['imageSuppliers', 'XMP-plus:ImageSupplier/ImageSupplierName'],
        ['imageCreators', 'XMP-plus:ImageCreator/ImageCreatorName'],
        ['creatorCity', 'XMP-iptcCore:CreatorContactInfo/CiAdrCity'],
        ['creatorEmail', 'XMP-iptcCore:CreatorContactInfo/CiEmailWork'],
        ['eventIds', 'XMP-iptcExt:EventId'],
        ['contributors:Name', 'XMP-iptcExt:Contributor/Name'],
        ['contributors:Role', 'XMP-iptcExt:Contributor/Role'],
        ['licensors:LicensorURL', 'XMP-plus:Licensor/LicensorURL'],
        ['creatorUrl', 'XMP-iptcCore:CreatorContactInfo/CiUrlWork'],
        ['otherConstraints', 'XMP-plus:OtherConstraints'],
        ['dataMining', 'XMP-plus:DataMining'],
        ['imageSupplierImageId', 'XMP-plus:ImageSupplierImageID'],
        ['licensors:LicensorID', 'XMP-plus:Licensor/LicensorID'],
        ['licensors:LicensorEmail', 'XMP-plus:Licensor/LicensorEmail'],
        ['licensors:LicensorTelephone1', 'XMP-plus:Licensor/LicensorTelephone1'],
        ['copyrightOwnerIds', 'XMP-plus:CopyrightOwner/CopyrightOwnerID'],
        ['imageSupplierIds', 'XMP-plus:ImageSupplier/ImageSupplierID'],
        ['imageCreatorIds', 'XMP-plus:ImageCreator/ImageCreatorID'],
        ['aiSystemUsed', 'XMP-iptcExt:AISystemUsed'],
        ['aiPromptInformation', 'XMP-iptcExt:AIPromptInformation'],
      ];
      let checked = 0;
      for (const [field, tag] of pairs) {
        const expected = want(tag);
        if (!expected) continue;
        checked++;
        // ExifTool prints PLUS codes without their namespace ("MR-NAP"); the catalog keeps URIs.
        const wanted = isVocabularyField(field as CaptionField)
          ? expected.map((v) => normaliseVocabulary(field as VocabularyField, v))
          : expected;
        expect([file, field, fieldValue(field)]).toEqual([file, field, wanted]);
      }
      console.log(`${file}: ${checked} rights fields agree with ExifTool`);
      total += checked;
    }
    // The IPTC reference images carry most of these: a reader that found none would fail here.
    expect(total).toBeGreaterThan(40);
  });
});

describe('IPTC rights fields in caption sheets', () => {
  it('are exported as columns, vocabulary codes by their labels', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'sheet.jpg'), {
      tags: { 'XMP-dc:Description': 'Sheet.', ...RIGHTS_TAGS },
    });
    const id = await shoot.importOne(path);
    const rows = await shoot.exportCsv(
      [id],
      ['fileName', 'copyrightOwners', 'licensors', 'modelReleaseStatus', 'digitalSourceType'],
    );
    expect(rows).toEqual([
      ['File name', 'Copyright owner', 'Licensor', 'Model release status', 'Digital source type'],
      [
        'sheet.jpg',
        'Agence Exemple',
        'Licensing Desk, LIC-9, +33 4 56, desk@licensing.example, https://licensing.example/',
        'None',
        'Created using Generative AI',
      ],
    ]);
  });
});
