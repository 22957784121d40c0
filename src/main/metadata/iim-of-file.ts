import type { ExifTool } from 'exiftool-vendored';
import {
  decodeCp1252,
  decodeIim,
  decodeIimText,
  iimReadsAsUtf8,
  isValidUtf8,
  parseIimDatasets,
} from './iim-decode';
import { scanJpeg } from './jpeg-scan';
import { scanPng } from './png-scan';
import { iimBlocksOfScan } from './scan-iim-blocks';
import { scanTiff } from './tiff-scan';
import type { IimCharset } from './write-tags';

/**
 * The IIM blocks of a whole JPEG, TIFF or PNG file held in memory, as the reader finds them
 * (Photoshop IRBs, the TIFF IPTC tag, a PNG's "Raw profile type iptc"); null when the file is
 * of another format or cannot be scanned, so that a caller knows nothing rather than "no IIM".
 */
export function iimBlocksOf(bytes: Buffer, format: string): Uint8Array[] | null {
  return iimOf(bytes, format)?.blocks ?? null;
}

/** What a writer needs to know of a file's IIM: its blocks, character set and digest. */
export interface FileIim {
  blocks: Uint8Array[];
  charset: IimCharset;
  /** The IPTCDigest says the IIM was changed after the XMP was written. */
  digestStale: boolean;
  /**
   * IIM in another character set (charset "other"): its record-2 datasets that are not plain
   * ASCII, by dataset number, each with every value of it as Cutline reads them. Re-encoding
   * the IIM as UTF-8 must give those in UTF-8 (a mixed IIM, as some tools leave it)
   * explicitly, where ExifTool would read them as cp1252 (write-tags.ts). Empty otherwise.
   */
  nonAscii: Map<number, NonAsciiDataset>;
}

/** The values of one IIM dataset (repeated or not) as Cutline reads them, and as ExifTool does. */
export interface NonAsciiDataset {
  values: string[];
  /** Each value decoded as cp1252, which is how ExifTool reads undeclared IIM. */
  exiftoolReads: string[];
  /** Some value is in UTF-8 (valid UTF-8 and not ASCII): ExifTool misreads it. */
  utf8: boolean;
  /** Some value is not valid UTF-8 (cp1252): declaring UTF-8 over its bytes would garble it. */
  cp1252: boolean;
}

/** The IIM of a whole file held in memory (see iimBlocksOf); null when it cannot be told. */
export function iimOf(bytes: Buffer, format: string): FileIim | null {
  const scan =
    format === 'JPEG'
      ? scanJpeg(bytes, true)
      : format === 'TIFF'
        ? scanTiff(bytes, true)
        : format === 'PNG'
          ? scanPng(bytes, true)
          : null;
  if (!scan || scan.fatal) return null;
  const { blocks, storedDigest } = iimBlocksOfScan(scan);
  if (blocks.length === 0) {
    return { blocks, charset: 'none', digestStale: false, nonAscii: new Map() };
  }
  let digestStale = false;
  try {
    digestStale = decodeIim(blocks, storedDigest)?.digest === 'mismatch';
  } catch {
    // Unreadable IIM: the reader said so at import; the digest is then not ours to judge.
  }
  const charset = iimReadsAsUtf8(blocks) ? 'utf8' : 'other';
  const nonAscii = charset === 'other' ? nonAsciiDatasets(blocks) : new Map();
  return { blocks, charset, digestStale, nonAscii };
}

/** See FileIim.nonAscii. One block only: copies of the IIM are another case. */
function nonAsciiDatasets(blocks: readonly Uint8Array[]): Map<number, NonAsciiDataset> {
  const out = new Map<number, NonAsciiDataset>();
  if (blocks.length !== 1) return out;
  const datasets = parseIimDatasets(blocks[0]!).datasets.filter((d) => d.record === 2);
  const wanted = new Set(
    datasets.filter((d) => d.bytes.some((b) => b >= 0x80)).map((d) => d.dataset),
  );
  for (const d of datasets) {
    if (!wanted.has(d.dataset)) continue;
    const entry = out.get(d.dataset) ?? {
      values: [],
      exiftoolReads: [],
      utf8: false,
      cp1252: false,
    };
    entry.values.push(decodeIimText(d.bytes, false));
    entry.exiftoolReads.push(decodeCp1252(d.bytes).split('\0')[0]!);
    if (isValidUtf8(d.bytes)) entry.utf8 ||= d.bytes.some((b) => b >= 0x80);
    else entry.cp1252 = true;
    out.set(d.dataset, entry);
  }
  return out;
}

/**
 * ExifTool's names for the datasets of FileIim.nonAscii in the file at `path` ("IPTC:
 * Sub-location" for 92). ExifTool groups every IIM record as "IPTC" and numbers datasets
 * within a record (1:90 and 2:90 are both 90), so a name is taken only where ExifTool's
 * value is the one it reads from those very bytes (as cp1252). A dataset left without a name
 * is missing from the answer.
 */
export async function iimTagNames(
  exiftool: ExifTool,
  path: string,
  datasets: ReadonlyMap<number, NonAsciiDataset>,
): Promise<Map<number, string>> {
  const tags = (await exiftool.readRaw(path, {
    readArgs: ['-IPTC:all', '-G1', '-a', '-D'],
    useMWG: false,
  } as never)) as Record<string, unknown>;
  const out = new Map<number, string>();
  for (const [key, entry] of Object.entries(tags)) {
    const { id, val } = (entry ?? {}) as { id?: unknown; val?: unknown };
    const dataset = typeof id === 'number' ? datasets.get(id) : undefined;
    if (!key.startsWith('IPTC:') || !dataset || out.has(id as number)) continue;
    const read = [val].flat().map(String);
    if (JSON.stringify(read) === JSON.stringify(dataset.exiftoolReads)) out.set(id as number, key);
  }
  return out;
}
