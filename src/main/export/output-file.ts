/**
 * The file an export writes: checked before any work (it is not a file an export must never
 * touch, the folder exists and may be written, an existing file is replaced only when the
 * person confirmed it), then written under a temporary name beside it and renamed at the end,
 * so a failed or cancelled export never leaves half a file behind.
 */
import { constants } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CutlineError } from '../../shared/result';

/** What the caller knows about writing a file. */
export interface OutputRules {
  /** The person confirmed replacing an existing file (a save dialog, a confirm step, --force). */
  overwrite: boolean;
  /** Why the file may never be written, or null (security/write-protection.ts). */
  refusal(file: string): Promise<string | null>;
}

/** The absolute path to write, or a CutlineError saying plainly why it cannot be written. */
export async function checkOutputFile(path: string, rules: OutputRules): Promise<string> {
  const file = resolve(path);
  const refusal = await rules.refusal(file);
  if (refusal) throw new CutlineError('forbidden', `Cannot write ${file}: ${refusal}.`);
  const folder = dirname(file);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo?.isDirectory()) {
    throw new CutlineError('io', `Cannot write ${file}: the folder ${folder} does not exist.`);
  }
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) {
    throw new CutlineError('io', `Cannot write ${file}: it is a folder.`);
  }
  if (existing && !rules.overwrite) {
    throw new CutlineError(
      'exists',
      `${file} already exists; replace it only if you mean to (confirm, or --force).`,
    );
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
