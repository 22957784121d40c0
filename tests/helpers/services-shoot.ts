/**
 * What most integration tests set up first: a temporary folder, one ExifTool to make photos
 * with, and Cutline's services on a fresh catalog there (no read workers: the tests read on
 * their own thread), all ended and removed after the file's tests.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import type { ExportColumn } from '../../src/shared/export-options';
import { createExifTool } from './make-photos';

export interface ServicesShoot {
  exiftool: ExifTool;
  /** The temporary folder; the catalog is catalog.sqlite in it. */
  root: string;
  services: CutlineServices;
  /** Imports one file (or folder) and gives the id of the photo at `path`. */
  importOne(path: string): Promise<number>;
  /** Writes the photo's edits into its file with the safe writer; none may fail. */
  writeOne(id: number): Promise<void>;
  /** Exports the photos as a CSV caption sheet (through the contract) and gives its rows. */
  exportCsv(ids: number[], columns: ExportColumn[]): Promise<string[][]>;
}

/**
 * Registers the file's beforeAll/afterAll and gives the shoot they fill in (read its fields
 * inside tests, not at the top level of the file).
 */
export function setUpServicesShoot(name: string): ServicesShoot {
  const shoot = {} as ServicesShoot;
  beforeAll(async () => {
    shoot.exiftool = createExifTool();
    shoot.root = await mkdtemp(join(tmpdir(), `cutline-${name}-`));
    shoot.services = startServices(join(shoot.root, 'catalog.sqlite'), { workers: 0 });
  });
  afterAll(async () => {
    await shoot.services?.close();
    await shoot.exiftool?.end();
    if (shoot.root) await rm(shoot.root, { recursive: true, force: true });
  });
  shoot.importOne = async (path) => {
    await (await shoot.services.importer.start([path])).done;
    return (photosRepoOf(shoot.services.db).findByPath(path) as { id: number }).id;
  };
  shoot.writeOne = async (id) => {
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
  };
  shoot.exportCsv = async (ids, columns) => {
    const out = join(shoot.root, `sheet-${ids.join('-')}.csv`);
    const result = await dispatch(createHandlers(shoot.services), 'export:sheet', {
      ids,
      format: 'csv',
      out,
      overwrite: true,
      columns,
    });
    expect(result.ok).toBe(true);
    return parse(await readFile(out), { bom: true }) as string[][];
  };
  return shoot;
}
