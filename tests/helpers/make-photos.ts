/**
 * Makes real photo files for tests and benchmarks: images rendered by sharp, metadata
 * written by ExifTool (exiftool-vendored), so every test can run anywhere without fixtures
 * checked into the repository.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import sharp from 'sharp';

/** Caption fields to write, by ExifTool tag name (group prefixes allowed). */
export type PhotoTags = Record<string, string | string[] | number>;

export interface MakeJpegOptions {
  width?: number;
  height?: number;
  /** RGB colour of the picture, so photos look different in screenshots. */
  colour?: [number, number, number];
  /** Embed a 160-px EXIF thumbnail, as cameras and agencies do. */
  exifThumbnail?: boolean;
  tags?: PhotoTags;
  /** Lists of XMP structures, written after the tags (see writeStructures). */
  structures?: Record<string, readonly object[]>;
}

/** One ExifTool process for a test file or a benchmark; call `end()` when done. */
export function createExifTool(): ExifTool {
  return new ExifTool({ maxProcs: 2, taskTimeoutMillis: 60_000 });
}

/** A plain JPEG with a gradient and a coloured block, written by sharp. */
export async function renderJpeg(
  path: string,
  { width = 640, height = 427, colour = [40, 90, 160] }: MakeJpegOptions = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const [r, g, b] = colour;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" x2="1" y1="0" y2="1">
      <stop offset="0" stop-color="rgb(${r},${g},${b})"/><stop offset="1" stop-color="#111"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.45}" r="${height * 0.2}" fill="#e8e2d0"/>
    <rect x="${width * 0.55}" y="${height * 0.3}" width="${width * 0.3}" height="${height * 0.5}" fill="rgb(${b},${r},${g})"/>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
}

/**
 * A large JPEG that compresses badly (grain, no EXIF thumbnail), so that rendering its
 * thumbnail takes a while: for tests that need a render queue to still be waiting.
 */
export async function renderGrainyJpeg(path: string, width = 3000, height = 2000): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + ((i / 9000) | 0)) & 255;
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(path);
}

/** Renders a JPEG and writes its metadata (and an EXIF thumbnail) with ExifTool. */
export async function makeJpeg(
  exiftool: ExifTool,
  path: string,
  options: MakeJpegOptions = {},
): Promise<string> {
  await renderJpeg(path, options);
  await writeTags(exiftool, path, options.tags ?? {}, options.exifThumbnail ?? true);
  if (options.structures) await writeStructures(exiftool, path, options.structures);
  return path;
}

/**
 * Writes tags in place (no _original backup). IIM is declared UTF-8 unless the tags say
 * otherwise, as TOOLCHAIN.md warns ExifTool would otherwise store cp1252.
 */
export async function writeTags(
  exiftool: ExifTool,
  path: string,
  tags: PhotoTags,
  exifThumbnail = false,
): Promise<void> {
  const args = ['-overwrite_original'];
  if (exifThumbnail) {
    const thumb = `${path}.thumb.jpg`;
    await sharp(path).resize(160, 160, { fit: 'inside' }).jpeg({ quality: 70 }).toFile(thumb);
    args.push(`-ThumbnailImage<=${thumb}`);
  }
  const withCharset: PhotoTags = { 'IPTC:CodedCharacterSet': 'UTF8', ...tags };
  await exiftool.write(path, withCharset as WriteTags, { writeArgs: args, useMWG: false });
  if (exifThumbnail) await rm(`${path}.thumb.jpg`);
}

/**
 * Writes lists of XMP structures (`{'XMP-plus:Licensor': [{LicensorName: …}, …]}`) in
 * ExifTool's own serialised form: exiftool-vendored's tags would join a list inside a
 * structure into one text. Values must not hold ExifTool's structure syntax (",[]{}|").
 */
export async function writeStructures(
  exiftool: ExifTool,
  path: string,
  structures: Record<string, readonly object[]>,
): Promise<void> {
  const serialise = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(serialise).join(',')}]`
      : typeof value === 'object' && value
        ? `{${Object.entries(value)
            .map(([k, v]) => `${k}=${serialise(v)}`)
            .join(',')}}`
        : String(value);
  await exiftool.write(
    path,
    {},
    {
      writeArgs: [
        ...Object.entries(structures).map(([tag, items]) => `-${tag}=${serialise(items)}`),
        '-overwrite_original',
      ],
    },
  );
}

/**
 * Lists of XMP structures as ExifTool reads them, unconverted (-n -struct), by the tag's name
 * without its group ("LocationShown"); a tag the file does not hold is left out.
 */
export async function readStructures(
  exiftool: ExifTool,
  path: string,
  tags: readonly string[],
): Promise<Record<string, Record<string, unknown>[]>> {
  const read = (await exiftool.readRaw(path, {
    readArgs: ['-n', '-struct', '-api', 'StructFormat=JSONQ', ...tags.map((tag) => `-${tag}`)],
  })) as Record<string, unknown>;
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [key, value] of Object.entries(read)) {
    if (key === 'SourceFile' || key.includes('Error') || key.includes('Warning')) continue;
    out[key.slice(key.lastIndexOf(':') + 1)] = (Array.isArray(value) ? value : [value]) as Record<
      string,
      unknown
    >[];
  }
  return out;
}

/** The usual wire-photo tags of a caption: IIM and XMP copies both written. */
export function wireTags(fields: {
  caption?: string;
  headline?: string;
  creators?: string[];
  credit?: string;
  source?: string;
  city?: string;
  keywords?: string[];
  copyright?: string;
}): PhotoTags {
  const tags: PhotoTags = {};
  const both = (iim: string, xmp: string, value: string | string[] | undefined) => {
    if (value === undefined) return;
    tags[`IPTC:${iim}`] = value;
    tags[`XMP:${xmp}`] = value;
  };
  both('Caption-Abstract', 'Description', fields.caption);
  both('Headline', 'Headline', fields.headline);
  both('By-line', 'Creator', fields.creators);
  both('Credit', 'Credit', fields.credit);
  both('Source', 'Source', fields.source);
  both('City', 'City', fields.city);
  both('Keywords', 'Subject', fields.keywords);
  both('CopyrightNotice', 'Rights', fields.copyright);
  return tags;
}

/** Files that are not good photos, each the way it turns up in real folders. */
export async function makeBrokenFiles(folder: string, goodJpeg: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const good = await readFile(goodJpeg);
  const files = {
    'empty.jpg': Buffer.alloc(0),
    'truncated.jpg': good.subarray(0, 600),
    'not-a-photo.jpg': Buffer.from('This is a text file with a .jpg name.\n'),
    'garbage.tif': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  };
  const paths: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(folder, name);
    await writeFile(path, bytes);
    paths.push(path);
  }
  await writeFile(join(folder, 'notes.txt'), 'shot list\n');
  return paths;
}
