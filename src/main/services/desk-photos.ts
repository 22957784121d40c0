/**
 * Photos across the desk's members (issue 18 parts 2 and 5). A photo is known on the desk by
 * its image-data digest (the one the write-back check computes) with its path under the
 * desk's root, and each member maps that to its own mount of the shared volume. A member
 * publishes the photos under the root that its catalog holds (record, thumbnail, the file's
 * size, modification time and fingerprint), so the others get them without importing the
 * folder; after a write it publishes the file as written, so the others take in the
 * colleague's change instead of finding a conflict. Used by desk-sync.ts only.
 */
import { statSync } from 'node:fs';
import { basename, sep } from 'node:path';
import { isCaptionField } from '../../shared/model';
import type { CatalogDb } from '../catalog/catalog-db';
import type { DeskRepo } from '../catalog/desk-repo';
import type { PhotoRow, PhotoRows } from '../catalog/photo-rows';
import { type KnownFile, photosRepoOf } from '../catalog/photos-repo';
import type { DeskDb } from '../desk/desk-db';
import { deskRelativePath, localDeskPath } from '../desk/desk-path';
import type { DeskFieldValue, DeskPhotoIn, DeskPhotoOut } from '../desk/desk-photos-db';
import { exiftoolPool } from '../metadata/exiftool-pool';
import { identifyFile } from '../metadata/fingerprint';
import { imageDataDigest } from '../metadata/image-data-digest';
import type { EditService } from './edits';
import { rereadPhoto } from './reread-photo';

/** Photos published or read per round trip (each carries a thumbnail of some 10 KB). */
const BATCH = 100;
/** Photos' digests computed at once when publishing (their files read side by side). */
const DIGESTS_IN_FLIGHT = 4;

/** A photo's record as the desk carries it: its catalog rows without this member's paths. */
interface DeskRecord {
  photo: Omit<PhotoRow, 'path' | 'sidecarPath'> & { sidecarRelPath: string | null };
  caption: PhotoRows['caption'];
}

/** A published photo new to this catalog whose file this member has. */
interface NewPhoto {
  photo: DeskPhotoOut;
  path: string;
  /** The file's modification time here. */
  mtimeMs: number;
}

/** What taking in the desk's photos did. */
export interface ReceivedPhotos {
  /** Photos new to this catalog, added at this member's path. */
  added: number[];
  /** Photos a colleague's write changed, read again from this member's file. */
  rewritten: number[];
  /** Published photos whose file this member does not have (not mounted, or another file). */
  absent: number;
}

export class DeskPhotos {
  constructor(
    private readonly db: CatalogDb,
    private readonly repo: DeskRepo,
    private readonly editor: EditService,
  ) {}

  /**
   * The image-data digest of a photo's file, computed once per fingerprint (it reads the
   * whole file); null when its picture cannot be read.
   */
  async digestOf(photo: Pick<KnownFile, 'id' | 'path' | 'fingerprint'>): Promise<string | null> {
    const known = this.repo.identity(photo.id);
    if (known && known.fingerprint === photo.fingerprint) return known.imageDigest;
    const digest = await this.computeDigest(photo.path);
    this.repo.setIdentity(photo.id, photo.fingerprint, digest, known?.published ?? null);
    return digest;
  }

  /** The digest as known for the photo's fingerprint, else computed (and not yet stored). */
  private async knownOrComputedDigest(
    photo: Pick<KnownFile, 'id' | 'path' | 'fingerprint'>,
  ): Promise<string | null> {
    const known = this.repo.identity(photo.id);
    if (known && known.fingerprint === photo.fingerprint) return known.imageDigest;
    return this.computeDigest(photo.path);
  }

