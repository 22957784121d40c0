import { constants, type Stats } from 'node:fs';
import { access, lstat, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fsPath, nameOfBytes } from '../metadata/raw-path';
import { isSupportedImage, sidecarCandidates } from '../metadata/supported-formats';
import { describeFsError } from './fs-errors';
import { FolderSidecars } from './sidecar-pairing';

/** An image found by the scan, with the facts needed to decide whether to re-read it. */
export interface ScannedImage {
  path: string;
  byteSize: number;
  mtimeMs: number;
  sidecarPath: string | null;
  sidecarMtimeMs: number | null;
}

export interface ScanResult {
  images: ScannedImage[];
  /** Folders and files that could not be looked at, with a plain reason. */
  failed: { path: string; reason: string }[];
  /**
   * Entries deliberately left out, with a plain reason: not photos, pipes, sockets, devices,
   * links to them, unreadable files, symlink loops, .xmp sidecars that belong to no photo.
   * None of them was opened.
   */
  skipped: { path: string; reason: string }[];
}

/** What a directory entry or a stat says about the kind of file it is. */
type EntryKind = Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/**
 * Why an entry that is not a regular file or a folder is left out (it is never opened: a
 * FIFO's open blocks until a writer comes, a device reads without end). Null for a regular
 * file or a folder.
 */
export function specialFileReason(entry: EntryKind, linked = false): string | null {
  const what = entry.isFIFO()
    ? 'a named pipe (FIFO)'
    : entry.isSocket()
      ? 'a socket'
      : entry.isCharacterDevice() || entry.isBlockDevice()
        ? 'a device'
        : null;
  if (what === null) return null;
  return `${linked ? 'a link to ' : ''}${what}, not a photo file: not opened`;
}

/** A user and the groups it is in, as file permissions see it. */
export interface PosixIdentity {
  uid: number;
  groups: ReadonlySet<number>;
}

/** This process's user and groups (POSIX only), asked once. */
const THIS_PROCESS: PosixIdentity | null =
  process.getuid && process.getgid && process.getgroups
    ? { uid: process.getuid(), groups: new Set([process.getgid(), ...process.getgroups()]) }
    : null;

/**
 * Whether a file's mode bits alone say this process may read it: root may read anything,
 * anyone else by the owner's, the group's or everyone's read bit, whichever applies. Asking
 * the disk with access() for every file was a second trip through the libuv pool per photo
 * (≈30 µs of the catalog thread's time each). False only means "ask the disk": an ACL may
 * still allow it. An ACL that denies what the bits allow is met at open, and the file is
 * listed as failed with the reason instead of skipped.
 */
export function readableByMode(
  info: Pick<Stats, 'uid' | 'gid' | 'mode'>,
  identity: PosixIdentity | null = THIS_PROCESS,
): boolean {
  if (!identity) return false;
  if (identity.uid === 0) return true;
  if (info.uid === identity.uid) return (info.mode & 0o400) !== 0;
  if (identity.groups.has(info.gid)) return (info.mode & 0o040) !== 0;
  return (info.mode & 0o004) !== 0;
}

/** How many files are examined at once. */
const STAT_CONCURRENCY = 64;

/**
 * Lists the images under the given folders and files, recursively. Follows symbolic links
 * but visits each real folder once, so a link loop ends with a note instead of hanging.
 * Hidden files and folders (".DS_Store", "._IMG_1.JPG", ".git") are passed over silently.
 * Never throws for a bad path: it is reported and the rest goes on. `onImages` is told of the
 * images as they are found (a few dozen at a time), so that reading them need not wait for
 * the end of the scan.
 */
