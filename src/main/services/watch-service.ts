import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { FSWatcher } from 'chokidar';
import type { WatchedFolder } from '../../shared/contract';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import {
  addWatchedFolder,
  listWatchedFolders,
  removeWatchedFolder,
} from '../catalog/watched-folders-repo';
import { watchFolder } from '../lazy-packages';
import { isSupportedImage } from '../metadata/supported-formats';
import type { ImportService } from './import-service';

export interface WatchOptions {
  /** How long a file must stay the same size before it counts as fully written. */
  settleMs?: number;
  /** How long to gather arrivals into one import. */
  batchMs?: number;
}

/**
 * Hot folders: new and changed photos are imported as they arrive, once each, after they have
 * finished being written (a photographer's upload or a card copy takes a while).
 */
export class WatchService {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly readiness: Promise<void>[] = [];
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Folders where a name that is not UTF-8 arrived, waiting to settle (see startWatcher). */
  private readonly mangled = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: CatalogDb,
    private readonly importer: ImportService,
    private readonly options: WatchOptions = {},
  ) {}

  /** Starts watching every folder the catalog lists (app or `serve` start-up). */
  resumeAll(): void {
    for (const folder of listWatchedFolders(this.db)) {
      if (folder.active) this.startWatcher(folder.path);
    }
  }

  list(): WatchedFolder[] {
    return listWatchedFolders(this.db);
  }

  /** Watches a folder and imports what it already holds. */
  async add(path: string): Promise<WatchedFolder> {
    const folder = resolve(path);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) {
      throw new CutlineError('invalid-input', `${folder} is not a folder that can be watched.`);
    }
    const record = addWatchedFolder(this.db, folder);
    this.startWatcher(folder);
    await this.importer.start([folder], 'watch');
    return record;
  }

  async remove(path: string): Promise<boolean> {
    const folder = resolve(path);
    await this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
    return removeWatchedFolder(this.db, folder);
  }

  private startWatcher(folder: string): void {
    if (this.watchers.has(folder)) return;
    const watcher = watchFolder(folder, {
      ignoreInitial: true,
      ignored: (path) => /(^|[/\\])\../.test(path),
      awaitWriteFinish: {
        stabilityThreshold: this.options.settleMs ?? 1000,
        pollInterval: 100,
      },
    });
    const arrived = (path: string) => {
      if (isSupportedImage(path) || extname(path).toLowerCase() === '.xmp') this.queue(path);
    };
    // The watcher decodes names as UTF-8: a name that is not arrives with U+FFFD in it, names
    // no file, and is dropped. Its folder is imported instead (the scan keeps the name's
    // bytes), once the folder has been quiet for the settle time, as arrivals wait to be whole.
    watcher.on('raw', (_event, name, details) => {
      if (!name.includes('\uFFFD')) return;
      const where = (details as { watchedPath?: string } | undefined)?.watchedPath ?? folder;
      clearTimeout(this.mangled.get(where));
      const settle = setTimeout(() => {
        this.mangled.delete(where);
        this.queue(where);
      }, this.options.settleMs ?? 1000);
      this.mangled.set(where, settle);
    });
    this.readiness.push(new Promise((done) => watcher.once('ready', () => done())));
    watcher.on('add', arrived).on('change', arrived);
    this.watchers.set(folder, watcher);
  }

  private queue(path: string): void {
    // A sidecar change re-reads its photo: import the photo, not the .xmp.
    const photos = extname(path).toLowerCase() === '.xmp' ? photosOfSidecar(path) : [path];
    for (const photo of photos) this.pending.add(photo);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const files = [...this.pending];
      this.pending.clear();
      if (files.length > 0) void this.importer.start(files, 'watch');
    }, this.options.batchMs ?? 300);
  }

  /** Resolves when every watcher is ready (tests wait on this before writing files). */
  async ready(): Promise<void> {
    await Promise.all(this.readiness);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    for (const settle of this.mangled.values()) clearTimeout(settle);
    this.mangled.clear();
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
  }
}

/** The photos a sidecar belongs to: IMG_1.CR2 for IMG_1.CR2.xmp, any IMG_1.* for IMG_1.xmp. */
function photosOfSidecar(sidecar: string): string[] {
  const named = sidecar.slice(0, -'.xmp'.length);
  if (isSupportedImage(named)) return [named];
  const stem = basename(named);
  try {
    return readdirSync(dirname(sidecar))
      .filter((name) => isSupportedImage(name) && name.slice(0, -extname(name).length) === stem)
      .map((name) => join(dirname(sidecar), name));
  } catch {
    return [];
  }
}
