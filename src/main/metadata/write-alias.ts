/**
 * A name ExifTool can open for a file whose name is not valid UTF-8 (raw-path.ts). ExifTool
 * is given file names as UTF-8 text, so such a file is written through a hidden hard link
 * with an ASCII name beside it (same folder, so same file system): the safe write replaces
 * the link's name with the checked new file, and `finish` renames that over the real name,
 * given as its bytes. rename(2) is atomic, so the real name holds the old file or the new
 * one, never anything else. A folder whose own name is not UTF-8 is reached through a
 * symbolic link with an ASCII name in the temporary folder, pointing to it by its bytes.
 */
import { linkSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fsPath, hasRawBytes } from './raw-path';

/** The prefix of an alias's name: hidden (no import or watch sees it), and marked as Cutline's. */
export const ALIAS_PREFIX = '.cutline-alias-';

/** A path ExifTool can be given for a file, and how to put the file written there in place. */
export interface WriteAlias {
  /** The path to write through (the file's own path when its name is UTF-8). */
  path: string;
  /** True when `path` is an alias, not the file's own name. */
  aliased: boolean;
  /**
   * Puts the file now at `path` under the real name (atomically), with a backup ExifTool-style
   * (`name_original`) moved beside it too when one was made at the alias.
   */
  finish(): void;
  /** Removes whatever the alias left (the link, the folder link); safe to call twice. */
  release(): void;
}

/** A write alias for `path` (see the module comment); `path` itself when it needs none. */
export function writeAliasFor(path: string): WriteAlias {
  if (!hasRawBytes(path)) {
    return { path, aliased: false, finish: () => undefined, release: () => undefined };
  }
  const folder = dirname(path);
  let linkFolder: string | null = null;
  let reachable = folder;
  if (hasRawBytes(folder)) {
    linkFolder = mkdtempSync(join(tmpdir(), 'cutline-alias-'));
    reachable = join(linkFolder, 'folder');
    symlinkSync(fsPath(folder), reachable);
  }
  const ext = extname(basename(path));
  // The extension tells ExifTool the format; a raw byte in it would make the alias unreadable.
  const plainExt = hasRawBytes(ext) ? '' : ext;
  const alias = join(
    reachable,
    `${ALIAS_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}${plainExt}`,
  );
  const release = () => {
    for (const leftover of [alias, `${alias}_original`]) {
      try {
        unlinkSync(leftover);
      } catch {
        // Already renamed into place, or never made.
      }
    }
    if (linkFolder) rmSync(linkFolder, { recursive: true, force: true });
  };
  try {
    linkSync(fsPath(path), alias);
  } catch (error) {
    release();
    throw error;
  }
  return {
    path: alias,
    aliased: true,
    finish: () => {
      renameSync(alias, fsPath(path));
      try {
        renameSync(`${alias}_original`, fsPath(`${path}_original`));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    },
    release,
  };
}
