/**
 * A write leaves alone the copies that already hold their value (write-tags.ts, leaveMatching)
 * and must still leave every copy right: IIM in another character set is written whole again
 * once it is declared UTF-8, and untouched fields read back as they were in every copy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { makeJpeg } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('write-unchanged');

/** Every copy of the fields these tests look at, as ExifTool reads the file. */
async function copies(path: string): Promise<Record<string, unknown>> {
  const tags = (await shoot.exiftool.read(path, [
    '-G1',
    '-IPTC:all',
    '-XMP:all',
    '-IPTCDigest',
    '-CurrentIPTCDigest',
  ])) as Record<string, unknown>;
  return {
    iimCharset: tags['IPTC:CodedCharacterSet'],
    iimCaption: tags['IPTC:Caption-Abstract'],
    xmpCaption: tags['XMP-dc:Description'],
    iimCity: tags['IPTC:City'],
    xmpCity: tags['XMP-photoshop:City'],
    iimKeywords: tags['IPTC:Keywords'],
    xmpKeywords: tags['XMP-dc:Subject'],
    iimCredit: tags['IPTC:Credit'],
    digestCurrent: tags['Photoshop:IPTCDigest'] === tags['File:CurrentIPTCDigest'],
  };
}

describe('a write that changes one field', () => {
  it('leaves the other fields reading as they were, in IIM and XMP, with the digest renewed', async () => {
    const path = join(shoot.root, 'utf8.jpg');
    await makeJpeg(shoot.exiftool, path, {
      tags: {
        'IPTC:Caption-Abstract': 'Kim Jong Un waves in Pyongyang.',
        'XMP:Description': 'Kim Jong Un waves in Pyongyang.',
        'IPTC:City': 'Pjöngjang',
        'XMP:City': 'Pjöngjang',
        'IPTC:Keywords': ['politics', 'Nordkorea – Gipfel'],
        'XMP:Subject': ['politics', 'Nordkorea – Gipfel'],
        'IPTC:Credit': 'AP',
        'XMP:Credit': 'AP',
      },
    });
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], { caption: 'Kim Jong Un, “Führer”, waves.' });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);
    expect(await copies(path)).toEqual({
      iimCharset: 'UTF8',
      iimCaption: 'Kim Jong Un, “Führer”, waves.',
      xmpCaption: 'Kim Jong Un, “Führer”, waves.',
      iimCity: 'Pjöngjang',
      xmpCity: 'Pjöngjang',
      iimKeywords: ['politics', 'Nordkorea – Gipfel'],
      xmpKeywords: ['politics', 'Nordkorea – Gipfel'],
      iimCredit: 'AP',
      digestCurrent: true,
    });
    expect(shoot.services.writer.overview().unwritten).toBe(0);
  });

  it('keeps IIM held in cp1252 in cp1252 when the edit fits, else writes it whole as UTF-8', async () => {
    const path = join(shoot.root, 'cp1252.jpg');
    await makeJpeg(shoot.exiftool, path, {
      tags: {
        // No 1:90: ExifTool stores IIM as cp1252 (TOOLCHAIN.md).
        'IPTC:CodedCharacterSet': null as unknown as string,
        'IPTC:Caption-Abstract': 'Old caption',
        'XMP:Description': 'Old caption',
        'IPTC:City': 'Zürich',
        'XMP:City': 'Zürich',
      },
    });
    // The fixture is what it claims: "ü" stored as the single cp1252 byte 0xFC.
    expect((await readFile(path)).includes(Buffer.from([0x5a, 0xfc, 0x72]))).toBe(true);
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], { caption: 'New caption' });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    const after = await copies(path);
    // (Edited-only writer: cp1252 IIM is no longer declared UTF-8 when the edit fits it.)
    expect(after.iimCharset).toBeUndefined();
    expect(after.iimCity).toBe('Zürich');
    expect(after.xmpCity).toBe('Zürich');
    expect(after.iimCaption).toBe('New caption');
    expect(after.digestCurrent).toBe(true);
    expect((await readFile(path)).includes(Buffer.from([0x5a, 0xfc, 0x72]))).toBe(true);
    const record = photosRepoOf(shoot.services.db).detail(id)?.record;
    expect(record?.city).toBe('Zürich');
    expect(record?.caption).toBe('New caption');

    // A caption cp1252 cannot hold: the IIM is declared UTF-8 and every dataset re-encoded.
    shoot.services.editor.setFields([id], { caption: 'Пхеньян, «новая» подпись' });
    const second = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(second.failed).toEqual([]);
    const utf8 = await copies(path);
    expect(utf8.iimCharset).toBe('UTF8');
    expect(utf8.iimCity).toBe('Zürich');
    expect(utf8.iimCaption).toBe('Пхеньян, «новая» подпись');
    expect(utf8.digestCurrent).toBe(true);
    expect(photosRepoOf(shoot.services.db).detail(id)?.record.city).toBe('Zürich');
  });
});
