/**
 * Do no harm (issue 13, part 3): IIM with no character set declared that mixes cp1252
 * datasets with UTF-8 ones (exiv2-bug501.jpg, from a Swedish archive). An edit that needs
 * UTF-8 re-encodes the whole IIM as UTF-8 with 1:90 declared; each dataset not edited is
 * decoded by what it validly is (UTF-8 where its bytes are valid UTF-8, else cp1252, as
 * Cutline reads them), so afterwards it reads the same in Cutline, and ExifTool reads it as
 * Cutline did (before, ExifTool read the UTF-8 datasets as cp1252 mojibake).
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPhoto } from '../../src/main/services/library';
import { makeJpeg } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const FIXTURE = ['..', '../..']
  .map((up) => join(import.meta.dirname, '..', '..', up, 'shared', 'fixtures', 'real', 'exiv2'))
  .map((dir) => join(dir, 'exiv2-bug501.jpg'))
  .find((path) => existsSync(path));
if (!FIXTURE) console.warn('exiv2-bug501.jpg skipped: no ../shared/fixtures/real');

/** cp1252 text whose bytes are `text` in UTF-8: ExifTool writes it so, undeclared. */
const asUtf8Bytes = (text: string) =>
  Buffer.from(text, 'utf8').toString('latin1').replace(/\x85/g, '…');

const CAPTION = 'Ким Чен Ын в Гётеборге — «новая эра».';

const shoot = setUpServicesShoot('iim-mixed');

/** Every IPTC tag as plain ExifTool reads it (no charset option), unknown ones too, by name. */
async function iptcOf(path: string): Promise<Record<string, unknown>> {
  const tags = (await shoot.exiftool.readRaw(path, {
    readArgs: ['-IPTC:all', '-G1', '-a', '-u'],
    useMWG: false,
  } as never)) as Record<string, unknown>;
  delete tags.SourceFile;
  return tags;
}

async function editCaption(path: string) {
  const id = await shoot.importOne(path);
  const before = getPhoto(shoot.services.db, id).record;
  shoot.services.editor.setFields([id], { caption: CAPTION });
  const summary = await shoot.services.writer.write({
    ids: [id],
    allChanged: false,
    sidecar: false,
  });
  return { id, before, summary, after: getPhoto(shoot.services.db, id).record };
}

describe('IIM mixing cp1252 and UTF-8, without a declared character set', () => {
  it('writes a caption that needs UTF-8, every other dataset reading as Cutline read it', async () => {
    const path = join(shoot.root, 'made', 'mixed.jpg');
    await mkdir(join(shoot.root, 'made'), { recursive: true });
    await makeJpeg(shoot.exiftool, path, {
      tags: {
        // No character set declared: ExifTool then stores cp1252.
        'IPTC:CodedCharacterSet': '',
        'IPTC:Caption-Abstract': 'Porträtt på Eva',
        'IPTC:City': 'Göteborg',
        // Stored as UTF-8 bytes, undeclared: the mix.
        'IPTC:Sub-location': asUtf8Bytes('Kålltorp'),
        'IPTC:Keywords': ['Malmö', asUtf8Bytes('Ångström')],
        'IPTC:SpecialInstructions': asUtf8Bytes('Ne pas éditer'),
        'IPTC:Writer-Editor': 'Åsa Öberg',
      },
    });
    const was = await iptcOf(path);
    expect(was['IPTC:Sub-location']).toBe('KÃ¥lltorp'); // ExifTool reads the UTF-8 as cp1252
    expect(was['IPTC:CodedCharacterSet']).toBeUndefined();

    const { before, summary, after } = await editCaption(path);
    expect(before.sublocation).toBe('Kålltorp');
    expect(before.city).toBe('Göteborg');
    expect(before.keywords).toEqual(['Malmö', 'Ångström']);
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);

    const now = await iptcOf(path);
    expect(now['IPTC:CodedCharacterSet']).toBe('UTF8');
    expect(now['IPTC:Caption-Abstract']).toBe(CAPTION);
    expect(now['IPTC:City']).toBe('Göteborg');
    expect(now['IPTC:Sub-location']).toBe('Kålltorp');
    expect(now['IPTC:Keywords']).toEqual(['Malmö', 'Ångström']);
    expect(now['IPTC:SpecialInstructions']).toBe('Ne pas éditer');
    expect(now['IPTC:Writer-Editor']).toBe('Åsa Öberg');
    // Cutline reads every field not edited as it did.
    const { caption: _edited, ...rest } = after;
    const { caption: _was, ...restBefore } = before;
    expect(after.caption).toBe(CAPTION);
    for (const field of ['city', 'sublocation', 'keywords', 'creators', 'headline'] as const) {
      expect(rest[field], field).toEqual(restBefore[field]);
    }
  });

  it.skipIf(!FIXTURE)(
    'writes exiv2-bug501.jpg, leaving its other datasets as they read',
    async () => {
      const path = join(shoot.root, 'fixture', 'exiv2-bug501.jpg');
      await mkdir(join(shoot.root, 'fixture'), { recursive: true });
      await copyFile(FIXTURE as string, path);
      await chmod(path, 0o644);
      const was = await iptcOf(path);
      const { before, summary, after } = await editCaption(path);
      expect(summary.failed).toEqual([]);
      expect(summary.written).toBe(1);
      const now = await iptcOf(path);
      expect(now['IPTC:Caption-Abstract']).toBe(CAPTION);
      expect(now['IPTC:CodedCharacterSet']).toBe('UTF8');
      // The datasets in UTF-8 now read in ExifTool as Cutline reads them (Sub-location, and
      // two that ExifTool does not know, whose bytes are kept); every other as before.
      expect(before.sublocation).toBe('Kålltorp');
      expect(was['IPTC:Sub-location']).toBe('KÃ¥lltorp');
      expect(now['IPTC:Sub-location']).toBe('Kålltorp');
      const utf8Unknown: Record<string, string> = {
        'IPTC:IPTC_ApplicationRecord_209': 'Göteborg',
        'IPTC:IPTC_ApplicationRecord_210': 'Västra Götaland',
      };
      expect(Object.keys(utf8Unknown).every((tag) => tag in was)).toBe(true);
      for (const [tag, value] of Object.entries(was)) {
        if (tag === 'IPTC:Caption-Abstract' || tag === 'IPTC:Sub-location') continue;
        expect(now[tag], tag).toEqual(utf8Unknown[tag] ?? value);
      }
      expect(after.sublocation).toBe(before.sublocation);
      expect(after.city).toBe('Göteborg');
      expect(after.provinceState).toBe(before.provinceState);
    },
  );
});
