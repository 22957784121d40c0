/**
 * Writes photos' caption fields from the catalog into their files (or XMP sidecars): checks
 * first that nobody changed a file since the catalog read it, writes safely
 * (metadata/safe-write.ts), then reads the file back into the catalog so the record equals a
 * fresh import. Never throws: a photo is written, found in conflict, or failed with a reason.
 */
import { type Stats, statSync } from 'node:fs';
import { readdir, stat, statfs } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  type FieldValue,
  isStructureField,
  type PhotoDetail,
} from '../../shared/model';
import { CREDENTIALS_BROKEN_NOTE } from '../../shared/provenance';
import type { Settings } from '../../shared/settings';
import type { WriteConflict } from '../../shared/write-back';
import type { CatalogDb } from '../catalog/catalog-db';
import { identifyFile } from '../metadata/fingerprint';
import { iimOf, iimTagNames } from '../metadata/iim-of-file';
import { hasRawBytes } from '../metadata/raw-path';
import { readPhoto } from '../metadata/read-photo';
import {
  abandonSharedWrite,
  finishSharedWrite,
  type SafeWriteRequest,
  sharedWriteKey,
  type WriteReaders,
  WriteRefused,
  type WrittenFile,
  writeSafely,
  writeShared,
} from '../metadata/safe-write';
import { hasNonStandardXmp } from '../metadata/stale-xmp-segments';
import { type FileStructures, readFileStructures } from '../metadata/struct-write';
import { isRawImage, isSupportedImage } from '../metadata/supported-formats';
import { type WriteAlias, writeAliasFor } from '../metadata/write-alias';
import { type WriteContext, writePlanFor } from '../metadata/write-tags';
import { holdsXmp, xmpNamespaceClash } from '../metadata/xmp-namespace-clash';
import { describeFsError } from './fs-errors';
import { rereadPhoto, storeWrittenFile } from './reread-photo';
import { clashingFields } from './write-conflicts';
import { writeReposOf } from './write-repos';

export type PhotoWriteOutcome =
  | { kind: 'written'; path: string; notes: string[] }
  | { kind: 'conflict'; conflict: WriteConflict; fingerprint: string }
  | { kind: 'failed'; path: string; reason: string };

/** Formats whose metadata is written to a sidecar, never into the file. */
export const RAW_FORMATS = new Set(['CR2', 'CR3', 'NEF', 'ARW', 'RAF', 'ORF', 'RW2', 'DNG']);

/**
 * The sidecar a RAW file's metadata goes to: the one it has, else one named per setting. A
 * Lightroom-style `IMG.xmp` that another image of the same name (IMG.CR2 beside IMG.CR3, or
 * beside IMG.JPG) would share is never made: that photo gets `IMG.CR3.xmp` instead.
 */
export async function sidecarPathFor(
  imagePath: string,
  existing: string | null,
  naming: Settings['sidecarNaming'],
): Promise<string> {
  if (existing) return existing;
  const own = `${imagePath}.xmp`;
  if (naming === 'IMG.CR2.xmp') return own;
  const name = basename(imagePath);
  const stem = basename(name, extname(name)).toLowerCase();
  const siblings = await readdir(dirname(imagePath)).catch(() => [] as string[]);
  const shared = siblings.some(
    (other) =>
      other !== name &&
      isSupportedImage(other) &&
      basename(other, extname(other)).toLowerCase() === stem,
  );
  return shared ? own : join(dirname(imagePath), `${basename(name, extname(name))}.xmp`);
}

/** What the catalog last read from the file: its values, with each unwritten edit undone. */
function lastReadValues(detail: PhotoDetail): CaptionFields {
  const fields = { ...detail.record } as unknown as Record<CaptionField, FieldValue>;
  for (const [field, value] of Object.entries(detail.unwritten ?? {})) {
    fields[field as CaptionField] = value as FieldValue;
  }
  return fields as unknown as CaptionFields;
}

