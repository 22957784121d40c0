/**
 * The large preview beside the editor: the selected photo as a browser can show it. The
 * photo's path comes from the catalog only (a transport passes an id, never a path). Made
 * previews are kept in a small in-memory LRU cache keyed by the file's size and mtime, so an
 * edit on disk shows at once and paging back and forth does not convert the same TIFF again.
 */
import { stat } from 'node:fs/promises';
import { noPreviewReason } from '../../shared/preview-availability';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { type PhotosRepo, photosRepoOf } from '../catalog/photos-repo';
import {
  EmbeddedPreviewReader,
  type PreviewSource,
  renderPreview,
} from '../metadata/preview-image';
import { fsPath } from '../metadata/raw-path';

/** One preview, ready to send. */
export interface PreviewImage {
  bytes: Buffer;
  mime: string;
  /** Changes whenever the file on disk changes (its size or mtime). */
  etag: string;
  /** `catalog-thumbnail` when nothing larger could be made from the file. */
  source: PreviewSource | 'catalog-thumbnail';
}

/** Total bytes the cache keeps; one preview larger than a quarter of it is not kept. */
const CACHE_BYTES = 96 * 1024 * 1024;

/** Previews of the photos in one catalog. */
export class PhotoPreviewService {
  private readonly cache = new Map<number, PreviewImage>();
  private cachedBytes = 0;
  private readonly embedded = new EmbeddedPreviewReader();
  private readonly repo: PhotosRepo;

  constructor(db: CatalogDb) {
    this.repo = photosRepoOf(db);
  }

  /**
   * The version of a photo's preview without making it (for a conditional request).
   * Throws CutlineError 'not-found' when the photo or its file is gone.
   */
  async previewTag(id: number): Promise<string> {
    return (await this.locate(id)).etag;
  }

  /**
   * The photo as a browser shows it: JPEG, PNG, WebP, AVIF and GIF files as their own bytes;
   * TIFF as an upright JPEG; RAW (and HEIC, which this build cannot decode) as the camera's
   * largest embedded JPEG preview, upright; else the catalog's small thumbnail. Throws
   * CutlineError 'not-found' when the photo or its file is gone, 'unsupported' when nothing
   * at all can be shown.
   */
  async previewImage(id: number): Promise<PreviewImage> {
    const { path, orientation, etag, fileName } = await this.locate(id);
    const cached = this.cache.get(id);
    if (cached?.etag === etag) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    let made: PreviewImage | null = null;
    try {
      const rendered = await renderPreview(path, orientation, this.embedded);
      if (rendered) made = { ...rendered, etag };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw gone(fileName, path);
      // A damaged file: the catalog's thumbnail below is better than nothing.
    }
    if (made === null) {
      const thumbnail = this.repo.thumbnails([id]).get(id);
      if (!thumbnail) throw cannotShow(fileName);
      made = { bytes: thumbnail, mime: 'image/jpeg', etag, source: 'catalog-thumbnail' };
    }
    this.remember(id, made);
    return made;
  }

  /** Drops the cache and ends the ExifTool process, if one was started. */
  async close(): Promise<void> {
    this.cache.clear();
    this.cachedBytes = 0;
    await this.embedded.close();
  }

  private async locate(id: number) {
    const detail = this.repo.detail(id);
    if (!detail) throw new CutlineError('not-found', `There is no photo ${id} in the catalog.`);
    const { path, fileName, orientation } = detail.record;
    let size: number;
    let mtimeMs: number;
    try {
      const info = await stat(fsPath(path));
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
      mtimeMs = info.mtimeMs;
    } catch {
      throw gone(fileName, path);
    }
    const etag = `"${id}-${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;
    return { path, fileName, orientation, etag };
  }

  private remember(id: number, preview: PreviewImage): void {
    const old = this.cache.get(id);
    if (old) {
      this.cache.delete(id);
      this.cachedBytes -= old.bytes.length;
    }
    if (preview.bytes.length > CACHE_BYTES / 4) return;
    this.cache.set(id, preview);
    this.cachedBytes += preview.bytes.length;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes <= CACHE_BYTES) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.bytes.length;
    }
  }
}

function cannotShow(fileName: string): CutlineError {
  return new CutlineError('unsupported', noPreviewReason(fileName));
}

function gone(fileName: string, path: string): CutlineError {
  return new CutlineError('not-found', `The file of ${fileName} is gone: ${path} does not exist.`);
}
