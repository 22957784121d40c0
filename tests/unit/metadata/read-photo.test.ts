import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyFile } from '../../../src/main/metadata/fingerprint';
import { readPhoto } from '../../../src/main/metadata/read-photo';
import { isSupportedImage, sidecarCandidates } from '../../../src/main/metadata/supported-formats';
import { makeThumbnail } from '../../../src/main/metadata/thumbnail';
import {
  app13,
  dataset,
  irb,
  jpegWith,
  langAlt,
  plainJpeg,
  UTF8_DECLARATION,
  xmpSegment,
} from './jpeg-bytes';

const dir = mkdtempSync(join(tmpdir(), 'cutline-meta-'));
let exiftool: ExifTool;
let n = 0;

function save(bytes: Buffer, ext = 'jpg'): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

/** A plain JPEG with `tags` written by ExifTool (which stores UTF-8 only when told to). */
async function written(tags: Record<string, unknown>): Promise<string> {
  const path = save(await plainJpeg());
  await exiftool.write(path, tags as WriteTags, ['-overwrite_original']);
  return path;
}

beforeAll(() => {
  exiftool = new ExifTool({ maxProcs: 1 });
});
afterAll(async () => {
  await exiftool.end();
});

describe('IIM character sets in real files', () => {
  it('declared UTF-8 (ExifTool with CodedCharacterSet)', async () => {
    const path = await written({
      'IPTC:CodedCharacterSet': 'UTF8',
      'IPTC:Caption-Abstract': 'Zoë “hi” — 東京',
    });
    expect((await readPhoto(path)).fields.caption).toBe('Zoë “hi” — 東京');
  });
  it('undeclared cp1252 (ExifTool default) with curly quotes and Latin-1 letters', async () => {
    const path = await written({ 'IPTC:Caption-Abstract': 'It’s “Café” Müller' });
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe('It’s “Café” Müller');
    expect(result.origins.caption?.from).toBe('iim');
  });
  it('undeclared IIM whose bytes are valid UTF-8 is read as UTF-8', async () => {
    const path = save(await jpegWith(app13(irb(dataset(2, 120, 'Zoë Ångström')))));
    expect((await readPhoto(path)).fields.caption).toBe('Zoë Ångström');
  });
  it('raw cp1252 bytes 0x92 0x93 0x94', async () => {
    const bytes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x42, 0x92, 0x73, 0x20, 0xe9]);
    const path = save(await jpegWith(app13(irb(dataset(2, 120, bytes)))));
    expect((await readPhoto(path)).fields.caption).toBe('“A” B’s é');
  });
  it('IIM split across two APP13 segments', async () => {
    const iim = Buffer.concat([
      UTF8_DECLARATION,
      dataset(2, 120, 'Split caption é'),
      dataset(2, 110, 'AP'),
    ]);
    const path = save(await jpegWith(app13(irb(iim), 2)));
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe('Split caption é');
    expect(result.fields.creditLine).toBe('AP');
  });
});