/** Plain words for what ExifTool and the file system say when a write fails. */
export function writeFailureReason(error: unknown): string {
  if (error instanceof WriteRefused) return error.message;
  const code = (error as { code?: string } | null)?.code;
  if (code) return describeFsError(error);
  const message = error instanceof Error ? error.message : String(error);
  if (/no space left/i.test(message)) return 'disk full';
  if (/error (creating|opening|renaming)|permission denied/i.test(message)) {
    return 'permission denied: the folder does not let Cutline write the file';
  }
  if (/not (yet )?supported|can't (write|create)|writing of .* not supported/i.test(message)) {
    return `ExifTool cannot write this format (${firstLine(message).replace(/ - \/.*$/, '')})`;
  }
  return firstLine(message.replace(/^Error:\s*/i, '')).replace(/ - \/.*$/, '');
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).trim();
}

export interface PhotoWriteJob {
  photoId: number;
  /** Sidecar even where the format could hold the metadata itself. */
  sidecar: boolean;
}

/** A photo ready to be written, and what storing it afterwards needs. */
interface PreparedWrite {
  photoId: number;
  path: string;
  /** The name ExifTool writes through (write-alias.ts); released once the photo is done. */
  alias: WriteAlias;
  detail: PhotoDetail;
  /** Whether the photo has (or will have) a sidecar: then it is read again whole. */
  readWhole: boolean;
  /** What the write could not do as asked (write-tags.ts, WritePlan.notes). */
  notes: string[];
  request: SafeWriteRequest;
}

/**
 * Asked just before a photo's written copy is put in place: null to go on, else the reason
 * it must not be (the original is left as it was, the photo fails with that reason).
 */
export type ConfirmWrite = (photoId: number) => Promise<string | null>;

/**
 * Writes several photos, answering their outcomes in order. One pair of `buffers` serves
 * the whole turn: each original is read for its tags when the photo is prepared and again
 * for its check, rather than held in between, so a turn of large TIFFs does not hold them
 * all. Photos that get the same tags share one ExifTool command (safe-write.ts,
 * sharedWriteKey); each is still checked, put in place and stored on its own, and fails or
 * finds its conflict on its own. Once `signal` is aborted no further photo is put in place:
 * those have no outcome and stay unwritten. `confirm`, when given, is asked for each photo
 * just before it is put in place.
 */
export async function writePhotos(
  db: CatalogDb,
  exiftool: ExifTool,
  jobs: readonly PhotoWriteJob[],
  settings: Settings,
  buffers: WriteReaders,
  signal?: AbortSignal,
  confirm?: ConfirmWrite,
): Promise<(PhotoWriteOutcome | undefined)[]> {
  const outcomes: (PhotoWriteOutcome | undefined)[] = jobs.map(() => undefined);
  const groups = new Map<string, { index: number; prepared: PreparedWrite }[]>();
  for (const [index, job] of jobs.entries()) {
    if (signal?.aborted) return outcomes;
    const prepared = await prepareWrite(db, exiftool, job, settings, buffers);
    if ('kind' in prepared) {
      outcomes[index] = prepared;
      continue;
    }
    if (confirm) {
      prepared.request.beforeRename = async () => {
        const reason = await confirm(prepared.photoId);
        if (reason !== null) throw new WriteRefused(reason);
      };
    }
    const key = sharedWriteKey(prepared.request) ?? `alone:${index}`;
    const group = groups.get(key) ?? [];
    group.push({ index, prepared });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const shared =
      group.length > 1
        ? await writeShared(
            exiftool,
            group.map((member) => member.prepared.request),
          )
        : null;
    for (const { index, prepared } of group) {
      if (signal?.aborted) {
        if (shared) abandonSharedWrite(prepared.request);
        prepared.alias.release();
        continue;
      }
      try {
        const written = shared
          ? await finishSharedWrite(exiftool, prepared.request, shared)
          : await writeSafely(exiftool, prepared.request);
        prepared.alias.finish();
        outcomes[index] = await storeWritten(db, prepared, written);
      } catch (error) {
        outcomes[index] = {
          kind: 'failed',
          path: prepared.path,
          reason: await explainFailure(error, prepared.alias.path),
        };
      } finally {
        prepared.alias.release();
      }
    }
  }
  return outcomes;
}

