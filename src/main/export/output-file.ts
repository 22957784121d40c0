/**
 * The file an export writes: checked before any work (the folder exists and may be written,
 * an existing file may be replaced), then written under a temporary name beside it and
 * renamed at the end, so a failed or cancelled export never leaves half a file behind.
 */
import { constants } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CutlineError } from '../../shared/result';

/** The absolute path to write, or a CutlineError saying plainly why it cannot be written. */
export async function checkOutputFile(path: string): Promise<string> {
  const file = resolve(path);
  const folder = dirname(file);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo?.isDirectory()) {
    throw new CutlineError('io', `Cannot write ${file}: the folder ${folder} does not exist.`);
  }
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) {
    throw new CutlineError('io', `Cannot write ${file}: it is a folder.`);
  }
  try {
    await access(existing ? file : folder, constants.W_OK);
  } catch {
    const what = existing
      ? 'the file may not be replaced'
      : `the folder ${folder} may not be written`;
    throw new CutlineError('io', `Cannot write ${file}: ${what}.`);
  }
  return file;
}

/** Runs `write` on a temporary file beside `file` and puts it in place when it succeeds. */
export async function writeInPlace<T>(
  file: string,
  write: (temporary: string) => Promise<T>,
): Promise<T> {
  const temporary = `${file}.part-${process.pid}-${Date.now()}`;
  try {
    const result = await write(temporary);
    await rename(temporary, file);
    return result;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
