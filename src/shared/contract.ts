/**
 * The one contract between the UI and the services. Every call the renderer may make is
 * declared here once: its `domain:verb` name, a zod schema for its input (checked at the
 * boundary by every transport) and its output type. Electron IPC, the loopback HTTP bridge
 * and the preload are all derived from this object.
 */
import { z } from 'zod';
import type { CallNameOf } from './call-names';
import type { CodeFileProblem, CodeReplacement } from './code-replacements';
import type { CreditDirectory } from './credit/credit-directory';
import {
  type DeskConflictView,
  type DeskPresenceView,
  type DeskState,
  type DeskStatus,
  type DeskSyncReport,
  deskJoinSchema,
  deskPresenceSchema,
  deskSettleSchema,
} from './desk';
import { type DeskSharedView, deskShareSchema, type SharedKind } from './desk-settings';
import {
  type AgreeOutcome,
  type BatchOutcome,
  batchOperationSchema,
  captionFieldSchema,
  type EditOutcome,
  fieldChangesSchema,
  fillModeSchema,
  type HistoryEntry,
  type TemplateInfo,
  type UndoState,
} from './edits';
import {
  type ExportProgress,
  type ExportSummary,
  exportRequestSchema,
  photoSetSchema,
} from './export-options';
import { type FolderListing, folderListRequestSchema } from './folder-listing';
import type {
  ImportProblem,
  ImportProgress,
  ImportSummary,
  PhotoDetail,
  PhotoSummary,
} from './model';
import type { AppNotice } from './notices';
import type { Result } from './result';
import { type Settings, settingsPatchSchema } from './settings';
import {
  type SheetImportOutcome,
  type SheetImportPlan,
  sheetImportRequestSchema,
} from './sheet-import';
import type { ShortcutId } from './shortcuts';
import { templateOptionsSchema } from './template-options';
import {
  type CredentialWarning,
  resolveConflictSchema,
  type WriteConflict,
  type WriteProgress,
  type WriteSummary,
  writeRequestSchema,
} from './write-back';

/**
 * Declares one call: `call<Output>()(inputSchema)`. Curried so that the input type is
 * inferred from the schema while the output type is named.
 */
function call<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output: O } => ({
    input,
    output: undefined as unknown as O,
  });
}

const id = z.number().int().positive();
const path = z.string().min(1, 'A path is required.');

/** A page of the library, as the grid asks for it. */
export interface PhotoPage {
  total: number;
  offset: number;
  items: PhotoSummary[];
  /** A plain message when the query could not be understood as typed (e.g. an unknown field). */
  queryNote: string | null;
}

export interface WatchedFolder {
  path: string;
  active: boolean;
  addedAt: string;
}

export interface CatalogInfo {
  catalogPath: string;
  photoCount: number;
  problemCount: number;
  /** True where a native folder picker exists (Electron); the browser UI shows a path field. */
  canPickFolders: boolean;
}

