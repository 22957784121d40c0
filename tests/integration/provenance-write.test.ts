/**
 * Write-back keeps Content Credentials honest (issue 19, part 4): before a write, each file
 * carrying credentials is named with the warning that the write breaks them (the overview
 * the app shows, and `cutline write`'s check); after it, the catalog records that Cutline's
 * edit broke them, and the photo no longer passes for signed, even after a re-read.
 */
import { chmod, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { getPhoto, searchLibrary } from '../../src/main/services/library';
import { rereadPhoto } from '../../src/main/services/reread-photo';
import { CREDENTIALS_BROKEN_NOTE, provenanceLines } from '../../src/shared/provenance';
import { setUpServicesShoot } from '../helpers/services-shoot';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c2pa');
const shoot = setUpServicesShoot('provenance-write');

async function importCopy(name: string): Promise<{ id: number; path: string }> {
  const path = join(shoot.root, name);
  await copyFile(join(FIXTURES, name), path);
  await chmod(path, 0o644);
  await (await shoot.services.importer.start([path])).done;
  return { id: (photosRepoOf(shoot.services.db).findByPath(path) as { id: number }).id, path };
}

function found(query: string): number[] {
  return searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 }).items.map((i) => i.id);
}

describe('a write into a signed file', () => {
  it('is warned about per file before, and recorded as breaking the credentials after', async () => {
    const signed = await importCopy('C.jpg');
    const plain = await importCopy('no_manifest.jpg');
    shoot.services.editor.setFields([signed.id, plain.id], {
      caption: 'Edited in Cutline, Monday.',
    });

    const request = { ids: [signed.id, plain.id], allChanged: false, sidecar: false };
    const warnings = shoot.services.writer.credentialWarnings(request);
    expect(warnings.map((w) => w.path)).toEqual([signed.path]);
    expect(warnings[0]?.message).toBe(
      'carries Content Credentials signed by C2PA Test Signing Cert: writing metadata into it changes the file after signing, so they will no longer validate',
    );
    expect(shoot.services.writer.overview().credentials.map((w) => w.photoId)).toEqual([signed.id]);
    // Written to a sidecar, the file is left as it was: nothing to warn about.
    expect(shoot.services.writer.credentialWarnings({ ...request, sidecar: true })).toEqual([]);
    expect(found('is:signed')).toEqual([signed.id]);

    const summary = await shoot.services.writer.write(request);
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(2);
    expect(summary.notes).toEqual([{ path: signed.path, note: CREDENTIALS_BROKEN_NOTE }]);

    const after = getPhoto(shoot.services.db, signed.id);
    expect(after.record.caption).toBe('Edited in Cutline, Monday.');
    expect(after.provenance?.brokenByCutlineAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(provenanceLines(after.provenance!).at(-1)).toMatch(
      /^Credentials no longer validate: Cutline wrote metadata into the file on \d{4}-\d{2}-\d{2}, after signing$/,
    );
    expect(found('is:signed')).toEqual([]);
    expect(found('is:tampered')).toEqual([signed.id]);
    expect(found('is:credentials-fail')).toEqual([signed.id]);
    // Combined with other filters, each keeps to itself.
    expect(found('is:tampered is:credentials-fail')).toEqual([signed.id]);
    expect(found('is:tampered no_manifest')).toEqual([]);
    expect(shoot.services.writer.overview().credentials).toEqual([]);

    // A re-read of the file keeps the mark: the file never looks signed again.
    await rereadPhoto(shoot.services.db, signed.id, signed.path);
    const reread = getPhoto(shoot.services.db, signed.id);
    expect(reread.provenance?.brokenByCutlineAt).toBe(after.provenance?.brokenByCutlineAt);
    // ExifTool keeps the APP11 manifest, whose hash binding no longer matches the file.
    expect(reread.provenance?.state).toBe('tampered');
    expect(found('is:signed')).toEqual([]);
  }, 60_000);
});
