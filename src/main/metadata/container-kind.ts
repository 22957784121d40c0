import type { ContainerScan } from './container-scan';
import { scanCr3 } from './cr3-scan';
import { scanHeif } from './heif-scan';
import { scanJpeg } from './jpeg-scan';
import { scanPng } from './png-scan';
import { scanRaf } from './raf-scan';
import { scanTiff } from './tiff-scan';
import { isTiffHeader } from './tiff-tags';
import { scanWebp } from './webp-scan';

/**
 * The container kinds Cutline walks itself, told from a file's first bytes (not its name),
 * and the walk each one takes.
 */
export type ContainerKind = 'jpeg' | 'tiff' | 'png' | 'bmff' | 'webp' | 'raf';

/** The container kind of a file from its first bytes; null when it is no image Cutline reads. */
export function containerKindOf(buf: Buffer): ContainerKind | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8) {
    const s4 = buf.toString('latin1', 0, 4);
    if (isTiffHeader(buf, 0)) return 'tiff';
    if (buf.readUInt32BE(0) === 0x89504e47) return 'png';
    if (s4 === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
    if (buf.toString('latin1', 4, 8) === 'ftyp') return 'bmff';
    if (buf.toString('latin1', 0, 15) === 'FUJIFILMCCD-RAW') return 'raf';
  }
  return null;
}

/**
 * The format name shown for a file (JPEG, CR2, HEIC, …): a TIFF-based RAW or a BMFF brand is
 * told from its header where it can be, else from the extension `ext`.
 */
export function formatName(kind: ContainerKind, buf: Buffer, ext: string): string {
  switch (kind) {
    case 'jpeg':
      return 'JPEG';
    case 'png':
      return 'PNG';
    case 'webp':
      return 'WEBP';
    case 'raf':
      return 'RAF';
    case 'tiff': {
      const s4 = buf.toString('latin1', 0, 4);
      if (s4 === 'IIRO' || s4 === 'IIRS') return 'ORF';
      if (s4 === 'IIU\0') return 'RW2';
      if (buf.toString('latin1', 8, 10) === 'CR') return 'CR2';
      const byExt: Record<string, string> = {
        dng: 'DNG',
        nef: 'NEF',
        arw: 'ARW',
        orf: 'ORF',
        rw2: 'RW2',
      };
      return byExt[ext] ?? 'TIFF';
    }
    case 'bmff': {
      const brand = buf.toString('latin1', 8, 12);
      if (brand === 'crx ') return 'CR3';
      if (brand === 'avif' || brand === 'avis') return 'AVIF';
      return 'HEIC';
    }
  }
}

/**
 * The metadata blocks found in the file's bytes, walked as its container says. `complete`
 * says whether `buf` is the whole file; `size` is the file's size in bytes.
 */
export function scanContainer(
  kind: ContainerKind,
  buf: Buffer,
  complete: boolean,
  size: number,
): ContainerScan {
  switch (kind) {
    case 'jpeg':
      return scanJpeg(buf, complete);
    case 'tiff':
      return scanTiff(buf, complete, size);
    case 'png':
      return scanPng(buf, complete);
    case 'webp': {
      const scan = scanWebp(buf);
      if (complete) scan.needMore = false;
      return scan;
    }
    case 'raf':
      return scanRaf(buf, complete);
    case 'bmff':
      // CR3 keeps its EXIF in CMT boxes; HEIC/AVIF in items of the meta box.
      return buf.toString('latin1', 8, 12) === 'crx '
        ? scanCr3(buf, complete)
        : scanHeif(buf, complete);
  }
}
