/**
 * What a write changed in a file, as ExifTool reads it: snapshots of every tag (`-j -G1:4 -a
 * -struct`, each copy apart) before and after, and the tags that differ other than the
 * copies of the edited fields and the tags that must follow an edit. Used by the round-trip
 * measurement (bench/round-trip.ts) and the tests of writing only what was edited.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { iimOf } from '../../src/main/metadata/iim-of-file';

const run = promisify(execFile);
const EXIFTOOL = join(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  'exiftool-vendored.pl',
  'bin',
  'exiftool',
);

/** ExifTool's reading of one file: "Group:Tag" (or "Group:CopyN:Tag") → value. */
export type Snapshot = Record<string, unknown>;

/** The copies of each caption field, by ExifTool group and tag name. */
export const FIELD_TAGS: Record<string, readonly string[]> = {
  caption: ['XMP-dc:Description', 'IPTC:Caption-Abstract', 'IFD0:ImageDescription'],
  creators: ['XMP-dc:Creator', 'IPTC:By-line', 'IFD0:Artist'],
  creditLine: ['XMP-photoshop:Credit', 'IPTC:Credit'],
  keywords: ['XMP-dc:Subject', 'IPTC:Keywords'],
  copyrightNotice: ['XMP-dc:Rights', 'IPTC:CopyrightNotice', 'IFD0:Copyright'],
  dateCreated: [
    'XMP-photoshop:DateCreated',
    'IPTC:DateCreated',
    'IPTC:TimeCreated',
    'ExifIFD:DateTimeOriginal',
    'ExifIFD:OffsetTimeOriginal',
    'ExifIFD:SubSecTimeOriginal',
  ],
};

/** Tags that follow an edit: what must change when a caption field does. */
const FOLLOWING = new Set(
  [
    'Photoshop:IPTCDigest',
    'File:CurrentIPTCDigest',
    'IPTC:CodedCharacterSet',
    'IPTC:EnvelopeRecordVersion',
    'IPTC:ApplicationRecordVersion',
    'IFD0:ModifyDate',
    'XMP-xmp:MetadataDate',
    'XMP-xmp:ModifyDate',
    'XMP-x:XMPToolkit',
    // The MD5 of an extended XMP packet, which ExifTool lays out again.
    'XMP-xmpNote:HasExtendedXMP',
    'SourceFile',
  ].map((tag) => tag.toLowerCase()),
);

/** Where a tag sits in the file rather than what it says (they move when a block grows). */
const STRUCTURAL = /(offsets?|start|mediadatasize)$/;

/** The IIM of a file, as the writer finds it (iim-of-file.ts). */
async function fileIim(path: string) {
  const bytes = await readFile(path);
  const s4 = bytes.toString('latin1', 0, 4);
  const format =
    bytes[0] === 0xff && bytes[1] === 0xd8
      ? 'JPEG'
      : s4 === 'II*\0' || s4 === 'MM\0*'
        ? 'TIFF'
        : s4 === '\x89PNG'
          ? 'PNG'
          : 'other';
  return iimOf(bytes, format);
}

/** The files whose undeclared IIM mixes cp1252 datasets with UTF-8 ones. */
async function iimMixed(paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const path of paths) {
    const iim = await fileIim(path);
    if ([...(iim?.nonAscii.values() ?? [])].some((dataset) => dataset.utf8)) out.add(path);
  }
  return out;
}

/**
 * Each IIM value read as UTF-8 where it validly is, else as cp1252. ExifTool's JSON turns
 * each byte that is not valid UTF-8 into "?": a UTF-8 reading with more of them than the
 * cp1252 one is not valid UTF-8.
 */
function mergedIim(utf8: Snapshot, cp1252: Snapshot): Snapshot {
  const out: Snapshot = { ...cp1252 };
  const marks = (value: unknown) => String(value).split('?').length;
  const pick = (asUtf8: unknown, asCp1252: unknown) =>
    marks(asUtf8) > marks(asCp1252) ? asCp1252 : asUtf8;
  for (const [key, value] of Object.entries(utf8)) {
    if (!/^IPTC\d*:/.test(key)) continue;
    const other = cp1252[key];
    out[key] =
      Array.isArray(value) && Array.isArray(other)
        ? value.map((item, i) => pick(item, other[i]))
        : pick(value, other);
  }
  return out;
}

/** The files whose IIM Cutline reads as UTF-8 (or that have none), by their bytes. */
async function iimReadAsUtf8(paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const path of paths) {
    if ((await fileIim(path))?.charset !== 'other') out.add(path);
  }
  return out;
}

/**
 * ExifTool's reading of each file. IIM without a declared character set is read the way
 * Cutline reads it (docs/METADATA.md: UTF-8 when its bytes are valid UTF-8, else cp1252):
 * a write that declares UTF-8 would otherwise change how ExifTool reads the same bytes. Give
 * `iimUtf8` (files read as UTF-8) to read a file after a write as it was read before.
 */