  /**
   * The digests of photos, in their order, DIGESTS_IN_FLIGHT at a time: one file is read
   * (off the main thread) while another is hashed, where one by one the reads waited alone
   * (publishing 2,000 photos took 15.6 s, the hashing 3.9 s of it).
   */
  private async digestsOf(
    photos: readonly Pick<KnownFile, 'id' | 'path' | 'fingerprint'>[],
  ): Promise<(string | null)[]> {
    const digests: (string | null)[] = new Array(photos.length).fill(null);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < photos.length; i = next++) {
        digests[i] = await this.knownOrComputedDigest(photos[i] as (typeof photos)[number]);
      }
    };
    await Promise.all(Array.from({ length: DIGESTS_IN_FLIGHT }, worker));
    return digests;
  }

  private computeDigest(path: string): Promise<string | null> {
    return imageDataDigest(path, exiftoolPool()).catch(() => null);
  }

  /**
   * Publishes the photos under the root that the desk has not had as their files are now;
   * answers how many. `writtenBy`: set when the files changed by this member's write.
   */
  async publishPending(desk: DeskDb, root: string, name: string): Promise<number> {
    let published = 0;
    for (;;) {
      const pending = this.repo.unpublished(rootPrefix(root), BATCH);
      if (pending.length === 0) return published;
      published += await this.publish(desk, root, name, pending, null);
    }
  }

  /**
   * Publishes photos just written by this member: the digest stays (the write proved the
   * image data unchanged), the file's size, modification time and fingerprint are new.
   */
  async publishWritten(desk: DeskDb, root: string, name: string, ids: readonly number[]) {
    const photos = photosRepoOf(this.db);
    const written: KnownFile[] = [];
    for (const id of ids) {
      const detail = photos.detail(id);
      const known = detail && photos.findByPath(detail.record.path);
      if (!known || deskRelativePath(root, known.path) === null) continue;
      const identity = this.repo.identity(id);
      if (identity && identity.imageDigest !== null) {
        this.repo.setIdentity(id, known.fingerprint, identity.imageDigest, identity.published);
      }
      written.push(known);
    }
    await this.publish(desk, root, name, written, name);
  }

  /**
   * Takes in the photos published since this member last looked. While this member's root
   * is not there at all (the volume not mounted), nothing is read, so that the photos come
   * once it is.
   */
  async receive(desk: DeskDb, root: string, since: number): Promise<ReceivedPhotos> {
    const received: ReceivedPhotos = { added: [], rewritten: [], absent: 0 };
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return received;
    let version = since;
    for (;;) {
      const batch = await desk.photos().photosAfter(version, BATCH);
      if (batch.length === 0) return received;
      const toAdd: NewPhoto[] = [];
      for (const photo of batch) {
        const added = await this.receiveOne(root, photo, received);
        if (added) toAdd.push(added);
      }
      if (toAdd.length > 0) {
        const values = await desk.photos().fieldValues(toAdd.map((added) => added.photo.relPath));
        // One transaction for the batch: a thousand photos arrive in seconds, not minutes.
        this.repo.applying(() => {
          for (const added of toAdd) {
            received.added.push(this.add(root, added, values.get(added.photo.relPath) ?? []));
          }
        });
      }
      version = (batch[batch.length - 1] as DeskPhotoOut).version;
      this.repo.setLastPhotoVersion(version);
    }
  }

  /**
   * Before this member writes a photo it holds the desk's write lock of: if a colleague wrote
   * the file since this catalog read it, and the file here is the one the colleague published,
   * it is read again first, so the write finds no conflict where there is none.
   */
  async takeInColleagueWrite(desk: DeskDb, root: string, photo: KnownFile): Promise<boolean> {
    const relPath = deskRelativePath(root, photo.path);
    if (relPath === null) return false;
    const file = await desk.photos().photoFile(relPath);
    if (!file?.fileFingerprint || file.fileFingerprint === photo.fingerprint) return false;
    return this.rereadIfPublished(photo, file.fileFingerprint, file.imageDigest);
  }

  private async publish(
    desk: DeskDb,
    root: string,
    name: string,
    photos: readonly Pick<KnownFile, 'id' | 'path' | 'fingerprint'>[],
    writtenBy: string | null,
  ): Promise<number> {
    const out: { id: number; fingerprint: string; digest: string | null; photo: DeskPhotoIn }[] =
      [];
    const digests = await this.digestsOf(photos);
    for (const [i, photo] of photos.entries()) {
      const relPath = deskRelativePath(root, photo.path);
      const stored = this.repo.storedPhoto(photo.id);
      if (relPath === null || !stored) continue;
      const digest = digests[i] ?? null;
      const { path: _path, sidecarPath, ...row } = stored.rows.photo;
      const record: DeskRecord = {
        photo: { ...row, sidecarRelPath: sidecarPath ? deskRelativePath(root, sidecarPath) : null },
        caption: stored.rows.caption,
      };
      const thumbnail = stored.rows.thumbnail;
      out.push({
        id: photo.id,
        fingerprint: row.fingerprint,
        digest,
        photo: {
          relPath,
          imageDigest: digest,
          fileFingerprint: row.fingerprint,
          byteSize: row.byteSize,
          mtimeMs: row.mtimeMs,
          record,
          thumbnail: thumbnail && thumbnail !== 'unchanged' ? thumbnail : null,
          publishedBy: name,
          writtenBy,
        },
      });
    }
    const changed = await desk.photos().publish(out.map((entry) => entry.photo));
    // One transaction: a commit per photo cost more than its digest.
    this.db.transaction(() => {
      for (const entry of out) {
        this.repo.setIdentity(entry.id, entry.fingerprint, entry.digest, entry.fingerprint);
      }
    })();
    return changed;
  }

  /** Takes in one published photo; answers it when it is new here, to be added. */
  private async receiveOne(
    root: string,
    photo: DeskPhotoOut,
    received: ReceivedPhotos,
  ): Promise<NewPhoto | null> {
    const path = localDeskPath(root, photo.relPath);
    const known = photosRepoOf(this.db).findByPath(path);
    if (known) {
      if (known.fingerprint === photo.fileFingerprint) {
        // The same file: this member's identity of it is the desk's.
        const identity = this.repo.identity(known.id);
        if (
          identity?.fingerprint !== known.fingerprint ||
          identity.imageDigest !== photo.imageDigest
        ) {
          this.repo.setIdentity(known.id, known.fingerprint, photo.imageDigest, known.fingerprint);
        }
      } else if (await this.rereadIfPublished(known, photo.fileFingerprint, photo.imageDigest)) {
        received.rewritten.push(known.id);
      }
      return null;
    }
    const here = await identifyFile(path).catch(() => null);
    if (!here || here.fingerprint !== photo.fileFingerprint) {
      received.absent++;
      return null;
    }
    return { photo, path, mtimeMs: here.mtimeMs };
  }

  /**
   * Adds a published photo at this member's path, as its publisher's catalog stores it, and
   * the desk's values of its fields as edits from the desk (the file is not read here). Runs
   * inside the desk's applying transaction.
   */
  private add(root: string, added: NewPhoto, values: readonly DeskFieldValue[]): number {
    const { photo, path, mtimeMs } = added;
    const record = photo.record as DeskRecord;
    const { sidecarRelPath, ...row } = record.photo;
    const sidecarPath = sidecarRelPath ? localDeskPath(root, sidecarRelPath) : null;
    const sidecarMtimeMs = sidecarPath
      ? (statSync(sidecarPath, { throwIfNoEntry: false })?.mtimeMs ?? null)
      : null;
    const rows: PhotoRows = {
      photo: {
        ...row,
        path,
        fileName: basename(path),
        mtimeMs,
        sidecarPath: sidecarMtimeMs === null ? null : sidecarPath,
        sidecarMtimeMs,
      },
      caption: record.caption,
      thumbnail: photo.thumbnail
        ? {
            ...photo.thumbnail,
            origin: photo.thumbnail.origin === 'rendered' ? 'rendered' : 'embedded',
          }
        : null,
    };
    const id = photosRepoOf(this.db).saveRows(rows, null);
    this.repo.setIdentity(id, row.fingerprint, photo.imageDigest, row.fingerprint);
    // Edits made on the desk before this member had the photo: applied as they would have
    // been, so the file's values and the unwritten marks stay right.
    for (const { field, value, who } of values) {
      // A field of another version of Cutline (a member not yet upgraded): not taken in.
      if (!isCaptionField(field)) continue;
      this.editor.apply([{ photoId: id, changes: { [field]: value } }], {
        label: `${who ?? 'desk'} (desk)`,
        who: who ?? 'desk',
        undoable: false,
      });
    }
    return id;
  }

  /**
   * Reads a photo's file again when it is the one the desk says a colleague made: the catalog
   * then knows its new size, modification time, fingerprint and values (this member's edits
   * not in it stay unwritten), so the next write or rescan finds no conflict.
   */
  private async rereadIfPublished(
    photo: KnownFile,
    fingerprint: string,
    digest: string | null,
  ): Promise<boolean> {
    const here = await identifyFile(photo.path).catch(() => null);
    if (!here || here.fingerprint !== fingerprint) return false;
    await rereadPhoto(this.db, photo.id, photo.path);
    this.repo.setIdentity(photo.id, fingerprint, digest, fingerprint);
    return true;
  }
}

/** The root as a prefix of the paths under it. */
function rootPrefix(root: string): string {
  return root.endsWith(sep) ? root : `${root}${sep}`;
}
