/**
 * Repeated IPTC structures edited and written back (issue 19 part 1): files made by ExifTool
 * carrying Location Shown (with GPS and a list of IDs), Person In Image with details (and a
 * nested characteristic Cutline does not show), Artwork or Object (a list of creators, a
 * title in two languages), Product and Registry entries. One row is edited, added or
 * removed; after the safe writer has written it, ExifTool reads the file back: only that
 * row changed, every other item is equal to what ExifTool read before, member by member.
 * Then the same on the IPTC reference images in ../shared/fixtures/real when present.
 */

import { chmod, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { searchLibrary } from '../../src/main/services/library';
import { makeJpeg, readStructures } from '../helpers/make-photos';
import { iptcReferenceImages } from '../helpers/reference-images';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('structs');

const record = (id: number) => photosRepoOf(shoot.services.db).detail(id)?.record;
const items = (json: readonly string[] | undefined) =>
  (json ?? []).map((text) => JSON.parse(text) as Record<string, string>);

/** The structures as ExifTool reads them, unconverted (what the writer compares with). */
function structs(path: string): Promise<Record<string, Record<string, unknown>[]>> {
  return readStructures(shoot.exiftool, path, [
    'XMP-iptcExt:LocationShown',
    'XMP-iptcExt:LocationCreated',
    'XMP-iptcExt:PersonInImageWDetails',
    'XMP-iptcExt:ArtworkOrObject',
    'XMP-iptcExt:ProductInImage',
    'XMP-iptcExt:RegistryID',
    'XMP-iptcExt:Contributor',
    'XMP-plus:Licensor',
  ]);
}

async function write(id: number): Promise<void> {
  await shoot.writeOne(id);
  expect(record(id) && photosRepoOf(shoot.services.db).detail(id)?.unwritten).toEqual({});
}

const STRUCTS = {
  'XMP-iptcExt:LocationShown': [
    {
      City: 'Lyon',
      CountryName: 'France',
      CountryCode: 'FRA',
      GPSLatitude: 45.764,
      GPSLongitude: 4.8357,
      LocationId: ['urn:loc:lyon', 'urn:loc:69'],
    },
    { City: 'Paris', CountryName: 'France', Sublocation: 'Louvre', WorldRegion: 'Europe' },
    { City: 'Nice', ProvinceState: 'Alpes-Maritimes' },
  ],
  'XMP-iptcExt:PersonInImageWDetails': [
    {
      PersonName: 'Jo Doe',
      PersonId: ['urn:p:1'],
      PersonDescription: 'Mayor',
      PersonCharacteristic: [{ CvId: 'http://example.com/cv/', CvTermName: 'adult' }],
    },
    { PersonName: 'Ann Roe' },
  ],
  'XMP-iptcExt:ArtworkOrObject': [
    {
      AOTitle: 'Mona Lisa',
      'AOTitle-fr': 'La Joconde',
      AOCreator: ['Leonardo', 'Workshop'],
      AODateCreated: '1503',
      AOSource: 'Louvre',
      AOSourceInvNo: 'INV 779',
      AOCopyrightNotice: 'Public domain',
    },
  ],
  'XMP-iptcExt:ProductInImage': [{ ProductName: 'Camera', ProductGTIN: '4006381333931' }],
  'XMP-iptcExt:RegistryID': [{ RegItemId: 'item-1', RegOrgId: 'org-1' }],
};

function structPhoto(name: string): Promise<string> {
  return makeJpeg(shoot.exiftool, join(shoot.root, name), {
    tags: { 'XMP-dc:Description': 'Structures.' },
    structures: STRUCTS,
  });
}

describe('repeated IPTC structures', () => {
  it('are read as items with their members, GPS and lists included', async () => {
    const id = await shoot.importOne(await structPhoto('read.jpg'));
    const read = record(id);
    expect(items(read?.locationsShown)).toEqual([
      {
        City: 'Lyon',
        CountryCode: 'FRA',
        CountryName: 'France',
        GPSLatitude: expect.stringMatching(/^45,45\.84/),
        GPSLongitude: expect.stringMatching(/^4,50\.14/),
        LocationId: 'urn:loc:lyon; urn:loc:69',
      },
      { City: 'Paris', CountryName: 'France', Sublocation: 'Louvre', WorldRegion: 'Europe' },
      { City: 'Nice', ProvinceState: 'Alpes-Maritimes' },
    ]);
    expect(items(read?.personsInImage)).toEqual([
      { PersonDescription: 'Mayor', PersonId: 'urn:p:1', PersonName: 'Jo Doe' },
      { PersonName: 'Ann Roe' },
    ]);
    expect(items(read?.artworks)[0]).toMatchObject({
      AOTitle: 'Mona Lisa',
      AOCreator: 'Leonardo; Workshop',
      AOSourceInvNo: 'INV 779',
    });
    expect(items(read?.products)).toEqual([
      { ProductGTIN: '4006381333931', ProductName: 'Camera' },
    ]);
    expect(items(read?.registryEntries)).toEqual([{ RegItemId: 'item-1', RegOrgId: 'org-1' }]);
  });

  it('one row edited: only that row changes in the file, the others are equal as values', async () => {
    const path = await structPhoto('edit-row.jpg');
    const before = await structs(path);
    const id = await shoot.importOne(path);
    const shown = record(id)?.locationsShown ?? [];
    const paris = { ...JSON.parse(shown[1]!), City: 'Marseille', Sublocation: '' };
    const outcome = shoot.services.editor.setFields([id], {
      locationsShown: [shown[0]!, JSON.stringify(paris), shown[2]!],
    });
    expect(outcome.changes).toBe(1);
    await write(id);
    const after = await structs(path);
    const [lyon, edited, nice] = after.LocationShown ?? [];
    expect(lyon).toEqual(before.LocationShown?.[0]);
    expect(nice).toEqual(before.LocationShown?.[2]);
    expect(edited).toEqual({ City: 'Marseille', CountryName: 'France', WorldRegion: 'Europe' });
    // The structures not edited are left exactly as ExifTool read them.
    for (const name of [
      'PersonInImageWDetails',
      'ArtworkOrObject',
      'ProductInImage',
      'RegistryID',
    ]) {
      expect([name, after[name]]).toEqual([name, before[name]]);
    }
    // Read back by Cutline as the edit said.
    expect(items(record(id)?.locationsShown)[1]).toEqual({
      City: 'Marseille',
      CountryName: 'France',
      WorldRegion: 'Europe',
    });
  });

  it('an edited person keeps what Cutline does not show; a list member stays a list', async () => {
    const path = await structPhoto('edit-person.jpg');
    const before = await structs(path);
    const id = await shoot.importOne(path);
    const persons = record(id)?.personsInImage ?? [];
    const jo = {
      ...JSON.parse(persons[0]!),
      PersonDescription: 'Former mayor',
      PersonId: 'urn:p:1; urn:p:2',
    };
    shoot.services.editor.setFields([id], { personsInImage: [JSON.stringify(jo), persons[1]!] });
    const art = JSON.parse(record(id)?.artworks[0] ?? '{}');
    shoot.services.editor.setFields([id], {
      artworks: [JSON.stringify({ ...art, AOCreator: 'Leonardo da Vinci; Workshop' })],
    });
    await write(id);
    const after = await structs(path);
    expect(after.PersonInImageWDetails?.[0]).toEqual({
      ...before.PersonInImageWDetails?.[0],
      PersonDescription: 'Former mayor',
      PersonId: ['urn:p:1', 'urn:p:2'],
    });
    expect(after.PersonInImageWDetails?.[1]).toEqual(before.PersonInImageWDetails?.[1]);
    // The French title and the rest of the artwork stay; the creators are a list of two.
    expect(after.ArtworkOrObject?.[0]).toEqual({
      ...before.ArtworkOrObject?.[0],
      AOCreator: ['Leonardo da Vinci', 'Workshop'],
    });
  });

  it('rows added and removed; each change is one undo step', async () => {
    const path = await structPhoto('add-remove.jpg');
    const before = await structs(path);
    const id = await shoot.importOne(path);
    const shown = record(id)?.locationsShown ?? [];
    shoot.services.editor.setFields([id], { locationsShown: [shown[0]!, shown[2]!] });
    shoot.services.editor.setFields([id], {
      locationsShown: [
        shown[0]!,
        shown[2]!,
        JSON.stringify({ City: 'Brest & Co, [Finistère] {x} |y|', GPSLatitude: '48,23.4N' }),
      ],
    });
    expect(record(id)?.locationsShown).toHaveLength(3);
    shoot.services.editor.undo();
    expect(record(id)?.locationsShown).toEqual([shown[0], shown[2]]);
    shoot.services.editor.redo();
    await write(id);
    const after = await structs(path);
    expect(after.LocationShown).toEqual([
      before.LocationShown?.[0],
      before.LocationShown?.[2],
      // ExifTool's syntax characters and entities in a value arrive as typed.
      { City: 'Brest & Co, [Finistère] {x} |y|', GPSLatitude: '48.39' },
    ]);
    // Emptied: the structure is removed from the file.
    shoot.services.editor.setFields([id], { registryEntries: [] });
    await write(id);
    expect((await structs(path)).RegistryID).toBeUndefined();
  });

  it('is found by field: locationshown:, personinimage:, artwork:, product:, registry:', async () => {
    const id = await shoot.importOne(await structPhoto('search.jpg'));
    shoot.services.editor.setFields([id], { caption: 'Unique search photo.' });
    const names = (query: string) =>
      searchLibrary(shoot.services.db, {
        query: `${query} unique`,
        offset: 0,
        limit: 10,
      }).items.map((p) => p.fileName);
    expect(names('locationshown:louvre')).toEqual(['search.jpg']);
    expect(names('locationshown:city')).toEqual([]); // member names are not values
    expect(names('personinimage:mayor')).toEqual(['search.jpg']);
    expect(names('artwork:joconde')).toEqual([]); // only x-default is read
    expect(names('artwork:leonardo')).toEqual(['search.jpg']);
    expect(names('product:camera')).toEqual(['search.jpg']);
    expect(names('registry:org-1')).toEqual(['search.jpg']);
    expect(names('locationcreated:empty')).toEqual(['search.jpg']);
    expect(names('locationshown:empty')).toEqual([]);
  });
});

describe('repeated IPTC structures in caption sheets', () => {
  it('are exported as columns, one item per "|", its values in plain words', async () => {
    const id = await shoot.importOne(await structPhoto('sheet.jpg'));
    const rows = await shoot.exportCsv(
      [id],
      ['fileName', 'locationsShown', 'personsInImage', 'registryEntries'],
    );
    expect(rows[0]).toEqual([
      'File name',
      'Location shown',
      'Person in image (details)',
      'Registry entry',
    ]);
    expect(rows[1]?.[1]).toMatch(
      /^Lyon, France, FRA, 45,45\.84\d*N, 4,50\.14\d*E, urn:loc:lyon; urn:loc:69 \| Louvre, Paris, France, Europe \| Nice, Alpes-Maritimes$/,
    );
    expect(rows[1]?.slice(2)).toEqual(['Jo Doe, urn:p:1, Mayor | Ann Roe', 'item-1, org-1']);
  });
});

describe('IPTC reference images', () => {
  it('keep every other structure item when one Location Shown row is edited', async () => {
    const images = iptcReferenceImages();
    if (images.length === 0) return;
    let edited = 0;
    for (const [n, { file, path: reference }] of images.entries()) {
      const path = join(shoot.root, `ref-${n}.jpg`);
      await copyFile(reference, path);
      await chmod(path, 0o644);
      const before = await structs(path);
      const id = await shoot.importOne(path);
      const shown = record(id)?.locationsShown ?? [];
      if (shown.length === 0) continue;
      const first = { ...JSON.parse(shown[0]!), City: 'Edited City' };
      shoot.services.editor.setFields([id], {
        locationsShown: [JSON.stringify(first), ...shown.slice(1)],
      });
      await write(id);
      const after = await structs(path);
      expect(after.LocationShown?.[0]).toEqual({
        ...before.LocationShown?.[0],
        City: 'Edited City',
      });
      expect(after.LocationShown?.slice(1)).toEqual(before.LocationShown?.slice(1));
      for (const name of Object.keys(before).filter((k) => k !== 'LocationShown')) {
        expect([file, name, after[name]]).toEqual([file, name, before[name]]);
      }
      console.log(`${file}: ${shown.length} Location Shown rows, one edited, the rest kept`);
      edited++;
    }
    expect(edited).toBeGreaterThan(0);
  });
});
