/**
 * The desk as the UI, the CLI and the bridge see it: the link's state, its members and its
 * conflicts (src/main/services/desk-sync.ts does the work).
 */
import { z } from 'zod';
import { captionFieldSchema } from './edits';
import type { CaptionField, FieldValue } from './model';

/** A member of the desk, and whether it was seen lately. */
export interface DeskMemberView {
  id: number;
  name: string;
  online: boolean;
  lastSeen: string;
}

/** This catalog's desk link and what is known of the desk now. */
export interface DeskStatus {
  /** False for a member who never joined a desk (or left it). */
  linked: boolean;
  /** The desk's address, never with a password. */
  url: string | null;
  memberName: string | null;
  /** The local folder that is the desk's root. */
  root: string | null;
  memberId: number | null;
  /** Whether the desk answered the last time it was asked. */
  online: boolean;
  /** Local edits waiting to reach the desk. */
  queue: number;
  /** The last desk sequence this catalog has read. */
  lastSeq: number;
  /** The desk's own latest sequence, when it answered. */
  deskSeq: number | null;
  members: DeskMemberView[];
  openConflicts: number;
  /** Why the desk did not answer, in plain words. */
  error: string | null;
}

/**
 * What the toolbar's desk indicator shows, known without asking the desk (so looking at it
 * never adds a connection attempt to the reconnect backoff): the sync loop keeps it.
 */
export interface DeskState {
  linked: boolean;
  /** Whether the desk answered the sync loop's last attempt. */
  online: boolean;
  /** Local edits waiting to reach the desk. */
  queue: number;
  /** The last desk sequence this catalog has read. */
  lastSeq: number;
  /** Open desk conflicts as last counted (null: not counted yet in this run). */
  openConflicts: number | null;
  /** Why the desk did not answer the last attempt, in plain words. */
  error: string | null;
}

/** Two editors changed one field from the same starting value: both versions and who wrote each. */
export interface DeskConflictView {
  id: number;
  /** The photo's path under the desk's root, and this member's file (null: not in this catalog). */
  relPath: string;
  path: string | null;
  photoId: number | null;
  field: CaptionField;
  base: FieldValue | null;
  deskValue: FieldValue;
  deskWho: string | null;
  otherValue: FieldValue;
  otherWho: string;
  createdAt: string;
}

/** A colleague who has a photo open in the editor ("Anna is editing the caption"). */
export interface DeskPresenceView {
  name: string;
  relPath: string;
  /** This catalog's photo (null: not in this catalog). */
  photoId: number | null;
  field: CaptionField | null;
}

/** What one push-and-pull did. */
export interface DeskSyncReport {
  pushed: number;
  conflicts: number;
  /** Edits outside the desk's root folder, which stay local. */
  notShared: number;
  applied: number;
  /** Others' edits of photos this catalog does not hold (or holds another picture at). */
  notHere: number;
  lastSeq: number;
  /** Photos of this catalog under the desk's root the desk was told of (new or changed files). */
  photosPublished: number;
  /** Photos others published that this catalog now holds at its own path. */
  photosAdded: number;
  /** Photos a colleague wrote, read again here so no conflict is found where there is none. */
  photosRewritten: number;
  /** Shared house rules (templates, codes, settings) of this member's that reached the desk. */
  settingsPublished: number;
  /** Shared house rules of colleagues' taken into this catalog. */
  settingsApplied: number;
  /** Shared house rules this catalog could not use, each in one line. */
  settingsRefused: string[];
}

export const deskJoinSchema = z.object({
  url: z.string().min(1).max(2000),
  name: z.string().trim().min(1).max(200),
  root: z.string().min(1).max(4096),
});

export const deskSettleSchema = z.object({
  id: z.number().int().positive(),
  /** The chosen or newly written value. */
  value: z.union([z.string().max(2_000_000), z.array(z.string().max(2_000_000)).max(10_000)]),
});

export const deskPresenceSchema = z.object({
  /** The photo open in the editor, or null when none is. */
  photoId: z.number().int().positive().nullable(),
  field: captionFieldSchema.nullable().default(null),
});
