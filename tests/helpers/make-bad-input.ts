/**
 * Hostile and damaged files, made byte by byte (issue 14): what an unlucky folder or an
 * attacker hands the importer. Shared by tests/integration/bad-input.test.ts and
 * `npm run bench:bad-input`, so that the benchmark measures the files the tests check.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { deflateSync } from 'node:zlib';
import { Deflate } from 'fflate';
import sharp from 'sharp';

/** A small plain JPEG (sharp), the body the hostile segments are put into. */
export async function plainJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#5a7' } })
    .jpeg()
    .toBuffer();
}

function segment(marker: number, payload: Buffer): Buffer {
  if (payload.length + 2 > 0xffff) throw new Error('JPEG segment too long');
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The JPEG with these segments put right after its SOI marker. */
export function withSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

function xmpPacket(caption: string, extendedGuid?: string): string {
  const note = extendedGuid
    ? ` xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="${extendedGuid}"`
    : '';
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""${note} xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><photoshop:Headline>Headline in bounds</photoshop:Headline><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${caption}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/**
 * A JPEG whose XMP caption is `captionBytes` long, carried as JPEG extended XMP (the only way
 * a JPEG holds a packet over 64 KB), beside a small standard packet with a headline.
 */
export async function jpegWithBigXmp(captionBytes: number): Promise<Buffer> {
  const guid = '0123456789ABCDEF0123456789ABCDEF';
  const standard = Buffer.concat([
    Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'),
    Buffer.from(
      xmpPacket('', guid)
        .replace('<dc:description>', '<dc:x>')
        .replace('</dc:description>', '</dc:x>'),
    ),
  ]);
  const extended = Buffer.from(xmpPacket(`Big caption ${'x'.repeat(captionBytes)}`));
  const header = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
  const slice = 65000;
  const segments = [segment(0xe1, standard)];
  for (let at = 0; at < extended.length; at += slice) {
    const fields = Buffer.alloc(40);
    fields.write(guid, 0, 'latin1');
    fields.writeUInt32BE(extended.length, 32);
    fields.writeUInt32BE(at, 36);
    segments.push(
      segment(0xe1, Buffer.concat([header, fields, extended.subarray(at, at + slice)])),
    );
  }
  return withSegments(await plainJpeg(), segments);
}

/** One IIM dataset; lengths over 32,767 use the extended form (4 length bytes). */
function iimDataset(record: number, dataset: number, value: Buffer): Buffer {
  if (value.length < 0x8000) {
    const head = Buffer.from([0x1c, record, dataset, value.length >> 8, value.length & 0xff]);
    return Buffer.concat([head, value]);
  }
  const head = Buffer.from([0x1c, record, dataset, 0x80, 0x04, 0, 0, 0, 0]);
  head.writeUInt32BE(value.length, 5);
  return Buffer.concat([head, value]);
}

/**
 * A JPEG whose IIM (APP13, Photoshop IRB 0x0404, declared UTF-8) holds a caption of
 * `captionBytes` and a short headline. The IRB is split across APP13 segments as Photoshop
 * does when it is long.
 */
export async function jpegWithBigIim(captionBytes: number): Promise<Buffer> {
  const iim = Buffer.concat([
    iimDataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])),
    iimDataset(2, 105, Buffer.from('IIM headline in bounds')),
    iimDataset(2, 120, Buffer.from(`IIM caption ${'y'.repeat(captionBytes)}`)),
  ]);
  const resource = Buffer.alloc(12);
  resource.write('8BIM', 0, 'latin1');
  resource.writeUInt16BE(0x0404, 4);
  resource.writeUInt32BE(iim.length, 8);
  const irb = Buffer.concat([resource, iim, Buffer.alloc(iim.length & 1)]);
  const header = Buffer.from('Photoshop 3.0\0', 'latin1');
  const slice = 65000;
  const segments: Buffer[] = [];
  for (let at = 0; at < irb.length; at += slice) {
    segments.push(segment(0xed, Buffer.concat([header, irb.subarray(at, at + slice)])));
  }
  return withSegments(await plainJpeg(), segments);
}

/**
 * A real, decodable baseline JPEG of `width`×`height` mid-grey pixels made without an
 * encoder, so that a 30000×30000 one costs 3.5 MB and no time (sharp needs 5 GB to encode
 * it): one grey component, Huffman tables of one code each ("0": DC difference 0, and
 * end-of-block), so every 8×8 block is two 0 bits.
 */
export function greyJpeg(width: number, height: number): Buffer {
  const dqt = Buffer.concat([Buffer.of(0), Buffer.alloc(64, 1)]);
  const sof = Buffer.of(8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0);
  const oneCode = (tableClass: number) =>
    Buffer.concat([Buffer.of(tableClass << 4), Buffer.of(1), Buffer.alloc(15), Buffer.of(0)]);
  const sos = Buffer.of(1, 1, 0x00, 0, 63, 0);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const data = Buffer.alloc(Math.ceil(bits / 8));
  // The last byte's unused bits are padded with ones, as the standard asks.
  if (bits % 8 !== 0) data[data.length - 1] = 0xff >> (bits % 8);
  return Buffer.concat([
    Buffer.of(0xff, 0xd8),
    segment(0xdb, dqt),
    segment(0xc0, sof),
    segment(0xc4, oneCode(0)),
    segment(0xc4, oneCode(1)),
    segment(0xda, sos),
    data,
    Buffer.of(0xff, 0xd9),
  ]);
}

