import { createHash } from 'node:crypto';
import sharp from 'sharp';

/**
 * Byte-level builders for test JPEGs: IIM datasets, Photoshop APP13 segments and XMP APP1
 * segments spliced in after SOI, so each MWG and charset rule can be set up exactly.
 */

/** One IIM dataset: record, dataset number, value (string = UTF-8, or raw bytes). */
export function dataset(record: number, number: number, value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const head = Buffer.from([0x1c, record, number, bytes.length >> 8, bytes.length & 0xff]);
  return Buffer.concat([head, bytes]);
}

/** The 1:90 dataset declaring UTF-8. */
export const UTF8_DECLARATION = dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]));

function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.write('8BIM', 0, 'latin1');
  head.writeUInt16BE(id, 4);
  // empty Pascal name padded to 2 bytes, then the size
  head.writeUInt32BE(data.length, 8);
  const pad = data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([head, data, pad]);
}

/** A Photoshop IRB holding the IIM and, optionally, an IPTCDigest (its MD5, or a wrong one). */
export function irb(iim: Buffer, digest: 'none' | 'match' | 'mismatch' = 'none'): Buffer {
  const parts = [resource(0x0404, iim)];
  if (digest !== 'none') {
    const md5 = createHash('md5')
      .update(digest === 'match' ? iim : Buffer.from('other'))
      .digest();
    parts.push(resource(0x0425, md5));
  }
  return Buffer.concat(parts);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** APP13 segments carrying `irbBytes`, split into `parts` consecutive segments. */
export function app13(irbBytes: Buffer, parts = 1): Buffer {
  const size = Math.ceil(irbBytes.length / parts);
  const segments: Buffer[] = [];
  for (let i = 0; i < parts; i++) {
    const slice = irbBytes.subarray(i * size, (i + 1) * size);
    segments.push(segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), slice])));
  }
  return Buffer.concat(segments);
}

/** An APP1 XMP segment whose rdf:Description holds `body` (namespaces dc, photoshop declared). */
export function xmpSegment(body: string): Buffer {
  const xml =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">' +
    `${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
  return segment(
    0xe1,
    Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xml)]),
  );
}

/** An XMP lang-alt property with x-default (and optionally more languages). */
export function langAlt(prop: string, values: Record<string, string>): string {
  const items = Object.entries(values)
    .map(([lang, text]) => `<rdf:li xml:lang="${lang}">${text}</rdf:li>`)
    .join('');
  return `<${prop}><rdf:Alt>${items}</rdf:Alt></${prop}>`;
}

let plain: Buffer | null = null;

/** A small plain JPEG (no metadata) from sharp. */
export async function plainJpeg(): Promise<Buffer> {
  plain ??= await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
    .jpeg()
    .toBuffer();
  return plain;
}

/** A JPEG with the given segments inserted right after SOI. */
export async function jpegWith(...segments: Buffer[]): Promise<Buffer> {
  const base = await plainJpeg();
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)]);
}