export interface ImportRunInfo {
  runId: number;
  startedAt: string;
  finishedAt: string | null;
  roots: string[];
  state: 'running' | 'done' | 'cancelled' | 'interrupted';
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** A credit block printed for a set of photos. */
export interface CreditBlockInfo {
  text: string;
  /** The style it is printed in ("ap", or a custom style's name). */
  style: string;
  photoCount: number;
  /** Photos with nothing to credit. */
  uncredited: number;
}

const none = z.object({});
const spelling = z.string().min(1, 'A spelling is required.').max(500);

export const contract = {
  'catalog:info': call<CatalogInfo>()(none),
  'photos:search': call<PhotoPage>()(
    z.object({
      query: z.string().max(2000).default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
    }),
  ),
  'photos:get': call<PhotoDetail>()(z.object({ id })),
  /** Ids of the photos a search shows, in its order (a range of it), for acting on a selection. */
  'photos:ids': call<number[]>()(
    z.object({
      query: z.string().max(2000).default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1_000_000).default(1_000_000),
    }),
  ),
  'import:start': call<{ runId: number }>()(
    z.object({ paths: z.array(path).min(1, 'Choose at least one folder or file.') }),
  ),
  /** Runs an interrupted or cancelled import again; files already stored are skipped fast. */
  'import:resume': call<{ runId: number }>()(z.object({ runId: id })),
  'import:cancel': call<{ cancelled: boolean }>()(z.object({ runId: id })),
  'import:status': call<ImportProgress | null>()(none),
  'import:runs': call<ImportRunInfo[]>()(none),
  'import:problems': call<ImportProblem[]>()(
    z.object({ limit: z.number().int().min(1).max(10000).default(1000) }),
  ),
  /**
   * Renders these photos' thumbnails next (the grid's visible cells), ahead of the rest of
   * an import's queue; answers how many were waiting for one.
   */
  'thumbnails:prioritise': call<{ waiting: number }>()(z.object({ ids: z.array(id).max(1000) })),
  'watch:list': call<WatchedFolder[]>()(none),
  'watch:add': call<WatchedFolder>()(z.object({ path })),
  'watch:remove': call<{ removed: boolean }>()(z.object({ path })),
  'settings:get': call<Settings>()(none),
  /** Changes some settings; a house style must be a built-in style or one of the templates. */
  'settings:set': call<Settings>()(settingsPatchSchema),
  /** Every creator and agency in the catalog, with photo counts and spellings. */
  'credits:directory': call<CreditDirectory>()(none),
  /** Makes one spelling win everywhere: a creator in Creator lists, an agency in Credit Line and Source. */
  'credits:normalize': call<{ changed: number }>()(
    z.object({ kind: z.enum(['creator', 'agency']), from: spelling, to: spelling }),
  ),
  /** The credit block for the photos given (in that order), a search or an import run. */
  'credits:block': call<CreditBlockInfo>()(
    photoSetSchema.extend({ style: z.string().max(64).optional() }),
  ),
  /** Saves the credit block for the photos (a search, an import run) to a text file. */
  'credits:save': call<CreditBlockInfo & { path: string }>()(
    photoSetSchema.extend({
      style: z.string().max(64).optional(),
      out: path,
      /** The person confirmed replacing `out` if it exists (a save dialog, a confirm step). */
      overwrite: z.boolean().optional(),
    }),
  ),
  /**
   * Writes a caption sheet (CSV, XLSX, DOCX, PDF contact sheet, text, HTML) for the photos
   * given in the order shown, a search or an import run; progress as `export:progress`
   * events. An output file that cannot be written is refused before any work, and so is
   * an existing one unless `overwrite` says the person confirmed replacing it; a photo, a
   * sidecar, the catalog or the app's own files are never written.
   */
  'export:sheet': call<ExportSummary>()(exportRequestSchema),
  /** Reads a caption sheet (CSV/XLSX keyed by file name) and says what it would change. */
  'sheet:preview': call<SheetImportPlan>()(sheetImportRequestSchema),
  /** Applies a caption sheet as one undo step; rows that matched no photo are listed. */
  'sheet:apply': call<SheetImportOutcome>()(sheetImportRequestSchema),
  /**
   * Sets fields of one or many photos in the catalog (never in the files), as one undo step.
   * `typing` merges a burst of typing in one field into one step.
   */
  'edits:set': call<EditOutcome>()(
    z.object({
      ids: z.array(id).min(1, 'Select at least one photo.').max(100_000),
      changes: fieldChangesSchema,
      typing: z.boolean().default(false),
    }),
  ),
  /** One operation on one field of many photos: previewed, or applied as one undo step. */
  'edits:batch': call<BatchOutcome>()(
    z.object({
      ids: z.array(id).min(1, 'Select at least one photo.').max(100_000),
      field: captionFieldSchema,
      operation: batchOperationSchema,
      mode: fillModeSchema.default('overwrite'),
      preview: z.boolean().default(false),
    }),
  ),
  /**
   * Makes the copies of fields agree in the photos' files (EXIF, IIM, XMP), as one undo
   * step: the fields named, or every field whose copies disagree. No value changes; the next
   * write puts each field's value into every copy. Photos whose copies agree are left alone.
   */
  'edits:agree': call<AgreeOutcome>()(
    z.object({
      ids: z.array(id).min(1, 'Select at least one photo.').max(100_000),
      fields: z.array(captionFieldSchema).min(1, 'Name at least one field.').max(100).optional(),
    }),
  ),
  'edits:undo': call<EditOutcome | null>()(none),
  'edits:redo': call<EditOutcome | null>()(none),
  'edits:undoState': call<UndoState>()(none),
  /** A photo's recorded changes, newest first. */
  'edits:history': call<HistoryEntry[]>()(
    z.object({ id, limit: z.number().int().min(1).max(10_000).default(500) }),
  ),
  /** Puts back the value a history entry had before (or after) its change. */
  'edits:restore': call<EditOutcome>()(
    z.object({ historyId: id, which: z.enum(['before', 'after']).default('before') }),
  ),
  'templates:list': call<TemplateInfo[]>()(none),
  /**
   * Saves a template (replacing the one of that name) with its per-field choices (applied or
   * not; replace, append or prepend); unknown variables are refused.
   */
  'templates:save': call<TemplateInfo>()(
    z.object({
      name: z.string().trim().min(1, 'Give the template a name.').max(100),
      values: fieldChangesSchema,
      options: templateOptionsSchema.default({}),
    }),
  ),
  'templates:delete': call<{ deleted: boolean }>()(z.object({ name: z.string().min(1) })),
  /** Applies a template to photos in the order given, as one undo step. */
  'templates:apply': call<EditOutcome>()(
    z.object({
      name: z.string().min(1),
      ids: z.array(id).min(1, 'Select at least one photo.').max(100_000),
      mode: fillModeSchema.default('fill-empty'),
      live: z.boolean().default(false),
    }),
  ),
  /** The code-replacement list and its delimiter, for expanding codes as they are typed. */
  'codes:list': call<{ delimiter: string; entries: CodeReplacement[] }>()(none),
  /** Loads a Photo Mechanic code-replacement file (UTF-8, tab-separated). */
  'codes:import': call<{ imported: number; problems: CodeFileProblem[] }>()(
    z.object({ text: z.string().max(20_000_000), replace: z.boolean().default(false) }),
  ),
  'codes:export': call<{ text: string }>()(none),
  'codes:set': call<CodeReplacement>()(
    z.object({
      code: z.string().min(1).max(100),
      replacements: z.array(z.string().max(10_000)).min(1).max(20),
    }),
  ),
  'codes:delete': call<{ deleted: boolean }>()(z.object({ code: z.string().min(1).max(100) })),
  /** Values of a field already used in the catalog that match what was typed, most used first. */
  'fields:suggest': call<string[]>()(
    z.object({
      field: captionFieldSchema,
      prefix: z.string().max(200),
      limit: z.number().int().min(1).max(50).default(8),
    }),
  ),
  /**
   * Writes the catalog's fields into the files of the photos given and/or of every photo
   * with unwritten changes, in the background (progress as `write:progress` events).
   */
  'write:start': call<{ batchId: number; queued: number }>()(writeRequestSchema),
  /**
   * What a write of these photos would do that the user must hear first, per file: the files
   * whose Content Credentials it would break (the app asks before writing them).
   */
  'write:preview': call<{ credentials: CredentialWarning[] }>()(writeRequestSchema),
  /** Stops the running write after the files in hand; the others keep their changes unwritten. */
  'write:cancel': call<{ cancelled: boolean }>()(none),
  /** Photos with unwritten changes, conflicts waiting, the queue, and the running batch. */
  'write:overview': call<{
    unwritten: number;
    conflicts: number;
    queued: number;
    running: WriteProgress | null;
    /** Photos to be written whose files' Content Credentials the write would break. */
    credentials: CredentialWarning[];
  }>()(none),
  /** Photos not written because their files changed elsewhere, field by field. */
  'write:conflicts': call<WriteConflict[]>()(
    z.object({ limit: z.number().int().min(1).max(100_000).default(1000) }),
  ),
  /** Settles a conflict (keep Cutline's values, take the file's, or per field) and writes. */
  'write:resolve': call<{ written: boolean; queued: boolean }>()(resolveConflictSchema),
  /** Notices of this run not yet dismissed (a damaged catalog moved aside, background errors). */
  /** This catalog's desk link, its members and the number of open conflicts. */
  'desk:status': call<DeskStatus>()(none),
  /** The indicator's view: online, queue and last sequence, without asking the desk. */
  'desk:state': call<DeskState>()(none),
  /** Joins a desk (the address is kept without its password) and keeps in step with it. */
  'desk:join': call<DeskStatus>()(deskJoinSchema),
  'desk:leave': call<DeskStatus>()(none),
  /** The desk's open conflicts: both versions of a field and who wrote each. */
  'desk:conflicts': call<DeskConflictView[]>()(none),
  /** Settles a desk conflict with the value chosen, for every member. */
  'desk:settle': call<DeskSyncReport>()(deskSettleSchema),
  /** Tells the desk which photo and field this editor has open (null photo: none). */
  'desk:here': call<{ told: boolean }>()(deskPresenceSchema),
  /** Colleagues who have photos open now ("Anna is editing the caption"). */
  'desk:presence': call<DeskPresenceView[]>()(none),
  /** The house rules the desk shares (templates, codes, style …), who changed each, when. */
  'desk:shared': call<DeskSharedView>()(none),
  /** Makes kinds of house rules the desk's, publishing this member's entries of them. */
  'desk:share': call<DeskSyncReport>()(deskShareSchema),
  /** Stops sharing kinds of house rules; every member keeps what it has. */
  'desk:unshare': call<DeskSharedView>()(deskShareSchema),
  'app:notices': call<AppNotice[]>()(none),
  'app:dismissNotice': call<{ dismissed: boolean }>()(z.object({ id })),
  /**
   * The folder browser of the browser UI: the sub-folders of a folder in the home folder or
   * in a folder the catalog knows (names and photo counts only), or the places to start from
   * when no path is given. 'unsupported' where a native folder picker exists (Electron).
   */
  'folders:list': call<FolderListing>()(folderListRequestSchema),
  /** Native folder picker; answers 'unsupported' where there is none (the browser bridge). */
  'dialog:pickFolders': call<string[]>()(none),
  /**
   * Native save dialog for a file to write (an export); the folder chosen becomes one the
   * app may write in. Null when cancelled; 'unsupported' where there is none (the bridge,
   * whose UI offers a path field instead).
   */
  'dialog:saveFile': call<string | null>()(
    z.object({
      title: z.string().max(200).default('Save'),
      defaultName: z.string().max(255).default(''),
      extensions: z
        .array(z.string().regex(/^[a-z0-9]{1,5}$/))
        .max(10)
        .default([]),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;

/** Compile-time check: call-names.ts lists exactly the contract's calls (add new ones there). */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callNamesMatch: SameNames<CallName, CallNameOf> = true;
void callNamesMatch;
/** What a caller passes (defaults may be left out). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives (defaults filled in, validated). */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];

/** Events the services push to every window. */
export interface EventMap {
  'import:progress': ImportProgress;
  'import:finished': ImportSummary;
  'library:changed': { reason: 'import' | 'watch' | 'edit' };
  /** Field values changed (edits, undo, templates): the same photos, other values. */
  'photos:changed': { ids: number[] };
  'write:progress': WriteProgress;
  'write:finished': WriteSummary;
  'export:progress': ExportProgress;
  /** A command chosen in the application menu (Electron only): run it as its shortcut. */
  'menu:command': { id: ShortcutId };
  /** Something the user must be told now (see src/shared/notices.ts). */
  'app:notice': AppNotice;
  /**
   * House rules shared by the desk were taken into this catalog (templates, codes, the
   * credit style …): what shows them is to load them again.
   */
  'desk:rules': { kinds: SharedKind[] };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = [
  'import:progress',
  'import:finished',
  'library:changed',
  'photos:changed',
  'write:progress',
  'write:finished',
  'export:progress',
  'menu:command',
  'desk:rules',
  'app:notice',
];

/** The handlers a transport binds: one per call, returning a Result. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => Promise<Result<CallOutput<K>>>;
};

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;

/**
 * The API as the renderer sees it on `window.cutline`: grouped by domain
 * (`cutline.photos.search({query})`), every call answering a Result, plus `on` for events.
 */
export type CutlineApi = {
  [D in DomainOf<CallName>]: {
    [K in CallName as K extends `${D}:${infer V}` ? V : never]: (
      input: CallInput<K>,
    ) => Promise<Result<CallOutput<K>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

/** True when `name` is a call of the contract (transports check this before dispatching). */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
