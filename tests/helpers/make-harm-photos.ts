/**
 * Photos that reproduce, with ExifTool, the shapes of the real files a write once harmed
 * (../shared/fixtures/reported): copies of a field that disagree (EXIF camera text beside an
 * IIM "©" notice), dates with offsets and fractions of a second, two ratings, GPS, MakerNotes,
 * an ICC profile, an XMP namespace ExifTool does not know, IIM in cp1252 without a declared
 * character set, and a PNG keeping IIM and EXIF in "Raw profile" text chunks.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import type { ExifTool, WriteTags } from 'exiftool-vendored';
import sharp from 'sharp';

/** What the every-copy photos hold, so tests can say what must still be there. */
export const HELD = {
  exifCaption: 'EXIF caption from the camera',
  exifArtist: 'EXIF Artist',
  exifCopyright: 'Copyright,',
  iimCopyright: '© 2003 Joseph S. Colson',
  xmpCopyright: '© 2003 Joseph S. Colson, XMP',
  iimCaption: 'IIM caption, Zürich',
  xmpCaption: 'XMP caption, Zürich',
  creators: ['Joseph S. Colson'],
  keywords: ['Zürich', 'Nacht'],
  city: 'Zürich',
  credit: 'AP',
  exifDate: '2003:04:05 18:04:34',
  exifOffset: '-05:00',
  exifSubSec: '054',
  iimDate: '2003:04:05',
  iimTime: '18:04:34-05:00',
  xmpDate: '2008-03-14T13:59:26.054-06:00',
  unknownNs: 'http://ns.example.org/cutline-test/1.0/',
  unknownValue: 'kept as it was',
} as const;

