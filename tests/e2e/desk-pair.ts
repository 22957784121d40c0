/**
 * Two editors for the desk's e2e specs: Anna's `cutline serve` on a shoot made by `make` (its
 * `shoot` folder imported), Ben's on his own catalog of the same folder, and an empty desk
 * database on the test server. Stopped and removed by stopDeskPair.
 */
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { createDeskDatabase, dropDeskDatabase } from '../helpers/desk-database';
import {
  importFolders,
  type RunningCutline,
  startCutline,
  startShoot,
  stopShoot,
} from './cutline-server';

export interface DeskPair {
  root: string;
  anna: RunningCutline;
  ben: RunningCutline;
  deskUrl: string;
}

export async function startDeskPair(
  server: string,
  name: string,
  make: (root: string, exiftool: ExifTool) => Promise<unknown>,
): Promise<DeskPair> {
  const { root, cutline: anna } = await startShoot(name, make);
  const ben = await startCutline(join(root, 'ben.sqlite'));
  await importFolders(ben.url, [join(root, 'shoot')]);
  const deskUrl = await createDeskDatabase(server);
  return { root, anna, ben, deskUrl };
}

/** Safe on a pair half made (a start that failed). */
export async function stopDeskPair(server: string | null, pair: Partial<DeskPair>): Promise<void> {
  await pair.ben?.stop();
  await stopShoot({ root: pair.root, cutline: pair.anna });
  if (server && pair.deskUrl) await dropDeskDatabase(server, pair.deskUrl);
}
