import type { CatalogDb } from '../catalog/catalog-db';
import { openCatalog } from '../catalog/open-catalog';
import { EditService } from './edits';
import { EventBus } from './event-bus';
import { ImportService } from './import-service';
import { PhotoPreviewService } from './photo-preview';
import { SuggestionService } from './suggestions';
import { TemplateService } from './templates';
import { WatchService } from './watch-service';

/** Everything a transport needs: the catalog and the long-lived services over it. */
export interface CutlineServices {
  db: CatalogDb;
  events: EventBus;
  editor: EditService;
  importer: ImportService;
  /** Large previews of photos, served as images beside the contract (src/main/media.ts). */
  previews: PhotoPreviewService;
  suggestions: SuggestionService;
  templates: TemplateService;
  watcher: WatchService;
  close(): Promise<void>;
}

export interface ServiceOptions {
  nativeBinding?: string;
  /** Import worker threads; 0 reads in-process. Defaults to one per core. */
  workers?: number;
}

/** Opens a catalog and starts the services over it (the app, `cutline serve`, the CLI). */
export function startServices(catalogFile: string, options: ServiceOptions = {}): CutlineServices {
  const db = openCatalog(catalogFile, { nativeBinding: options.nativeBinding });
  const events = new EventBus();
  const editor = new EditService(db);
  const importer = new ImportService(db, events, options.workers);
  const watcher = new WatchService(db, importer);
  const suggestions = new SuggestionService(db, events);
  const templates = new TemplateService(db, editor);
  importer.onImported = (ids) => templates.applyAtImport(ids);
  const previews = new PhotoPreviewService(db);
  return {
    db,
    events,
    editor,
    importer,
    previews,
    suggestions,
    templates,
    watcher,
    async close() {
      await watcher.close();
      await importer.close();
      await previews.close();
      db.close();
    },
  };
}
