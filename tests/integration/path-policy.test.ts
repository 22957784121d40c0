/**
 * Every file-taking call over the contract refuses a path outside the folders the user chose
 * or the catalog knows (src/main/security), before its service does anything, on a real
 * catalog and real folders. The list of file-taking calls is checked against the contract's
 * schemas, so a new call that takes a path cannot skip the check unnoticed.
 */
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandlers, dispatch } from '../../src/main/api';
import { FolderAccess } from '../../src/main/security/folder-access';
import { PATH_INPUTS, PATHS_NOT_FILE_ACCESS } from '../../src/main/security/path-guard';
import { type CallName, contract } from '../../src/shared/contract';
import { renderJpeg } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('path-policy');

let chosen: string;
let outside: string;

const SHEET = 'File name,Caption\nIMG_1.jpg,From a sheet\n';

beforeAll(async () => {
  chosen = join(shoot.root, 'chosen');
  outside = join(shoot.root, 'outside');
  await mkdir(chosen);
  await mkdir(outside);
  await renderJpeg(join(chosen, 'IMG_1.jpg'));
  await writeFile(join(chosen, 'sheet.csv'), SHEET);
  await writeFile(join(outside, 'sheet.csv'), SHEET);
  // A link inside the chosen folder that leads outside it.
  await symlink(outside, join(chosen, 'link-out'));
});

/** Electron's rule: only folders chosen through the host, or known to the catalog. */
function electronHandlers(...chosenFolders: string[]) {
  const access = new FolderAccess(false);
  access.choose(...chosenFolders);
  return createHandlers(shoot.services, { folderAccess: access });
}

/** A valid input of each file-taking call naming `path`. */
const INPUTS: Record<string, (path: string) => unknown> = {
  'import:start': (path) => ({ paths: [path] }),
  'watch:add': (path) => ({ path }),
  'sheet:preview': (path) => ({ path: join(path, 'sheet.csv') }),
  'sheet:apply': (path) => ({ path: join(path, 'sheet.csv') }),
  'export:sheet': (path) => ({ format: 'csv', out: join(path, 'sheet-out.csv'), query: '' }),
  'credits:save': (path) => ({ out: join(path, 'credits.txt'), query: '' }),
  'folders:list': (path) => ({ path }),
};

/** Top-level input keys that name files or folders. */
const PATH_KEYS = ['path', 'paths', 'out', 'file', 'files', 'folder', 'dir'];

function inputKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

describe('file-taking calls', () => {
  it('are all declared to the path guard, and all tested here', () => {
    const taking = (Object.keys(contract) as CallName[]).filter((name) =>
      inputKeys(contract[name].input).some((key) => PATH_KEYS.includes(key)),
    );
    expect(taking.length).toBeGreaterThan(0);
    for (const name of taking) {
      expect(name in PATH_INPUTS || name in PATHS_NOT_FILE_ACCESS, name).toBe(true);
    }
    expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(PATH_INPUTS).sort());
  });

  it.each(Object.keys(INPUTS))('%s refuses a folder the user never chose', async (name) => {
    const handlers = electronHandlers(chosen);
    const result = await dispatch(handlers, name, INPUTS[name]!(outside));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(join(outside, 'sheet-out.csv'))).toBe(false);
    expect(existsSync(join(outside, 'credits.txt'))).toBe(false);
  });

  it.each(Object.keys(INPUTS))(
    '%s refuses a link that leads out of a chosen folder',
    async (name) => {
      const handlers = electronHandlers(chosen);
      const result = await dispatch(handlers, name, INPUTS[name]!(join(chosen, 'link-out')));
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );

  it.each(Object.keys(INPUTS))('%s refuses relative paths and ../ escapes', async (name) => {
    const handlers = electronHandlers(chosen);
    for (const path of ['outside', join(chosen, '..', 'outside')]) {
      const result = await dispatch(handlers, name, INPUTS[name]!(path));
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it.each(Object.keys(INPUTS))('%s passes the guard for a chosen folder', async (name) => {
    const handlers = electronHandlers(chosen);
    const result = await dispatch(handlers, name, INPUTS[name]!(chosen));
    // The call may still fail for its own reasons, but never as forbidden.
    if (!result.ok) expect(result.error.code).not.toBe('forbidden');
  });

  it('a folder imported before is known in a later session, other folders are not', async () => {
    const imported = await dispatch(electronHandlers(chosen), 'import:start', {
      paths: [chosen],
    });
    expect(imported.ok).toBe(true);
    const later = electronHandlers();
    const inside = await dispatch(later, 'export:sheet', INPUTS['export:sheet']!(chosen));
    if (!inside.ok) expect(inside.error.code).not.toBe('forbidden');
    const out = await dispatch(later, 'export:sheet', INPUTS['export:sheet']!(outside));
    expect(out).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hosts without a picker (the browser bridge) take a typed path as the choice', async () => {
    const typed = createHandlers(shoot.services);
    const result = await dispatch(typed, 'sheet:preview', INPUTS['sheet:preview']!(outside));
    if (!result.ok) expect(result.error.code).not.toBe('forbidden');
  });
});
