/**
 * Writes metadata into a file without ever leaving a broken one behind: ExifTool writes a
 * temporary copy beside the original (same folder, so same file system); the copy is read
 * back and checked, field by field and image data byte for byte, flushed to disk, given the
 * original's permissions (and, as a setting, its modification time), and only then renamed
 * over the original. rename(2) is atomic: a crash or power cut at any moment leaves the old
 * file or the new one (the new one's data is on disk before the rename; the folder is not
 * flushed after it: on a power cut the old name may come back, which the next write sees as
 * a file changed on disk and checks field by field). A leftover temporary file is hidden (dot-name, so no import or watch
 * sees it) and removed by the next write of that photo.
 */
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fdatasync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  type Stats,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ExifTool, WriteTags } from 'exiftool-vendored';
import type { CaptionField, CaptionFields } from '../../shared/model';
import { sameImageData } from './image-data-digest';
import { readPhoto } from './read-photo';
import type { ReadResult } from './read-result';
import { ReusableFileReader } from './reusable-file-reader';
import { withoutNonStandardXmp } from './stale-xmp-segments';
import { writtenCopiesThatDiffer } from './written-fields-check';

export interface SafeWriteRequest {
  /** The image the fields belong to. */
  imagePath: string;
  /** The file that receives the tags: the image itself, or its XMP sidecar. */
  targetPath: string;
  /** True when the target is a sidecar (the image is then never opened for writing). */
  sidecar: boolean;
  tags: WriteTags;
  /** More arguments for the same ExifTool command (write-tags.ts, WritePlan.args). */
  args?: string[];
  /** Tags written afterwards into what the file already has only (WritePlan.editOnly). */
  editOnly?: WriteTags | null;
  /** Remove XMP kept in non-standard JPEG segments, which ExifTool cannot write. */
  dropNonStandardXmp?: boolean;
  /** True when the tags include IIM (then every IIM copy is checked too). */
  writesIim: boolean;
  /** True when the tags renew the IPTCDigest (then a stale one afterwards is put right). */
  renewsDigest?: boolean;
  /** What every edited field must read as afterwards. */
  expected: CaptionFields;
  /** The fields written; every other field must read afterwards exactly as in `before`. */
  edited: readonly CaptionField[];
  /** The file (or sidecar) as read just before writing. */
  before: ReadResult;
  keepModificationTime: boolean;
  /** Keep the replaced file as `name_original` (ExifTool's name for its backups). */
  keepBackup: boolean;
  /**
   * Buffers to read the original and the written copy into, kept by the caller from one
   * write to the next (one pair per concurrent write). The bytes answered are a view into
   * the second one, valid until it reads again.
   */
  readers?: WriteReaders;
  /**
   * Called last, just before the rename puts the written copy in place; throwing (a
   * WriteRefused) leaves the original untouched. The desk checks here that its write lock of
   * the file is still held (desk-sync.ts).
   */
  beforeRename?: () => Promise<void>;
}

/** The buffers a write reads the original and the written copy into. */
export interface WriteReaders {
  original: ReusableFileReader;
  written: ReusableFileReader;
}

/** A pair of read buffers, empty until their first read. */
export function writeReaders(): WriteReaders {
  return { original: new ReusableFileReader(), written: new ReusableFileReader() };
}

/** The temporary name a write of `target` uses: hidden, beside it, same extension. */
export function temporaryPathFor(target: string): string {
  const ext = extname(target);
  const stem = basename(target, ext);
  return join(dirname(target), `.${stem}.cutline-write${ext}`);
}

