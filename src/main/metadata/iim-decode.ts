import { createHash } from 'node:crypto';
import { forEachIrbResource } from './irb-resources';
import { IIM_DATASET_LIMIT, sizeName } from './read-limits';

/**
 * IIM (IPTC-NAA Information Interchange Model) decoding from raw bytes. exifr decodes every
 * IIM string as Latin-1 and never returns record 1 (the character set), so Cutline re-reads
 * the datasets itself: see docs/METADATA.md, "Text encoding of IIM".
 */

/** Windows-1252 for 0x80–0x9F; Node's TextDecoder('windows-1252') maps these wrongly. */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Loose = new TextDecoder('utf-8');

/** Decodes bytes as Windows-1252 (0x00–0x7F and 0xA0–0xFF are the same as Latin-1). */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
  }
  return out;
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes one IIM value. Declared UTF-8 is read as UTF-8 (a broken sequence becomes U+FFFD
 * rather than an error). Undeclared bytes are UTF-8 when they are valid UTF-8 (most modern
 * writers that forget 1:90 still write UTF-8), otherwise Windows-1252, which is what older
 * Mac/Windows newsroom tools wrote and a superset of the Latin-1 letters.
 */
export function decodeIimText(bytes: Uint8Array, declaredUtf8: boolean): string {
  let text: string;
  if (declaredUtf8) text = utf8Loose.decode(bytes);
  else if (bytes.every((b) => b < 0x80)) text = Buffer.from(bytes).toString('latin1');
  else text = isValidUtf8(bytes) ? utf8Strict.decode(bytes) : decodeCp1252(bytes);
  // IIM text never holds NUL: writers pad with it, and damaged files run on past it (ExifTool
  // also ends the value there).
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/**
 * Whether the text of these IIM blocks reads the same once the IIM is declared UTF-8: it is
 * declared UTF-8 already, or every value is plain ASCII or valid UTF-8 (which the reader takes
 * as UTF-8 anyway). Then a writer that declares UTF-8 may leave datasets it does not change
 * as they are; otherwise (cp1252 bytes, say) it must write them all again.
 */
export function iimReadsAsUtf8(blocks: readonly Uint8Array[]): boolean {
  const datasets = blocks.flatMap((block) => parseIimDatasets(block).datasets);
  const charset = datasets.find((d) => d.record === 1 && d.dataset === 90);
  if (charset && ESC_UTF8.every((v, i) => charset.bytes[i] === v)) return true;
  return datasets.every((d) => d.record !== 2 || isValidUtf8(d.bytes));
}

/** One IIM dataset as stored: record, dataset number and raw value bytes. */
export interface IimDataset {
  record: number;
  dataset: number;
  bytes: Uint8Array;
}

/** What the IRB (Photoshop image resources) held that matters for captions. */
export interface IrbContents {
  /** Every 0x0404 (IPTC-NAA) resource's data, in file order. */
  iimBlocks: Uint8Array[];
  /** Resource 0x0425: the MD5 Photoshop stored of the IIM when it last synced XMP and IIM. */
  storedDigest: Uint8Array | null;
}

/** Reads the resources that matter for captions from Photoshop image resources (an IRB). */
export function parseIrb(data: Uint8Array): IrbContents {
  const result: IrbContents = { iimBlocks: [], storedDigest: null };
  forEachIrbResource(data, (id, payload) => {
    if (id === 0x0404) result.iimBlocks.push(payload);
    else if (id === 0x0425 && payload.length === 16) result.storedDigest = payload;
  });
  return result;
}

/** IIM datasets of a block, and whether the block ended cleanly. */
export interface IimParse {
  datasets: IimDataset[];
  /** Set when the data stopped being IIM before its end. */
  problem: string | null;
}

/** Splits one IIM block into datasets (0x1C, record, dataset, length, value). */
export function parseIimDatasets(block: Uint8Array): IimParse {
  const datasets: IimDataset[] = [];
  let pos = 0;
  let problem: string | null = null;
  while (pos < block.length) {
    if (block[pos] !== 0x1c) {
      // Trailing NUL padding is common and harmless; anything else is damage.
      if (block.subarray(pos).some((b) => b !== 0)) {
        problem = `IIM data is damaged at byte ${pos} (expected a dataset marker)`;
      }
      break;
    }
    if (pos + 5 > block.length) {
      problem = 'IIM data ends in the middle of a dataset header';
      break;
    }
    const record = block[pos + 1]!;
    const dataset = block[pos + 2]!;
    let length = (block[pos + 3]! << 8) | block[pos + 4]!;
    let start = pos + 5;
    if (length & 0x8000) {
      // Extended dataset: the low 15 bits count the bytes of the real length.
      const count = length & 0x7fff;
      if (count > 4 || start + count > block.length) {
        problem = 'IIM data has a bad extended length';
        break;
      }
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + block[start + i]!;
      start += count;
    }
    const end = start + length;
    if (end > block.length) {
      problem = 'IIM data is truncated (a value runs past the end of the block)';
      datasets.push({ record, dataset, bytes: block.subarray(start) });
      break;
    }
    datasets.push({ record, dataset, bytes: block.subarray(start, end) });
    pos = end;
  }
  return { datasets, problem };
}

/**
 * A dataset's bytes within IIM_DATASET_LIMIT: a longer value is cut there (at the start of a
 * UTF-8 character, so the rest still decodes as it would whole) with a warning.
 */
function boundedValue(d: IimDataset, warnings: string[]): Uint8Array {
  if (d.bytes.length <= IIM_DATASET_LIMIT) return d.bytes;
  warnings.push(
    `IIM dataset 2:${d.dataset} of ${sizeName(d.bytes.length)} is over the ${sizeName(IIM_DATASET_LIMIT)} limit: only its first ${sizeName(IIM_DATASET_LIMIT)} were read`,
  );
  let end = IIM_DATASET_LIMIT;
  while (end > 0 && (d.bytes[end]! & 0xc0) === 0x80) end--;
  return d.bytes.subarray(0, end);
}

/** The state of the IPTCDigest Photoshop stores beside the IIM. */
export type DigestState = 'absent' | 'match' | 'mismatch';

/** The decoded IIM of one file. */
export interface IimRecord {
  /** Record-2 values by dataset number, decoded to text; every dataset is a list (repeatables). */
  values: Map<number, string[]>;
  /** Raw byte length of each record-2 value, same order as `values`. */
  byteLengths: Map<number, number[]>;
  /** The 1:90 declaration as text ("UTF-8", or the escape sequence shown as hex), or null. */
  charset: string | null;
  /** Whether the stored IPTCDigest (0x0425) matches the MD5 of the IIM block. */
  digest: DigestState;
  /** Plain-English notes about anything odd. */
  warnings: string[];
}

const ESC_UTF8 = [0x1b, 0x25, 0x47];

/**
 * Decodes the IIM blocks of a file (from `parseIrb`, or bare IIM from TIFF tag 33723 or a PNG
 * profile). The digest is compared with the MD5 of the first block, as Photoshop and ExifTool
 * compute it. Returns null when there is no IIM at all.
 */
export function decodeIim(blocks: Uint8Array[], storedDigest: Uint8Array | null): IimRecord | null {
  if (blocks.length === 0) return null;
  const warnings: string[] = [];
  const all = mergeIimCopies(blocks, warnings);
  const charsetSet = all.find((d) => d.record === 1 && d.dataset === 90);
  let charset: string | null = null;
  let declaredUtf8 = false;
  if (charsetSet) {
    const b = charsetSet.bytes;
    declaredUtf8 = b.length >= 3 && ESC_UTF8.every((v, i) => b[i] === v);
    charset = declaredUtf8 ? 'UTF-8' : Buffer.from(b).toString('hex');
    if (!declaredUtf8) {
      warnings.push(`IIM declares a character set other than UTF-8 (${charset}); read as cp1252`);
    }
  }
  const values = new Map<number, string[]>();
  const byteLengths = new Map<number, number[]>();
  for (const d of all) {
    if (d.record !== 2 || d.dataset === 0) continue;
    const text = decodeIimText(boundedValue(d, warnings), declaredUtf8);
    const list = values.get(d.dataset) ?? [];
    const lengths = byteLengths.get(d.dataset) ?? [];
    list.push(text);
    lengths.push(d.bytes.length);
    values.set(d.dataset, list);
    byteLengths.set(d.dataset, lengths);
  }
  let digest: DigestState = 'absent';
  if (storedDigest) {
    const stored = Buffer.from(storedDigest);
    // The digest is of one block; with several copies, it matches when it is the MD5 of one.
    const md5 = (block: Uint8Array) => createHash('md5').update(block).digest();
    digest = blocks.some((block) => md5(block).equals(stored)) ? 'match' : 'mismatch';
  }
  return { values, byteLengths, charset, digest, warnings };
}

/**
 * The datasets of a file's IIM blocks read as one IIM. A file may hold the IIM more than
 * once (a TIFF in tag 33723 and in the Photoshop IRB; a JPEG in several APP13 blocks): each
 * dataset is taken from the first block that has it, so identical copies count once and a
 * block holding only other datasets adds them. Where later copies hold a dataset differently,
 * the first copy wins (as ExifTool reads the first of a tag found twice) and a warning says so.
 */
function mergeIimCopies(blocks: Uint8Array[], warnings: string[]): IimDataset[] {
  const parsed = blocks.map((block) => {
    const result = parseIimDatasets(block);
    if (result.problem) warnings.push(result.problem);
    return result.datasets;
  });
  if (parsed.length === 1) return parsed[0]!;
  const key = (d: IimDataset) => d.record * 256 + d.dataset;
  const merged: IimDataset[] = [];
  const taken = new Map<number, IimDataset[]>();
  const differ = new Set<number>();
  for (const datasets of parsed) {
    const mine = new Map<number, IimDataset[]>();
    for (const d of datasets) mine.set(key(d), [...(mine.get(key(d)) ?? []), d]);
    for (const [k, list] of mine) {
      const first = taken.get(k);
      if (!first) {
        taken.set(k, list);
        merged.push(...list);
      } else if (
        first.length !== list.length ||
        first.some((d, i) => !Buffer.from(d.bytes).equals(Buffer.from(list[i]!.bytes)))
      ) {
        differ.add(k);
      }
    }
  }
  if (differ.size > 0) {
    const names = [...differ].map((k) => `${k >> 8}:${String(k & 255).padStart(2, '0')}`);
    warnings.push(
      `IIM is stored ${blocks.length} times and the copies differ (datasets ${names.join(', ')}): the first copy is read`,
    );
  }
  return merged;
}

/**
 * Whether Windows-1252 can hold every character of `text`: then it can be written into IIM
 * that is in cp1252 already without declaring another character set (ExifTool writes
 * undeclared IIM as cp1252).
 */
export function encodesInCp1252(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) continue;
    if (!CP1252_HIGH.includes(code)) return false;
  }
  return true;
}
