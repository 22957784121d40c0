/**
 * Saves what the user types without ever losing it. Every keystroke goes first into a
 * journal that survives a reload or a crash (localStorage, written synchronously), then to
 * the catalog after a short pause, on blur, on photo change and on quit. A failed save (disk
 * full, catalog locked) keeps the text, says so and retries; an entry leaves the journal only
 * once the catalog has confirmed it. On the next start the journal is replayed.
 */
import type { CaptionField, FieldValue } from '../../../../shared/model';
import type { Result } from '../../../../shared/result';

export interface AutosaveStatus {
  /** Values typed and not yet confirmed by the catalog. */
  pending: number;
  saving: boolean;
  /** The last failure, shown until a save succeeds. */
  error: string | null;
}

type SaveFn = (
  photoId: number,
  field: CaptionField,
  value: FieldValue,
  typing: boolean,
) => Promise<Result<unknown>>;

interface Entry {
  photoId: number;
  field: CaptionField;
  value: FieldValue;
  /** Bumped on every keystroke, so a save confirms only the value it sent. */
  revision: number;
}

/** What the journal needs of localStorage (declared here, so the queue runs outside a page too). */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const JOURNAL_KEY = 'cutline.unsaved-edits';
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000];

const keyOf = (photoId: number, field: CaptionField) => `${photoId}:${field}`;

export class AutosaveQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(status: AutosaveStatus) => void>();
  private saving = 0;
  /** The save under way for each field, with the revision it sent; settles true when saved. */
  private readonly inFlight = new Map<string, { done: Promise<boolean>; revision: number }>();
  private error: string | null = null;
  private failures = 0;

  constructor(
    private readonly save: SaveFn,
    private readonly journal: JournalStorage | null,
    private readonly delayMs = 400,
  ) {}

  /** Records a new value of a field and schedules its save. */
  set(photoId: number, field: CaptionField, value: FieldValue): void {
    const key = keyOf(photoId, field);
    const revision = (this.entries.get(key)?.revision ?? 0) + 1;
    this.entries.set(key, { photoId, field, value, revision });
    this.writeJournal();
    this.schedule(key, this.delayMs);
    this.notify();
  }

  /** The value typed and not yet confirmed, if any. */
  pending(photoId: number, field: CaptionField): FieldValue | undefined {
    return this.entries.get(keyOf(photoId, field))?.value;
  }

  /** Saves everything now (blur, photo change, quit). */
  async flush(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((key) => this.saveNow(key, false)));
  }

  /** Puts back what an earlier session typed and could not save; answers how many values. */
  async recover(): Promise<number> {
    const stored = this.readJournal();
    for (const entry of stored) {
      const key = keyOf(entry.photoId, entry.field);
      if (!this.entries.has(key)) this.entries.set(key, { ...entry, revision: 1 });
    }
    this.notify();
    await this.flush();
    return stored.length;
  }

  status(): AutosaveStatus {
    return { pending: this.entries.size, saving: this.saving > 0, error: this.error };
  }

  subscribe(listener: (status: AutosaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(key: string, delay: number): void {
    globalThis.clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      globalThis.setTimeout(() => void this.saveNow(key, true), delay),
    );
  }

  /**
   * Saves a field's value now, one save of a field at a time: a second one sent while the
   * first was under way (the pause after typing, then the blur) waited behind it on a busy
   * catalog, 16 s each, with the window saying "Saving…" through both. It waits for the first
   * instead, then saves a newer value typed meanwhile; a failed save has its retry scheduled.
   */
  private async saveNow(key: string, typing: boolean): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) {
      const saved = await running.done;
      const entry = this.entries.get(key);
      if (saved && entry && entry.revision !== running.revision) await this.saveNow(key, typing);
      return;
    }
    const entry = this.entries.get(key);
    if (!entry) return;
    globalThis.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const done = this.saveOnce(key, entry, typing);
    this.inFlight.set(key, { done, revision: entry.revision });
    try {
      await done;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Sends one value to the catalog and deals with the answer; true when it was saved. */
  private async saveOnce(key: string, entry: Entry, typing: boolean): Promise<boolean> {
    this.saving++;
    this.notify();
    let result: Result<unknown>;
    try {
      result = await this.save(entry.photoId, entry.field, entry.value, typing);
    } catch (error) {
      result = {
        ok: false,
        error: {
          code: 'internal',
          message: error instanceof Error ? error.message : String(error),
        },
      };
    }
    this.saving--;
    const current = this.entries.get(key);
    if (result.ok) {
      this.error = null;
      this.failures = 0;
      // Typing went on while this save was under way: the newer value is still to save.
      if (current && current.revision === entry.revision) {
        this.entries.delete(key);
        this.writeJournal();
      }
    } else if (result.error.code === 'not-found' || result.error.code === 'invalid-input') {
      // The photo left the catalog or the value can never be stored: retrying cannot help.
      this.error = `Could not save ${entry.field}: ${result.error.message}`;
      if (current && current.revision === entry.revision) this.entries.delete(key);
      this.writeJournal();
    } else {
      this.error = `Not saved yet (${result.error.message}); your text is kept and Cutline will retry.`;
      const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? 10000;
      this.failures++;
      this.schedule(key, delay);
    }
    this.notify();
    return result.ok;
  }

  private writeJournal(): void {
    if (!this.journal) return;
    const entries = [...this.entries.values()].map(({ photoId, field, value }) => ({
      photoId,
      field,
      value,
    }));
    try {
      if (entries.length === 0) this.journal.removeItem(JOURNAL_KEY);
      else this.journal.setItem(JOURNAL_KEY, JSON.stringify(entries));
    } catch {
      // A full journal (a megabyte paste over the quota) must not stop the save itself.
    }
  }

  private readJournal(): Omit<Entry, 'revision'>[] {
    try {
      const text = this.journal?.getItem(JOURNAL_KEY);
      return text ? (JSON.parse(text) as Omit<Entry, 'revision'>[]) : [];
    } catch {
      return [];
    }
  }

  private notify(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