/**
 * Everything before ExifTool: the photo still in the catalog and on disk, not changed there
 * since the catalog read it (else its conflict), and the tags that make its file say what
 * the catalog says. Answers an outcome instead when the photo is not to be written.
 */
async function prepareWrite(
  db: CatalogDb,
  exiftool: ExifTool,
  job: PhotoWriteJob,
  settings: Settings,
  readers: WriteReaders,
): Promise<PreparedWrite | PhotoWriteOutcome> {
  const repo = writeReposOf(db).photos;
  const detail = repo.detail(job.photoId);
  if (!detail)
    return { kind: 'failed', path: `photo ${job.photoId}`, reason: 'no longer in the catalog' };
  const path = detail.record.path;
  const sidecarWrite = job.sidecar || isRawImage(path) || RAW_FORMATS.has(detail.record.format);
  // A sidecar would take the image's name, bytes that are not UTF-8 included: not written
  // through an alias yet. Said plainly, and the photo stays unwritten, rather than "not found".
  if (hasRawBytes(path) && sidecarWrite) {
    const reason =
      'its file name is not valid UTF-8, and a sidecar for it cannot yet be written: rename the file (its edits are kept)';
    return { kind: 'failed', path, reason };
  }
  // ExifTool is given file names as UTF-8 text: a name that is not (raw-path.ts) is written
  // through an ASCII-named hard link to the same file (write-alias.ts).
  let alias: WriteAlias;
  try {
    alias = writeAliasFor(path);
  } catch (error) {
    return { kind: 'failed', path, reason: await explainFailure(error, path) };
  }
  const prepared = await prepareAliased(db, exiftool, job, settings, readers, detail, alias);
  if ('kind' in prepared) alias.release();
  return prepared;
}

