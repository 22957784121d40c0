import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_BYTES, readPhoto } from '../../../src/main/metadata/read-photo';
import { jpegWith, xmpSegment } from './jpeg-bytes';
import { ascii, exifApp1, pngChunk, pngWith, rawProfile, tiffBytes, zTxt } from './tiff-bytes';

/**
 * Issue 13 parts 3 and 6 on the read side: EXIF text ends at its NUL and at its segment,
 * falls back to cp1252, a bad entry or a far value costs only itself, CR3 CMT boxes, EXIF in
 * PNG raw profiles, BigTIFF. Files are made here (bytes written by hand where no tool writes
 * the shape), and the reported real files are read when ../shared is present.
 */

const dir = mkdtempSync(join(tmpdir(), 'cutline-exif-'));
const REPORTED = resolve(__dirname, '../../../../shared/fixtures/reported');
const reported = existsSync(REPORTED);
if (!reported) console.warn(`reported-file checks skipped: ${REPORTED} is absent`);
let n = 0;
let exiftool: ExifTool;

function save(bytes: Buffer, ext: string): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(() => {
  exiftool = new ExifTool({ maxProcs: 1 });
});
afterAll(async () => {
  await exiftool.end();
});

describe('EXIF text', () => {
  it('ends at its first NUL, whatever count the entry declares', async () => {
    // As in the Trust PowerCam file: the counts run on over the next values' bytes.
    const tiff = tiffBytes({
      ifd0: [
        ascii(0x010e, Buffer.from('ICM107B\0\0Trust.\0\0\0Gemini11', 'latin1')),
        ascii(0x010f, Buffer.from('Trust.\0\0\0Gemini11\0H', 'latin1')),
        ascii(0x0110, 'Gemini11'),
      ],
    });
    const result = await readPhoto(save(await jpegWith(exifApp1(tiff)), 'jpg'));
    expect(result.fields.caption).toBe('ICM107B');
    expect(result.technical.cameraMake).toBe('Trust.');
    expect(result.technical.cameraModel).toBe('Gemini11');
  });

  it('is never read past the segment that holds it', async () => {
    // ImageDescription without NUL, its count running 40 bytes past the APP1's end into the
    // next segment (an XMP APP1 that holds a caption of its own).
    const text = Buffer.from('Harbour at dawn', 'latin1');
    const tiff = tiffBytes({
      ifd0: [{ tag: 0x010e, type: 2, value: text, count: text.length + 40 }],
    });
    const path = save(await jpegWith(exifApp1(tiff), xmpSegment('<dc:title>t</dc:title>')), 'jpg');
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe('Harbour at dawn');
    expect(result.fields.caption).not.toMatch(/[\uFFFD\u00FF]/);
    expect(result.technical.warnings).toContain(
      'EXIF ImageDescription runs past the end of its block: cut there',
    );
    expect(result.fields.title).toBe('t'); // the segment after it still reads
  });

  it('that is not UTF-8 reads as cp1252 (ö, ’, “ ”, €)', async () => {
    const latin = Buffer.from([
      ...Buffer.from('(C)Hendrik W', 'latin1'),
      0xf6,
      ...Buffer.from('rdehoff ', 'latin1'),
      0x93,
      0x41,
      0x94,
      0x92,
      0x80,
    ]);
    const utf8 = Buffer.from('Zoë “hi” — 東京', 'utf8');
    const tiff = tiffBytes({ ifd0: [ascii(0x8298, latin), ascii(0x010e, utf8)] });
    const result = await readPhoto(save(await jpegWith(exifApp1(tiff)), 'jpg'));
    expect(result.fields.copyrightNotice).toBe('(C)Hendrik Wördehoff “A”’€');
    expect(result.fields.caption).toBe('Zoë “hi” — 東京');
  });

  it("Copyright's photographer and editor parts (split by a NUL) read as ExifTool shows them", async () => {
    const both = Buffer.from('© Ann Lee\0Desk Editor', 'utf8');
    const tiff = tiffBytes({ ifd0: [ascii(0x8298, both)] });
    const result = await readPhoto(save(await jpegWith(exifApp1(tiff)), 'jpg'));
    expect(result.fields.copyrightNotice).toBe('© Ann Lee\nDesk Editor');
  });

  it('© written by ExifTool reads back from EXIF', async () => {
    const path = save(await jpegWith(), 'jpg');
    await exiftool.write(
      path,
      { 'EXIF:Copyright': '© 2024 Ann Lee', 'EXIF:Artist': 'Ann Lee' } as WriteTags,
      ['-overwrite_original'],
    );
    const result = await readPhoto(path);
    expect(result.fields.copyrightNotice).toBe('© 2024 Ann Lee');
    expect(result.fields.creators).toEqual(['Ann Lee']);
  });

  it.skipIf(!reported)('reads the reported files as ExifTool does', async () => {
    const trust = await readPhoto(join(REPORTED, 'Trust PowerCam Zoom LCD 710.JPG'));
    expect(trust.fields.caption).toBe('ICM107B');
    expect(trust.technical.cameraMake).toBe('Trust.');
    const multiple = await readPhoto(join(REPORTED, 'multiple_exif.jpg'));
    // ExifTool joins consecutive EXIF APP1 segments ("multi-segment EXIF"): "firstsecond".
    expect(multiple.fields.caption).toBe('firstsecond');
    const ricoh = await readPhoto(join(REPORTED, 'Ricoh DC-3Z (normal res).jpg'));
    expect(ricoh.fields.copyrightNotice).toBe('(C)Hendrik Wördehoff');
  });
});