/** The JPEG with the size in its SOF changed: a header that declares a huge picture. */
export function withDeclaredSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let pos = 2; pos + 9 < out.length; ) {
    const marker = out[pos + 1]!;
    const length = out.readUInt16BE(pos + 2);
    if (marker >= 0xc0 && marker <= 0xc3) {
      out.writeUInt16BE(height, pos + 5);
      out.writeUInt16BE(width, pos + 7);
      return out;
    }
    pos += 2 + length;
  }
  throw new Error('no SOF in this JPEG');
}

/** One IFD entry: tag, type, count, value (or the offset of the value). */
type IfdEntry = [number, number, number, number];

/** A little-endian TIFF header pointing at IFD0 at `ifdAt`. */
function tiffHeader(ifdAt: number): Buffer {
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(ifdAt, 4);
  return header;
}

/** A little-endian IFD: its entries (SHORT values inline), then the next IFD's offset. */
function tiffIfd(entries: IfdEntry[], next = 0): Buffer {
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(count, at + 4);
    if (type === 3) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  ifd.writeUInt32LE(next, ifd.length - 4);
  return ifd;
}

/** The entries of an uncompressed 8-bit grey picture of one strip at `stripAt`. */
function greyStrip(width: number, height: number, stripAt: number): IfdEntry[] {
  return [
    [256, 3, 1, width],
    [257, 3, 1, height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, stripAt],
    [277, 3, 1, 1],
    [278, 3, 1, height],
    [279, 4, 1, width * height],
  ];
}

/**
 * A TIFF of one 1×1 grey strip whose Exif IFD pointer leads back to IFD0 and whose
 * next-IFD offset points at itself: a directory loop.
 */
export function tiffWithIfdLoop(): Buffer {
  const size = tiffIfd(greyStrip(1, 1, 0)).length + 12;
  const dataAt = 8 + size;
  const ifd = tiffIfd([...greyStrip(1, 1, dataAt), [34665, 4, 1, 8]], 8);
  return Buffer.concat([tiffHeader(8), ifd, Buffer.of(0x80, 0)]);
}

/**
 * A `size`-byte TIFF (a sparse file: it costs no disk) of a 1000×1000 grey strip whose IFD0
 * and XMP packet (caption `caption`) lie in its last 8 KB, as Photoshop writes large TIFFs.
 */
export function writeTiffWithMetadataAtEnd(path: string, size: number, caption: string): void {
  const xmp = Buffer.from(xmpPacket(caption));
  const ifdAt = size - 8192;
  const entries = greyStrip(1000, 1000, 8);
  const xmpAt = ifdAt + tiffIfd([...entries, [700, 7, 0, 0]]).length;
  const ifd = tiffIfd([...entries, [700, 7, xmp.length, xmpAt]]);
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, size);
    writeSync(fd, tiffHeader(ifdAt), 0, 8, 0);
    writeSync(fd, ifd, 0, ifd.length, ifdAt);
    writeSync(fd, xmp, 0, xmp.length, xmpAt);
  } finally {
    closeSync(fd);
  }
}

/** A TIFF header whose IFD0 declares an XMP tag of nearly 4 GB (the file is 60 bytes). */
export function tiffWithHugeDeclaredXmp(): Buffer {
  const out = Buffer.alloc(60);
  Buffer.concat([tiffHeader(8), tiffIfd([[700, 7, 0xfffffff0, 32]])]).copy(out);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  // CRCs are not checked by the reader; zero keeps the maker simple.
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}

/**
 * A 1×1 PNG with a zTXt "Raw profile type iptc" chunk that inflates to `inflatedBytes` of
 * zeros: about a thousandth of that on disk (a zip bomb).
 */
export function zipBombPng(inflatedBytes: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  // Deflated a slice at a time (a 1 GB buffer of zeros need not exist), as one stream.
  const zeros = Buffer.alloc(Math.min(inflatedBytes, 64 * 1024 * 1024));
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const rounds = Math.ceil(inflatedBytes / zeros.length);
  for (let i = 0; i < rounds; i++) deflate.push(zeros, i === rounds - 1);
  const ztxt = Buffer.concat([Buffer.from('Raw profile type iptc\0\0', 'latin1'), ...parts]);
  const idat = deflateSync(Buffer.from([0, 0x80]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('zTXt', ztxt),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A named pipe (FIFO) at `path`: opening it for reading would block until a writer came. */
export function makeFifo(path: string | Buffer): void {
  execFileSync('mkfifo', [path.toString()]);
}

/** A listening Unix socket at `path`; close the server to remove it. */
export async function makeSocket(path: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return server;
}
