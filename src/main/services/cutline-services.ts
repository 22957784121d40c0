import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { endExiftoolPool } from '../metadata/exiftool-pool';
import { openCheckedCatalog } from './catalog-health';
import { DeskSync, type DeskSyncOptions } from './desk-sync';
import { EditService } from './edits';
import { EventBus } from './event-bus';
import { failureMessage, isCatalogFailure } from './failure-message';
import { ImportService } from './import-service';
import { NoticeBoard } from './notice-board';
import { PhotoPreviewService } from './photo-preview';
import type { ReadPool } from './read-pool';
import { SearchIndexUpkeep } from './search-index-upkeep';
import { SuggestionService } from './suggestions';
import { TemplateService } from './templates';
import { ThumbnailService } from './thumbnail-service';
import { WatchService } from './watch-service';
import { WriteService } from './write-service';

/** Everything a transport needs: the catalog and the long-lived services over it. */
export interface CutlineServices {
  db: CatalogDb;
  /** The desk link: started only in a long-running process of a catalog on a desk. */
  desk: DeskSync;
  events: EventBus;
  editor: EditService;
  importer: ImportService;
  /** What the user must be told outside any call (a damaged catalog moved aside, errors). */
  notices: NoticeBoard;
  /** Large previews of photos, served as images beside the contract (src/main/media.ts). */
  previews: PhotoPreviewService;
  /** Merges the search index in idle time. */
  searchIndex: SearchIndexUpkeep;
  suggestions: SuggestionService;
  templates: TemplateService;
  /** Thumbnails rendered after an import (`cutline thumbnails`); the cells on screen first. */
  thumbnails: ThumbnailService;
  watcher: WatchService;
  /** Writes the catalog's fields into the files (one ExifTool pool for the process). */
  writer: WriteService;
  close(): Promise<void>;
}

export interface ServiceOptions {
  nativeBinding?: string;
  /** Import worker threads; 0 reads in-process. Defaults to one per core. */
  workers?: number;
  /**
   * The import's read pool, started by the caller before the services (`cutline import`
   * starts its worker first, so that it loads while the catalog opens); closed with them.
   */
  readPool?: ReadPool;
  /**
   * Keep the catalog in step with its desk, if it is on one (the app and `cutline serve`;
   * one-shot commands leave it to `cutline desk sync`).
   */
  syncDesk?: boolean;
  /** How the desk link polls, backs off and waits for a colleague's write (tests, benchmarks). */
  desk?: DeskSyncOptions;
}

/** Opens the catalog; a full disk, a read-only or unreadable catalog is said in plain words. */
function openOrExplain(catalogFile: string, options: ServiceOptions) {
  try {
    return openCheckedCatalog(catalogFile, { nativeBinding: options.nativeBinding });
  } catch (error) {
    if (!isCatalogFailure(error)) throw error;
    throw new CutlineError('io', failureMessage(error, catalogFile));
  }
}

/** Opens a catalog and starts the services over it (the app, `cutline serve`, the CLI). */
export function startServices(catalogFile: string, options: ServiceOptions = {}): CutlineServices {
  const { db, damaged } = openOrExplain(catalogFile, options);
  const events = new EventBus();
  const notices = new NoticeBoard(events);
  if (damaged) {
    // Said on stderr too, for the CLI; the app and the bridge show the notice.
    console.warn(`[cutline] ${damaged.message} (${damaged.detail})`);
    notices.post('error', damaged.message, damaged.detail);
  }
  const editor = new EditService(db);
  // The HEICs of the thumbnail pass are decoded in the import's read workers, the pool and
  // its workers made only when one is to be rendered.
  const thumbnails = new ThumbnailService(db, events, () => importer.readPool());
  const importer = new ImportService(
    db,
    events,
    options.workers,
    thumbnails.running,
    options.readPool,
  );
  const watcher = new WatchService(db, importer);
  const suggestions = new SuggestionService(db, events);
  const templates = new TemplateService(db, editor);
  importer.onImported = (ids) => templates.applyAtImport(ids);
  const previews = new PhotoPreviewService(db);
  const searchIndex = new SearchIndexUpkeep(db, events);
  const writer = new WriteService(db, events, editor);
  const desk = new DeskSync(db, editor, events, options.desk);
  // One member of a desk at a time writes a file (nothing is taken off the desk).
  writer.shareLocks(desk);
  desk.reportTo(notices);
  if (options.syncDesk) desk.start();
  return {
    db,
    desk,
    events,
    editor,
    importer,
    notices,
    previews,
    searchIndex,
    suggestions,
    templates,
    thumbnails,
    watcher,
    writer,
    async close() {
      await thumbnails.close();
      // The writes end first, while the desk's lock connection can still confirm their locks
      // and publish the files written.
      await writer.close();
      await desk.close();
      await endExiftoolPool();
      await watcher.close();
      // No import touches the catalog from here; the read workers' teardown (10–30 ms) runs
      // on their threads while this one closes the catalog (its last checkpoint).
      await importer.stop();
      const readersEnded = importer.close();
      await previews.close();
      searchIndex.close();
      db.close();
      await readersEnded;
    },
  };
}