export async function snapshots(
  paths: readonly string[],
  iimUtf8?: ReadonlySet<string>,
): Promise<{ tags: Map<string, Snapshot>; iimUtf8: ReadonlySet<string> }> {
  const utf8 = iimUtf8 ?? (await iimReadAsUtf8(paths));
  const mixed = await iimMixed(paths);
  const out = new Map<string, Snapshot>();
  const read = async (charset: 'utf8' | 'cp1252', group: readonly string[]) => {
    const found = new Map<string, Snapshot>();
    if (group.length === 0) return found;
    const { stdout } = await run(
      'perl',
      [EXIFTOOL, '-j', '-G1:4', '-a', '-struct', '-charset', `iptc=${charset}`, ...group],
      { maxBuffer: 512 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout || '[]' }));
    for (const tags of JSON.parse(stdout) as Snapshot[]) found.set(String(tags.SourceFile), tags);
    return found;
  };
  const plain = paths.filter((p) => !mixed.has(p));
  for (const [path, tags] of await read(
    'utf8',
    plain.filter((p) => utf8.has(p)),
  ))
    out.set(path, tags);
  for (const [path, tags] of await read(
    'cp1252',
    plain.filter((p) => !utf8.has(p)),
  )) {
    out.set(path, tags);
  }
  // A mixed IIM is read dataset by dataset, as Cutline reads it.
  const [asUtf8, asCp1252] = await Promise.all([
    read('utf8', [...mixed]),
    read('cp1252', [...mixed]),
  ]);
  for (const [path, tags] of asCp1252) out.set(path, mergedIim(asUtf8.get(path) ?? {}, tags));
  return { tags: out, iimUtf8: utf8 };
}

/** The value of a tag in a snapshot, whichever copy number ExifTool gave it ("IFD0:Rating"). */
export function tagValue(snapshot: Snapshot, tag: string): unknown {
  const [group, name] = tag.split(':');
  const key = Object.keys(snapshot).find((k) => {
    const parts = k.split(':');
    return parts[0] === group && parts.at(-1) === name;
  });
  return key === undefined ? undefined : snapshot[key];
}

/**
 * The values of each tag, copies together ("IFD0:Copy1:Rating" is the second Rating ExifTool
 * met, a number that shifts when a rewrite orders the XMP otherwise; "IPTC2" is the second
 * IIM block, numbered in the order met): sorted, and without empty XMP values, which ExifTool
 * does not write back (an empty property says nothing).
 */
function byTag(snapshot: Snapshot): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(snapshot)) {
    if (value === '' || (Array.isArray(value) && value.every((v) => v === ''))) continue;
    const parts = key.split(':');
    const group = (parts[0] ?? '').replace(/^IPTC\d+$/, 'IPTC');
    // ExifTool names one XMP property two ways where the schema changed its case
    // (XMP-plus ImageSupplierImageId and …ID): the name's case is not its meaning.
    const tag = `${group}:${parts.at(-1)}`.toLowerCase();
    out.set(tag, [...(out.get(tag) ?? []), JSON.stringify(value)].sort());
  }
  return out;
}

function followsOrEdited(tag: string, edited: ReadonlySet<string>): boolean {
  if (edited.has(tag) || FOLLOWING.has(tag)) return true;
  const [group = '', name = ''] = tag.split(':');
  // ExifTool's own diagnostics about the file, and values it computes from others.
  if (group === 'system' || group === 'composite' || group === 'exiftool') return true;
  if (group === 'file' && /^(filesize|filemodifydate|fileaccessdate)/.test(name)) return true;
  return STRUCTURAL.test(name);
}

/**
 * Every tag whose values differ between the snapshots, other than the copies of the `fields`
 * edited (FIELD_TAGS keys) and the tags that follow an edit: "Group:Tag: before -> after".
 */
export function tagChanges(before: Snapshot, after: Snapshot, fields: readonly string[]): string[] {
  const edited = new Set(
    fields.flatMap((field) => FIELD_TAGS[field] ?? []).map((tag) => tag.toLowerCase()),
  );
  const was = byTag(before);
  const now = byTag(after);
  const changes: string[] = [];
  for (const tag of new Set([...was.keys(), ...now.keys()])) {
    if (followsOrEdited(tag, edited)) continue;
    const a = JSON.stringify(was.get(tag));
    const b = JSON.stringify(now.get(tag));
    if (a !== b) changes.push(`${tag}: ${short(a)} -> ${short(b)}`);
  }
  return changes;
}

function short(json: string | undefined): string {
  if (json === undefined) return '(none)';
  return json.length > 90 ? `${json.slice(0, 87)}…` : json;
}

/**
 * Copies of the edited fields that do not say what was written (a stale copy a reader may
 * still take): "Group:Tag: value", each copy apart. `expected` gives each field's value as
 * its copies hold it, lists joined with "; " (IIM cut at its limits where that matters).
 */
export function staleCopies(after: Snapshot, expected: Record<string, string>): string[] {
  const stale: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const parts = key.split(':');
    const tag = `${(parts[0] ?? '').replace(/^IPTC\d+$/, 'IPTC')}:${parts.at(-1)}`.toLowerCase();
    for (const [field, text] of Object.entries(expected)) {
      const copies = (FIELD_TAGS[field] ?? []).map((t) => t.toLowerCase());
      if (!copies.includes(tag)) continue;
      const held = [value].flat().map(String).join('; ');
      // Blank padding (cameras fill ImageDescription with spaces) says no old caption.
      if (held !== text && held.trim() !== '')
        stale.push(`${key}: ${short(JSON.stringify(value))}`);
    }
  }
  return stale;
}