/** An XMP packet with an unknown namespace, a rating in two schemas and a dated field. */
function xmpPacket(): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0"
    xmlns:cutlinetest="${HELD.unknownNs}"
    photoshop:DateCreated="${HELD.xmpDate}"
    photoshop:Credit="${HELD.credit}"
    photoshop:City="${HELD.city}"
    xmp:Rating="4"
    MicrosoftPhoto:Rating="75"
    cutlinetest:Note="${HELD.unknownValue}">
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${HELD.xmpCaption}</rdf:li></rdf:Alt></dc:description>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${HELD.xmpCopyright}</rdf:li></rdf:Alt></dc:rights>
   <dc:creator><rdf:Seq>${HELD.creators.map((c) => `<rdf:li>${c}</rdf:li>`).join('')}</rdf:Seq></dc:creator>
   <dc:subject><rdf:Bag>${HELD.keywords.map((k) => `<rdf:li>${k}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A small Nikon-style MakerNote (one version tag), for a camera's own private data. */
const MAKER_NOTE = Buffer.from(
  '4e696b6f6e00021000004d4d002a00000008000100010007000000043032313000000000',
  'hex',
);

const EXIF_TAGS = {
  'IFD0:ImageDescription': HELD.exifCaption,
  'IFD0:Artist': HELD.exifArtist,
  'IFD0:Copyright': HELD.exifCopyright,
  'IFD0:Rating': 4,
  'IFD0:RatingPercent': 75,
  'ExifIFD:DateTimeOriginal': HELD.exifDate,
  'ExifIFD:OffsetTimeOriginal': HELD.exifOffset,
  'ExifIFD:SubSecTimeOriginal': HELD.exifSubSec,
  'GPS:GPSLatitude': 39.0392,
  'GPS:GPSLatitudeRef': 'N',
  'GPS:GPSLongitude': 125.7625,
  'GPS:GPSLongitudeRef': 'E',
};

const IIM_TAGS = {
  'IPTC:CodedCharacterSet': 'UTF8',
  'IPTC:Caption-Abstract': HELD.iimCaption,
  'IPTC:By-line': [...HELD.creators],
  'IPTC:CopyrightNotice': HELD.iimCopyright,
  'IPTC:DateCreated': HELD.iimDate,
  'IPTC:TimeCreated': HELD.iimTime,
  'IPTC:Keywords': [...HELD.keywords],
  'IPTC:City': HELD.city,
  'IPTC:Credit': HELD.credit,
};

async function writeWithPacket(
  exiftool: ExifTool,
  path: string,
  tags: Record<string, unknown>,
  extraArgs: string[] = [],
): Promise<void> {
  const packet = `${path}.packet.xmp`;
  await writeFile(packet, xmpPacket());
  await exiftool.write(path, tags as WriteTags, {
    writeArgs: [`-XMP<=${packet}`, ...extraArgs, '-overwrite_original'],
    useMWG: false,
  });
  await rm(packet);
}

/** A picture with an embedded ICC profile. */
async function picture(path: string, format: 'jpeg' | 'tiff' | 'png'): Promise<void> {
  const image = sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 160 } },
  }).withIccProfile('srgb');
  await (format === 'jpeg'
    ? image.jpeg()
    : format === 'tiff'
      ? image.tiff({ compression: 'lzw' })
      : image.png()
  ).toFile(path);
}

/**
 * A JPEG whose caption, creators, copyright and date are held by EXIF, IIM and XMP with values
 * that disagree, as camera files that went through an agency do; plus ratings, GPS,
 * MakerNotes, ICC and an unknown XMP namespace; IPTCDigest current.
 */
export async function makeEveryCopyJpeg(exiftool: ExifTool, path: string): Promise<string> {
  await picture(path, 'jpeg');
  const makerNote = `${path}.makernote`;
  await writeFile(makerNote, MAKER_NOTE);
  await writeWithPacket(
    exiftool,
    path,
    { 'IFD0:Make': 'NIKON CORPORATION', 'IFD0:Model': 'NIKON D1X', ...EXIF_TAGS, ...IIM_TAGS },
    [`-ExifIFD:MakerNotes<=${makerNote}`],
  );
  await rm(makerNote);
  await exiftool.write(path, { 'Photoshop:IPTCDigest': 'new' } as WriteTags, {
    writeArgs: ['-overwrite_original'],
    useMWG: false,
  });
  return path;
}

/** The same copies in a TIFF (IIM in the IPTC tag and Photoshop's resources). */
export async function makeEveryCopyTiff(exiftool: ExifTool, path: string): Promise<string> {
  await picture(path, 'tiff');
  await writeWithPacket(exiftool, path, { ...EXIF_TAGS, ...IIM_TAGS });
  return path;
}

/**
 * A JPEG whose IIM is cp1252 with no character set declared (as many older agency systems
 * wrote it), beside XMP.
 */
export async function makeCp1252Jpeg(exiftool: ExifTool, path: string): Promise<string> {
  await picture(path, 'jpeg');
  const { 'IPTC:CodedCharacterSet': _utf8, ...iim } = IIM_TAGS;
  await writeWithPacket(exiftool, path, { ...iim, 'IPTC:Source': 'Agence «Süd»' }, [
    '-charset',
    'iptc=cp1252',
  ]);
  return path;
}

/** A PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zTXt "Raw profile type NAME" chunk as ImageMagick writes it (hex text, deflated). */
function rawProfileChunk(name: string, bytes: Buffer): Buffer {
  const hex = bytes.toString('hex').replace(/(.{72})/g, '$1\n');
  const text = `\n${name}\n${String(bytes.length).padStart(8)}\n${hex}\n`;
  return pngChunk(
    'zTXt',
    Buffer.concat([
      Buffer.from(`Raw profile type ${name}\0\0`, 'latin1'),
      deflateSync(Buffer.from(text, 'latin1')),
    ]),
  );
}

/**
 * A PNG holding XMP (iTXt), IIM in a "Raw profile type iptc" chunk and EXIF in a "Raw profile
 * type exif" chunk, as ImageMagick and GIMP leave them: every copy a caption may be read from.
 */
export async function makeRawProfilePng(exiftool: ExifTool, path: string): Promise<string> {
  // The EXIF block: written by ExifTool into a JPEG, taken out as APP1 data.
  const donor = `${path}.donor.jpg`;
  await picture(donor, 'jpeg');
  await exiftool.write(donor, { ...EXIF_TAGS } as WriteTags, {
    writeArgs: ['-overwrite_original'],
    useMWG: false,
  });
  const bytes = await readFile(donor);
  await rm(donor);
  const app1 = bytes.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  const length = bytes.readUInt16BE(app1 - 2);
  const exif = bytes.subarray(app1, app1 - 2 + length);

  await picture(path, 'png');
  // IIM and XMP by ExifTool (it writes IIM into a PNG as a "Raw profile type iptc" chunk).
  await writeWithPacket(exiftool, path, { ...IIM_TAGS });
  const png = await readFile(path);
  // Right after IHDR (8-byte signature, 25-byte chunk), before the image data.
  await writeFile(
    path,
    Buffer.concat([png.subarray(0, 33), rawProfileChunk('exif', exif), png.subarray(33)]),
  );
  return path;
}
