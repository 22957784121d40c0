/**
 * Binds the contract (src/shared/contract.ts) to the services, once, for every transport:
 * Electron IPC, the loopback HTTP bridge and tests call `dispatch` with a call name and an
 * untrusted input, and get a Result back. No transport has logic of its own.
 */
import {
  type CallName,
  type CallOutput,
  contract,
  type Handlers,
  isCallName,
  type ParsedInput,
} from '../shared/contract';
import type { EditOutcome } from '../shared/edits';
import { CutlineError, fail, ok, type Result } from '../shared/result';
import { listProblems, listRuns } from './catalog/import-runs-repo';
import { knownFolders } from './catalog/known-folders-repo';
import { reportError } from './logging/error-sink';
import { FolderAccess } from './security/folder-access';
import { guardCallPaths } from './security/path-guard';
import { batchEdit } from './services/batch-edit';
import {
  codeList,
  exportCodeFile,
  importCodeFile,
  removeCodeReplacement,
  setCodeReplacement,
} from './services/code-replacements';
import { saveCreditBlock } from './services/credit-block-file';
import { creditBlockFor, creditDirectory, normalizeCreditSpelling } from './services/credits';
import type { CutlineServices } from './services/cutline-services';
import { exportCaptionSheet } from './services/export-sheet';
import { failureMessage, isCatalogFailure } from './services/failure-message';
import { browseFolders } from './services/folder-browser';
import { catalogInfo, getPhoto, photoIds, searchLibrary } from './services/library';
import { getSettings, updateSettings } from './services/settings';
import { applySheetImport, previewSheetImport } from './services/sheet-import';

/** What only the host can do (a native folder picker); absent in the browser bridge. */
export interface HostAbilities {
  pickFolders?: () => Promise<string[]>;
  saveFile?: (options: ParsedInput<'dialog:saveFile'>) => Promise<string | null>;
  /**
   * The folders the user chose through the host (picker, drop, command line). Every path a
   * call names must lie in one of them or in a folder the catalog knows. Without one (the
   * browser bridge, tests) a typed path is itself the user's choice.
   */
  folderAccess?: FolderAccess;
}

