import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { searchLibrary } from '../../src/main/services/library';
import {
  IPTC_STRUCTURES,
  memberStored,
  memberText,
  parseStructItem,
  structItemJson,
} from '../../src/shared/iptc-structures';
import { makeJpeg, readStructures } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('entities');

const ROLE = 'http://cv.iptc.org/newscodes/contentprodpartyrole/';
const record = (id: number) => photosRepoOf(shoot.services.db).detail(id)?.record;
const items = (json: readonly string[] | undefined) =>
  (json ?? []).map((text) => parseStructItem(text));
const names = (query: string) =>
  searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 }).items.map((p) => p.fileName);

const STRUCTS = {
  'XMP-iptcExt:Contributor': [
    {
      Name: 'Ann Editor',
      Identifier: ['https://id.example/ann'],
      Role: [`${ROLE}editor`, 'retoucher'],
    },
    { Name: 'Bo Checker', Role: [`${ROLE}factChecker`] },
  ],
  'XMP-plus:Licensor': [
    {
      LicensorName: 'Desk A',
      LicensorID: 'LIC-A',
      LicensorTelephone1: '+33 1 00',
      LicensorTelephoneType1: 'Work',
      LicensorCity: 'Lyon',
    },
    {
      LicensorName: 'Desk B',
      LicensorEmail: 'b@desk.example',
      LicensorURL: 'https://b.example/',
    },
  ],
};

type Items = Record<string, unknown>[];

/** Contributor and Licensor as ExifTool reads them, unconverted. */
async function structs(path: string): Promise<{ Contributor: Items; Licensor: Items }> {
  const read = await readStructures(shoot.exiftool, path, [
    'XMP-iptcExt:Contributor',
    'XMP-plus:Licensor',
  ]);
  return { Contributor: read.Contributor ?? [], Licensor: read.Licensor ?? [] };
}

function photo(name: string): Promise<string> {
  return makeJpeg(shoot.exiftool, join(shoot.root, name), {
    tags: { 'XMP-dc:Description': 'Entities.' },
    structures: STRUCTS,
  });
}

describe('Contributor and Licensor structures', () => {
  it('are read whole: roles and identifiers with their name, each Licensor with its own members', async () => {
    const id = await shoot.importOne(await photo('read.jpg'));
    expect(items(record(id)?.contributors)).toEqual([
      {
        Identifier: 'https://id.example/ann',
        Name: 'Ann Editor',
        Role: `${ROLE}editor; retoucher`,
      },
      { Name: 'Bo Checker', Role: `${ROLE}factChecker` },
    ]);
    expect(items(record(id)?.licensors)).toEqual([
      {
        LicensorCity: 'Lyon',
        LicensorID: 'LIC-A',
        LicensorName: 'Desk A',
        LicensorTelephone1: '+33 1 00',
        LicensorTelephoneType1: 'http://ns.useplus.org/ldf/vocab/work',
      },
      {
        LicensorEmail: 'b@desk.example',
        LicensorName: 'Desk B',
        LicensorURL: 'https://b.example/',
      },
    ]);
    expect(names('contributor:checker')).toEqual(['read.jpg']);
    expect(names('contributor:factchecker')).toEqual(['read.jpg']);
    expect(names('licensor:b.example')).toEqual(['read.jpg']);
    expect(names('licensor:nobody')).toEqual([]);
  });

  it('an edited role, a new Contributor and an edited Licensor are written whole; ExifTool reads back the rest as it was', async () => {
    const path = await photo('write.jpg');
    const before = await structs(path);
    const id = await shoot.importOne(path);
    const [ann, bo] = items(record(id)?.contributors);
    const [deskA, deskB] = items(record(id)?.licensors);
    const role = IPTC_STRUCTURES.contributors.members.find((m) => m.name === 'Role')!;
    // Typed as the editor's box shows them: labels, a QCode, a role outside the list.
    const typed = 'Editor; cpprole:cameraOperator; retoucher';
    expect(memberText(role, ann!.Role!)).toBe('Editor; retoucher');
    shoot.services.editor.setFields([id], {
      contributors: [
        structItemJson({ ...ann!, Role: memberStored(role, typed) }),
        structItemJson(bo!),
        structItemJson({ Name: 'Cy New', Role: memberStored(role, 'Image supplier') }),
      ],
      licensors: [
        structItemJson(deskA!),
        structItemJson({ ...deskB!, LicensorEmail: 'new@b.example' }),
      ],
    });
    await shoot.writeOne(id);
    const after = await structs(path);
    expect(after.Contributor).toEqual([
      { ...before.Contributor[0], Role: [`${ROLE}editor`, `${ROLE}cameraOperator`, 'retoucher'] },
      before.Contributor[1],
      { Name: 'Cy New', Role: [`${ROLE}imgSupplier`] },
    ]);
    expect(after.Licensor).toEqual([
      before.Licensor[0],
      { ...before.Licensor[1], LicensorEmail: 'new@b.example' },
    ]);
    // Read again, the catalog holds what was written.
    await (await shoot.services.importer.start([path])).done;
    expect(items(record(id)?.contributors).map((c) => c.Role)).toEqual([
      `${ROLE}editor; ${ROLE}cameraOperator; retoucher`,
      `${ROLE}factChecker`,
      `${ROLE}imgSupplier`,
    ]);
    expect(photosRepoOf(shoot.services.db).detail(id)?.unwritten).toEqual({});
  });

  it('a removed Licensor leaves the file; clearing every Contributor removes the list', async () => {
    const path = await photo('remove.jpg');
    const before = await structs(path);
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], {
      licensors: record(id)!.licensors.slice(1),
      contributors: [],
    });
    await shoot.writeOne(id);
    const after = await structs(path);
    expect(after.Licensor).toEqual([before.Licensor[1]]);
    expect(after.Contributor).toEqual([]);
  });

  it('plain text given for a structure (a sheet, the CLI) becomes its first member', async () => {
    const id = await shoot.importOne(await photo('plain.jpg'));
    shoot.services.editor.setFields([id], { licensors: ['Desk C'], contributors: ['Di Lens'] });
    expect(record(id)).toMatchObject({
      licensors: ['{"LicensorName":"Desk C"}'],
      contributors: ['{"Name":"Di Lens"}'],
    });
    expect(names('licensor:"desk c" contributor:lens')).toEqual(['plain.jpg']);
    await shoot.writeOne(id);
    const after = await structs(join(shoot.root, 'plain.jpg'));
    expect(after.Licensor).toEqual([{ LicensorName: 'Desk C' }]);
    expect(after.Contributor).toEqual([{ Name: 'Di Lens' }]);
  });

  it('are exported as columns, roles by their labels', async () => {
    const id = await shoot.importOne(await photo('sheet.jpg'));
    const rows = await shoot.exportCsv([id], ['fileName', 'contributors', 'licensors']);
    expect(rows).toEqual([
      ['File name', 'Contributor', 'Licensor'],
      [
        'sheet.jpg',
        'Ann Editor, Editor; retoucher, https://id.example/ann | Bo Checker, Fact checker',
        'Desk A, LIC-A, +33 1 00, Lyon, http://ns.useplus.org/ldf/vocab/work | Desk B, b@desk.example, https://b.example/',
      ],
    ]);
  });
});