describe('a TIFF directory with a bad entry or a far value', () => {
  it('keeps every other entry, reading on to the value past the first bytes', async () => {
    const tiff = tiffBytes({
      ifd0: [
        { tag: 0x0100, type: 3, numbers: [1646] },
        { tag: 0x0101, type: 3, numbers: [2332] },
        ascii(0x010f, 'Kodak'),
        // an entry of a type no TIFF has: skipped alone
        { tag: 0x0110, type: 99, value: Buffer.from('ProductID\0') },
        ascii(0x013b, 'IRIS 2001'),
        // a private tag far past the head (as MSPropertySetStorage in the reported file)
        { tag: 0x9330, type: 7, value: Buffer.alloc(5632, 1), at: 365_862 },
        // and the caption past it too
        { ...ascii(0x010e, 'Far away caption'), at: 3 * HEAD_BYTES + 17 },
      ],
      padTo: 400_000,
    });
    const result = await readPhoto(save(tiff, 'tif'));
    expect(result.technical.cameraMake).toBe('Kodak');
    expect(result.technical.width).toBe(1646);
    expect(result.technical.height).toBe(2332);
    expect(result.fields.creators).toEqual(['IRIS 2001']);
    expect(result.fields.caption).toBe('Far away caption');
  });

  it('skips a value that lies past the end of the file and reads the rest', async () => {
    const tiff = tiffBytes({
      ifd0: [
        ascii(0x010f, 'Kodak'),
        { ...ascii(0x013b, 'Nobody'), at: 10_000_000 },
        ascii(0x8298, 'Archive'),
      ],
    }).subarray(0, 200);
    const result = await readPhoto(save(tiff, 'tif'));
    expect(result.technical.cameraMake).toBe('Kodak');
    expect(result.fields.copyrightNotice).toBe('Archive');
    expect(result.fields.creators).toEqual([]);
    expect(result.technical.warnings).toContain(
      'TIFF Artist points past the end of its block: skipped',
    );
  });

  it('a value past the end of a file larger than the first bytes read is skipped, not read for', async () => {
    const tiff = tiffBytes({
      ifd0: [ascii(0x010f, 'Kodak'), { ...ascii(0x013b, 'Nobody'), at: 10_000_000 }],
      padTo: 10_000_000,
    }).subarray(0, 4 * HEAD_BYTES);
    const result = await readPhoto(save(tiff, 'tif'));
    expect(result.technical.cameraMake).toBe('Kodak');
    expect(result.technical.warnings).toContain(
      'TIFF Artist points past the end of its block: skipped',
    );
  });

  it('a count of 4 billion or a directory that points back at itself costs only itself', async () => {
    const tiff = tiffBytes({
      ifd0: [
        ascii(0x010f, 'Kodak'),
        { tag: 0x010e, type: 2, value: Buffer.from('x\0'), count: 0xfffffff0 },
        // the Exif and GPS IFD pointers both lead back to IFD0 (offset 8): a loop
        { tag: 0x8769, type: 4, numbers: [8] },
        { tag: 0x8825, type: 4, numbers: [8] },
        ascii(0x013b, 'Ann Lee'),
      ],
      padTo: 3 * HEAD_BYTES,
    });
    const result = await readPhoto(save(tiff, 'tif'));
    expect(result.technical.cameraMake).toBe('Kodak');
    expect(result.fields.creators).toEqual(['Ann Lee']);
    expect(result.fields.caption).toBe('');
    expect(result.technical.warnings).toContain(
      'TIFF ImageDescription is over its 2 MB limit: skipped',
    );
  });

  it.skipIf(!reported)('reads IFD0 of the reported TIFF (Artist, Make, size)', async () => {
    const result = await readPhoto(join(REPORTED, '9b286add70871bbbef1601997b429344.tif'));
    expect(result.fields.creators).toEqual(['IRIS 2001']);
    expect(result.technical.cameraMake).toBe('Kodak');
    expect(result.technical.cameraModel).toBe('ProductID');
    expect([result.technical.width, result.technical.height]).toEqual([1646, 2332]);
  });
});

