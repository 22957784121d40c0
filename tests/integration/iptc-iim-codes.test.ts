import { join } from 'node:path';
import type { WriteTags } from 'exiftool-vendored';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { readPhoto } from '../../src/main/metadata/read-photo';
import { searchLibrary } from '../../src/main/services/library';
import { makeJpeg } from '../helpers/make-photos';
import { iptcReferenceImages } from '../helpers/reference-images';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('iim-codes');

const detail = (id: number) => photosRepoOf(shoot.services.db).detail(id);
const names = (query: string) =>
  searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 }).items.map((p) => p.fileName);

/** The two datasets and their XMP properties as ExifTool reads them. */
async function codes(path: string): Promise<Record<string, unknown>> {
  const tags = (await shoot.exiftool.read(path, ['-G1'])) as Record<string, unknown>;
  return {
    iimGenre: tags['IPTC:ObjectAttributeReference'],
    iimSubjects: tags['IPTC:SubjectReference'],
    xmpGenre: tags['XMP-iptcCore:IntellectualGenre'],
    // exiftool-vendored's JSON gives a code with no leading zero as a number.
    xmpSubjects:
      tags['XMP-iptcCore:SubjectCode'] && [tags['XMP-iptcCore:SubjectCode']].flat().map(String),
  };
}

const IIM_ONLY = {
  'IPTC:ObjectAttributeReference': '000:Actuality',
  'IPTC:SubjectReference': [
    'IPTC:15054000:sport::',
    'IPTC:04000000:economy, business and finance::',
    // Another provider's reference is no IPTC Subject Code.
    'ABC:12345:markets::',
  ],
};

describe('Intellectual Genre and Subject Code in IIM', () => {
  it('are read from IIM when the file has no XMP copy of them', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'iim-only.jpg'), {
      tags: { 'IPTC:Caption-Abstract': 'IIM only.', ...IIM_ONLY },
    });
    const id = await shoot.importOne(path);
    const photo = detail(id);
    expect(photo?.record.intellectualGenre).toBe('Actuality');
    expect(photo?.record.subjectCodes).toEqual(['15054000', '04000000']);
    expect(photo?.origins.intellectualGenre?.from).toBe('iim');
    expect(photo?.origins.subjectCodes).toMatchObject({ from: 'iim', disagree: false });
    expect(names('genre:actuality subjectcode:15054000')).toEqual(['iim-only.jpg']);
  });

  it('XMP wins where both copies are there; a stale IPTCDigest hands them to IIM', async () => {
    const tags = {
      'IPTC:Caption-Abstract': 'Both.',
      'XMP-dc:Description': 'Both.',
      ...IIM_ONLY,
      'XMP-iptcCore:IntellectualGenre': 'Feature',
      'XMP-iptcCore:SubjectCode': ['11000000'],
    };
    const both = await makeJpeg(shoot.exiftool, join(shoot.root, 'both.jpg'), { tags });
    const id = await shoot.importOne(both);
    expect(detail(id)?.record).toMatchObject({
      intellectualGenre: 'Feature',
      subjectCodes: ['11000000'],
    });
    expect(detail(id)?.origins.subjectCodes).toMatchObject({
      from: 'xmp',
      disagree: true,
      copies: { iim: '15054000; 04000000', xmp: '11000000' },
    });
    // The digest made when IIM and XMP were written together, then the IIM edited alone.
    const stale = await makeJpeg(shoot.exiftool, join(shoot.root, 'stale.jpg'), {
      tags: { ...tags, 'IPTC:ObjectAttributeReference': '000:Feature' },
    });
    await shoot.exiftool.write(stale, { 'Photoshop:IPTCDigest': 'new' } as WriteTags, {
      writeArgs: ['-overwrite_original'],
    });
    await shoot.exiftool.write(
      stale,
      { 'IPTC:ObjectAttributeReference': '000:Obituary' } as WriteTags,
      { writeArgs: ['-overwrite_original'], useMWG: false },
    );
    const read = (await shoot.exiftool.read(stale, ['-G1'])) as Record<string, unknown>;
    expect(read['Photoshop:IPTCDigest']).not.toBe(read['File:CurrentIPTCDigest']);
    const staleId = await shoot.importOne(stale);
    expect(detail(staleId)?.record).toMatchObject({
      intellectualGenre: 'Obituary',
      subjectCodes: ['15054000', '04000000'],
    });
  });

  it('are written into IIM beside the XMP of a JPEG, and ExifTool reads both back', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'write.jpg'), {
      tags: { 'IPTC:Caption-Abstract': 'Write.', 'XMP-dc:Description': 'Write.' },
    });
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], {
      intellectualGenre: 'From_the_Scene',
      // A code that is no IPTC Subject Code number stays in XMP only.
      subjectCodes: ['15054000', '01000000', 'local-7'],
    });
    await shoot.writeOne(id);
    expect(await codes(path)).toEqual({
      iimGenre: '000:From_the_Scene',
      iimSubjects: ['IPTC:15054000:sport::', 'IPTC:01000000:arts, culture and entertainment::'],
      xmpGenre: 'From_the_Scene',
      xmpSubjects: ['15054000', '01000000', 'local-7'],
    });
    await (await shoot.services.importer.start([path])).done;
    expect(detail(id)?.record).toMatchObject({
      intellectualGenre: 'From_the_Scene',
      subjectCodes: ['15054000', '01000000', 'local-7'],
    });
    // Cleared: gone from both copies.
    shoot.services.editor.setFields([id], { intellectualGenre: '', subjectCodes: [] });
    await shoot.writeOne(id);
    expect(await codes(path)).toEqual({
      iimGenre: undefined,
      iimSubjects: undefined,
      xmpGenre: undefined,
      xmpSubjects: undefined,
    });
  });

  it('are read from the IPTC reference images in ../shared/fixtures/real, agreeing with their XMP', async () => {
    const images = iptcReferenceImages();
    if (images.length === 0) return;
    let checked = 0;
    for (const { file, path } of images) {
      const tags = (await shoot.exiftool.read(path, ['-G1'])) as Record<string, unknown>;
      const genre = tags['IPTC:ObjectAttributeReference'];
      if (genre === undefined) continue;
      const read = await readPhoto(path);
      // "000:Actuality" in the 2021.1 image; older ones hold the name alone.
      expect([file, read.origins.intellectualGenre?.copies.iim]).toEqual([
        file,
        String([genre].flat()[0]).replace(/^\d{3}:/, ''),
      ]);
      expect([file, read.origins.intellectualGenre?.disagree]).toEqual([file, false]);
      // References of eight digits are Subject Codes; the older images' "IPTC:1ref2014"
      // placeholders are not, and leave no IIM copy.
      const codes = [tags['IPTC:SubjectReference'] ?? []]
        .flat()
        .map((ref) => String(ref).split(':')[1] ?? '')
        .filter((code) => /^\d{8}$/.test(code));
      expect([file, read.origins.subjectCodes?.copies.iim]).toEqual([
        file,
        codes.length > 0 ? codes.join('; ') : undefined,
      ]);
      if (codes.length > 0) expect(read.fields.subjectCodes).toEqual(codes);
      checked++;
    }
    console.log(`${checked} reference images hold IIM 2:04/2:12, read as their XMP`);
    expect(checked).toBeGreaterThan(0);
  });
});
