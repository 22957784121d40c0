/**
 * `cutline write` says before writing, one `warning:` line per file, which files carry Content
 * Credentials the write will break (issue 19, part 4), and `--json` lists them as
 * credentialWarnings; a file without credentials written in the same batch gets no warning;
 * afterwards `cutline show` says Cutline's write broke them.
 * Run as the user runs it, on copies of the C2PA reference library's signed sample.
 */
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCutline } from '../helpers/run-cutline';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c2pa');
const WARNING =
  'carries Content Credentials signed by C2PA Test Signing Cert: writing metadata into it changes the file after signing, so they will no longer validate';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-c2pa-write-cli-'));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A catalog holding copies of C.jpg (signed) and no_manifest.jpg, both with a caption edited. */
async function catalogWithEdits(
  name: string,
): Promise<{ db: string; signed: string; plain: string }> {
  const folder = join(root, name);
  const db = join(root, `${name}.sqlite`);
  const signed = join(folder, 'C.jpg');
  const plain = join(folder, 'no_manifest.jpg');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const path of [signed, plain]) {
    await copyFile(join(FIXTURES, path.slice(folder.length + 1)), path);
    await chmod(path, 0o644);
  }
  expect((await runCutline(['import', folder, '--db', db])).code).toBe(0);
  for (const path of [signed, plain]) {
    const set = await runCutline([
      'set',
      path,
      '--caption',
      'Edited in Cutline, Monday.',
      '--db',
      db,
    ]);
    expect(set.code, set.stderr).toBe(0);
  }
  return { db, signed, plain };
}

// Eight CLI runs per test, each starting Node with tsx: a bound for a loaded machine, not a goal.
describe('cutline write on a signed file', { timeout: 120_000 }, () => {
  it('prints one warning line for the signed file, none for the plain one, then writes both', async () => {
    const { db, signed, plain } = await catalogWithEdits('text');
    const run = await runCutline(['write', signed, plain, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const warnings = lines.filter((line) => line.startsWith('warning:'));
    expect(warnings).toEqual([`warning: ${signed} ${WARNING}`]);
    // Said before the write, not after it.
    const wrote = lines.findIndex((line) => line.startsWith('Wrote '));
    expect(lines[wrote]).toBe('Wrote 2 files.');
    expect(lines.indexOf(warnings[0] as string)).toBeLessThan(wrote);

    // `cutline show` says what the write did, in the panel's words.
    const show = await runCutline(['show', signed, '--db', db]);
    expect(show.code, show.stderr).toBe(0);
    const shown = show.stdout.split('\n');
    expect(shown).toContain(
      'Content Credentials: Created with Make Test Images 0.33.1, signed by C2PA Test Signing Cert on 2024-08-06',
    );
    expect(shown.filter((line) => line.startsWith('Content Credentials: ')).at(-1)).toMatch(
      /^Content Credentials: Credentials no longer validate: Cutline wrote metadata into the file on \d{4}-\d{2}-\d{2}, after signing$/,
    );
    expect(shown).toContain(
      "check: Its Content Credentials no longer validate: Cutline's write changed the file after signing.",
    );
    expect(shown.join('\n')).not.toContain('Signature valid');

    // Written, the file no longer carries credentials that validate: a second write of it
    // warns no more.
    const set = await runCutline(['set', signed, '--caption', 'Edited again.', '--db', db]);
    expect(set.code, set.stderr).toBe(0);
    const again = await runCutline(['write', signed, '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.split('\n').filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('lists the warnings as credentialWarnings with --json, and no warning: lines', async () => {
    const { db, signed, plain } = await catalogWithEdits('json');
    const run = await runCutline(['write', signed, plain, '--json', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/^warning:/m);
    const result = JSON.parse(run.stdout) as {
      written: number;
      credentialWarnings?: { path: string; message: string }[];
    };
    expect(result.written).toBe(2);
    expect(result.credentialWarnings?.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: signed, message: WARNING },
    ]);
  });
});