describe('BigTIFF', () => {
  it('opens one made by libvips, with its size and XMP', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>' +
      '<rdf:Alt><rdf:li xml:lang="x-default">Big caption</rdf:li></rdf:Alt></dc:description>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const bytes = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#888' },
    })
      .withXmp(xmp)
      .tiff({ bigtiff: true })
      .toBuffer();
    expect(bytes.toString('latin1', 0, 4)).toBe('II+\0');
    const result = await readPhoto(save(bytes, 'tif'));
    expect(result.technical.format).toBe('TIFF');
    expect([result.technical.width, result.technical.height]).toEqual([64, 48]);
    expect(result.fields.caption).toBe('Big caption');
  });

  it('reads EXIF tags of a BigTIFF (bytes written here: ExifTool does not write BigTIFF)', async () => {
    for (const le of [true, false]) {
      const tiff = tiffBytes({
        bigtiff: true,
        le,
        ifd0: [
          { tag: 0x0100, type: 4, numbers: [6000] },
          { tag: 0x0101, type: 4, numbers: [4000] },
          ascii(0x010e, 'A BigTIFF caption'),
          ascii(0x013b, 'Ann Lee'),
          ascii(0x010f, 'Phase One'),
        ],
        exif: [ascii(0x9003, '2024:06:19 10:12:00'), ascii(0x9011, '+09:00')],
      });
      const result = await readPhoto(save(tiff, 'tif'));
      expect(result.fields.caption).toBe('A BigTIFF caption');
      expect(result.fields.creators).toEqual(['Ann Lee']);
      expect(result.fields.dateCreated).toBe('2024-06-19T10:12:00+09:00');
      expect(result.technical.cameraMake).toBe('Phase One');
      expect([result.technical.width, result.technical.height]).toEqual([6000, 4000]);
    }
  });
});

/** A CR3's box layout: ftyp, then moov holding Canon's uuid box with CMT1 and CMT2. */
function cr3With(cmt1: Buffer, cmt2: Buffer, before = Buffer.alloc(0)): Buffer {
  const box = (type: string, ...body: Buffer[]) => {
    const content = Buffer.concat(body);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(content.length + 8);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, content]);
  };
  const uuid = Buffer.from('85c0b687820f11e08111f4ce462b6a48', 'hex');
  const ftyp = box('ftyp', Buffer.from('crx \0\0\0\x01crx isom', 'latin1'));
  // `before`: boxes ahead of the CMT boxes (a thumbnail, say), which may push them past the head.
  const moov = box('moov', before, box('uuid', uuid, box('CMT1', cmt1), box('CMT2', cmt2)));
  return Buffer.concat([ftyp, moov, box('mdat', Buffer.alloc(1000))]);
}

describe('CR3', () => {
  it('reads make, model and the date with its offset from the CMT boxes', async () => {
    const cmt1 = tiffBytes({ ifd0: [ascii(0x010f, 'Canon'), ascii(0x0110, 'Canon EOS R6')] });
    // CMT2 is a TIFF structure whose first directory is the Exif IFD.
    const cmt2 = tiffBytes({
      ifd0: [
        ascii(0x9003, '2021:05:12 12:21:21'),
        ascii(0x9011, '+02:00'),
        ascii(0xa434, 'RF70-200mm'),
      ],
    });
    const result = await readPhoto(save(cr3With(cmt1, cmt2), 'cr3'));
    expect(result.technical.format).toBe('CR3');
    expect(result.technical.cameraMake).toBe('Canon');
    expect(result.technical.cameraModel).toBe('Canon EOS R6');
    expect(result.technical.lens).toBe('RF70-200mm');
    expect(result.fields.dateCreated).toBe('2021-05-12T12:21:21+02:00');
  });

  it('reads CMT boxes that lie past the first bytes read', async () => {
    const cmt1 = tiffBytes({ ifd0: [ascii(0x010f, 'Canon')] });
    const cmt2 = tiffBytes({
      ifd0: [ascii(0x9003, '2021:05:12 12:21:21'), ascii(0x9011, '+02:00')],
    });
    const thumbnail = Buffer.alloc(2 * HEAD_BYTES + 8);
    thumbnail.writeUInt32BE(thumbnail.length);
    thumbnail.write('free', 4, 'latin1');
    const result = await readPhoto(save(cr3With(cmt1, cmt2, thumbnail), 'cr3'));
    expect(result.technical.cameraMake).toBe('Canon');
    expect(result.fields.dateCreated).toBe('2021-05-12T12:21:21+02:00');
  });

  it.skipIf(!reported)('reads the reported CR3 date', async () => {
    const result = await readPhoto(join(REPORTED, 'Canon-R6-pruned.CR3'));
    // With SubSecTimeOriginal: fractions of a second survive into the catalog (issue 13).
    expect(result.fields.dateCreated).toBe('2021-05-12T12:21:21.92+02:00');
    expect(result.technical.cameraModel).toBe('Canon EOS R6');
  });
});