/** prepareWrite once the file has a name ExifTool can open (`alias.path`). */
async function prepareAliased(
  db: CatalogDb,
  exiftool: ExifTool,
  job: PhotoWriteJob,
  settings: Settings,
  readers: WriteReaders,
  detail: PhotoDetail,
  alias: WriteAlias,
): Promise<PreparedWrite | PhotoWriteOutcome> {
  const repo = writeReposOf(db).photos;
  // `path` names the photo in the catalog and in messages; `file` is where it is opened.
  const path = detail.record.path;
  const file = alias.path;
  try {
    const known = repo.findByPath(path);
    // Synchronous stats: see safe-write.ts on libuv's pool during a batch.
    let info: Stats;
    try {
      info = statSync(file);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') repo.setFileState(job.photoId, 'missing');
      throw error;
    }
    if (!info.isFile()) return { kind: 'failed', path, reason: 'not a file' };
    const sidecar = job.sidecar || isRawImage(path) || RAW_FORMATS.has(detail.record.format);
    // Respect a file someone made read-only on purpose (root could replace it anyway).
    if (!sidecar && (info.mode & 0o222) === 0) {
      return { kind: 'failed', path, reason: 'the file is read-only' };
    }

    // Changed on disk since the catalog read it (or its sidecar)? Then look before writing.
    const sidecarNow = known?.sidecarPath
      ? statSync(known.sidecarPath, { throwIfNoEntry: false })
      : undefined;
    const fileMoved = !known || info.size !== known.byteSize || info.mtimeMs !== known.mtimeMs;
    const sidecarMoved = (sidecarNow?.mtimeMs ?? null) !== (known?.sidecarMtimeMs ?? null);
    if (fileMoved || sidecarMoved) {
      const identity = await identifyFile(file);
      if (sidecarMoved || identity.fingerprint !== known?.fingerprint) {
        const fileNow = (await readPhoto(file)).fields;
        const clashes = clashingFields(fileNow, lastReadValues(detail), detail.record);
        if (Object.keys(clashes).length > 0) {
          return {
            kind: 'conflict',
            fingerprint: identity.fingerprint,
            conflict: {
              photoId: job.photoId,
              path,
              detectedAt: new Date().toISOString(),
              fields: clashes,
            },
          };
        }
      }
    }

    const fields = detail.record as unknown as CaptionFields;
    const targetPath = sidecar
      ? await sidecarPathFor(path, known?.sidecarPath ?? null, settings.sidecarNaming)
      : file;
    // Only what was edited since the file was last read is written (docs/METADATA.md); a
    // sidecar made now has no copies to harm and gets every field that has a value.
    const newSidecar = sidecar && !statSync(targetPath, { throwIfNoEntry: false });
    const edited = CAPTION_FIELDS.filter(
      (field) => field in (detail.unwritten ?? {}) || (newSidecar && fields[field].length > 0),
    );
    if (edited.length === 0) return { kind: 'written', path, notes: [] };
    // The file as it is now, read by today's reader: which copies it holds decides where the
    // edits go, and the check afterwards compares every copy not edited with these.
    const original = sidecar ? null : readers.original.read(file);
    const clash = original && xmpNamespaceClash(original);
    if (clash) {
      return {
        kind: 'failed',
        path,
        reason: `its XMP declares one namespace twice (${clash}, with and without a final "/"); ExifTool would merge them and lose a value, so the file was left as it was`,
      };
    }
    const before = original
      ? await readPhoto(file, { head: original, size: original.length, sidecarPath: null })
      : await readPhoto(path, { sidecarPath: newSidecar ? null : targetPath, preferSidecar: true });
    const iim = original ? iimOf(original, detail.record.format) : null;
    const context: WriteContext = {
      fileStructures: newSidecar
        ? undefined
        : await fileStructuresOf(exiftool, targetPath, edited, before.fields),
      format: detail.record.format,
      origins: before.origins,
      target: sidecar ? 'sidecar' : 'embedded',
      edited,
      iim: iim?.charset ?? 'none',
      hasXmp: !!original && holdsXmp(original, detail.record.format),
      digestStale: iim?.digestStale ?? false,
    };
    let plan = writePlanFor(fields, context);
    // IIM not in UTF-8 that the edit re-encodes as UTF-8, holding text beyond ASCII: ExifTool
    // names those datasets (one more read, only for such files). The ones in UTF-8 (a mixed
    // IIM) are written as Cutline reads them (write-tags.ts, iimUtf8Values); one ExifTool
    // does not know keeps its bytes: right for UTF-8, but cp1252 would then read garbled.
    const nonAscii = iim && iim.nonAscii.size > 0 ? iim.nonAscii : null;
    if (nonAscii && plan.tags['IPTC:CodedCharacterSet' as never] === 'UTF8') {
      const names = await iimTagNames(exiftool, file, nonAscii);
      const stuck = [...nonAscii]
        .filter(([dataset, values]) => values.cp1252 && !names.has(dataset))
        .map(([dataset]) => `2:${dataset}`);
      if (stuck.length > 0) {
        return {
          kind: 'failed',
          path,
          reason: `its IIM holds cp1252 text in datasets ExifTool cannot re-encode (${stuck.join(', ')}), which declaring UTF-8 for the edit would garble, so the file was left as it was`,
        };
      }
      const iimUtf8Values = Object.fromEntries(
        [...names]
          .filter(([dataset]) => nonAscii.get(dataset)?.utf8)
          .map(([dataset, tag]) => [tag, nonAscii.get(dataset)?.values ?? []]),
      );
      if (Object.keys(iimUtf8Values).length > 0) {
        plan = writePlanFor(fields, { ...context, iimUtf8Values });
      }
    }
    // XMP in a JPEG segment ExifTool does not write would keep the old values: removed.
    const dropNonStandardXmp =
      !!original && detail.record.format === 'JPEG' && hasNonStandardXmp(original);
    if (dropNonStandardXmp) {
      // What it held goes into the standard XMP first (ExifTool reads both), but for the
      // edited tags, which are written anew.
      const written = Object.keys(plan.tags).filter((tag) => tag.startsWith('XMP-'));
      plan.args.push('-tagsFromFile', '@', '-XMP:all', ...written.map((tag) => `--${tag}`));
      plan.notes.push(
        'XMP kept in a non-standard JPEG segment, which ExifTool cannot write, was moved into the standard one',
      );
    }
    return {
      photoId: job.photoId,
      path,
      alias,
      detail,
      readWhole: sidecar || !!known?.sidecarPath,
      notes: plan.notes,
      request: {
        imagePath: file,
        targetPath,
        sidecar,
        tags: plan.tags,
        args: plan.args,
        editOnly: plan.editOnly,
        dropNonStandardXmp,
        writesIim: plan.writesIim,
        renewsDigest: plan.renewsDigest,
        expected: fields,
        edited,
        before,
        keepModificationTime: settings.keepModificationTime,
        keepBackup: settings.keepBackups,
        readers,
      },
    };
  } catch (error) {
    return { kind: 'failed', path, reason: await explainFailure(error, file) };
  }
}

