import type { WriteLocksRepo } from '../catalog/write-locks-repo';
import { ownerIsGone, THIS_PROCESS } from './this-process';

/**
 * How long a photo's lock holds without its owner: a write of one photo takes well under
 * ExifTool's 60 s task timeout; past this, a holder is taken to be stuck (or its pid reused).
 */
const LOCK_MS = 10 * 60_000;

/**
 * This process's locks on the photos it writes, so that two processes (the app and
 * `cutline write`, two `cutline write`s) never write one photo at once. Holding a photo's
 * lock is also what makes a temporary file of its write (safe-write.ts) a leftover: no live
 * process can be writing it, so it may be removed.
 */
export class PhotoWriteLocks {
  private readonly owner = THIS_PROCESS;

  constructor(private readonly repo: WriteLocksRepo) {}

  /** Takes the locks it can; answers the photos this process now holds. */
  take(photoIds: readonly number[]): Set<number> {
    const now = Date.now();
    return this.repo.take(
      photoIds,
      this.owner,
      now + LOCK_MS,
      (held) => held.expiresAt < now || ownerIsGone(held.owner),
    );
  }

  release(photoIds: readonly number[]): void {
    if (photoIds.length > 0) this.repo.release(photoIds, this.owner);
  }

  releaseAll(): void {
    this.repo.releaseAll(this.owner);
  }
}