describe('EXIF in PNG', () => {
  const png = () =>
    sharp({ create: { width: 32, height: 24, channels: 3, background: '#345' } })
      .png()
      .toBuffer();
  const tiff = () =>
    tiffBytes({
      le: false,
      ifd0: [
        ascii(0x010f, 'NIKON CORPORATION'),
        ascii(0x0110, 'NIKON D1X'),
        ascii(0x013b, 'Jo Ng'),
      ],
      exif: [ascii(0x9003, '2004:06:21 23:37:53')],
    });

  it('reads a zTXt "Raw profile type exif" (ImageMagick: "Exif\\0\\0" and the TIFF, as hex)', async () => {
    const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff()]);
    const path = save(
      pngWith(await png(), zTxt('Raw profile type exif', rawProfile('exif', exif))),
      'png',
    );
    const result = await readPhoto(path);
    expect(result.technical.cameraMake).toBe('NIKON CORPORATION');
    expect(result.technical.cameraModel).toBe('NIKON D1X');
    expect(result.fields.dateCreated).toBe('2004-06-21T23:37:53');
    expect(result.fields.creators).toEqual(['Jo Ng']);
  });

  it('reads a tEXt "Raw profile type APP1" and an eXIf chunk written by ExifTool', async () => {
    const text = Buffer.concat([
      Buffer.from('Raw profile type APP1\0', 'latin1'),
      rawProfile('APP1', Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff()])),
    ]);
    const viaText = await readPhoto(save(pngWith(await png(), pngChunk('tEXt', text)), 'png'));
    expect(viaText.technical.cameraModel).toBe('NIKON D1X');
    const path = save(await png(), 'png');
    await exiftool.write(path, { 'EXIF:Make': 'Canon', 'EXIF:Artist': 'Ann Lee' } as WriteTags, [
      '-overwrite_original',
    ]);
    const viaExifTool = await readPhoto(path);
    expect(viaExifTool.technical.cameraMake).toBe('Canon');
    expect(viaExifTool.fields.creators).toEqual(['Ann Lee']);
  });

  it.skipIf(!reported)('reads the reported PNG (date, make, model)', async () => {
    const result = await readPhoto(join(REPORTED, 'ReaganLargePng.png'));
    expect(result.technical.cameraMake).toBe('NIKON CORPORATION');
    expect(result.technical.cameraModel).toBe('NIKON D1X');
    expect(result.fields.dateCreated).toBe('2004-06-21T23:37:53.06'); // SubSecTimeOriginal 06
  });
});

describe('HEIF (AVIF, HEIC)', () => {
  it('reads the Exif and XMP items of an AVIF made by libvips', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
      '<photoshop:Credit>AP</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta>';
    const bytes = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#888' },
    })
      .withExif({ IFD0: { Make: 'Canon', ImageDescription: 'Avif caption', Artist: 'Ann Lee' } })
      .withXmp(xmp)
      .avif()
      .toBuffer();
    const result = await readPhoto(save(bytes, 'avif'));
    expect(result.technical.format).toBe('AVIF');
    expect([result.technical.width, result.technical.height]).toEqual([64, 48]); // ispe
    expect(result.technical.cameraMake).toBe('Canon');
    expect(result.fields.caption).toBe('Avif caption');
    expect(result.fields.creators).toEqual(['Ann Lee']);
    expect(result.fields.creditLine).toBe('AP');
  });
});
