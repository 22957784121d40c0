/**
 * The desk-sync service: pushes this catalog's edits to the desk (PostgreSQL, src/main/desk)
 * in the order they were made, through the outbox the catalog's triggers fill, and applies
 * the other members' edits through the same edit service the UI uses, so history, unwritten
 * marks and search stay right. Started only for a catalog linked to a desk; a member who
 * never joins runs none of it.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type {
  DeskConflictView,
  DeskPresenceView,
  DeskState,
  DeskStatus,
  DeskSyncReport,
} from '../../shared/desk';
import type {
  DeskSharedRevisionView,
  DeskSharedView,
  SharedKind,
} from '../../shared/desk-settings';
import type { CaptionField, FieldValue } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { DeskRepo } from '../catalog/desk-repo';
import { photosRepoOf } from '../catalog/photos-repo';
import { storableDeskUrl } from '../desk/desk-address';
import { type DeskConnectOptions, DeskDb } from '../desk/desk-db';
import { deskRelativePath, localDeskPath } from '../desk/desk-path';
import { DeskEditExchange } from './desk-edit-exchange';
import { DeskPhotos } from './desk-photos';
import { DeskSettings, type SharedSettingsReport } from './desk-settings';
import { DeskWriteLocks } from './desk-write-locks';
import type { EditService } from './edits';
import type { EventBus } from './event-bus';
import { failureMessage } from './failure-message';
import type { NoticeBoard } from './notice-board';

/** How often a running member looks in its catalog for edits to push (ms). */
const POLL_MS = 100;
/** The longest a running member goes without a whole sync with the desk (ms). */
const FULL_SYNC_MS = 1000;

/** How often a member says it is still there (ms). */
const BEAT_MS = 5000;

export interface DeskSyncOptions {
  /** How often a running service looks for local edits to push (ms; POLL_MS by default). */
  pollMs?: number;
  /** The longest wait between attempts to reach a desk that does not answer (ms). */
  maxBackoffMs?: number;
  connect?: DeskConnectOptions;
  /**
   * How long a write waits for a colleague who is writing the same photo before it is
   * refused with a message (ms).
   */
  writeWaitMs?: number;
}

/** How often a running service looks for photos of its own to publish (ms). */
const PUBLISH_SCAN_MS = 1000;

const NO_DESK: DeskStatus = {
  linked: false,
  url: null,
  memberName: null,
  root: null,
  memberId: null,
  online: false,
  queue: 0,
  lastSeq: 0,
  deskSeq: null,
  members: [],
  openConflicts: 0,
  error: null,
};

export class DeskSync {
  private readonly repo: DeskRepo;
  private readonly photos: DeskPhotos;
  /** The house rules the desk shares (templates, codes, the credit style …). */
  private readonly settings: DeskSettings;
  /** Pushing this member's edits and applying the others'. */
  private readonly exchange: DeskEditExchange;
  /** This member's write locks, on a connection of their own. */
  private readonly locks: DeskWriteLocks;
  /** When the catalog was last looked through for photos to publish (ms). */
  private lastPublishScan = 0;
  private desk: DeskDb | null = null;
  /** One push-and-pull at a time, in the order asked. */
  private chain: Promise<unknown> = Promise.resolve();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  /** A turn of the loop is under way. */
  private ticking = false;
  /** The desk announced something since the last sync began (or the last one failed). */
  private wanted = false;
  /** When the last whole sync with the desk ended (ms). */
  private lastFullSync = 0;
  /** When the loop may sync again: a member spends about half its time syncing at most (ms). */
  private restUntil = 0;
  /** What the desk announced besides edits, not yet taken in. */
  private readonly announced = { photos: false, settings: false };
  private failures = 0;
  private online = false;
  /** The photo and field this editor has open, told to the others with each heartbeat. */
  private here: { photoId: number; field: CaptionField | null } | null = null;
  /** When the desk last heard from this member (ms), and whether `here` changed since. */
  private lastBeat = 0;
  private hereChanged = false;
  /** Why the last attempt to reach the desk failed (null: it answered). */
  private lastError: string | null = null;
  /** Where the user is told what they must know outside any call (set by a running app). */
  private notices: NoticeBoard | null = null;
  /** Open conflicts as counted at the last heartbeat (null: not yet). */
  private conflictCount: number | null = null;

