/**
 * The folder scan's readability test from a file's mode bits, which spares an access() call
 * per photo: checked on real files' stats for every permission class, against who is asking.
 */
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PosixIdentity, readableByMode } from '../../src/main/services/folder-scan';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutline-readable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWithMode(name: string, mode: number) {
  const path = join(dir, name);
  await writeFile(path, 'x');
  await chmod(path, mode);
  return stat(path);
}

describe('readable by mode bits', () => {
  it('answers by the class that applies: owner, group, everyone else; root reads all', async () => {
    const cases: [number, [boolean, boolean, boolean]][] = [
      // mode: [as the owner, as a member of the file's group, as anyone else]
      [0o000, [false, false, false]],
      [0o400, [true, false, false]],
      [0o040, [false, true, false]],
      [0o004, [false, false, true]],
      [0o644, [true, true, true]],
      [0o044, [false, true, true]],
      [0o600, [true, false, false]],
    ];
    for (const [mode, [owner, group, other]] of cases) {
      // The file's real mode (type bits and all), owned by a user who is not root, as tests
      // may run as root.
      const info = { ...(await fileWithMode(`m${mode.toString(8)}`, mode)), uid: 501, gid: 20 };
      const stranger = 1_000_000;
      const as = (identity: PosixIdentity) => readableByMode(info, identity);
      const label = mode.toString(8).padStart(3, '0');
      expect(as({ uid: info.uid, groups: new Set([info.gid]) }), `${label} owner`).toBe(owner);
      expect(as({ uid: stranger, groups: new Set([info.gid]) }), `${label} group`).toBe(group);
      expect(as({ uid: stranger, groups: new Set([stranger]) }), `${label} other`).toBe(other);
      expect(as({ uid: 0, groups: new Set([0]) }), `${label} root`).toBe(true);
      // Several groups: the file's among them counts as its group.
      expect(as({ uid: stranger, groups: new Set([7, info.gid, 9]) }), `${label} groups`).toBe(
        group,
      );
    }
  });

  it('without a POSIX identity (Windows) always asks the disk', async () => {
    expect(readableByMode(await fileWithMode('w', 0o644), null)).toBe(false);
  });
});
