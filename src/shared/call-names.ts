/**
 * The names of the contract's calls, as plain strings. The preload and the renderer's client
 * build `window.cutline` from this list alone, so they need not load zod and the schemas
 * (the preload's bundle was nine tenths zod, which it never used). contract.ts checks at
 * compile time that this list and the contract name the same calls.
 */
export const CALL_NAMES = [
  'catalog:info',
  'photos:search',
  'photos:get',
  'photos:ids',
  'import:start',
  'import:resume',
  'import:cancel',
  'import:status',
  'import:runs',
  'import:problems',
  'watch:list',
  'watch:add',
  'watch:remove',
  'settings:get',
  'settings:set',
  'credits:directory',
  'credits:normalize',
  'credits:block',
  'credits:save',
  'export:sheet',
  'sheet:preview',
  'sheet:apply',
  'edits:set',
  'edits:batch',
  'edits:undo',
  'edits:redo',
  'edits:undoState',
  'edits:history',
  'edits:restore',
  'templates:list',
  'templates:save',
  'templates:delete',
  'templates:apply',
  'codes:list',
  'codes:import',
  'codes:export',
  'codes:set',
  'codes:delete',
  'fields:suggest',
  'write:start',
  'write:cancel',
  'write:overview',
  'write:conflicts',
  'write:resolve',
  'app:notices',
  'app:dismissNotice',
  'dialog:pickFolders',
  'dialog:saveFile',
] as const;

/** A call's `domain:verb` name. */
export type CallNameOf = (typeof CALL_NAMES)[number];
