/**
 * What a file Cutline exports (a caption sheet, a credit block) may never be written over or
 * as, whatever the person confirmed: a photo or its sidecar (one the catalog holds, any file
 * named like one, any file whose first bytes are an image or an XMP packet), the open catalog
 * and its -wal, -shm and -journal files, any SQLite database, and the app's own files (the
 * installed app, the renderer the bridge serves, Electron's resources, the app's data folder
 * with its logs and window state). Replacing any other
 * existing file is the person's choice (output-file.ts asks for it).
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInsideFolder } from './folder-access';
import { realLocation } from './path-guard';

/** What the export's catalog knows. */
export interface CatalogFacts {
  /** The open catalog's file. */
  catalogFile: string;
  /** True when the path is a photo in the catalog or the sidecar of one. */
  isCataloged(path: string): boolean;
  /** True when the path is named like a photo Cutline imports (its extension). */
  isPhotoName(path: string): boolean;
  /** The app's data folder (catalog, logs, window state), also the app's own. */
  dataFolder: string;
}

const CATALOG_COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** Folders of the app's own files named by the host (the bridge's renderer folder). */
const namedAppFolders = new Set<string>();

/** Adds a folder of the app's own files (e.g. the renderer the bridge serves). */
export function protectAppFolder(folder: string): void {
  namedAppFolders.add(resolve(folder));
}

/**
 * The app's own folders: the package Cutline runs from (found by walking up from this module,
 * in src/ or out/, to its package.json), Electron's resources folder, and those named above.
 */
export function appFolders(): string[] {
  const folders = [...namedAppFolders];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) {
      folders.push(dir);
      break;
    }
    dir = dirname(dir);
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) folders.push(resources);
  return folders;
}

/** What the first bytes of a file say it is, when it is something an export must keep. */
function kindOfContent(head: Buffer): string | null {
  const starts = (bytes: number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte);
  const text = head.toString('latin1');
  if (text.startsWith('SQLite format 3\0')) return 'an SQLite database';
  if (starts([0x37, 0x7f, 0x06, 0x82]) || starts([0x37, 0x7f, 0x06, 0x83])) {
    return 'an SQLite write-ahead log';
  }
  if (
    starts([0xff, 0xd8, 0xff]) ||
    starts([0x89, 0x50, 0x4e, 0x47]) ||
    starts([0x49, 0x49, 0x2a, 0x00]) ||
    starts([0x4d, 0x4d, 0x00, 0x2a]) ||
    starts([0x49, 0x49, 0x55, 0x00]) || // Panasonic RW2
    starts([0x49, 0x49, 0x52, 0x4f]) || // Olympus ORF
    text.startsWith('FUJIFILMCCD-RAW') ||
    text.slice(4, 8) === 'ftyp' ||
    (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP')
  ) {
    return 'a photo';
  }
  if (/^(\uFEFF|ï»¿)?\s*<(\?xpacket|x:xmpmeta)/.test(text)) return 'an XMP sidecar';
  return null;
}

async function contentKind(path: string): Promise<string | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return kindOfContent(head.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Why an export may not write `file` (an absolute path), or null when it may (replacing an
 * existing file still needs the person's confirmation). Symbolic links are followed: a link
 * to a photo is the photo.
 */
export async function writeRefusal(file: string, catalog: CatalogFacts): Promise<string | null> {
  const targets = [...new Set([file, realLocation(file)])];
  const catalogs = [...new Set([resolve(catalog.catalogFile), realLocation(catalog.catalogFile)])];
  const folders = [...appFolders(), catalog.dataFolder].flatMap((folder) => [
    folder,
    realLocation(folder),
  ]);
  for (const target of targets) {
    if (catalogs.some((db) => CATALOG_COMPANIONS.some((suffix) => target === db + suffix))) {
      return 'it is the catalog Cutline has open';
    }
    if (folders.some((folder) => isInsideFolder(target, folder))) {
      return 'it is among Cutline’s own files';
    }
    if (catalog.isCataloged(target)) return 'it is a photo in the catalog, or its sidecar';
  }
  for (const target of targets) {
    if (catalog.isPhotoName(target) || extname(target).toLowerCase() === '.xmp') {
      return 'an export is never written as a photo or a sidecar';
    }
  }
  // What the file holds, whatever it is called (reading follows a link to its target).
  const kind = await contentKind(file);
  if (kind) return `it is ${kind}`;
  return null;
}
