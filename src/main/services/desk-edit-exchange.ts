/**
 * The edits between a member's catalog and the desk: this member's edits pushed from the
 * outbox in the order they were made (each leaves it only once the desk has it), and the
 * others' edits read by sequence and applied through the edit service the UI uses, so the
 * history, the unwritten marks and search stay right. Used by desk-sync.ts.
 */
import type { DeskSyncReport } from '../../shared/desk';
import { isCaptionField } from '../../shared/model';
import type { CatalogDb } from '../catalog/catalog-db';
import type { DeskRepo } from '../catalog/desk-repo';
import { photosRepoOf } from '../catalog/photos-repo';
import type { DeskDb } from '../desk/desk-db';
import type { DeskEditIn, DeskEditOut } from '../desk/desk-edits-db';
import { deskRelativePath, localDeskPath } from '../desk/desk-path';
import type { DeskPhotos } from './desk-photos';
import type { AuthoredEdit, EditService } from './edits';
import type { EventBus } from './event-bus';

/** Edits read per round trip. */
const BATCH = 500;
/**
 * Edits pushed per round trip (one statement, one transaction): enough that a member back
 * from offline empties its queue in a few, few enough that the push lock is not held long
 * from the other members.
 */
const PUSH_CHUNK = 100;

export class DeskEditExchange {
  constructor(
    private readonly db: CatalogDb,
    private readonly repo: DeskRepo,
    private readonly photos: DeskPhotos,
    private readonly editor: EditService,
    private readonly events?: EventBus,
  ) {}

  /** The outbox, oldest first; each edit leaves it only once the desk has it. */
  async push(desk: DeskDb, root: string, memberId: number, report: DeskSyncReport) {
    for (;;) {
      const batch = this.repo.outbox(PUSH_CHUNK);
      if (batch.length === 0) return;
      const shared: { id: number; edit: DeskEditIn }[] = [];
      for (const edit of batch) {
        const relPath = deskRelativePath(root, edit.path);
        if (relPath === null) {
          report.notShared++;
          this.repo.dropPushed(edit.id);
          continue;
        }
        shared.push({
          id: edit.id,
          edit: {
            editUid: edit.editUid,
            relPath,
            fingerprint: edit.fingerprint,
            imageDigest: await this.photos.digestOf({
              id: edit.photoId,
              path: edit.path,
              fingerprint: edit.fingerprint,
            }),
            field: edit.field,
            base: edit.base,
            value: edit.value,
            memberId,
            who: edit.who,
            at: edit.at,
          },
        });
      }
      // One transaction for the chunk; the edits leave the outbox only once it committed
      // (killed in between, they are pushed again and recognised by their uids).
      const outcomes = await desk.edits().pushAll(shared.map((entry) => entry.edit));
      for (const outcome of outcomes) {
        if (outcome === 'conflict') report.conflicts++;
        else report.pushed++;
      }
      this.repo.dropAllPushed(shared.map((entry) => entry.id));
    }
  }

  /**
   * The desk's edits after the last one read, applied through the edit service: each read
   * of the log in one catalog transaction (EditService.applyInOrder), in the desk's order.
   * `beforeApply` runs after each read, before its edits are applied.
   */
  async pull(
    desk: DeskDb,
    root: string,
    memberId: number,
    report: DeskSyncReport,
    beforeApply: () => Promise<void>,
  ): Promise<void> {
    const photos = photosRepoOf(this.db);
    for (;;) {
      const edits = await desk.edits().editsAfter(report.lastSeq, BATCH, memberId);
      const last = edits.at(-1);
      if (!last) return;
      await beforeApply();
      const digests = await this.localDigests(photos, root, edits);
      const changed = this.repo.applying(() => {
        const taken: AuthoredEdit[] = [];
        for (const edit of edits) {
          const photoId = this.photoFor(photos, root, memberId, edit, digests, report);
          if (photoId !== null) {
            taken.push({ photoId, field: edit.field, value: edit.value, who: edit.who });
          }
        }
        const outcome = this.editor.applyInOrder(taken, (who) => `${who} (desk)`);
        report.applied += outcome.applied.filter(Boolean).length;
        report.lastSeq = last.seq;
        this.repo.setLastSeq(report.lastSeq);
        return outcome.photoIds;
      });
      if (changed.length > 0) this.events?.emit('photos:changed', { ids: changed });
    }
  }

  /** The image-data digest of each local photo that the edits name by a digest. */
  private async localDigests(
    photos: ReturnType<typeof photosRepoOf>,
    root: string,
    edits: readonly DeskEditOut[],
  ): Promise<Map<number, string | null>> {
    const digests = new Map<number, string | null>();
    for (const edit of edits) {
      if (!edit.imageDigest) continue;
      const photo = photos.findByPath(localDeskPath(root, edit.relPath));
      if (photo && !digests.has(photo.id)) digests.set(photo.id, await this.photos.digestOf(photo));
    }
    return digests;
  }

  /** The local photo a desk edit is to be applied to, or null when it is not to be. */
  private photoFor(
    photos: ReturnType<typeof photosRepoOf>,
    root: string,
    memberId: number,
    edit: DeskEditOut,
    digests: Map<number, string | null>,
    report: DeskSyncReport,
  ): number | null {
    // This member's own edits are already in its catalog; a settled conflict is everyone's.
    if (edit.memberId === memberId && edit.kind === 'edit') return null;
    // A field of another version of Cutline (a member not yet upgraded): not applied here.
    if (!isCaptionField(edit.field)) return null;
    // This member's version of the field is in an open conflict: it stays until settled.
    if (edit.held && edit.kind === 'edit') return null;
    const photo = photos.findByPath(localDeskPath(root, edit.relPath));
    // The photo is its path under the root and its picture: another picture at that path
    // (a file replaced here but not on the desk) is not the photo the edit is for.
    const digest = photo ? digests.get(photo.id) : undefined;
    if (!photo || (edit.imageDigest && digest && digest !== edit.imageDigest)) {
      report.notHere++;
      return null;
    }
    // An edit of this field still waiting to be pushed is this member's newer word: it will
    // meet the desk's value on push, and become a conflict there if they differ.
    if (this.repo.hasPending(photo.id, edit.field)) return null;
    return photo.id;
  }
}