  constructor(
    private readonly db: CatalogDb,
    readonly editor: EditService,
    private readonly events?: EventBus,
    private readonly options: DeskSyncOptions = {},
  ) {
    this.repo = new DeskRepo(db);
    this.photos = new DeskPhotos(db, this.repo, editor);
    this.settings = new DeskSettings(db, editor);
    this.locks = new DeskWriteLocks(db, this.repo, this.photos, options);
    this.exchange = new DeskEditExchange(db, this.repo, this.photos, editor, events);
  }

  /** Whether this catalog is linked to a desk. */
  linked(): boolean {
    return this.repo.link() !== undefined;
  }

  /**
   * Links the catalog to the desk at `url` as `name`, with `root` the local folder that is
   * the desk's root. The desk must answer (its schema is brought up to date). The password,
   * if the address has one, is used for this join and never stored.
   */
  async join(url: string, name: string, root: string): Promise<DeskStatus> {
    const stored = storableDeskUrl(url).url;
    const memberName = name.trim();
    if (!memberName) throw new CutlineError('invalid-input', 'A desk member needs a name.');
    this.locks.open();
    const current = this.repo.link();
    if (current && current.url !== stored) {
      throw new CutlineError(
        'invalid-input',
        `This catalog is on the desk ${current.url}; leave it first (cutline desk leave).`,
      );
    }
    await this.serial(async () => {
      await this.disconnect();
      const desk = await this.connectTo(url);
      const memberId = await desk.join(memberName, current?.memberId ?? null);
      this.repo.setLink(stored, memberName, resolve(root), new Date().toISOString());
      this.repo.setMember(memberId);
      this.online = true;
    });
    return this.status();
  }

  /** Leaves the desk: the member is marked gone (when the desk answers) and the link dropped. */
  async leave(): Promise<DeskStatus> {
    const link = this.repo.link();
    if (!link) return this.status();
    this.stop();
    await this.serial(async () => {
      try {
        const desk = await this.connected();
        if (link.memberId !== null) await desk.leave(link.memberId);
      } catch {
        // An unreachable desk still lets a member leave; it shows as offline there.
      }
      await this.disconnect();
      await this.locks.disconnect();
      this.repo.clearLink();
      this.settings.forget();
    });
    return this.status();
  }

  /** The link's state, and the desk's members and conflicts when it answers. */
  async status(): Promise<DeskStatus> {
    const link = this.repo.link();
    if (!link) return { ...NO_DESK };
    const status: DeskStatus = {
      ...NO_DESK,
      linked: true,
      url: link.url,
      memberName: link.memberName,
      root: link.root,
      memberId: link.memberId,
      queue: this.repo.outboxCount(),
      lastSeq: link.lastSeq,
    };
    try {
      await this.serial(async () => {
        const desk = await this.connected();
        status.deskSeq = await desk.edits().lastSeq();
        status.members = await desk.members();
        status.openConflicts = (await desk.edits().openConflicts()).length;
        this.conflictCount = status.openConflicts;
      });
      status.online = true;
    } catch (error) {
      status.error = failureMessage(error);
    }
    return status;
  }

  /** Pushes every waiting edit, then applies every edit of the others not yet applied. */
  syncOnce(): Promise<DeskSyncReport> {
    this.lastPublishScan = 0;
    return this.serial(() => this.pushAndPull());
  }

  /**
   * Makes kinds of house rules the desk's (templates, codes, the credit style …): this
   * member's entries are published, and every member takes them in at its next sync.
   */
  async share(kinds: readonly SharedKind[]): Promise<DeskSyncReport> {
    const link = this.requireLink();
    const published = await this.serial(async () => {
      const desk = await this.connected();
      const memberId = link.memberId ?? (await desk.join(link.memberName, null));
      this.repo.setMember(memberId);
      const report: SharedSettingsReport = {
        settingsPublished: 0,
        settingsApplied: 0,
        settingsRefused: [],
      };
      await this.settings.share(desk.settings(), kinds, memberId, link.memberName, report);
      this.announceRules(report.settingsRefused);
      return report;
    });
    const report = await this.syncOnce();
    return {
      ...report,
      settingsPublished: report.settingsPublished + published.settingsPublished,
      settingsApplied: report.settingsApplied + published.settingsApplied,
      settingsRefused: [...published.settingsRefused, ...report.settingsRefused],
    };
  }

