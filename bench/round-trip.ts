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
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { isRawImage, isSupportedImage } from '../src/main/metadata/supported-formats';
import { startServices } from '../src/main/services/cutline-services';
import {
  makeCp1252Jpeg,
  makeEveryCopyJpeg,
  makeEveryCopyTiff,
  makeRawProfilePng,
} from '../tests/helpers/make-harm-photos';
import { createExifTool } from '../tests/helpers/make-photos';
import { snapshots, staleCopies, tagChanges } from '../tests/helpers/tag-changes';

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
    const before = await snapshots(paths);

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

    const after = await snapshots(paths, before.iimUtf8);
    let changed = 0;
    let stale = 0;
    const refused = new Set(summary.failed.map((failure) => failure.path));
    const expected = {
      caption: EDIT.caption,
      creators: EDIT.creators.join('; '),
      creditLine: EDIT.creditLine,
      keywords: EDIT.keywords.join('; '),
    };
    for (const path of paths) {
      // A copy of an edited field still saying something else (a RAW file's own copies are
      // left as they are: its sidecar holds the edit).
      const left =
        refused.has(path) || isRawImage(path)
          ? []
          : staleCopies(after.tags.get(path) ?? {}, expected);
      for (const line of left) console.log(`${relative(folder, path)}: stale copy ${line}`);
      stale += left.length;
      const lines = tagChanges(
        before.tags.get(path) ?? {},
        after.tags.get(path) ?? {},
        Object.keys(EDIT),
      );
      if (lines.length > 0) {
        console.log(`${relative(folder, path)}: ${lines.length} changed`);
        for (const line of lines) console.log(`  ${line}`);
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
    console.log(`copies of the edited fields left saying something else: ${stale}`);
    process.exitCode = changed === 0 && stale === 0 ? 0 : 1;
  } finally {
    await exiftool.end();
    // BENCH_ROUNDTRIP_KEEP=1 keeps the written files to look at.
    if (process.env.BENCH_ROUNDTRIP_KEEP) console.log(`files kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

await main();
