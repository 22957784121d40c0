/**
 * Round-trip measurement (`npm run bench:roundtrip`): does a write change anything nobody
 * edited? Every real file within reach (../shared/fixtures/real and ../shared/fixtures/reported,
 * when present) and files made here with ExifTool (a JPEG and a TIFF with EXIF, IIM and XMP
 * that disagree, a cp1252 IIM, a PNG with raw-profile IIM and EXIF) are copied to a temporary
 * folder and read by ExifTool (`-j -G1:4 -a -struct`); they are imported into a temporary
 * catalog, their caption, creators, credit line and keywords edited through the edit service
 * and written by the write service, then read by ExifTool again. Every tag that changed,
 * appeared or went, other than the copies of the four edited fields and the tags that must
 * follow them (IPTC digest, IIM character set and record versions, modify and metadata dates,
 * XMP toolkit, file-system and structural offsets), is listed. The count it prints must be 0.
 *
 * IIM without a declared character set is read before the write the way Cutline reads it
 * (docs/METADATA.md: UTF-8 when its bytes are valid UTF-8, else cp1252), since the write
 * declares UTF-8 and ExifTool would otherwise read the same bytes differently afterwards.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { iimOf } from '../src/main/metadata/iim-of-file';
import { isSupportedImage } from '../src/main/metadata/supported-formats';
import { startServices } from '../src/main/services/cutline-services';
import {
  makeCp1252Jpeg,
  makeEveryCopyJpeg,
  makeEveryCopyTiff,
  makeRawProfilePng,
} from '../tests/helpers/make-harm-photos';
import { createExifTool } from '../tests/helpers/make-photos';

const run = promisify(execFile);
const EXIFTOOL = join(process.cwd(), 'node_modules/exiftool-vendored.pl/bin/exiftool');
/** ../shared beside the checkout (or beside the folder of worktrees). */
const SHARED = [
  join(process.cwd(), '..', 'shared', 'fixtures'),
  join(process.cwd(), '..', '..', 'shared', 'fixtures'),
].find((dir) => existsSync(dir));
const SOURCES = SHARED
  ? ['real', 'reported'].map((name) => join(SHARED, name)).filter((dir) => existsSync(dir))
  : [];

/** What the write edits. */
const EDIT = {
  caption: 'Round trip: «the caption» — edited © 2026',
  creators: ['Round Tripper', 'Ægir Ödegaard'],
  creditLine: 'Round-trip credit',
  keywords: ['round trip', 'Zürich'],
};

/** The copies of the edited fields: these change. */
const EDITED_TAGS = new Set(
  [
    'XMP-dc:Description',
    'XMP-dc:Creator',
    'XMP-photoshop:Credit',
    'XMP-dc:Subject',
    'IPTC:Caption-Abstract',
    'IPTC:By-line',
    'IPTC:Credit',
    'IPTC:Keywords',
    'IFD0:ImageDescription',
    'IFD0:Artist',
  ].map((tag) => tag.toLowerCase()),
);

/** Tags that follow an edit: what must change when the fields above do. */
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
    'ExifTool:ExifToolVersion',
    'SourceFile',
  ].map((tag) => tag.toLowerCase()),
);

/** Where a tag sits in the file rather than what it says (they move when a block grows). */
const STRUCTURAL = /(Offsets?|Start|MediaDataSize)$/;

function followsOrEdited(key: string): boolean {
  // "IFD0:Copy1:ImageDescription" names the second copy of a tag: the copy number aside.
  const parts = key.split(':');
  const plain = (parts.length > 2 ? `${parts[0]}:${parts[2]}` : key).toLowerCase();
  if (EDITED_TAGS.has(plain) || FOLLOWING.has(plain)) return true;
  const group = parts[0] ?? '';
  // ExifTool's own diagnostics about the file, and values it computes from others.
  if (group === 'System' || group === 'Composite' || group === 'ExifTool') return true;
  if (group === 'File' && /^(FileSize|FileModifyDate|FileAccessDate)/.test(parts.at(-1) ?? '')) {
    return true;
  }
  return STRUCTURAL.test(parts.at(-1) ?? '');
}

type Snapshot = Record<string, unknown>;