describe('MWG precedence', () => {
  it('EXIF ImageDescription/Artist/Copyright win when written by a person', async () => {
    const path = await written({
      ImageDescription: 'EXIF caption',
      Artist: 'Ann; Bob', // ExifTool's MWG quotes it: one creator whose name holds ";"
      Copyright: '© EXIF',
      'IPTC:CodedCharacterSet': 'UTF8',
      'IPTC:Caption-Abstract': 'IIM caption',
      'XMP-dc:Description': 'XMP caption',
    });
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe('EXIF caption');
    expect(result.fields.creators).toEqual(['Ann; Bob']);
    expect(result.fields.copyrightNotice).toBe('© EXIF');
    expect(result.origins.caption).toMatchObject({ from: 'exif', disagree: true });
    expect(result.origins.caption?.copies).toMatchObject({
      iim: 'IIM caption',
      xmp: 'XMP caption',
    });
  });
  it.each(['OLYMPUS DIGITAL CAMERA', 'SONY DSC', '          ', 'DIGITAL CAMERA', 'Default'])(
    'camera boilerplate %j in EXIF is not a caption',
    async (boiler) => {
      const path = await written({
        ImageDescription: boiler,
        'XMP-dc:Description': 'Real caption',
      });
      const result = await readPhoto(path);
      expect(result.fields.caption).toBe('Real caption');
      expect(result.origins.caption?.from).toBe('xmp');
    },
  );
  it('IIM only', async () => {
    const path = save(
      await jpegWith(app13(irb(Buffer.concat([UTF8_DECLARATION, dataset(2, 105, 'Head')])))),
    );
    expect((await readPhoto(path)).origins.headline).toMatchObject({
      from: 'iim',
      disagree: false,
    });
  });
  it('XMP only, lang-alt with several languages (x-default wins), lists, Event and persons', async () => {
    const body =
      langAlt('dc:description', { en: 'English', 'x-default': 'Default &amp; more' }) +
      '<dc:creator><rdf:Seq><rdf:li>Ann</rdf:li><rdf:li>Bob</rdf:li></rdf:Seq></dc:creator>' +
      '<dc:subject><rdf:Bag><rdf:li>2024</rdf:li><rdf:li>007</rdf:li></rdf:Bag></dc:subject>' +
      langAlt('Iptc4xmpExt:Event', { 'x-default': 'Summit' }) +
      '<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Kim</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>' +
      '<photoshop:TransmissionReference>007</photoshop:TransmissionReference>';
    const result = await readPhoto(save(await jpegWith(xmpSegment(body))));
    expect(result.fields.caption).toBe('Default & more');
    expect(result.fields.creators).toEqual(['Ann', 'Bob']);
    expect(result.fields.keywords).toEqual(['2024', '007']);
    expect(result.fields.jobId).toBe('007');
    expect(result.fields.event).toBe('Summit');
    expect(result.fields.personsShown).toEqual(['Kim']);
    expect(result.origins.caption?.from).toBe('xmp');
  });
  it('IIM and XMP without a digest: XMP wins, disagreement is reported', async () => {
    const iim = Buffer.concat([UTF8_DECLARATION, dataset(2, 120, 'Old IIM')]);
    const path = save(
      await jpegWith(
        xmpSegment(langAlt('dc:description', { 'x-default': 'New XMP' })),
        app13(irb(iim)),
      ),
    );
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe('New XMP');
    expect(result.origins.caption).toMatchObject({ from: 'xmp', disagree: true });
    expect(result.technical.warnings).toContain('IIM and XMP disagree on caption');
  });
  it('digest match: XMP wins', async () => {
    const iim = Buffer.concat([UTF8_DECLARATION, dataset(2, 120, 'IIM text')]);
    const path = save(
      await jpegWith(
        xmpSegment(langAlt('dc:description', { 'x-default': 'XMP text' })),
        app13(irb(iim, 'match')),
      ),
    );
    expect((await readPhoto(path)).origins.caption?.from).toBe('xmp');
  });
  it('digest mismatch: IIM (edited later) wins', async () => {
    const iim = Buffer.concat([UTF8_DECLARATION, dataset(2, 120, 'IIM edited later')]);
    const path = save(
      await jpegWith(
        xmpSegment(langAlt('dc:description', { 'x-default': 'XMP text' })),
        app13(irb(iim, 'mismatch')),
      ),
    );
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe('IIM edited later');
    expect(result.origins.caption?.from).toBe('iim');
  });
  it('digest mismatch but IIM merely truncated at its limit: whole XMP kept', async () => {
    const full = `${'Long caption. '.repeat(160)}End.`; // > 2000 bytes
    const cut = Buffer.from(full).subarray(0, 2000);
    const credit = 'Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP';
    const iim = Buffer.concat([
      UTF8_DECLARATION,
      dataset(2, 120, cut),
      dataset(2, 110, Buffer.from(credit).subarray(0, 32)),
    ]);
    const xmp =
      langAlt('dc:description', { 'x-default': full }) +
      `<photoshop:Credit>${credit}</photoshop:Credit>`;
    const path = save(await jpegWith(xmpSegment(xmp), app13(irb(iim, 'mismatch'))));
    const result = await readPhoto(path);
    expect(result.fields.caption).toBe(full);
    expect(result.fields.creditLine).toBe(credit);
    expect(result.origins.caption).toMatchObject({ from: 'xmp', disagree: false });
  });
  it('warns when an IIM value is over its byte limit', async () => {
    const iim = Buffer.concat([UTF8_DECLARATION, dataset(2, 110, 'x'.repeat(40))]);
    const result = await readPhoto(save(await jpegWith(app13(irb(iim)))));
    expect(result.technical.warnings).toContain('IIM Credit line is over its 32-byte limit');
  });
  it('dates: EXIF DateTimeOriginal + offset first, IIM date/time otherwise', async () => {
    const path = await written({
      DateTimeOriginal: '2024:06:19 10:12:00',
      OffsetTimeOriginal: '+09:00',
    });
    expect((await readPhoto(path)).fields.dateCreated).toBe('2024-06-19T10:12:00+09:00');
    const iim = Buffer.concat([dataset(2, 55, '20240619'), dataset(2, 60, '101200+0900')]);
    expect((await readPhoto(save(await jpegWith(app13(irb(iim)))))).fields.dateCreated).toBe(
      '2024-06-19T10:12:00+09:00',
    );
  });
});