/**
 * The edited structures as the file holds them, read by ExifTool and by Cutline's reader,
 * so that the items the edit leaves alone are written back as they are (struct-write.ts).
 */
async function fileStructuresOf(
  exiftool: ExifTool,
  path: string,
  edited: readonly CaptionField[],
  before: CaptionFields,
): Promise<FileStructures> {
  const fields = edited.filter(isStructureField);
  const file = await readFileStructures(exiftool, path, fields);
  const out: FileStructures = {};
  for (const field of fields) out[field] = { file: file[field] ?? [], read: before[field] };
  return out;
}

/** Stores what a photo's file holds now that it is written, so the record equals a fresh import. */
async function storeWritten(
  db: CatalogDb,
  prepared: PreparedWrite,
  writtenFile: WrittenFile,
): Promise<PhotoWriteOutcome> {
  const { photoId, path, detail, request } = prepared;
  // The check has just read the file now in place; a file with a sidecar (or a sidecar
  // just written) is read again whole, as an import reads it.
  if (prepared.readWhole) {
    await rereadPhoto(db, photoId, path, request.expected);
  } else {
    await storeWrittenFile(db, photoId, path, writtenFile, request.expected, detail.hasThumbnail);
  }
  // Metadata written into a file with Content Credentials breaks their hash binding: the
  // catalog says so from now on, whatever a later re-read of the file finds.
  const notes = [...prepared.notes];
  if (!request.sidecar && detail.provenance && !detail.provenance.brokenByCutlineAt) {
    const { provenance } = writeReposOf(db);
    provenance.markBroken(photoId, new Date().toISOString());
    provenance.keepSummaryAfterWrite(
      photoId,
      JSON.stringify({ ...detail.provenance, brokenByCutlineAt: null }),
    );
    notes.push(CREDENTIALS_BROKEN_NOTE);
  }
  return { kind: 'written', path, notes };
}

/**
 * ExifTool says only "Error writing output file" when the disk is full: the free space of the
 * folder tells that case apart from the others.
 */
async function explainFailure(error: unknown, path: string): Promise<string> {
  const reason = writeFailureReason(error);
  if (!/error writing output file/i.test(reason)) return reason;
  const [space, info] = await Promise.all([
    statfs(dirname(path)).catch(() => null),
    stat(path).catch(() => null),
  ]);
  if (space && info && space.bavail * space.bsize < info.size * 1.1) return 'disk full';
  return 'the new file could not be written in its folder';
}
