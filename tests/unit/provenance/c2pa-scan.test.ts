/**
 * The container scan that decides whether the C2PA library is called at all: each container's
 * manifest box is found where the C2PA specification puts it, and nothing else passes for one.
 * The containers are made here, byte by byte (the reference samples in PNG, AVIF and WebP carry
 * no manifest); the JPEG cases are the reference library's own files.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanC2pa } from '../../../src/main/metadata/c2pa-scan';
import { createExifTool, makeJpeg } from '../../helpers/make-photos';

const DIR = join(import.meta.dirname, '../../fixtures/c2pa');
const JUMBF = Buffer.concat([
  Buffer.from([0, 0, 0, 40]),
  Buffer.from('jumb'),
  Buffer.from([0, 0, 0, 32]),
  Buffer.from('jumd'),
  Buffer.from('c2pa\0\x11\0\x10\0\xaa\0\x38\x9b\x71'),
  Buffer.from('c2pa\0', 'latin1'),
]);

function scanBytes(bytes: Buffer): ReturnType<typeof scanC2pa> {
  return scanC2pa('/nonexistent', bytes, bytes.length);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

function riffChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(data.length);
  return Buffer.concat([
    Buffer.from(type, 'latin1'),
    length,
    data,
    data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0),
  ]);
}

function bmffBox(type: string, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + data.length);
  return Buffer.concat([size, Buffer.from(type, 'latin1'), data]);
}

describe('the C2PA container scan', () => {
  it('finds the APP11 store of signed JPEGs and nothing in a JPEG without one', () => {
    for (const name of ['C.jpg', 'XCA.jpg', 'E-sig-CA.jpg', 'CIE-sig-CA.jpg']) {
      const path = join(DIR, name);
      expect(scanC2pa(path, readFileSync(path).subarray(0, 65536), statSync(path).size)).toBe(
        'embedded',
      );
    }
    const plain = join(DIR, 'no_manifest.jpg');
    // Its XMP still says dcterms:provenance="self#jumbf=…": the store was stripped.
    expect(scanC2pa(plain, readFileSync(plain).subarray(0, 65536), statSync(plain).size)).toBe(
      'none',
    );
  });

  it('finds a PNG caBX chunk after the image data', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    expect(scanBytes(png)).toBe('none');
    const iend = png.length - 12;
    const signed = Buffer.concat([
      png.subarray(0, iend),
      pngChunk('caBX', JUMBF),
      png.subarray(iend),
    ]);
    expect(scanBytes(signed)).toBe('embedded');
  });

  it('finds a WebP C2PA chunk', () => {
    const vp8 = riffChunk('VP8L', Buffer.alloc(21));
    const body = (chunks: Buffer[]) => {
      const data = Buffer.concat([Buffer.from('WEBP'), ...chunks]);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from('RIFF'), size, data]);
    };
    expect(scanBytes(body([vp8]))).toBe('none');
    expect(scanBytes(body([vp8, riffChunk('C2PA', JUMBF)]))).toBe('embedded');
  });

  it('finds the c2pa uuid box of HEIC and AVIF, not another uuid box', () => {
    const ftyp = bmffBox('ftyp', Buffer.from('avif\0\0\0\0mif1avif'));
    const c2pa = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex');
    const other = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
    const mdat = bmffBox('mdat', Buffer.alloc(100));
    expect(
      scanBytes(Buffer.concat([ftyp, bmffBox('uuid', Buffer.concat([other, JUMBF])), mdat])),
    ).toBe('none');
    expect(
      scanBytes(Buffer.concat([ftyp, mdat, bmffBox('uuid', Buffer.concat([c2pa, JUMBF]))])),
    ).toBe('embedded');
  });

  it('finds TIFF and DNG tag 0xCD41 in the first IFD', () => {
    const tiff = (tag: number) => {
      const b = Buffer.alloc(8 + 2 + 12 + 4 + 16);
      b.write('II', 0, 'latin1');
      b.writeUInt16LE(42, 2);
      b.writeUInt32LE(8, 4);
      b.writeUInt16LE(1, 8);
      b.writeUInt16LE(tag, 10);
      b.writeUInt16LE(7, 12);
      b.writeUInt32LE(16, 14);
      b.writeUInt32LE(26, 18);
      return b;
    };
    expect(scanBytes(tiff(0x0100))).toBe('none');
    expect(scanBytes(tiff(0xcd41))).toBe('embedded');
  });

  it('finds tag 0xCD41 in an IFD chained after IFD0, as the C2PA library writes it', () => {
    // IFD0 (one ordinary tag) pointing to IFD1 at 26, which holds the C2PA tag; IFD1 points
    // back to IFD0, a loop the scan must leave.
    const chained = (tag: number) => {
      const b = Buffer.alloc(8 + 2 * (2 + 12 + 4) + 16);
      b.write('MM', 0, 'latin1');
      b.writeUInt16BE(42, 2);
      b.writeUInt32BE(8, 4);
      b.writeUInt16BE(1, 8);
      b.writeUInt16BE(0x0100, 10);
      b.writeUInt16BE(3, 12);
      b.writeUInt32BE(1, 14);
      b.writeUInt32BE(64, 18);
      b.writeUInt32BE(26, 22);
      b.writeUInt16BE(1, 26);
      b.writeUInt16BE(tag, 28);
      b.writeUInt16BE(7, 30);
      b.writeUInt32BE(4, 32);
      b.writeUInt32BE(0, 36);
      b.writeUInt32BE(8, 40);
      return b;
    };
    expect(scanBytes(chained(0x0101))).toBe('none');
    expect(scanBytes(chained(0xcd41))).toBe('embedded');
  });

  it('takes a URL in dcterms:provenance for a remote manifest', () => {
    const path = join(DIR, 'cloud.jpg');
    expect(scanC2pa(path, readFileSync(path).subarray(0, 65536), statSync(path).size)).toBe(
      'remote',
    );
  });

  describe('a remote manifest announced in a JPEG made here', () => {
    let dir = '';
    const exiftool = createExifTool();
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'cutline-c2pa-remote-'));
    });
    afterAll(async () => {
      await exiftool.end();
      await rm(dir, { recursive: true, force: true });
    });
    const scanFile = (path: string) => {
      const bytes = readFileSync(path);
      return scanC2pa(path, bytes.subarray(0, 65536), bytes.length);
    };

    /** A JPEG with an EXIF thumbnail whose XMP packet says `provenance` (ExifTool has no
     * tag for dcterms:provenance, so the packet is written whole). */
    async function jpegWithProvenance(name: string, provenance: string): Promise<string> {
      const path = join(dir, name);
      await makeJpeg(exiftool, path, { width: 1200, height: 800, exifThumbnail: true });
      const packet = join(dir, `${name}.xmp`);
      await writeFile(
        packet,
        `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="${provenance}"/>
</rdf:RDF></x:xmpmeta>`,
      );
      await exiftool.write(path, {}, { writeArgs: ['-overwrite_original', `-xmp<=${packet}`] });
      return path;
    }

    it('is found in the XMP packet, past an embedded thumbnail', async () => {
      const path = await jpegWithProvenance('remote.jpg', 'https://example.com/manifest.c2pa');
      const bytes = readFileSync(path);
      // The packet follows the thumbnail, so a search of the thumbnail alone would miss it.
      expect(bytes.indexOf('dcterms:provenance')).toBeGreaterThan(bytes.indexOf('Exif'));
      expect(scanFile(path)).toBe('remote');
    });

    it('is not a stripped store pointing into the file itself', async () => {
      const path = await jpegWithProvenance('self.jpg', 'self#jumbf=/c2pa/urn:uuid:0');
      expect(scanFile(path)).toBe('none');
    });

    it('is not a URL outside the XMP (a JPEG comment)', async () => {
      const path = join(dir, 'comment.jpg');
      await makeJpeg(exiftool, path, {
        tags: { Comment: 'dcterms:provenance="https://example.com/manifest.c2pa"' },
      });
      const bytes = readFileSync(path);
      // The text is in the file, so only where it lies decides.
      expect(bytes.includes('dcterms:provenance="https://')).toBe(true);
      expect(scanFile(path)).toBe('none');
    });
  });

  it('never throws on garbage', () => {
    expect(scanBytes(Buffer.from('not an image at all, just text'))).toBe('none');
    expect(scanBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBe('none');
  });
});