/** ExifTool's reading of each file, every copy of every tag apart. */
async function snapshot(paths: string[], iimUtf8: Set<string>): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>();
  for (const [charset, group] of [
    ['utf8', paths.filter((p) => iimUtf8.has(p))],
    ['cp1252', paths.filter((p) => !iimUtf8.has(p))],
  ] as const) {
    if (group.length === 0) continue;
    const { stdout } = await run(
      'perl',
      [EXIFTOOL, '-j', '-G1:4', '-a', '-struct', '-charset', `iptc=${charset}`, ...group],
      { maxBuffer: 512 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
    for (const tags of JSON.parse(stdout) as Snapshot[]) out.set(String(tags.SourceFile), tags);
  }
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && isSupportedImage(e.name))
    .map((e) => join(e.parentPath, e.name));
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'cutline-round-trip-'));
  const folder = join(root, 'files');
  const exiftool = createExifTool();
  try {
    for (const source of SOURCES) {
      for (const file of await filesUnder(source)) {
        const target = join(folder, basename(source), relative(source, file));
        await mkdir(join(target, '..'), { recursive: true });
        await copyFile(file, target);
        await chmod(target, 0o644);
      }
    }
    const made = join(folder, 'made');
    await mkdir(made, { recursive: true });
    await makeEveryCopyJpeg(exiftool, join(made, 'every-copy.jpg'));
    await makeEveryCopyTiff(exiftool, join(made, 'every-copy.tif'));
    await makeCp1252Jpeg(exiftool, join(made, 'cp1252-iim.jpg'));
    await makeRawProfilePng(exiftool, join(made, 'raw-profiles.png'));
    if (SOURCES.length === 0) console.log('no ../shared/fixtures: made files only');

    // BENCH_ROUNDTRIP_ONLY=text: only the files whose path holds it (looking into one file).
    const only = process.env.BENCH_ROUNDTRIP_ONLY;
    for (const path of await filesUnder(folder)) {
      if (only && !path.includes(only)) await rm(path);
    }
    const paths = await filesUnder(folder);
    const iimUtf8 = new Set<string>();
    for (const path of paths) {
      const bytes = await readFile(path);
      const iim = iimOf(bytes, path.toLowerCase().endsWith('.png') ? 'PNG' : sniffFormat(bytes));
      if (iim?.charset !== 'other') iimUtf8.add(path);
    }
    const before = await snapshot(paths, iimUtf8);

    const services = startServices(join(root, 'catalog.sqlite'), { workers: 0 });
    const started = performance.now();
    await (await services.importer.start([folder])).done;
    const ids = (services.db.prepare('SELECT id FROM photos').all() as { id: number }[]).map(
      (row) => row.id,
    );
    services.editor.setFields(ids, EDIT);
    const summary = await services.writer.write({ ids: [], allChanged: true, sidecar: false });
    const seconds = (performance.now() - started) / 1000;
    await services.close();

    const after = await snapshot(paths, iimUtf8);
    let changed = 0;
    for (const path of paths) {
      const was = byTag(before.get(path) ?? {});
      const now = byTag(after.get(path) ?? {});
      const lines: string[] = [];
      for (const key of new Set([...was.keys(), ...now.keys()])) {
        if (followsOrEdited(key)) continue;
        const a = JSON.stringify(was.get(key));
        const b = JSON.stringify(now.get(key));
        if (a === b) continue;
        lines.push(`  ${key}: ${short(a)} -> ${short(b)}`);
      }
      if (lines.length > 0) {
        console.log(`${relative(folder, path)}: ${lines.length} changed`);
        for (const line of lines) console.log(line);
      }
      changed += lines.length;
    }
    for (const failure of summary.failed) {
      console.log(
        `not written (left as it was): ${relative(folder, failure.path)}: ${failure.reason}`,
      );
    }
    for (const { path, note } of summary.notes)
      console.log(`note: ${relative(folder, path)}: ${note}`);
    console.log(
      `${paths.length} files (${SOURCES.map((s) => relative(process.cwd(), s)).join(', ') || 'no shared fixtures'}, made), ` +
        `${summary.written} written, ${summary.failed.length} refused, ${seconds.toFixed(1)} s import + edit + write`,
    );
    console.log(`tags changed outside the edited fields: ${changed}`);
    process.exitCode = changed === 0 ? 0 : 1;
  } finally {
    await exiftool.end();
    // BENCH_ROUNDTRIP_KEEP=1 keeps the written files to look at.
    if (process.env.BENCH_ROUNDTRIP_KEEP) console.log(`files kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

/**
 * The values of each tag, copies together ("IFD0:Copy1:Rating" is the second Rating ExifTool
 * met, a number that shifts when a rewrite orders the XMP otherwise): sorted, and without
 * empty XMP values, which ExifTool does not write back (an empty property says nothing).
 */
function byTag(snapshot: Snapshot): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(snapshot)) {
    if (value === '') continue;
    const parts = key.split(':');
    const tag = parts.length > 2 ? `${parts[0]}:${parts[2]}` : key;
    out.set(tag, [...(out.get(tag) ?? []), JSON.stringify(value)].sort());
  }
  return out;
}

function sniffFormat(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'JPEG';
  const s4 = bytes.toString('latin1', 0, 4);
  return s4 === 'II*\0' || s4 === 'MM\0*' ? 'TIFF' : 'other';
}

function short(json: string | undefined): string {
  if (json === undefined) return '(none)';
  return json.length > 90 ? `${json.slice(0, 87)}…` : json;
}

await main();