  /** Stops sharing kinds of house rules; every member keeps what it has. */
  async unshare(kinds: readonly SharedKind[]): Promise<DeskSharedView> {
    this.requireLink();
    return this.serial(async () => {
      const desk = (await this.connected()).settings();
      await this.settings.unshare(desk, kinds);
      return this.settings.view(desk);
    });
  }

  /** What the desk shares, and who changed each entry last and when. */
  async shared(): Promise<DeskSharedView> {
    this.requireLink();
    return this.serial(async () => this.settings.view((await this.connected()).settings()));
  }

  /** Every value a shared entry has had, newest first, with who set it and when. */
  async sharedHistory(key: string): Promise<DeskSharedRevisionView[]> {
    this.requireLink();
    return this.serial(async () => this.settings.history((await this.connected()).settings(), key));
  }

  /** The desk's open conflicts, with this member's file of each photo. */
  async conflicts(): Promise<DeskConflictView[]> {
    const link = this.requireLink();
    const open = await this.serial(async () => (await this.connected()).edits().openConflicts());
    this.conflictCount = open.length;
    const photos = photosRepoOf(this.db);
    return open.map((conflict) => {
      const path = localDeskPath(link.root, conflict.relPath);
      const photo = photos.findByPath(path);
      return { ...conflict, path: photo ? path : null, photoId: photo?.id ?? null };
    });
  }

  /** Settles a conflict with the value chosen (one of the two, or a new one) for everyone. */
  async settle(conflictId: number, value: FieldValue): Promise<DeskSyncReport> {
    const link = this.requireLink();
    if (link.memberId === null) throw new CutlineError('io', 'The desk has not been reached yet.');
    const memberId = link.memberId;
    const settled = await this.serial(async () =>
      (await this.connected())
        .edits()
        .settle(conflictId, value, randomUUID(), memberId, link.memberName),
    );
    if (!settled) {
      throw new CutlineError('not-found', `There is no open desk conflict ${conflictId}.`);
    }
    return this.syncOnce();
  }

  /**
   * Keeps the catalog in step with the desk: local edits are pushed as they are made, the
   * others' arrive as the desk announces them; an unreachable desk is tried again with a
   * growing wait, and the edits made meanwhile wait in the outbox.
   */
  start(): void {
    this.locks.open();
    if (this.running || !this.linked()) return;
    this.running = true;
    this.wanted = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    this.stop();
    // The locks are closed first (a write batch still ending must not open a new
    // connection that nobody would close), their connection ended beside the sync's.
    const locks = this.locks.close();
    await this.serial(() => this.disconnect());
    await locks;
  }

  /**
   * Says which photo and field this editor has open (null: none); the others see it within
   * a heartbeat ("Anna is editing the caption").
   */
  async setPresence(photoId: number | null, field: CaptionField | null): Promise<void> {
    this.here = photoId === null ? null : { photoId, field };
    this.hereChanged = true;
    if (this.linked()) await this.syncOnce().catch(() => undefined);
  }

  /** Who else has which of this catalog's photos open now. */
  async presence(): Promise<DeskPresenceView[]> {
    const link = this.requireLink();
    const memberId = link.memberId ?? 0;
    const rows = await this.serial(async () => (await this.connected()).presence(memberId));
    const photos = photosRepoOf(this.db);
    return rows.map((row) => ({
      ...row,
      photoId: photos.findByPath(localDeskPath(link.root, row.relPath))?.id ?? null,
    }));
  }

  /**
   * The toolbar indicator's view, from what the sync loop last learnt: asking it never
   * reaches for the desk, so a window polling it adds nothing to a reconnect's backoff.
   */
  state(): DeskState {
    const link = this.repo.link();
    if (!link) {
      return {
        linked: false,
        online: false,
        queue: 0,
        lastSeq: 0,
        openConflicts: null,
        error: null,
      };
    }
    return {
      linked: true,
      online: this.online,
      queue: this.repo.outboxCount(),
      lastSeq: link.lastSeq,
      openConflicts: this.conflictCount,
      error: this.online ? null : this.lastError,
    };
  }