export async function scanPaths(
  paths: readonly string[],
  signal?: AbortSignal,
  onImages?: (images: ScannedImage[]) => void,
): Promise<ScanResult> {
  const result: ScanResult = { images: [], failed: [], skipped: [] };
  const visited = new Map<string, string>();

  /** Looks at one file; what it finds is recorded in order by `addFiles`. */
  async function examine(
    path: string,
    siblings: FolderSidecars | null,
  ): Promise<(result: ScanResult) => void> {
    if (!isSupportedImage(path)) {
      if (extname(path).toLowerCase() === '.xmp') return () => {};
      return (r) => r.skipped.push({ path, reason: 'not a supported photo type' });
    }
    try {
      const info = await stat(fsPath(path));
      // Checked here too (not only in the listing): a path named on the command line, a
      // link, or an entry replaced since the folder was listed.
      const special = specialFileReason(info);
      if (special !== null || !info.isFile()) {
        const reason = special ?? 'not a regular file';
        return (r) => r.skipped.push({ path, reason });
      }
      // Tells an unreadable file without opening it.
      const denied = readableByMode(info)
        ? null
        : await access(fsPath(path), constants.R_OK).then(
            () => null,
            (error: unknown) => `cannot be read: ${describeFsError(error)}`,
          );
      if (denied !== null) return (r) => r.skipped.push({ path, reason: denied });
      let sidecarPath: string | null = null;
      let sidecarMtimeMs: number | null = null;
      for (const candidate of sidecarCandidates(path)) {
        // Inside a scanned folder the listing says whether the sidecar exists and how its
        // extension is spelled (IMG_1.XMP or IMG_1.xmp); for a single file, ask the disk.
        const real = siblings ? mapName(candidate, siblings.find(basename(candidate))) : candidate;
        const sidecarInfo = real ? await stat(fsPath(real)).catch(() => null) : null;
        if (real && sidecarInfo?.isFile()) {
          sidecarPath = real;
          sidecarMtimeMs = sidecarInfo.mtimeMs;
          siblings?.claim(basename(path), basename(real));
          break;
        }
      }
      const image = {
        path,
        byteSize: info.size,
        mtimeMs: info.mtimeMs,
        sidecarPath,
        sidecarMtimeMs,
      };
      return (r) => r.images.push(image);
    } catch (error) {
      return (r) => r.failed.push({ path, reason: describeFsError(error) });
    }
  }

  /**
   * Examines files several at a time (a stat waits on the disk; one after another they took
   * 0.1 ms each) and records them in listing order, so imports run in a stable order.
   */
  async function addFiles(paths: string[], siblings: FolderSidecars | null): Promise<void> {
    for (let i = 0; i < paths.length; i += STAT_CONCURRENCY) {
      const chunk = paths.slice(i, i + STAT_CONCURRENCY);
      const before = result.images.length;
      for (const record of await Promise.all(chunk.map((p) => examine(p, siblings)))) {
        record(result);
      }
      if (onImages && result.images.length > before) onImages(result.images.slice(before));
    }
  }

  async function walk(folder: string): Promise<void> {
    if (signal?.aborted) return;
    let identity: string;
    try {
      const info = await stat(fsPath(folder));
      identity = `${info.dev}:${info.ino}`;
    } catch (error) {
      result.failed.push({ path: folder, reason: describeFsError(error) });
      return;
    }
    const seenAs = visited.get(identity);
    if (seenAs !== undefined) {
      result.skipped.push({
        path: folder,
        reason: `folder already scanned as ${seenAs} (symbolic link loop or duplicate link)`,
      });
      return;
    }
    visited.set(identity, folder);
    const files: string[] = [];
    const folders: string[] = [];
    try {
      // Names as bytes: a name that is not UTF-8 is kept (raw-path.ts), not turned into U+FFFD.
      const entries = await readdir(fsPath(folder), { encoding: 'buffer', withFileTypes: true });
      for (const entry of entries) {
        const name = nameOfBytes(entry.name);
        if (name.startsWith('.')) continue;
        const path = join(folder, name);
        // Some file systems do not say what an entry is: ask without following a link.
        const kind =
          entry.isDirectory() ||
          entry.isFile() ||
          entry.isSymbolicLink() ||
          specialFileReason(entry) !== null
            ? entry
            : await lstat(fsPath(path)).catch(() => entry);
        if (kind.isDirectory()) folders.push(path);
        else if (kind.isFile()) files.push(path);
        else if (kind.isSymbolicLink()) {
          const target = await stat(fsPath(path)).catch(() => null);
          if (!target) result.skipped.push({ path, reason: 'broken symbolic link' });
          else if (target.isDirectory()) folders.push(path);
          else if (target.isFile()) files.push(path);
          else {
            const reason = specialFileReason(target, true) ?? 'a link to something not a file';
            result.skipped.push({ path, reason });
          }
        } else {
          const reason = specialFileReason(kind) ?? 'not a file or a folder';
          result.skipped.push({ path, reason });
        }
      }
    } catch (error) {
      result.failed.push({ path: folder, reason: describeFsError(error) });
      return;
    }
    files.sort();
    folders.sort();
    const sidecars = new FolderSidecars(files.map((file) => basename(file)));
    await addFiles(files, sidecars);
    for (const { name, reason } of sidecars.unpaired()) {
      result.skipped.push({ path: join(folder, name), reason });
    }
    for (const sub of folders) await walk(sub);
  }

  for (const raw of paths) {
    const path = resolve(raw);
    let info: Stats;
    try {
      info = await stat(fsPath(path));
    } catch (error) {
      result.failed.push({ path, reason: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else await addFiles([path], null);
  }
  return result;
}

function mapName(candidate: string, spelled: string | undefined): string | null {
  return spelled === undefined ? null : join(dirname(candidate), spelled);
}
