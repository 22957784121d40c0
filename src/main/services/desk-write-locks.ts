/**
 * The desk's write ownership for one member (issue 18 part 5): before this member writes a
 * photo's file under the desk's root it takes the desk's write lock of the photo (an advisory
 * lock keyed by its identity), so one member at a time writes a file; a photo a colleague is
 * writing is waited for a little, then refused naming the colleague. The locks are held on a
 * connection of their own, so taking and giving them back never waits behind a sync, and a
 * sync connection that breaks does not take the locks of writes under way with it. The
 * WriteService asks through SharedWriteLocks (DeskSync passes its calls here).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import type { DeskRepo } from '../catalog/desk-repo';
import { type KnownFile, photosRepoOf } from '../catalog/photos-repo';
import { type DeskConnectOptions, DeskDb } from '../desk/desk-db';
import { deskRelativePath } from '../desk/desk-path';
import type { DeskPhotos } from './desk-photos';
import type { SharedWriteLocks } from './write-service';

/** How long writes go on without the desk's locks after it was found out of reach (ms). */
const WRITES_OFF_DESK_MS = 30_000;
/** How soon a write kept waiting by a colleague's tries the desk's lock again (ms). */
const WRITE_RETRY_MS = 100;
/** Why a photo whose desk lock went with its connection is not put in place. */
const LOCK_LOST =
  'the connection to the desk broke during the write and its write lock of this file went with it, so the file was not replaced (its edits are kept): write it again';

/**
 * Whether a desk error means the connection is gone: the driver's own errors (no SQLSTATE:
 * the socket ended, a query timed out) and the server's connection and shutdown classes
 * (08, 57: a terminated session, a restart); not an error of the statement.
 */
function connectionBroke(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || /^(08|57)/.test(code);
}

/** What the locks need of the desk link's options. */
export interface DeskWriteLockOptions {
  connect?: DeskConnectOptions;
  /** How long a write waits for a colleague writing the same photo before it is refused (ms). */
  writeWaitMs?: number;
}

/** This member's write locks on the desk, on their own connection. */
export class DeskWriteLocks implements SharedWriteLocks {
  /** The desk write locks this member holds: photo id → lock key. */
  private readonly writing = new Map<number, string>();
  /** Photos whose lock was lost with the lock connection while being written. */
  private readonly lostLocks = new Set<number>();
  /**
   * The connection that holds the write locks: its own, so that taking and giving back a
   * lock never waits behind a sync (a first upload of photos takes minutes), and a sync
   * connection that breaks does not take the locks of writes under way with it.
   */
  private lockDesk: DeskDb | null = null;
  /** One lock request at a time on the lock connection, in the order asked. */
  private lockChain: Promise<unknown> = Promise.resolve();
  /** Closed: writes no longer reach for the desk (its connection is gone with its locks). */
  private closed = false;
  /** Until when writes do not try a desk that was out of reach (ms): each try may take seconds. */
  private writesOffDeskUntil = 0;

  constructor(
    private readonly db: CatalogDb,
    private readonly repo: DeskRepo,
    private readonly photos: DeskPhotos,
    private readonly options: DeskWriteLockOptions,
  ) {}

  /** Writes may reach for the desk again (a join, a start after close). */
  open(): void {
    this.closed = false;
  }

  /**
   * Closes: writes no longer reach for the desk (a write batch still ending must not open a
   * new connection that nobody would close), and the lock connection ends with its locks.
   */
  close(): Promise<void> {
    this.closed = true;
    return this.disconnect();
  }

  /** Ends the lock connection (its locks go with it), after the lock requests under way. */
  disconnect(): Promise<void> {
    return this.lockSerial(() => this.disconnectNow());
  }

  /**
   * Before this member writes photos' files: takes the desk's write lock of each photo under
   * the root (keyed by its identity), so one member at a time writes a file. A photo a
   * colleague is writing is waited for a little, then refused: the answer maps it to a
   * message naming who writes it. A file the colleague wrote meanwhile is read again first,
   * so the write finds no conflict where there is none. Off the desk, or with the desk out of
   * reach, nothing is refused (the write's own check of the file still guards it).
   */
  async claimWrites(photoIds: readonly number[]): Promise<Map<number, string>> {
    const refused = new Map<number, string>();
    const link = this.repo.link();
    if (!link || link.memberId === null || this.closed || Date.now() < this.writesOffDeskUntil) {
      return refused;
    }
    const memberId = link.memberId;
    const photos = photosRepoOf(this.db);
    const wanted = new Map<number, { key: string; photo: KnownFile }>();
    for (const id of photoIds) {
      const path = photos.detail(id)?.record.path;
      const photo = path ? photos.findByPath(path) : undefined;
      const relPath = photo ? deskRelativePath(link.root, photo.path) : null;
      if (!photo || relPath === null || this.writing.has(id)) continue;
      const digest = await this.photos.digestOf(photo);
      wanted.set(id, { key: `${digest ?? ''}:${relPath}`, photo });
    }
    const deadline = Date.now() + (this.options.writeWaitMs ?? 10_000);
    try {
      for (;;) {
        for (const [id, { key, photo }] of wanted) {
          const taken = await this.onLockConnection(async (desk) => {
            if (!(await desk.writeLocks().tryWriteLock(key, memberId, link.memberName)))
              return false;
            this.writing.set(id, key);
            await this.photos.takeInColleagueWrite(desk, link.root, photo);
            return true;
          });
          if (taken) wanted.delete(id);
        }
        if (wanted.size === 0 || Date.now() >= deadline) break;
        await delay(WRITE_RETRY_MS);
      }
      for (const [id, { key }] of wanted) {
        const who = await this.onLockConnection((desk) => desk.writeLocks().writerOf(key));
        refused.set(
          id,
          `${who ?? 'another member'} is writing this file on the desk; it was not written here (its edits are kept): write it again in a moment`,
        );
      }
    } catch {
      // The desk is out of reach: the write goes on, guarded by its own check of the file,
      // and the next writes do not wait for the desk for a while.
      this.writesOffDeskUntil = Date.now() + WRITES_OFF_DESK_MS;
    }
    return refused;
  }