describe('sidecars, technical fields and failures', () => {
  it('a RAW file’s .xmp sidecar wins over its embedded XMP', async () => {
    const raw = save(
      await jpegWith(xmpSegment(langAlt('dc:description', { 'x-default': 'Embedded' }))),
      'CR2',
    );
    const sidecar = raw.replace(/\.CR2$/, '.xmp');
    const xml = xmpSegment(langAlt('dc:description', { 'x-default': 'From sidecar' }))
      .subarray(4 + 29)
      .toString();
    writeFileSync(sidecar, xml);
    const result = await readPhoto(raw);
    expect(result.sidecarPath).toBe(sidecar);
    expect(result.fields.caption).toBe('From sidecar');
    expect(result.origins.caption?.from).toBe('sidecar');
  });
  it('reads size, orientation, camera and GPS', async () => {
    const path = await written({
      'Orientation#': 6,
      Make: 'Canon',
      Model: 'EOS R5',
      GPSLatitude: -35.5,
      GPSLatitudeRef: 'S',
      GPSLongitude: 139.25,
      GPSLongitudeRef: 'E',
    } as Record<string, unknown>);
    const t = (await readPhoto(path)).technical;
    expect(t).toMatchObject({
      format: 'JPEG',
      width: 64,
      height: 48,
      orientation: 6,
      cameraMake: 'Canon',
      cameraModel: 'EOS R5',
    });
    expect(t.gpsLatitude).toBeCloseTo(-35.5, 5);
    expect(t.gpsLongitude).toBeCloseTo(139.25, 5);
  });
  it('throws plain errors only for files that are not images', async () => {
    await expect(readPhoto(save(Buffer.alloc(0)))).rejects.toThrow('file is empty (0 bytes)');
    await expect(readPhoto(save(Buffer.from('hello world, not a picture')))).rejects.toThrow(
      'not an image file',
    );
    await expect(
      readPhoto(save(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0, 0]))),
    ).rejects.toThrow(/truncated or corrupt JPEG/);
  });
  it('a damaged IIM block gives a warning, not an exception', async () => {
    const iim = Buffer.concat([dataset(2, 120, 'ok'), Buffer.from([0x33, 0x44, 0x55])]);
    const result = await readPhoto(save(await jpegWith(app13(irb(iim)))));
    expect(result.fields.caption).toBe('ok');
    expect(result.technical.warnings.some((w) => w.includes('damaged'))).toBe(true);
  });
  it('makes thumbnails: embedded when present, rendered otherwise', async () => {
    const big = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    const plain = save(big);
    expect(await makeThumbnail(plain)).toMatchObject({ origin: 'rendered', width: 256 });
    const path = save(big);
    const thumb160 = save(await sharp(big).resize(160, 107).jpeg().toBuffer());
    await exiftool.write(path, { Orientation: 6 } as WriteTags, [
      '-overwrite_original',
      `-ThumbnailImage<=${thumb160}`,
    ]);
    // Without the head (or with a head that stops short of it) the thumbnail is found in the file.
    const embedded = await makeThumbnail(path, { orientation: 6 });
    expect(embedded).toMatchObject({ origin: 'embedded', width: 107, height: 160 });
    const head = (await import('node:fs')).readFileSync(path);
    const fromHead = await makeThumbnail(path, { head, orientation: 6 });
    expect(fromHead).toMatchObject({ origin: 'embedded', width: 107, height: 160 });
    expect(await makeThumbnail(save(Buffer.from('nope')))).toBeNull();
  });
  it('fingerprints without reading the whole file, and lists formats and sidecars', async () => {
    const path = save(Buffer.alloc(300 * 1024, 7));
    const id = await identifyFile(path);
    expect(id.byteSize).toBe(300 * 1024);
    expect(id.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(isSupportedImage('a/B.NEF')).toBe(true);
    expect(isSupportedImage('a/b.gif')).toBe(false);
    expect(sidecarCandidates('/p/IMG_1.CR2')).toEqual([
      '/p/IMG_1.CR2.xmp',
      '/p/IMG_1.CR2.XMP',
      '/p/IMG_1.xmp',
      '/p/IMG_1.XMP',
    ]);
  });
});