const EMPTY_XMP_PACKET = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>
</x:xmpmeta>
<?xpacket end="w"?>
`;

/** A write that failed, with a reason fit to show the user. */
export class WriteRefused extends Error {}

/** What the check read of the file now in place: its bytes and its metadata. */
export interface WrittenFile {
  bytes: Buffer;
  read: ReadResult;
}

/**
 * Writes `tags` into `targetPath` safely (see the module comment). Throws WriteRefused when
 * the check fails (the original is then untouched), or the file-system error met.
 */
export async function writeSafely(
  exiftool: ExifTool,
  request: SafeWriteRequest,
): Promise<WrittenFile> {
  const { targetPath } = request;
  const temporary = temporaryPathFor(targetPath);
  // The quick file-system calls here are synchronous (µs each): the asynchronous ones queued
  // behind the batch's fsyncs in libuv's four-thread pool and waited milliseconds each, which
  // held the ExifTool processes up (see ReusableFileReader).
  removeIfPresent(temporary);
  const original = request.sidecar ? statOrNull(targetPath) : statSync(targetPath);

  try {
    // A sidecar that does not exist yet starts as an empty XMP packet: made from the RAW with
    // `-o`, ExifTool would copy the RAW's own XMP lists and append ours to them.
    if (!original) await writeFile(temporary, EMPTY_XMP_PACKET, { flag: 'wx' });
    const readers = readersOf(request);
    const writing = exiftool.write(original ? targetPath : temporary, request.tags, {
      writeArgs: [
        ...(request.args ?? []),
        ...(original ? ['-o', temporary] : ['-overwrite_original']),
      ],
      useMWG: false,
    });
    // Should the read below throw, the write's own failure is not the one to report.
    writing.catch(() => undefined);
    // The original is read while ExifTool writes (it reads the same file, from the cache).
    const before = original && !request.sidecar ? readers.original.read(targetPath) : null;
    const result = await writing;
    if (result.created !== 1 && result.updated !== 1) {
      throw new WriteRefused(
        `ExifTool wrote nothing${result.warnings?.length ? `: ${result.warnings.join('; ')}` : ''}`,
      );
    }
    await writeEditOnly(exiftool, request, temporary);
    return await putInPlace(exiftool, request, temporary, original, before, readers.written);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/**
 * ExifTool's `-o` name for the temporary file of each file a command writes: the same name
 * temporaryPathFor gives (%d is the folder with its separator, %f the name without its
 * extension, %e the extension without its dot).
 */
const TEMPORARY_NAME_PATTERN = '%d.%f.cutline-write.%e';

/**
 * The key under which a write may share one ExifTool command with others (null: it goes
 * alone). ExifTool spends about a third of its time per command on the command itself (its
 * arguments, the tags it looks up), so a batch that writes the same tags into many files (a
 * template, a credit for a whole shoot) writes them with one command per group of files.
 * Only files written in place of an original, under a name the pattern above expands the
 * way temporaryPathFor does, share.
 */
export function sharedWriteKey(request: SafeWriteRequest): string | null {
  if (request.sidecar || request.editOnly || request.dropNonStandardXmp) return null;
  const name = basename(request.targetPath);
  if (name.startsWith('.') || extname(name).length < 2) return null;
  return JSON.stringify([request.tags, request.args ?? []]);
}

/** What one ExifTool command writing several files left for each file's own checks. */
export interface SharedWrite {
  /** The files' states before the command, by target path. */
  originals: Map<string, Stats>;
  /** True when ExifTool reported an error for the command (for one file or more). */
  commandFailed: boolean;
}

/**
 * Writes the same tags (requests of one sharedWriteKey) into a temporary file beside each
 * target with one ExifTool command. Nothing is in place yet: each file then goes through
 * finishSharedWrite, one after the other, with its own checks.
 */
export async function writeShared(
  exiftool: ExifTool,
  requests: readonly SafeWriteRequest[],
): Promise<SharedWrite> {
  const originals = new Map<string, Stats>();
  const members: SafeWriteRequest[] = [];
  for (const request of requests) {
    try {
      removeIfPresent(temporaryPathFor(request.targetPath));
      originals.set(request.targetPath, statSync(request.targetPath));
      members.push(request);
    } catch {
      // Gone or out of reach since it was read: finishSharedWrite writes it alone, which
      // reports why.
    }
  }
  const [first, ...rest] = members;
  if (!first) return { originals, commandFailed: false };
  const commandFailed = await exiftool
    .write(first.targetPath, first.tags, {
      writeArgs: [
        ...(first.args ?? []),
        '-o',
        TEMPORARY_NAME_PATTERN,
        ...rest.map((r) => r.targetPath),
      ],
      useMWG: false,
    })
    .then(
      () => false,
      () => true,
    );
  return { originals, commandFailed };
}

/**
 * Checks one file's temporary from writeShared and puts it in place, as writeSafely does. A
 * file the command did not write (ExifTool reports errors for the command as a whole), or
 * whose copy fails its checks after a command that reported an error, is written again
 * alone, so that what is reported is that file's own reason.
 */
export async function finishSharedWrite(
  exiftool: ExifTool,
  request: SafeWriteRequest,
  shared: SharedWrite,
): Promise<WrittenFile> {
  const temporary = temporaryPathFor(request.targetPath);
  const original = shared.originals.get(request.targetPath);
  if (!original || !existsSync(temporary)) return writeSafely(exiftool, request);
  try {
    const readers = readersOf(request);
    const before = readers.original.read(request.targetPath);
    return await putInPlace(exiftool, request, temporary, original, before, readers.written);
  } catch (error) {
    removeQuietly(temporary);
    if (shared.commandFailed) return writeSafely(exiftool, request);
    throw error;
  }
}

/** Drops a file's temporary from writeShared (the batch was cancelled): the file stays as it was. */
export function abandonSharedWrite(request: SafeWriteRequest): void {
  removeQuietly(temporaryPathFor(request.targetPath));
}

function readersOf(request: SafeWriteRequest): WriteReaders {
  return request.readers ?? writeReaders();
}

/**
 * The steps after ExifTool has written `temporary`: the check (IPTCDigest brought up to date
 * where ExifTool's was stale), the flush, the original's permissions and times, an optional
 * backup, and the rename over the original.
 */
async function putInPlace(
  exiftool: ExifTool,
  request: SafeWriteRequest,
  temporary: string,
  original: Stats | null,
  before: Buffer | null,
  written: ReusableFileReader,
): Promise<WrittenFile> {
  const { targetPath } = request;
  let checked = await check(exiftool, request, temporary, before, written);
  if (checked.stale) {
    // ExifTool's "new" IPTCDigest of a TIFF can miss the IIM as finally padded: store the
    // digest of the IIM as written, then check again.
    const { CurrentIPTCDigest } = (await exiftool.read(temporary, ['-CurrentIPTCDigest'])) as {
      CurrentIPTCDigest?: string;
    };
    await exiftool.write(temporary, { 'Photoshop:IPTCDigest': CurrentIPTCDigest } as WriteTags, {
      writeArgs: ['-overwrite_original'],
      useMWG: false,
    });
    checked = await check(exiftool, request, temporary, before, written);
    if (checked.stale) {
      throw new WriteRefused('the IPTCDigest could not be brought up to date');
    }
  }
  // The data must be on disk before the rename makes it the file; fdatasync is enough (the
  // size is flushed with it) and skips a journal commit for the times alone.
  // Only the flush waits in libuv's pool; opening and closing are µs (a FileHandle's
  // promises cost more of the thread than the calls themselves).
  const fd = openSync(temporary, constants.O_RDONLY);
  try {
    await flushData(fd);
  } finally {
    closeSync(fd);
  }
  // Last asynchronous step before the rename: what follows up to it is synchronous, so the
  // check holds when the file is put in place.
  await request.beforeRename?.();
  if (original) {
    chmodSync(temporary, original.mode & 0o7777);
    try {
      chownSync(temporary, original.uid, original.gid);
    } catch {
      // Keeping the owner needs privileges; a plain user's file stays theirs anyway.
    }
    if (request.keepModificationTime) {
      // Seconds as a double keep sub-millisecond precision that Date objects would drop.
      utimesSync(temporary, original.atimeMs / 1000, original.mtimeMs / 1000);
    }
    if (request.keepBackup) {
      const backup = `${targetPath}_original`;
      rmSync(backup, { force: true });
      linkSync(targetPath, backup);
    }
  }
  // Asynchronous: replacing a file frees the old one's blocks, which takes a millisecond or
  // more (much more on a file system mounted with `discard`), too long to block the thread.
  await rename(temporary, targetPath);
  return { bytes: checked.bytes, read: checked.read };
}

/** Every XMP tag ExifTool reads from a file, each copy apart, by lower-case name. */
async function xmpTags(exiftool: ExifTool, path: string): Promise<Map<string, string>> {
  const tags = (await exiftool.readRaw(path, {
    readArgs: ['-XMP:all', '-G1', '-a', '-struct'],
    useMWG: false,
  } as never)) as Record<string, unknown>;
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tags)) {
    if (key === 'SourceFile' || key === 'XMP-x:XMPToolkit' || value === '') continue;
    out.set(key.toLowerCase(), JSON.stringify(value));
  }
  return out;
}

/**
 * XMP moved out of a non-standard segment must lose nothing: ExifTool cannot copy the
 * properties of a namespace it does not know. Any XMP tag not written that is gone or
 * different refuses the write, naming it.
 */
async function refuseLostXmp(
  exiftool: ExifTool,
  request: SafeWriteRequest,
  temporary: string,
): Promise<void> {
  const [was, now] = await Promise.all([
    xmpTags(exiftool, request.targetPath),
    xmpTags(exiftool, temporary),
  ]);
  const written = new Set(Object.keys(request.tags).map((tag) => tag.toLowerCase()));
  const lost = [...was].filter(([tag, value]) => !written.has(tag) && now.get(tag) !== value);
  if (lost.length > 0) {
    throw new WriteRefused(
      `XMP in a non-standard JPEG segment holds what ExifTool cannot move into the standard one (${lost
        .slice(0, 3)
        .map(([tag]) => tag)
        .join(', ')}), so the file was left as it was`,
    );
  }
}

/** The second command of a write, into the temporary file: tags only where the file has them. */
async function writeEditOnly(
  exiftool: ExifTool,
  request: SafeWriteRequest,
  temporary: string,
): Promise<void> {
  if (request.dropNonStandardXmp) {
    const bytes = readFileSync(temporary);
    writeFileSync(temporary, withoutNonStandardXmp(bytes));
    await refuseLostXmp(exiftool, request, temporary);
  }
  if (!request.editOnly) return;
  await exiftool.write(temporary, request.editOnly, {
    writeArgs: ['-wm', 'w', '-overwrite_original'],
    useMWG: false,
  });
}

/** Removes a temporary file after a failed write; the error that stopped it is the one to report. */
function removeQuietly(temporary: string): void {
  try {
    removeIfPresent(temporary);
  } catch {
    // See above.
  }
}

const flushData = promisify(fdatasync);

/**
 * Deletes a file if it is there. Usually it is not (a leftover of a crash): asking first is
 * cheaper than the ENOENT error an unlink would throw, and rmSync's force stats the path and
 * then throws and catches that error itself.
 */
function removeIfPresent(path: string): void {
  if (existsSync(path)) unlinkSync(path);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Reads the written copy back: every field as intended, the picture byte-identical. `stale`
 * when all is right but the IPTCDigest does not match the IIM written.
 */
async function check(
  exiftool: ExifTool,
  request: SafeWriteRequest,
  temporary: string,
  originalBytes: Buffer | null,
  reader: ReusableFileReader,
): Promise<{ bytes: Buffer; read: ReadResult; stale: boolean }> {
  // One read of the written file serves every check.
  const bytes = reader.read(temporary);
  const read = await (request.sidecar
    ? readPhoto(request.imagePath, { sidecarPath: temporary, preferSidecar: true })
    : readPhoto(temporary, { head: bytes, size: bytes.length, sidecarPath: null })
  ).catch((error: unknown) => {
    throw new WriteRefused(
      `ExifTool's output could not be read back (${(error as Error).message}); the file was left as it was`,
    );
  });
  const stale =
    request.renewsDigest === true &&
    read.technical.warnings.some((w) => w.includes('IPTCDigest does not match'));
  // A digest left stale hands the fields not edited to the IIM copy: they are compared once
  // it is renewed (putInPlace checks again).
  const wrong = stale
    ? []
    : writtenCopiesThatDiffer(request.expected, request.edited, request.before, read, {
        xmp: request.sidecar ? 'sidecar' : 'xmp',
        iim: !request.sidecar && request.writesIim,
      });
  if (wrong.length > 0) {
    throw new WriteRefused(`read back differently after writing: ${wrong.join(', ')}`);
  }
  if (request.sidecar) return { bytes, read, stale: false };
  const same = await sameImageData(
    { path: request.targetPath, bytes: originalBytes },
    { path: temporary, bytes },
    exiftool,
  ).catch(() => false);
  if (!same) {
    throw new WriteRefused(
      'the image data could not be shown to be unchanged after writing, so the file was left as it was',
    );
  }
  return { bytes, read, stale };
}