  /**
   * Just before a photo's file is replaced: null while this member still holds the photo's
   * desk lock (or took none: off the desk, outside the root, the desk out of reach), else
   * why it must not be written (the lock went with a broken connection, and a colleague may
   * be writing the file now).
   */
  async confirmWrite(photoId: number): Promise<string | null> {
    if (this.lostLocks.has(photoId)) return LOCK_LOST;
    const key = this.writing.get(photoId);
    if (key === undefined) return null;
    // Asked of the server, not only of the driver: a session ended by the server may not
    // have been noticed here yet. Never on a new connection, which would not hold the lock.
    const held = await this.lockSerial(async () => {
      const desk = this.lockDesk;
      return desk !== null && (await desk.writeLocks().holdsWriteLock(key));
    }).catch(() => false);
    if (held) return null;
    this.writing.delete(photoId);
    this.lostLocks.add(photoId);
    return LOCK_LOST;
  }

  /**
   * After the writes: the files written are published as they are now (the others' catalogs
   * take in the new size, modification time and fingerprint), then the locks are given back.
   */
  async releaseWrites(photoIds: readonly number[], written: readonly number[]): Promise<void> {
    for (const id of photoIds) this.lostLocks.delete(id);
    const held = photoIds.filter((id) => this.writing.has(id));
    if (held.length === 0) return;
    if (this.closed) {
      // The connection closed with the locks; the files are published at the next sync.
      for (const id of held) this.writing.delete(id);
      return;
    }
    const link = this.repo.link();
    await this.onLockConnection(async (desk) => {
      const done = written.filter((id) => this.writing.has(id));
      if (link && done.length > 0) {
        await this.photos.publishWritten(desk, link.root, link.memberName, done);
      }
      for (const id of held) {
        const key = this.writing.get(id) as string;
        this.writing.delete(id);
        if (link?.memberId != null) await desk.writeLocks().writeUnlock(key, link.memberId);
      }
    }).catch(() => {
      // A connection lost meanwhile has given the locks back with it; the files are
      // published at the next sync (their fingerprints are not the ones the desk has).
      for (const id of held) this.writing.delete(id);
    });
  }

  private lockSerial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lockChain.then(work, work);
    this.lockChain = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `work` on the lock connection, in turn. A connection found broken (the server
   * restarted, a link idle too long cut) is replaced and `work` tried once more on the new
   * one, so that one dead connection does not send writes off the desk: only a desk that
   * cannot be reached does.
   */
  private onLockConnection<T>(work: (desk: DeskDb) => Promise<T>): Promise<T> {
    return this.lockSerial(async () => {
      const existing = this.lockDesk;
      const desk = await this.lockConnected();
      try {
        return await work(desk);
      } catch (error) {
        if (desk !== existing || !connectionBroke(error)) throw error;
        this.lockConnectionLost(desk);
        return work(await this.lockConnected());
      }
    });
  }

  /**
   * The lock connection broke: every lock it held went with its session, and the writes
   * under way under those locks must not put their files in place (confirmWrite).
   */
  private lockConnectionLost(desk: DeskDb): void {
    void desk.close();
    if (this.lockDesk !== desk) return;
    this.lockDesk = null;
    for (const id of this.writing.keys()) this.lostLocks.add(id);
    this.writing.clear();
  }

  /** The lock connection, made when a write first needs it. */
  private async lockConnected(): Promise<DeskDb> {
    if (this.lockDesk) return this.lockDesk;
    // Declared first, as in connectTo: a connection broken while connecting is reported
    // before `connect` answers (that attempt then fails by itself, holding no lock).
    let desk: DeskDb | null = null;
    desk = await DeskDb.connect(
      this.linkUrl(),
      () => {
        if (desk !== null) this.lockConnectionLost(desk);
      },
      this.options.connect,
    );
    this.lockDesk = desk;
    return desk;
  }

  private async disconnectNow(): Promise<void> {
    const desk = this.lockDesk;
    this.lockDesk = null;
    await desk?.close();
  }

  private linkUrl(): string {
    const link = this.repo.link();
    if (!link) throw new CutlineError('invalid-input', 'This catalog is not on a desk.');
    return link.url;
  }
}