type Implementation = {
  [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

/** The service behind each call. The compiler checks that every call has one. */
export function createHandlers(services: CutlineServices, host: HostAbilities = {}): Handlers {
  const {
    db,
    desk,
    editor,
    events,
    importer,
    suggestions,
    templates,
    thumbnails,
    watcher,
    writer,
  } = services;
  /** Tells every window which photos an edit changed, when it changed any. */
  const edited = <T extends EditOutcome | null>(outcome: T): T => {
    if (outcome && outcome.changes > 0) events.emit('photos:changed', { ids: outcome.photoIds });
    return outcome;
  };
  const implementation: Implementation = {
    'catalog:info': () => catalogInfo(db, host.pickFolders !== undefined),
    'photos:search': (input) => searchLibrary(db, input),
    'photos:get': ({ id }) => getPhoto(db, id),
    'photos:ids': (input) => photoIds(db, input),
    'import:start': async ({ paths }) => ({ runId: (await importer.start(paths)).runId }),
    'import:resume': async ({ runId }) => ({ runId: (await importer.resume(runId)).runId }),
    'import:cancel': ({ runId }) => ({ cancelled: importer.cancel(runId) }),
    'import:status': () => importer.status(),
    'import:runs': () => listRuns(db),
    'import:problems': ({ limit }) => listProblems(db, limit),
    'thumbnails:prioritise': ({ ids }) => ({ waiting: thumbnails.prioritise(ids) }),
    'watch:list': () => watcher.list(),
    'watch:add': ({ path }) => watcher.add(path),
    'watch:remove': async ({ path }) => ({ removed: await watcher.remove(path) }),
    'settings:get': () => getSettings(db),
    'settings:set': (patch) => updateSettings(db, patch),
    'credits:directory': () => creditDirectory(db),
    'credits:normalize': (request) => {
      const outcome = edited(normalizeCreditSpelling(db, editor, request));
      return { changed: outcome.photos };
    },
    'credits:block': (request) => creditBlockFor(db, request),
    'credits:save': (request) => saveCreditBlock(db, request),
    'export:sheet': (request) => exportCaptionSheet(db, events, request),
    'sheet:preview': (request) => previewSheetImport(db, request),
    'sheet:apply': async (request) => {
      const outcome = await applySheetImport(db, editor, request);
      if (outcome.applied) edited(outcome.applied);
      return outcome;
    },
    'edits:set': ({ ids, changes, typing }) => edited(editor.setFields(ids, changes, { typing })),
    'edits:batch': (request) => {
      const result = batchEdit(db, editor, request);
      edited(result.outcome);
      return result;
    },
    'edits:agree': ({ ids, fields }) => edited(editor.makeCopiesAgree(ids, fields)),
    'edits:undo': () => edited(editor.undo()),
    'edits:redo': () => edited(editor.redo()),
    'edits:undoState': () => editor.undoState(),
    'edits:history': ({ id, limit }) => editor.history(id, limit),
    'edits:restore': ({ historyId, which }) => edited(editor.restore(historyId, which)),
    'templates:list': () => templates.list(),
    'templates:save': ({ name, values, options }) => templates.save(name, values, options),
    'templates:delete': ({ name }) => ({ deleted: templates.delete(name) }),
    'templates:apply': (request) => edited(templates.apply(request)),
    'codes:list': () => codeList(db),
    'codes:import': ({ text, replace }) => importCodeFile(db, text, replace),
    'codes:export': () => ({ text: exportCodeFile(db) }),
    'codes:set': (entry) => setCodeReplacement(db, entry),
    'codes:delete': ({ code }) => ({ deleted: removeCodeReplacement(db, code) }),
    'fields:suggest': ({ field, prefix, limit }) => suggestions.suggest(field, prefix, limit),
    'write:start': (request) => writer.start(request),
    'write:preview': (request) => ({ credentials: writer.credentialWarnings(request) }),
    'write:cancel': () => ({ cancelled: writer.cancel() }),
    'write:overview': () => writer.overview(),
    'write:conflicts': ({ limit }) => writer.conflicts(limit),
    'write:resolve': ({ photoId, choice }) => writer.resolve(photoId, choice),
    'desk:status': () => desk.status(),
    'desk:state': async () => desk.state(),
    'desk:join': async ({ url, name, root }) => {
      const status = await desk.join(url, name, root);
      // The app and `cutline serve` are long-running: from now on they keep in step.
      desk.start();
      return status;
    },
    'desk:leave': () => desk.leave(),
    'desk:conflicts': () => desk.conflicts(),
    'desk:settle': ({ id, value }) => desk.settle(id, value),
    'desk:here': async ({ photoId, field }) => {
      // A member not on a desk has no one to tell; that is not an error.
      if (!desk.linked()) return { told: false };
      await desk.setPresence(photoId, field);
      return { told: true };
    },
    'desk:presence': async () => (desk.linked() ? desk.presence() : []),
    'desk:shared': () => desk.shared(),
    'desk:share': ({ kinds }) => desk.share(kinds),
    'desk:unshare': ({ kinds }) => desk.unshare(kinds),
    'app:notices': () => services.notices.list(),
    'app:dismissNotice': ({ id }) => ({ dismissed: services.notices.dismiss(id) }),
    'folders:list': (input) => {
      // Where the system's picker exists, the page never learns the home folder's names.
      if (host.pickFolders) {
        throw new CutlineError('unsupported', 'Folders are chosen with the system dialog here.');
      }
      return browseFolders(db, input);
    },
    'dialog:pickFolders': () => {
      if (!host.pickFolders) {
        throw new CutlineError('unsupported', 'There is no folder picker here; type the path.');
      }
      return host.pickFolders();
    },
    'dialog:saveFile': (options) => {
      if (!host.saveFile) {
        throw new CutlineError('unsupported', 'There is no save dialog here; type the path.');
      }
      return host.saveFile(options);
    },
  };
  const handlers = {} as Record<CallName, (input: unknown) => Promise<Result<unknown>>>;
  const folderAccess = host.folderAccess ?? new FolderAccess(true);
  for (const name of Object.keys(implementation) as CallName[]) {
    const run = implementation[name] as (input: unknown) => unknown;
    handlers[name] = async (input) => {
      try {
        // Every file-taking call: its paths must be in folders the user chose or imported.
        guardCallPaths(name, input as never, folderAccess, () => knownFolders(db));
        return ok(await run(input));
      } catch (error) {
        return toFailure(name, error);
      }
    };
  }
  return handlers as Handlers;
}

/** Validates an untrusted input against the contract and runs the call. */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('not-found', `Unknown call "${name}".`);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return fail('invalid-input', `${where}${issue?.message ?? 'invalid input'}`);
  }
  const handler = handlers[name] as (input: unknown) => Promise<Result<unknown>>;
  return handler(parsed.data);
}

function toFailure(name: CallName, error: unknown): Result<never> {
  if (error instanceof CutlineError) return fail(error.code, error.message);
  // A full disk, a read-only catalog, an I/O error: said in plain words, not as a failed call.
  if (isCatalogFailure(error)) return fail('io', failureMessage(error));
  // Unexpected failures are logged with their stack (the app's log file), and cross as a
  // plain message that the window shows; so no notice as well.
  reportError(`the call ${name}`, error, { notify: false });
  const message = error instanceof Error ? error.message : String(error);
  return fail('internal', `${name} failed: ${message}`);
}
