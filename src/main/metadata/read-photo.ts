import { statSync } from 'node:fs';
import { containerKindOf, formatName } from './container-kind';
import { gpsDegrees, num, str } from './exif-values';
import type { ReconcileContext } from './field-precedence';
import { decodeIim, type IimRecord } from './iim-decode';
import { imageDataCut } from './image-data-cut';
import { parseXmpSafely } from './parse-xmp-packets';
import { fsPath } from './raw-path';
import { readHead } from './read-file-part';
import type { ReadResult } from './read-result';
import { type HeavyGate, readUntilScanned } from './read-until-scanned';
import { reconcileFields } from './reconcile-fields';
import { iimBlocksOfScan } from './scan-iim-blocks';
import { extensionOf, isRawImage } from './supported-formats';
import { findXmpPacket } from './xmp-packet-bytes';
import { findSidecar, readSidecar } from './xmp-sidecar';

/**
 * Assembles a photo's ReadResult: reads as much of the file as its metadata needs and walks its
 * container (read-until-scanned.ts), decodes the IIM and XMP blocks found, pairs its sidecar,
 * reconciles the caption fields (reconcile-fields.ts) and fills in the technical fields.
 */

/** Bytes read first; almost every JPEG keeps all its metadata inside them. */
export const HEAD_BYTES = 64 * 1024;

/** What a caller that has already looked at the file can pass on, so it is not done twice. */
export interface ReadPhotoOptions {
  /** The file's first bytes, already read (see HEAD_BYTES). */
  head?: Buffer;
  /** The file's size in bytes, already known from an open handle (skips a stat). */
  size?: number;
  /**
   * The sidecar found beside the file by a folder scan, or null when it found none; left
   * out, the usual sidecar names are looked for on disk.
   */
  sidecarPath?: string | null;
  /**
   * Let the sidecar win over the file's own copies, as it does for RAW files: the writer
   * checks a sidecar it has just written this way, whatever the image's format.
   */
  preferSidecar?: boolean;
  /**
   * The file's last bytes, already read with the head (fingerprint.ts): whether a JPEG's
   * image data reaches its end marker is told from them. Left out, and the head not the
   * whole file, a JPEG is not checked for a cut.
   */
  tail?: Buffer;
}

/**
 * Reads one image file's caption/credit metadata (EXIF, IIM, XMP and an .xmp sidecar) and its
 * technical fields, reconciled as docs/METADATA.md says. Reads the first HEAD_BYTES once (or uses
 * `options.head`, the same bytes already read by the caller) and the whole file only when the
 * metadata lies beyond them. Never throws for odd metadata (see `technical.warnings`); throws a
 * plain-English Error only when the file cannot be read as an image at all.
 */
export async function readPhoto(path: string, options: ReadPhotoOptions = {}): Promise<ReadResult> {
  const gate: HeavyGate = { leave: null };
  try {
    return await readPhotoGated(path, options, gate);
  } finally {
    gate.leave?.();
  }
}

async function readPhotoGated(
  path: string,
  options: ReadPhotoOptions,
  gate: HeavyGate,
): Promise<ReadResult> {
  // Sync: one stat is a few µs, while the async one waits on libuv's thread pool (~80 µs).
  const info = options.size === undefined ? statSync(fsPath(path)) : null;
  if (info && !info.isFile()) throw new Error('not a file');
  const size = options.size ?? info?.size ?? 0;
  if (size === 0) throw new Error('file is empty (0 bytes)');
  const head = options.head ?? (await readHead(path, HEAD_BYTES));
  const kind = containerKindOf(head);
  if (!kind) throw new Error('not an image file');
  const ext = extensionOf(path);
  const format = formatName(kind, head, ext);
  const warnings: string[] = [];

  const { buf, scan } = await readUntilScanned(path, kind, head, size, gate, warnings);
  if (scan.fatal) throw new Error(scan.fatal);
  warnings.push(...scan.warnings);
  const damage = scan.damage ?? imageDataCut(format, { head: buf, tail: options.tail, size });
  if (damage) warnings.push(damage);

  // EXIF, as tiff-tags.ts read it from whichever block the container keeps it in.
  const ifd0 = scan.tiff?.ifd0 ?? {};
  const exif = scan.tiff?.exif ?? {};
  const gps = scan.tiff?.gps ?? {};

  // IIM: Photoshop IRBs and bare IIM blocks.
  const { blocks: iimBlocks, storedDigest } = iimBlocksOfScan(scan);
  let iim: IimRecord | null = null;
  try {
    iim = decodeIim(iimBlocks, storedDigest);
  } catch (error) {
    warnings.push(`IIM could not be read: ${(error as Error).message}`);
  }
  if (iim) warnings.push(...iim.warnings);

  // XMP: from the container walk, else a scan of the bytes.
  const packets = [...scan.xmp];
  if (packets.length === 0 && (kind === 'bmff' || kind === 'raf')) {
    const found = findXmpPacket(buf);
    if (found) packets.push(found);
  }
  const xmp = parseXmpSafely(packets, warnings, 'XMP');

  const raw =
    options.preferSidecar === true ||
    isRawImage(path) ||
    ['CR2', 'CR3', 'NEF', 'ARW', 'RAF', 'ORF', 'RW2', 'DNG'].includes(format);
  const sidecar =
    options.sidecarPath === undefined
      ? findSidecar(path, warnings)
      : options.sidecarPath === null
        ? null
        : readSidecar(options.sidecarPath, warnings);

  const make = str(ifd0.Make);
  const model = str(ifd0.Model);
  const ctx: ReconcileContext = { digest: iim ? iim.digest : 'none', raw, make, model };
  const { fields, origins } = reconcileFields(
    { iim, xmp, sidecar: sidecar?.props ?? null, ifd0, exif },
    ctx,
    warnings,
  );

  const width = scan.width ?? num(exif.ExifImageWidth) ?? num(ifd0.ImageWidth) ?? null;
  const height = scan.height ?? num(exif.ExifImageHeight) ?? num(ifd0.ImageHeight) ?? null;
  const orientation = num(ifd0.Orientation);
  return {
    fields,
    origins,
    technical: {
      format,
      width,
      height,
      orientation: orientation && orientation >= 1 && orientation <= 8 ? orientation : null,
      cameraMake: make,
      cameraModel: model,
      lens: str(exif.LensModel) || str(exif.LensMake),
      gpsLatitude: gpsDegrees(gps.GPSLatitude, gps.GPSLatitudeRef, 'S'),
      gpsLongitude: gpsDegrees(gps.GPSLongitude, gps.GPSLongitudeRef, 'W'),
      warnings: [...new Set(warnings)],
    },
    sidecarPath: sidecar?.path ?? null,
    damage,
  };
}