  /**
   * Before this member writes photos' files: the desk's write lock of each (DeskWriteLocks);
   * the photos refused, with why.
   */
  claimWrites(photoIds: readonly number[]): Promise<Map<number, string>> {
    return this.locks.claimWrites(photoIds);
  }

  /** Just before a written file is put in place: null while its lock is held, else why not. */
  confirmWrite(photoId: number): Promise<string | null> {
    return this.locks.confirmWrite(photoId);
  }

  /** After the writes: the files written are published, then the locks given back. */
  releaseWrites(photoIds: readonly number[], written: readonly number[]): Promise<void> {
    return this.locks.releaseWrites(photoIds, written);
  }

  /** Whether the desk answered the last time (for the toolbar's indicator). */
  isOnline(): boolean {
    return this.online;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, delayMs);
  }

  /**
   * The desk announced an edit (or a colleague's photo, a shared rule): sync at once, or
   * right after the sync under way (announcements during it are one more sync, not one each),
   * once the rest after the last sync is over (restUntil).
   */
  private wake(what: string | undefined): void {
    this.wanted = true;
    if (what === 'photos') this.announced.photos = true;
    if (what === 'settings') this.announced.settings = true;
    if (!this.ticking) this.schedule(Math.max(0, this.restUntil - Date.now()));
  }

  /**
   * One turn of the loop. Every `pollMs` it looks in the catalog (not the desk) for edits
   * waiting to be pushed, and goes to the desk only when there are some, when the desk
   * announced something, or once every FULL_SYNC_MS (photos to publish, heartbeat, presence,
   * the house rules, a catch-up read after any missed announcement). Before, every member
   * made a whole round of queries every 250 ms, and each announcement queued one more.
   */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    const poll = this.options.pollMs ?? POLL_MS;
    try {
      const whole = Date.now() - this.lastFullSync >= FULL_SYNC_MS;
      if (whole || this.wanted || this.repo.outboxCount() > 0) {
        this.wanted = false;
        const started = Date.now();
        await this.serial(() => this.pushAndPull(whole));
        if (whole) this.lastFullSync = Date.now();
        // As long again before the next: on a busy machine fewer, larger syncs, each
        // applying more edits in its one transaction, keep up where one per announcement
        // fell behind.
        this.restUntil = Date.now() + Math.min(Date.now() - started, FULL_SYNC_MS);
      }
      this.failures = 0;
      this.ticking = false;
      const rest = Math.max(0, this.restUntil - Date.now());
      this.schedule(this.wanted ? rest : Math.max(poll, rest));
    } catch {
      // Offline: the edits wait in the outbox; status() says why the desk does not answer.
      this.failures++;
      // The next attempt is a whole sync: what was announced meanwhile was not heard.
      this.lastFullSync = 0;
      this.ticking = false;
      const backoff = Math.min(poll * 2 ** this.failures, this.options.maxBackoffMs ?? 10_000);
      this.schedule(backoff);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private requireLink() {
    const link = this.repo.link();
    if (!link) throw new CutlineError('invalid-input', 'This catalog is not on a desk.');
    return link;
  }

  private async connectTo(url: string): Promise<DeskDb> {
    // Declared first: the driver may report a broken connection while still connecting
    // (the server ended it mid-migration), before `connect` has answered; that attempt then
    // fails by itself. Reading a `const` not yet assigned there crashed the member.
    let desk: DeskDb | null = null;
    desk = await DeskDb.connect(
      url,
      () => {
        // The connection broke: the next turn reconnects and catches up by sequence.
        this.online = false;
        this.wanted = true;
        if (desk === null) return;
        if (this.desk === desk) this.desk = null;
        void desk.close();
      },
      this.options.connect,
    );
    this.desk = desk;
    // Always: the connection a join makes is the one the loop started after it goes on
    // using, and it heard nothing when only a running loop listened (the others' edits then
    // came at the next whole sync, up to a second later). A one-shot sync ignores the news.
    await desk.listen((what) => this.wake(what));
    return desk;
  }

  private async connected(): Promise<DeskDb> {
    if (this.desk) return this.desk;
    return this.connectTo(this.requireLink().url);
  }

  private async disconnect(): Promise<void> {
    const desk = this.desk;
    this.desk = null;
    await desk?.close();
  }

  /**
   * One sync with the desk. A whole one publishes new photos, takes in the others' photos
   * and the house rules, and beats; a light one (the loop's, between whole ones) only pushes
   * and pulls edits, and takes in what the desk announced since: photos, house rules.
   */
  private async pushAndPull(whole = true): Promise<DeskSyncReport> {
    const link = this.requireLink();
    const report: DeskSyncReport = {
      pushed: 0,
      conflicts: 0,
      notShared: 0,
      applied: 0,
      notHere: 0,
      lastSeq: link.lastSeq,
      photosPublished: 0,
      photosAdded: 0,
      photosRewritten: 0,
      settingsPublished: 0,
      settingsApplied: 0,
      settingsRefused: [],
    };
    try {
      const desk = await this.connected();
      let memberId = link.memberId;
      if (memberId === null) {
        memberId = await desk.join(link.memberName, null);
        this.repo.setMember(memberId);
      }
      // Photos first: an edit reaches the desk after its photo, and a member takes in the
      // photos before the edits that name them.
      if (whole && Date.now() - this.lastPublishScan >= PUBLISH_SCAN_MS) {
        this.lastPublishScan = Date.now();
        report.photosPublished = await this.photos.publishPending(desk, link.root, link.memberName);
      }
      await this.exchange.push(desk, link.root, memberId, report);
      if (whole || this.announced.photos) await this.receivePhotos(desk, link.root, report);
      // Photos published before edits were announced before them, on this connection: taken
      // in first, so that an edit of a photo just published finds it here.
      await this.exchange.pull(desk, link.root, memberId, report, async () => {
        if (this.announced.photos) await this.receivePhotos(desk, link.root, report);
      });
      if (whole || this.announced.settings) {
        this.announced.settings = false;
        await this.settings.sync(desk.settings(), memberId, link.memberName, report);
        this.announceRules(report.settingsRefused);
      }
      await this.beat(desk, link.root, memberId);
      this.online = true;
      this.lastError = null;
      return report;
    } catch (error) {
      this.online = false;
      this.lastError = failureMessage(error);
      await this.disconnect();
      throw error;
    }
  }

  /**
   * Where a running app tells the user of a house rule from the desk this catalog could not
   * use (the CLI prints them from the report instead).
   */
  reportTo(notices: NoticeBoard): void {
    this.notices = notices;
  }

  /**
   * Tells the windows which shared house rules were taken in, so they show them at once, and
   * the user which could not be (each once: a refused entry is not taken up again).
   */
  private announceRules(refused: readonly string[] = []): void {
    const kinds = this.settings.takeChanged();
    if (kinds.length > 0) this.events?.emit('desk:rules', { kinds });
    for (const message of refused) this.notices?.post('warning', `Desk: ${message}.`);
  }

  /** Heartbeat and presence: when presence changed, else every few seconds. */
  private async beat(desk: DeskDb, root: string, memberId: number): Promise<void> {
    if (!this.hereChanged && Date.now() - this.lastBeat < BEAT_MS) return;
    this.hereChanged = false;
    this.lastBeat = Date.now();
    await desk.heartbeat(memberId);
    this.conflictCount = await desk.edits().openConflictCount();
    const here = this.here;
    const photo = here ? photosRepoOf(this.db).detail(here.photoId) : undefined;
    const relPath = photo ? deskRelativePath(root, photo.record.path) : null;
    await desk.setPresence(
      memberId,
      photo && relPath ? { relPath, fingerprint: photo.fingerprint } : null,
      here?.field ?? null,
    );
  }

  /** Photos published by others since the last look: new ones added, rewritten ones re-read. */
  private async receivePhotos(desk: DeskDb, root: string, report: DeskSyncReport): Promise<void> {
    // Cleared first: photos announced while these are read are read next time.
    this.announced.photos = false;
    const since = this.repo.link()?.lastPhotoVersion ?? 0;
    const received = await this.photos.receive(desk, root, since);
    report.photosAdded += received.added.length;
    report.photosRewritten += received.rewritten.length;
    if (received.added.length > 0) this.events?.emit('library:changed', { reason: 'import' });
    if (received.rewritten.length > 0) {
      this.events?.emit('photos:changed', { ids: received.rewritten });
    }
  }
}
